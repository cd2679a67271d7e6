//! Restoring a backup in place of the live database file.
//!
//! The backup is verified first; then a fresh copy of it is built next to the
//! live file, the live file (with its WAL) is copied aside as
//! `<name>.replaced-<time>`, and the copy is renamed over the live file — one
//! atomic rename, so the database path always holds a whole database. Nobody
//! may have the live file open meanwhile (the desktop app closes its
//! connection first; the CLI must not run while the app does).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qunxue_store::files::{self, Access};

use super::copy::{backup_to_file, sync_parent};
use super::inspect::{verify_backup, BackupCheck};
use crate::{msg, AppError, Result};

/// What a restore did: which backup replaced the database, and where the old database was kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RestoreOutcome {
    /// The backup file the database was restored from.
    pub restored_from: PathBuf,
    /// Where the database that was replaced now lives (none when there was no file).
    pub replaced_kept_at: Option<PathBuf>,
    /// What the backup held, as verified before it was restored.
    pub check: BackupCheck,
}

/// Replaces the database at `database` with the backup at `backup`.
pub fn restore_database(backup: &Path, database: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    let check = verify_backup(backup)?;
    let name = file_name(database)?;
    let staging = database.with_file_name(format!("{name}.restoring"));
    let source = files::open_unmigrated(backup, Access::ReadOnly).map_err(|e| {
        let (backup, e) = (backup.display(), e.sqlite_text());
        AppError::Rejected(msg!("{backup}: cannot be opened ({e})", "{backup}：无法打开（{e}）"))
    })?;
    backup_to_file(&source, &staging)?;
    drop(source);
    let replaced_kept_at = match set_aside(database, now) {
        Ok(kept) => kept,
        Err(error) => {
            let _ = std::fs::remove_file(&staging);
            return Err(error);
        }
    };
    std::fs::rename(&staging, database).map_err(AppError::write(database))?;
    sync_parent(database);
    Ok(RestoreOutcome { restored_from: backup.to_path_buf(), replaced_kept_at, check })
}

/// Copies the database file (and its WAL) aside as `<name>.replaced-<time>`
/// and removes the WAL and shared-memory files, so that whatever is renamed
/// onto the database path next is not mixed with the old file's log. The
/// database file itself stays in place until then. Returns the copy's path.
pub fn set_aside(database: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    if !database.exists() {
        return Ok(None);
    }
    let name = file_name(database)?;
    files::checkpoint_if_healthy(database);
    let aside = database.with_file_name(format!("{name}.replaced-{}", now.format("%Y%m%dT%H%M%S%.3fZ")));
    std::fs::copy(database, &aside).map_err(AppError::write(&aside))?;
    crate::private_files::private_file(&aside)?;
    let wal = sidecar(database, "-wal");
    if wal.exists() {
        let aside_wal = sidecar(&aside, "-wal");
        std::fs::copy(&wal, &aside_wal).map_err(AppError::write(&aside_wal))?;
        crate::private_files::private_file(&aside_wal)?;
    }
    std::fs::File::open(&aside).and_then(|f| f.sync_all()).map_err(AppError::write(&aside))?;
    for suffix in ["-wal", "-shm"] {
        let path = sidecar(database, suffix);
        if path.exists() {
            std::fs::remove_file(&path).map_err(AppError::write(&path))?;
        }
    }
    Ok(Some(aside))
}

fn sidecar(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn file_name(database: &Path) -> Result<String> {
    database.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or_else(|| {
        let database = database.display();
        AppError::Rejected(msg!("{database} is not a database file name", "{database} 不是数据库文件名"))
    })
}
