//! Sending queued statements to the LRS: `POST {endpoint}/statements` in
//! batches, with the `X-Experience-API-Version` header and basic auth.
//! A statement is marked sent only after the LRS accepted it, and sent ones
//! are never selected again; one the LRS already holds (HTTP 409 for its id)
//! counts as sent. A failure stops the run and is recorded, so the caller
//! (the desktop's background task, or the CLI) can retry with [`backoff`].
//!
//! HTTP is `ureq`: small, blocking (our SQLite store is blocking anyway; the
//! desktop runs this on tokio's blocking pool) and TLS through rustls with
//! bundled web PKI roots, so HTTPS works the same on every desktop without
//! OpenSSL.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::Utc;
use qunxue_store::{xapi as outbox, Store};

use super::lrs::Lrs;
use super::settings::check_endpoint;
use crate::msg;
use crate::AppError;

/// Where to send and as whom.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The LRS's xAPI root, e.g. `https://lrs.example.com/xAPI`.
    pub endpoint: String,
    /// User name for HTTP basic authentication.
    pub username: String,
    /// The password, from [`crate::secrets::Secrets`]; never printed, not even by `Debug`.
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    // Never print the password, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("endpoint", &self.endpoint).field("username", &self.username).finish()
    }
}

impl Credentials {
    /// The stored settings, or `None` while no endpoint is configured.
    pub fn stored(store: &Store, secrets: &crate::secrets::Secrets) -> crate::Result<Option<Self>> {
        let config = outbox::config(store.conn())?;
        if config.endpoint.is_empty() {
            return Ok(None);
        }
        let password = secrets.get(super::settings::LRS_PASSWORD)?.unwrap_or_default();
        Ok(Some(Credentials { endpoint: config.endpoint, username: config.username, password }))
    }
}

/// How a sync run batches statements and how long it waits for the LRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncOptions {
    /// Statements per POST.
    pub batch_size: usize,
    /// Per request, connect to last byte.
    pub timeout: Duration,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self { batch_size: 100, timeout: Duration::from_secs(30) }
    }
}

/// How far a run got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// Statements the LRS accepted in this run.
    pub sent: usize,
    /// POST requests made in this run.
    pub batches: usize,
    /// Still waiting when the report was taken.
    pub pending: i64,
    /// In company mode, the marks taken in after sending (`None`: marks
    /// arrive by grades bundle here).
    pub marks_applied: Option<usize>,
}

/// Why a sync or pull with the LRS stopped; the run is recorded and can be retried.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No LRS endpoint is set, so there is nowhere to send.
    #[error("学习记录服务器未设置 / no LRS endpoint is configured")]
    NotConfigured,
    /// The LRS could not be reached (network, TLS or timeout).
    #[error("无法连接学习记录服务器 {url} / cannot reach the LRS: {reason}")]
    Unreachable {
        /// The URL requested.
        url: String,
        /// What the HTTP client reported.
        reason: String,
    },
    /// The LRS answered but refused the request, or sent something unreadable.
    #[error("学习记录服务器拒绝了记录 / the LRS at {url} refused the statements (HTTP {status}): {body}")]
    Refused {
        /// The URL requested.
        url: String,
        /// The HTTP status code of the answer.
        status: u16,
        /// The start of the answer's body (at most 500 characters), or why it could not be read.
        body: String,
    },
    /// An error of the app or its database while reading or recording statements.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<qunxue_store::StoreError> for SyncError {
    fn from(error: qunxue_store::StoreError) -> Self {
        SyncError::App(error.into())
    }
}

/// One run at a time per process: the background task and "sync now" must
/// not both pick the same pending batch and send it twice.
static RUNNING: Mutex<()> = Mutex::new(());

/// Sends every pending statement, batch by batch, until none is left or a
/// batch fails. `after_batch` sees the running report after each accepted
/// batch. The store is locked only around database work, never during HTTP.
pub fn sync_now(
    store: &Mutex<Store>,
    credentials: &Credentials,
    options: &SyncOptions,
    mut after_batch: impl FnMut(&SyncReport),
) -> Result<SyncReport, SyncError> {
    let _running = RUNNING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let endpoint = check_endpoint(&credentials.endpoint)?;
    if endpoint.is_empty() {
        return Err(SyncError::NotConfigured);
    }
    let lrs = Lrs::new(&endpoint, credentials, options.timeout);
    let mut report = SyncReport::default();
    loop {
        let batch = outbox::pending(locked(store)?.conn(), options.batch_size.max(1))?;
        if batch.is_empty() {
            let mut guard = locked(store)?;
            // "Last success" means the LRS took statements, not an idle check.
            if report.batches > 0 {
                guard.transact(|tx| outbox::record_success(tx, &now()))?;
            }
            report.pending = outbox::counts(guard.conn())?.pending;
            return Ok(report);
        }
        let ids: Vec<String> = batch.iter().map(|p| p.id.clone()).collect();
        let body = format!("[{}]", batch.iter().map(|p| p.statement.as_str()).collect::<Vec<_>>().join(","));
        let (accepted, failure) = match lrs.post(&body) {
            Ok(status) if is_success(status) => (ids, None),
            // Some statement of the batch is already there with other content:
            // send one by one so the rest still go, and count that one as sent.
            // A server error on a batch is retried the same way once, because
            // some LRS backends (Ralph's fs one) fail a batch that mixes new
            // statements with ones they already hold; if the LRS is really
            // broken, the first single statement fails and the run stops.
            Ok(status) if status == 409 || (status >= 500 && batch.len() > 1) => one_by_one(&lrs, &batch),
            Ok(status) => (Vec::new(), Some(lrs.refused(status))),
            Err(error) => (Vec::new(), Some(error)),
        };
        let mut guard = locked(store)?;
        let sent = guard.transact(|tx| outbox::mark_sent(tx, &accepted, &now()))?;
        report.sent += sent;
        report.pending = outbox::counts(guard.conn())?.pending;
        if let Some(error) = failure {
            let message = error.to_string();
            let failed: Vec<String> = batch.iter().map(|p| p.id.clone()).filter(|id| !accepted.contains(id)).collect();
            guard.transact(|tx| {
                outbox::record_failure(tx, &failed, &message)?;
                outbox::record_error(tx, &message, &now())
            })?;
            return Err(error);
        }
        report.batches += 1;
        drop(guard);
        after_batch(&report);
    }
}

/// Sends the statements of a batch one at a time, stopping at the first
/// failure; returns the ids the LRS accepted or already held, and the failure.
fn one_by_one(lrs: &Lrs, batch: &[outbox::Pending]) -> (Vec<String>, Option<SyncError>) {
    let mut accepted = Vec::with_capacity(batch.len());
    for pending in batch {
        match lrs.post(&format!("[{}]", pending.statement)) {
            Ok(status) if is_success(status) || status == 409 => accepted.push(pending.id.clone()),
            Ok(status) => return (accepted, Some(lrs.refused(status))),
            Err(error) => return (accepted, Some(error)),
        }
    }
    (accepted, None)
}

/// Wait before retry number `failures` (1 = after the first failure):
/// 5 s doubling up to 15 min, so a desktop that is offline for days neither
/// hammers the network nor waits long once it is back.
pub fn backoff(failures: u32) -> Duration {
    const FIRST: u64 = 5;
    const MAX: u64 = 15 * 60;
    let doublings = failures.saturating_sub(1).min(20);
    Duration::from_secs(FIRST.saturating_mul(1 << doublings).min(MAX))
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

fn now() -> String {
    qunxue_store::time::stamp(Utc::now())
}

pub(super) fn locked(store: &Mutex<Store>) -> Result<MutexGuard<'_, Store>, SyncError> {
    store.lock().map_err(|_| {
        SyncError::App(AppError::Internal(msg!("the database lock was poisoned", "数据库锁因先前的一次故障而失效")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_five_seconds_and_stops_at_fifteen_minutes() {
        let waits: Vec<u64> = (1..=10).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 320, 640, 900, 900]);
        assert_eq!(backoff(0).as_secs(), 5);
        assert_eq!(backoff(u32::MAX).as_secs(), 900);
    }

    #[test]
    fn credentials_never_show_the_password_in_debug_output() {
        let c = Credentials { endpoint: "https://lrs/xAPI".into(), username: "u".into(), password: "s3cret".into() };
        assert!(!format!("{c:?}").contains("s3cret"));
    }
}
