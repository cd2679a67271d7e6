//! xAPI: the LRS settings, sending queued statements, reading a class back
//! from the LRS, and exporting statements.

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::msg;
use crate::secrets::Secrets;
use crate::session::{Action, Session};
use crate::xapi::{
    self, Credentials, MarksArriveBy, MarksPull, PullOptions, PullSummary, SettingsInput, SyncError, SyncOptions,
    SyncReport, XapiSettings, XapiStatus,
};
use crate::{AppError, Result};

impl Session {
    /// The outbox and the last sync, for the LRS status line (instructors and admins).
    pub fn xapi_status(&self) -> Result<XapiStatus> {
        let a = self.authorise(Action::ReadXapiStatus)?;
        xapi::status(&a.store)
    }

    /// The LRS connection settings without the password (instructors and admins).
    pub fn xapi_settings(&self) -> Result<XapiSettings> {
        let a = self.authorise(Action::ReadXapiStatus)?;
        let secrets = Secrets::of(&a.store, a.data_dir)?;
        xapi::settings(&a.store, &secrets)
    }

    /// Saves the LRS connection settings (admins only: they decide where learning records go).
    pub fn xapi_save_settings(&self, input: &SettingsInput) -> Result<XapiSettings> {
        let mut a = self.authorise(Action::ConfigureXapi)?;
        let mut secrets = Secrets::of(&a.store, a.data_dir)?;
        xapi::save_settings(&mut a.store, &mut secrets, &a.caller.profile_id, input)
    }

    /// The LRS configured on this machine, if any.
    pub fn xapi_stored_credentials(&self) -> Result<Option<Credentials>> {
        let a = self.authorise(Action::SyncXapi)?;
        let secrets = Secrets::of(&a.store, a.data_dir)?;
        Credentials::stored(&a.store, &secrets)
    }

    /// Sends the queued statements to the LRS (`credentials`, or the one
    /// configured here), then, in company mode, takes in the marks released
    /// about this machine's profiles. The store is locked per batch, not for
    /// the whole run, so the app stays usable while it sends.
    pub fn xapi_sync(
        &self,
        credentials: Option<Credentials>,
        options: &SyncOptions,
        progress: impl FnMut(&SyncReport),
    ) -> std::result::Result<SyncReport, SyncError> {
        let credentials = match credentials {
            Some(credentials) => credentials,
            None => self.xapi_stored_credentials()?.ok_or(SyncError::NotConfigured)?,
        };
        let mode = MarksArriveBy::configured(self.authorise(Action::SyncXapi)?.store.conn())?;
        let mut report = xapi::sync_now(&self.store, &credentials, options, progress)?;
        if mode == MarksArriveBy::Lrs {
            report.marks_applied = Some(xapi::pull_marks(&self.store, &credentials, &PullOptions::default())?.applied);
        }
        Ok(report)
    }

    /// Reads the statements about this machine's profiles from the LRS and,
    /// in company mode, takes in the marks they carry (see [`xapi::marks`]).
    pub fn xapi_pull_marks(
        &self,
        credentials: Option<Credentials>,
        options: &PullOptions,
    ) -> std::result::Result<MarksPull, SyncError> {
        let credentials = match credentials {
            Some(credentials) => credentials,
            None => self.xapi_stored_credentials()?.ok_or(SyncError::NotConfigured)?,
        };
        drop(self.authorise(Action::SyncXapi)?);
        xapi::pull_marks(&self.store, &credentials, options)
    }

    /// The background task's one run: sends pending statements, and in
    /// company mode looks for new marks. Nothing to do without an LRS.
    pub fn xapi_background_run(&self) -> std::result::Result<(), SyncError> {
        // On the recovery screen there is no database to send from.
        if self.recovery().is_some() {
            return Ok(());
        }
        let (credentials, pending, mode) = {
            let a = self.authorise_in_background(Action::SyncXapi)?;
            let secrets = Secrets::of(&a.store, a.data_dir)?;
            (
                Credentials::stored(&a.store, &secrets)?,
                xapi::status(&a.store)?.pending,
                MarksArriveBy::configured(a.store.conn())?,
            )
        };
        let Some(credentials) = credentials else { return Ok(()) };
        if pending > 0 {
            xapi::sync_now(&self.store, &credentials, &SyncOptions::default(), |_| {})?;
        }
        if mode == MarksArriveBy::Lrs && marks_are_due() {
            xapi::pull_marks(&self.store, &credentials, &PullOptions::default())?;
        }
        Ok(())
    }

    /// Reads a course's statements back from the LRS (`credentials`, or the
    /// one configured here) and merges every learner's records (instructors
    /// and admins). The store is locked per page, not for the whole run.
    pub fn pull_class(
        &self,
        course_id: &str,
        credentials: Option<Credentials>,
        options: &PullOptions,
        progress: impl FnMut(usize),
    ) -> std::result::Result<PullSummary, SyncError> {
        let credentials = {
            let a = self.authorise(Action::ImportRecords)?;
            match credentials {
                Some(credentials) => credentials,
                None => {
                    let secrets = Secrets::of(&a.store, a.data_dir)?;
                    Credentials::stored(&a.store, &secrets)?.ok_or(SyncError::NotConfigured)?
                }
            }
        };
        xapi::pull_course(&self.store, &credentials, course_id, options, progress)
    }

    /// Writes every recorded statement to a JSON Lines file.
    pub fn xapi_export(&self, out: &Path) -> Result<usize> {
        let a = self.authorise(Action::ExportXapi)?;
        xapi::export_statements(&a.store, out)
    }
}

/// The background task runs every minute; asking the LRS about every
/// profile that often would load a company's LRS for nothing (marks come
/// in hours, not seconds), so it looks for marks every quarter hour. "Sync
/// now" always looks.
const MARKS_EVERY: Duration = Duration::from_secs(15 * 60);

fn marks_are_due() -> bool {
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let due = last.is_none_or(|at| at.elapsed() >= MARKS_EVERY);
    if due {
        *last = Some(Instant::now());
    }
    due
}

impl From<SyncError> for AppError {
    fn from(error: SyncError) -> Self {
        match error {
            SyncError::App(error) => error,
            // Not reaching or being refused by the LRS is the user's to fix
            // (address, account, network), so it is reported with the reason.
            SyncError::NotConfigured => {
                AppError::Rejected(msg!("no LRS endpoint is configured", "学习记录服务器未设置"))
            }
            SyncError::Unreachable { url, reason } => AppError::Rejected(msg!(
                "cannot reach the LRS at {url}: {reason}",
                "无法连接学习记录服务器 {url}：{reason}"
            )),
            SyncError::Refused { url, status, body } => AppError::Rejected(msg!(
                "the LRS at {url} refused the statements (HTTP {status}): {body}",
                "学习记录服务器 {url} 拒绝了记录（HTTP {status}）：{body}"
            )),
        }
    }
}
