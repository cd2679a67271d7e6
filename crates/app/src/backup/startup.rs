//! Opening the learner database at start-up, safely.
//!
//! Before the app touches the file it runs `PRAGMA quick_check`. A damaged
//! file is not opened: the caller gets [`Startup::Damaged`] with the problem
//! and the available backups, so the desktop app can show a recovery screen
//! instead of crashing. [`recover_from_backup`] and [`start_afresh`] are the
//! two ways out; both keep the damaged file aside, never delete it.
//!
//! A healthy file that needs a schema upgrade is backed up first
//! (`pre-migration`), and the first start of each day makes a `daily` backup.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qunxue_store::files::{self, Access};
use qunxue_store::{Store, StoreError};

use super::restore::{restore_database, set_aside, RestoreOutcome};
use super::rotation::{create_backup, daily_backup_if_due, list_backups, BackupEntry, BackupReason};
use crate::session::Zone;
use crate::{AppError, Result};

/// What start-up found.
pub enum Startup {
    /// The database passed its check and is open (boxed: it holds the store).
    Ready(Box<Ready>),
    /// The database failed its check and was not opened; the app shows the recovery screen.
    Damaged(Damage),
}

/// A database that passed its start-up check, opened, with the automatic backup this start made.
pub struct Ready {
    /// The opened (and, if it was due, migrated) learner database.
    pub store: Store,
    /// The automatic backup made during this start, if one was due.
    pub backup: Option<BackupEntry>,
    /// Why the automatic backup failed; the app still starts.
    pub backup_error: Option<crate::Message>,
}

/// A database that failed its check, with the way back.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Damage {
    /// The damaged database file.
    pub database: PathBuf,
    /// What SQLite reported (first lines of the check, or the open error).
    pub problem: String,
    /// Newest first.
    pub backups: Vec<BackupEntry>,
}

/// Checks and opens the database at `database`, with backups in `data_dir`.
pub fn open_checked(database: &Path, data_dir: &Path, now: DateTime<Utc>, zone: &Zone) -> Result<Startup> {
    if let Some(problem) = check_existing(database, data_dir, now)? {
        return Ok(Startup::Damaged(Damage {
            database: database.to_path_buf(),
            problem,
            backups: list_backups(data_dir)?,
        }));
    }
    let store = Store::open(database)?;
    let (backup, backup_error) = match daily_backup_if_due(store.conn(), data_dir, now, zone) {
        Ok(backup) => (backup, None),
        Err(error) => (None, Some(error.message())),
    };
    Ok(Startup::Ready(Box::new(Ready { store, backup, backup_error })))
}

/// `Some(problem)` when the file exists and is damaged. A healthy file with an
/// older schema is backed up before [`Store::open`] migrates it.
fn check_existing(database: &Path, data_dir: &Path, now: DateTime<Utc>) -> Result<Option<String>> {
    if std::fs::metadata(database).map(|m| m.len() == 0).unwrap_or(true) {
        return Ok(None); // nothing yet: a new, empty database is created
    }
    let conn = match files::open_unmigrated(database, Access::ReadWrite) {
        Ok(conn) => conn,
        Err(error) => return damaged_or(error),
    };
    let problems = match files::quick_check_problems(&conn) {
        Ok(problems) => problems,
        Err(error) => return damaged_or(error),
    };
    if !problems.is_empty() {
        return Ok(Some(problems.into_iter().take(5).collect::<Vec<_>>().join("\n")));
    }
    let version = match files::schema_version(&conn) {
        Ok(version) => version,
        Err(error) => return damaged_or(error),
    };
    if version > 0 && version < qunxue_store::SCHEMA_VERSION {
        create_backup(&conn, data_dir, BackupReason::PreMigration, now)?;
    }
    Ok(None)
}

/// Corruption becomes a recovery case; anything else (a locked file, no
/// permission) is an ordinary error, since restoring would not help.
fn damaged_or(error: StoreError) -> Result<Option<String>> {
    if error.is_damaged_file() {
        Ok(Some(error.sqlite_text()))
    } else {
        Err(AppError::Store(error))
    }
}

/// Restores `backup` over the damaged database and opens it.
pub fn recover_from_backup(database: &Path, backup: &Path, now: DateTime<Utc>) -> Result<(Store, RestoreOutcome)> {
    let outcome = restore_database(backup, database, now)?;
    Ok((Store::open(database)?, outcome))
}

/// Keeps the damaged file aside and starts with a new, empty database (for
/// when there is no usable backup).
pub fn start_afresh(database: &Path, now: DateTime<Utc>) -> Result<(Store, Option<PathBuf>)> {
    let kept = set_aside(database, now)?;
    if database.exists() {
        std::fs::remove_file(database).map_err(AppError::write(database))?;
    }
    Ok((Store::open(database)?, kept))
}
