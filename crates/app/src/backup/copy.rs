//! Online copies of a database file with SQLite's backup API: the source may
//! be in use (the copy is a consistent snapshot), and the destination appears
//! only once it is complete and passes `PRAGMA integrity_check`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::Connection;

use super::inspect::integrity_problems;
use crate::{msg, AppError, Result};

/// Pages copied per step; between steps other connections may write.
const PAGES_PER_STEP: i32 = 1024;

/// A finished backup file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupFile {
    /// Where the backup was written.
    pub path: PathBuf,
    /// The backup file's size, in bytes.
    pub size: u64,
    /// The database schema version (`PRAGMA user_version`) the copy holds.
    pub schema_version: i64,
}

/// Copies the database behind `source` into `out`. The copy is a single
/// self-contained file (rollback journal, not WAL); `out` is replaced
/// atomically, so an interrupted backup never leaves a half-written file.
pub fn backup_to_file(source: &Connection, out: &Path) -> Result<BackupFile> {
    let name = out
        .file_name()
        .ok_or_else(|| {
            let out = out.display();
            AppError::Rejected(msg!("{out} is not a file name", "{out} 不是文件名"))
        })?
        .to_string_lossy()
        .into_owned();
    if let Some(live) = source.path().filter(|p| !p.is_empty()) {
        if same_file(Path::new(live), out) {
            let out = out.display();
            return Err(AppError::Rejected(msg!(
                "{out} is the live database; back it up to another file",
                "{out} 是正在使用的数据库，请备份到另一个文件"
            )));
        }
    }
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        let (out, folder) = (out.display(), folder.display());
        return Err(AppError::Rejected(msg!(
            "cannot write {out}: the folder {folder} does not exist",
            "无法写入 {out}：文件夹 {folder} 不存在"
        )));
    }
    let partial = out.with_file_name(format!("{name}.partial-{}", std::process::id()));
    let result = write_copy(source, &partial).and_then(|schema_version| {
        std::fs::rename(&partial, out).map_err(AppError::write(out))?;
        sync_parent(out);
        let size = std::fs::metadata(out).map_err(AppError::read(out))?.len();
        Ok(BackupFile { path: out.to_path_buf(), size, schema_version })
    });
    if result.is_err() {
        // Nothing half-written stays behind.
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn write_copy(source: &Connection, partial: &Path) -> Result<i64> {
    let _ = std::fs::remove_file(partial);
    // Owner-only from its first byte: the backup holds everyone's records,
    // and the rename (and a restore from it) keeps this mode.
    std::fs::File::create(partial).map_err(AppError::write(partial))?;
    crate::private_files::private_file(partial)?;
    let mut target = Connection::open(partial).map_err(|e| sqlite_write(partial, e))?;
    {
        let backup = Backup::new(source, &mut target).map_err(|e| sqlite_write(partial, e))?;
        backup
            .run_to_completion(PAGES_PER_STEP, Duration::from_millis(1), None)
            .map_err(|e| sqlite_write(partial, e))?;
    }
    // The copy carries the source's WAL flag; a backup is one file to move around.
    target.pragma_update(None, "journal_mode", "DELETE").map_err(|e| sqlite_write(partial, e))?;
    let problems = integrity_problems(&target).map_err(|e| sqlite_write(partial, e))?;
    if let Some(first) = problems.first() {
        return Err(AppError::Internal(msg!(
            "the backup copy failed its integrity check: {first}",
            "备份副本未通过完整性检查：{first}"
        )));
    }
    let version: i64 =
        target.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| sqlite_write(partial, e))?;
    target.close().map_err(|(_, e)| sqlite_write(partial, e))?;
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(AppError::write(partial))?;
    Ok(version)
}

pub(super) fn sqlite_write(path: &Path, error: rusqlite::Error) -> AppError {
    AppError::Write { path: path.to_path_buf(), source: std::io::Error::other(error) }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Makes a rename durable on power loss (directories need their own fsync on Unix).
pub(super) fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        if let Ok(handle) = std::fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
}

/// Backs up the database file at `database` into `out` without opening it
/// through `Store` (a backup must not migrate the file it copies).
pub fn backup_database_file(database: &Path, out: &Path) -> Result<BackupFile> {
    if !database.is_file() {
        let database = database.display();
        return Err(AppError::NotFound(msg!("{database}: no such database file", "{database}：没有这个数据库文件")));
    }
    let source = Connection::open_with_flags(
        database,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| AppError::Store(qunxue_store::StoreError::Open { path: database.to_path_buf(), source }))?;
    backup_to_file(&source, out)
}
