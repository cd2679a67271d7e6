//! Backups: listing and taking them, restoring one over the live database,
//! and the recovery screen's way out of a database that failed its check.

use std::path::Path;

use serde::Serialize;

use crate::backup::rotation::{KEEP_DAILY, KEEP_RECENT, KEEP_WEEKLY};
use crate::backup::startup::{recover_from_backup, start_afresh, Damage};
use crate::backup::{
    backup_to_file, backups_dir, create_backup, find_backup, list_backups, restore_database, BackupEntry, BackupFile,
    BackupReason, RestoreOutcome,
};
use crate::msg;
use crate::session::{Action, Session};
use crate::{AppError, Result};

/// The backups folder with what it holds and what the rotation keeps.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    /// The backups folder, as a path to show.
    pub folder: String,
    /// The backups found in it.
    pub backups: Vec<BackupEntry>,
    /// How many recent days with an automatic backup keep their newest one.
    pub keep_daily: usize,
    /// How many recent ISO weeks with an automatic backup keep their newest one.
    pub keep_weekly: usize,
    /// How many of the newest automatic backups are kept whatever their day.
    pub keep_recent: usize,
}

/// What a restore or recovery did.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The file name of the backup restored; empty when recovery started on a new, empty database.
    pub restored_from: String,
    /// Where the database that was replaced is kept.
    pub replaced_kept_at: Option<String>,
}

impl Session {
    /// The backups folder and what it holds (any profile; on the recovery screen, anyone).
    pub fn list_backups(&self) -> Result<BackupList> {
        // Listing touches no record, so it also works on the recovery screen.
        if self.recovery().is_none() {
            drop(self.authorise(Action::ListBackups)?);
        }
        Ok(BackupList {
            folder: backups_dir(&self.data_dir).display().to_string(),
            backups: list_backups(&self.data_dir)?,
            keep_daily: KEEP_DAILY,
            keep_weekly: KEEP_WEEKLY,
            keep_recent: KEEP_RECENT,
        })
    }

    /// Takes a manual backup now (any profile); refused while the database is damaged.
    pub fn create_backup_now(&self) -> Result<BackupEntry> {
        if self.recovery().is_some() {
            return Err(AppError::Rejected(msg!(
                "the database is damaged; restore a backup first",
                "数据库已损坏，请先恢复备份"
            )));
        }
        let a = self.authorise(Action::CreateBackup)?;
        match create_backup(a.store.conn(), a.data_dir, BackupReason::Manual, a.now) {
            Ok(entry) => {
                self.health.backup_succeeded();
                Ok(entry)
            }
            Err(error) => {
                self.health.backup_failed(&error.message(), a.now);
                Err(error)
            }
        }
    }

    /// An online copy of the live database to `out` (the CLI's `backup`).
    pub fn backup_to(&self, out: &Path) -> Result<BackupFile> {
        let a = self.authorise(Action::CreateBackup)?;
        backup_to_file(a.store.conn(), out)
    }

    /// Replaces the live database with the backup called `file_name` from
    /// the backups folder.
    pub fn restore_backup(&self, file_name: &str) -> Result<Restored> {
        let entry = {
            let a = self.authorise(Action::RestoreBackup)?;
            find_backup(a.data_dir, file_name)?
        };
        let now = self.now();
        let who = self.who()?;
        let done = self.swap_database(true, |database| {
            restore_database(&entry.path, database, now).map(|outcome| restored(entry.file_name.clone(), outcome))
        })?;
        // Logged in the restored database: it is the one in use from now on.
        self.log_admin_by(who, "restore_backup", done.restored_from.clone())?;
        Ok(done)
    }

    /// Replaces the live database with any verified backup file (the CLI's `restore`).
    pub fn restore_from_file(&self, backup: &Path) -> Result<RestoreOutcome> {
        drop(self.authorise(Action::RestoreBackup)?);
        let now = self.now();
        let who = self.who()?;
        let done = self.swap_database(true, |database| restore_database(backup, database, now))?;
        self.log_admin_by(who, "restore_backup", backup.display().to_string())?;
        Ok(done)
    }

    /// The damage found at start-up, if the app is in recovery.
    pub fn recovery_status(&self) -> Result<Option<Damage>> {
        Ok(self.recovery())
    }

    /// Leaves recovery: restores the backup called `file_name`, or with none
    /// starts on a new, empty database. The damaged file is kept aside either
    /// way. There is no usable database to check roles against, so this is
    /// open to whoever is at the machine, and only while in recovery.
    pub fn recover_database(&self, file_name: Option<&str>) -> Result<Restored> {
        if self.recovery().is_none() {
            return Err(AppError::Rejected(msg!(
                "the database is healthy; use Settings to restore a backup",
                "数据库完好，请在设置中恢复备份"
            )));
        }
        drop(self.authorise(Action::RecoverDatabase)?);
        let now = self.now();
        let data_dir = self.data_dir.clone();
        let restored = self.swap_database(false, |database| match file_name {
            Some(name) => {
                let entry = find_backup(&data_dir, name)?;
                let (store, outcome) = recover_from_backup(database, &entry.path, now)?;
                drop(store);
                Ok(restored(entry.file_name, outcome))
            }
            None => {
                let (store, kept) = start_afresh(database, now)?;
                drop(store);
                Ok(Restored { restored_from: String::new(), replaced_kept_at: kept.map(|p| p.display().to_string()) })
            }
        })?;
        self.set_recovery(None);
        Ok(restored)
    }
}

fn restored(file_name: String, outcome: RestoreOutcome) -> Restored {
    Restored { restored_from: file_name, replaced_kept_at: outcome.replaced_kept_at.map(|p| p.display().to_string()) }
}
