//! What went wrong on this machine while nobody was looking — the automatic
//! backup, the sync with the company's LRS, the database's start-up check —
//! kept so the window can show it to the person at the machine (a banner)
//! instead of a line on a console nobody reads.
//!
//! Who sees what is decided here, not by the window: instructors and admins
//! get the error and when the next try is due, since they can act on it; a
//! learner learns only that their records are waiting to be sent, never the
//! LRS's address or its replies.

use crate::Message;
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// The background troubles of one running app.
#[derive(Debug, Default)]
pub struct Board {
    state: Mutex<Troubles>,
}

#[derive(Debug, Default, Clone)]
struct Troubles {
    backup: Option<BackupFailure>,
    sync: Option<SyncFailure>,
}

#[derive(Debug, Clone)]
struct BackupFailure {
    error: Message,
    at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
struct SyncFailure {
    error: Message,
    since: DateTime<Utc>,
    attempts: u32,
    next_try_at: DateTime<Utc>,
}

/// The problems to show, as the caller may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthReport {
    /// The problems to show in the banner, most serious first (database, backup, sync); empty when all is well.
    pub problems: Vec<Problem>,
}

/// One problem. `detail` is the error itself, for those who look after the
/// machine; `None` for a learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Problem {
    /// The automatic (or last manual) backup failed: the work since the last
    /// good backup has no copy.
    Backup {
        /// When the backup failed (RFC 3339 UTC, whole seconds).
        at: String,
        /// The backup's error, for instructors and admins; `None` for a learner.
        detail: Option<String>,
        /// The same in Chinese.
        detail_zh: Option<String>,
    },
    /// Records wait to be sent to the company's LRS, which failed `attempts`
    /// times in a row since `since`; the app tries again at `next_try_at`.
    Sync {
        /// Statements waiting in the outbox to be sent.
        pending: i64,
        /// When the first failed run in a row happened (RFC 3339 UTC, whole seconds).
        since: String,
        /// Failed runs in a row.
        attempts: u32,
        /// When the app tries again (RFC 3339 UTC), for instructors and admins; `None` for a learner.
        next_try_at: Option<String>,
        /// The LRS's error, for instructors and admins; `None` for a learner.
        detail: Option<String>,
        /// The same in Chinese.
        detail_zh: Option<String>,
    },
    /// The database failed its start-up check; the recovery screen restores a backup.
    Database {
        /// What the start-up check found (SQLite's own words), for instructors and admins; `None` for a learner.
        detail: Option<String>,
        /// The same text: SQLite's words are not translated.
        detail_zh: Option<String>,
    },
}

impl Board {
    fn troubles(&self) -> std::sync::MutexGuard<'_, Troubles> {
        // A Troubles is replaced whole, never left half-written.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records that a backup failed at `at`, with its error; the banner shows it until one succeeds.
    pub fn backup_failed(&self, error: &Message, at: DateTime<Utc>) {
        log::error!("backup failed: {}", error.en);
        self.troubles().backup = Some(BackupFailure { error: error.clone(), at });
    }

    /// Forgets the last backup failure: there is a good copy again.
    pub fn backup_succeeded(&self) {
        self.troubles().backup = None;
    }

    /// A failed run of the background sync: the `attempts`-th in a row.
    pub fn sync_failed(&self, error: &Message, attempts: u32, at: DateTime<Utc>, next_try_at: DateTime<Utc>) {
        log::warn!("LRS sync failed (attempt {attempts}, next at {}): {}", stamp(next_try_at), error.en);
        let mut troubles = self.troubles();
        let since = troubles.sync.as_ref().map_or(at, |failure| failure.since);
        troubles.sync = Some(SyncFailure { error: error.clone(), since, attempts, next_try_at });
    }

    /// Forgets the sync failure once a run of the background sync succeeds.
    pub fn sync_succeeded(&self) {
        let mut troubles = self.troubles();
        if troubles.sync.take().is_some() {
            log::info!("LRS sync works again");
        }
    }

    /// The report for someone who may (`sees_details`) or may not see the
    /// errors. A sync failure shows only while records wait (`pending`).
    pub(crate) fn report(&self, sees_details: bool, pending: i64, damage: Option<&str>) -> HealthReport {
        let troubles = self.troubles().clone();
        let detail = |text: &str| sees_details.then(|| text.to_string());
        let mut problems = Vec::new();
        if let Some(problem) = damage {
            problems.push(Problem::Database { detail: detail(problem), detail_zh: detail(problem) });
        }
        if let Some(failure) = &troubles.backup {
            problems.push(Problem::Backup {
                at: stamp(failure.at),
                detail: detail(&failure.error.en),
                detail_zh: detail(&failure.error.zh),
            });
        }
        if let Some(failure) = troubles.sync.as_ref().filter(|_| pending > 0) {
            problems.push(Problem::Sync {
                pending,
                since: stamp(failure.since),
                attempts: failure.attempts,
                next_try_at: sees_details.then(|| stamp(failure.next_try_at)),
                detail: detail(&failure.error.en),
                detail_zh: detail(&failure.error.zh),
            });
        }
        HealthReport { problems }
    }
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use crate::msg;

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 9, minute, 0).unwrap()
    }

    #[test]
    fn a_learner_learns_that_records_wait_but_not_why() {
        let board = Board::default();
        let refused = msg!("connection refused by lrs.example.com", "lrs.example.com 拒绝了连接");
        board.sync_failed(&refused, 1, at(0), at(1));
        board.sync_failed(&refused, 2, at(1), at(3));
        let learner = board.report(false, 12, None);
        assert_eq!(
            learner.problems,
            vec![Problem::Sync {
                pending: 12,
                since: "2026-12-07T09:00:00Z".into(),
                attempts: 2,
                next_try_at: None,
                detail: None,
                detail_zh: None,
            }]
        );
        let instructor = board.report(true, 12, None);
        assert_eq!(
            instructor.problems,
            vec![Problem::Sync {
                pending: 12,
                since: "2026-12-07T09:00:00Z".into(),
                attempts: 2,
                next_try_at: Some("2026-12-07T09:03:00Z".into()),
                detail: Some("connection refused by lrs.example.com".into()),
                detail_zh: Some("lrs.example.com 拒绝了连接".into()),
            }]
        );
    }

    #[test]
    fn a_sync_problem_goes_once_nothing_waits_or_a_run_succeeds() {
        let board = Board::default();
        board.sync_failed(&msg!("timeout", "超时"), 1, at(0), at(1));
        assert!(board.report(true, 0, None).problems.is_empty(), "nothing waits: nothing to say");
        board.sync_succeeded();
        assert!(board.report(true, 5, None).problems.is_empty());
    }

    #[test]
    fn backup_and_database_troubles_are_shown_to_everyone_with_details_for_some() {
        let board = Board::default();
        board.backup_failed(&msg!("/data/backups: Not a directory", "/data/backups：不是文件夹"), at(5));
        let report = board.report(false, 0, Some("database disk image is malformed"));
        assert_eq!(
            report.problems,
            vec![
                Problem::Database { detail: None, detail_zh: None },
                Problem::Backup { at: "2026-12-07T09:05:00Z".into(), detail: None, detail_zh: None },
            ]
        );
        let json = serde_json::to_value(board.report(true, 0, None)).unwrap();
        assert_eq!(json["problems"][0]["kind"], "backup");
        assert_eq!(json["problems"][0]["detail"], "/data/backups: Not a directory");
        assert_eq!(json["problems"][0]["detailZh"], "/data/backups：不是文件夹");
        board.backup_succeeded();
        assert!(board.report(true, 0, None).problems.is_empty());
    }
}
