//! Automatic backups in `<app-data>/backups/` and their retention policy.
//!
//! Files are named `qunxue-<UTC time>-<reason>.db`, so the folder lists in
//! time order and needs no index. Reasons: `daily` (the first start of a
//! day), `pre-import` (before a pack import writes), `pre-migration` (before
//! a schema upgrade) and `manual` (made by someone on purpose).
//!
//! Retention policy, applied after every new backup:
//! * `manual` backups are never deleted automatically;
//! * of the automatic ones we keep the newest of each of the last
//!   [`KEEP_DAILY`] days that have a backup, the newest of each of the last
//!   [`KEEP_WEEKLY`] ISO weeks that have one, and the [`KEEP_RECENT`] newest
//!   whatever their day, so several imports in a row stay undoable;
//! * every other automatic backup is deleted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use qunxue_store::Connection;

use super::copy::backup_to_file;
use crate::session::{local_date, Zone};
use crate::{msg, AppError, Result};

/// How many of the most recent days with an automatic backup keep their newest one.
pub const KEEP_DAILY: usize = 7;
/// How many of the most recent ISO weeks with an automatic backup keep their newest one.
pub const KEEP_WEEKLY: usize = 4;
/// How many of the newest automatic backups are kept whatever their day.
pub const KEEP_RECENT: usize = 3;

const PREFIX: &str = "qunxue-";
const SUFFIX: &str = ".db";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%.3fZ";

/// Why a backup was made; it is the last part of the file name (`qunxue-<time>-<reason>.db`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupReason {
    /// Made at start-up when no backup exists yet for the day (the machine's calendar day).
    Daily,
    /// Made by someone on purpose; never deleted automatically.
    Manual,
    /// Taken before a pack import writes to the database.
    PreImport,
    /// Taken before a schema upgrade.
    PreMigration,
    /// Taken before a course and everyone's records in it are removed.
    PreRemoval,
}

impl BackupReason {
    const ALL: [BackupReason; 5] = [Self::Daily, Self::Manual, Self::PreImport, Self::PreMigration, Self::PreRemoval];

    /// The reason as written in file names: `daily`, `manual`, `pre-import`, `pre-migration` or `pre-removal`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::PreImport => "pre-import",
            Self::PreMigration => "pre-migration",
            Self::PreRemoval => "pre-removal",
        }
    }

    fn automatic(self) -> bool {
        self != Self::Manual
    }
}

/// One file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupEntry {
    /// The file's name, e.g. `qunxue-20240501T080000.000Z-daily.db`; it identifies the backup to restore.
    pub file_name: String,
    /// The file's full path.
    pub path: PathBuf,
    /// Why the backup was made, from the file name.
    pub reason: BackupReason,
    /// RFC 3339 (UTC), from the file name.
    pub created_at: String,
    /// The file's size, in bytes.
    pub size: u64,
    #[serde(skip)]
    created: DateTime<Utc>,
}

/// The backups folder inside the app's data folder `data_dir`.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Every backup in the folder, newest first; files with other names are ignored.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupEntry>> {
    let dir = backups_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(AppError::Read { path: dir, source: e }),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry.map_err(AppError::read(&dir))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((created, reason)) = parse_name(&file_name) else {
            continue;
        };
        let size = entry.metadata().map_err(AppError::read(&entry.path()))?.len();
        backups.push(BackupEntry {
            path: entry.path(),
            created_at: qunxue_store::time::stamp(created),
            file_name,
            reason,
            size,
            created,
        });
    }
    backups.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(backups)
}

/// The backup called `file_name` in the folder (only names listed there are
/// accepted, so a caller cannot point a restore at an arbitrary file).
pub fn find_backup(data_dir: &Path, file_name: &str) -> Result<BackupEntry> {
    list_backups(data_dir)?.into_iter().find(|b| b.file_name == file_name).ok_or_else(|| {
        let folder = backups_dir(data_dir);
        let folder = folder.display();
        AppError::NotFound(msg!("no backup called {file_name} in {folder}", "{folder} 中没有名为 {file_name} 的备份"))
    })
}

/// Backs up the database behind `source` into the folder, then prunes it by
/// the days and weeks of the machine's own time zone.
pub fn create_backup(
    source: &Connection,
    data_dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupEntry> {
    create_backup_in(source, data_dir, reason, now, &crate::session::system_zone())
}

/// [`create_backup`], with the days and weeks the retention policy counts
/// taken in `zone`.
fn create_backup_in(
    source: &Connection,
    data_dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<BackupEntry> {
    let dir = backups_dir(data_dir);
    crate::private_files::private_dir(&dir)?;
    let file_name = format!("{PREFIX}{}-{}{SUFFIX}", now.format(TIME_FORMAT), reason.as_str());
    let written = backup_to_file(source, &dir.join(&file_name))?;
    log::info!("backed up the database to {} ({} bytes)", written.path.display(), written.size);
    for deleted in prune(data_dir, zone)? {
        log::info!("deleted the old backup {}", deleted.display());
    }
    Ok(BackupEntry {
        file_name,
        path: written.path,
        reason,
        created_at: qunxue_store::time::stamp(now),
        size: written.size,
        created: now,
    })
}

/// The start-up backup: made when no backup of any kind exists for today,
/// a calendar day of the person at the machine (`zone`), not of UTC.
pub fn daily_backup_if_due(
    source: &Connection,
    data_dir: &Path,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<Option<BackupEntry>> {
    let today = local_date(now, zone);
    if list_backups(data_dir)?.iter().any(|b| local_date(b.created, zone) == today) {
        return Ok(None);
    }
    create_backup_in(source, data_dir, BackupReason::Daily, now, zone).map(Some)
}

/// Applies the retention policy, counting days and weeks in `zone`; returns
/// the files it deleted.
pub fn prune(data_dir: &Path, zone: &Zone) -> Result<Vec<PathBuf>> {
    let backups = list_backups(data_dir)?;
    let keep = to_keep(&backups, zone);
    let mut deleted = Vec::new();
    for (index, backup) in backups.iter().enumerate() {
        if !keep.contains(&index) {
            std::fs::remove_file(&backup.path).map_err(AppError::write(&backup.path))?;
            deleted.push(backup.path.clone());
        }
    }
    Ok(deleted)
}

/// Indexes (into the newest-first list) of the backups the policy keeps.
fn to_keep(backups: &[BackupEntry], zone: &Zone) -> BTreeSet<usize> {
    let mut keep: BTreeSet<usize> = BTreeSet::new();
    let automatic: Vec<usize> = (0..backups.len()).filter(|&i| backups[i].reason.automatic()).collect();
    keep.extend(backups.iter().enumerate().filter(|(_, b)| !b.reason.automatic()).map(|(i, _)| i));
    keep.extend(automatic.iter().take(KEEP_RECENT));
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for &i in &automatic {
        // Newest first, so the first backup seen of a day or week is its newest.
        let created = backups[i].created.with_timezone(&zone(backups[i].created));
        let day = created.date_naive();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(i);
        }
        let week = (created.iso_week().year(), created.iso_week().week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(i);
        }
    }
    keep
}

fn parse_name(file_name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let stem = file_name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (time, reason) = stem.split_once('-')?;
    let reason = BackupReason::ALL.into_iter().find(|r| r.as_str() == reason)?;
    let created = NaiveDateTime::parse_from_str(time, TIME_FORMAT).ok()?.and_utc();
    Some((created, reason))
}
