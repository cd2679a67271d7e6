//! xAPI: the LRS settings, sending queued statements, reading a class back
//! from the LRS, and exporting statements.

use std::path::Path;

use crate::session::{Action, Session};
use crate::xapi::{self, Credentials, PullOptions, PullSummary, SettingsInput, SyncError, SyncOptions, SyncReport, XapiSettings, XapiStatus};
use crate::{AppError, Result};

impl Session {
    pub fn xapi_status(&self) -> Result<XapiStatus> {
        let a = self.authorise(Action::ReadXapiStatus)?;
        xapi::status(&a.store)
    }

    pub fn xapi_settings(&self) -> Result<XapiSettings> {
        let a = self.authorise(Action::ReadXapiStatus)?;
        xapi::settings(&a.store)
    }

    pub fn xapi_save_settings(&self, input: &SettingsInput) -> Result<XapiSettings> {
        let mut a = self.authorise(Action::ConfigureXapi)?;
        xapi::save_settings(&mut a.store, &a.caller.profile_id, input)
    }

    /// The LRS configured on this machine, if any.
    pub fn xapi_stored_credentials(&self) -> Result<Option<Credentials>> {
        let a = self.authorise(Action::SyncXapi)?;
        Credentials::stored(&a.store)
    }

    /// Sends the queued statements to the LRS (`credentials`, or the one
    /// configured here). The store is locked per batch, not for the whole
    /// run, so the app stays usable while it sends.
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
        drop(self.authorise(Action::SyncXapi)?);
        xapi::sync_now(&self.store, &credentials, options, progress)
    }

    /// The background sync's one run: nothing to do without an LRS or
    /// without pending statements.
    pub fn xapi_sync_if_pending(&self) -> std::result::Result<(), SyncError> {
        // On the recovery screen there is no database to send from.
        if self.recovery().is_some() {
            return Ok(());
        }
        let credentials = {
            let a = self.authorise_in_background(Action::SyncXapi)?;
            if xapi::status(&a.store)?.pending == 0 {
                return Ok(());
            }
            Credentials::stored(&a.store)?
        };
        match credentials {
            Some(credentials) => xapi::sync_now(&self.store, &credentials, &SyncOptions::default(), |_| {}).map(drop),
            None => Ok(()),
        }
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
                None => Credentials::stored(&a.store)?.ok_or(SyncError::NotConfigured)?,
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

impl From<SyncError> for AppError {
    fn from(error: SyncError) -> Self {
        match error {
            SyncError::App(error) => error,
            // Not reaching or being refused by the LRS is the user's to fix
            // (address, account, network), so it is reported with the reason.
            other => AppError::Rejected(other.to_string()),
        }
    }
}
