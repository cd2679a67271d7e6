//! Online copies of a database file with SQLite's backup API: the source may
//! be in use (the copy is a consistent snapshot), and the destination appears
//! only once it is complete and passes `PRAGMA integrity_check`.

use std::path::{Path, PathBuf};

use qunxue_store::files::{self, Access};
use qunxue_store::{Connection, StoreError};

use crate::{msg, AppError, Result};

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
    let target = files::copy_online(source, partial).map_err(|e| sqlite_write(partial, e))?;
    let problems = files::integrity_problems(&target).map_err(|e| sqlite_write(partial, e))?;
    if let Some(first) = problems.first() {
        return Err(AppError::Internal(msg!(
            "the backup copy failed its integrity check: {first}",
            "备份副本未通过完整性检查：{first}"
        )));
    }
    let version = files::schema_version(&target).map_err(|e| sqlite_write(partial, e))?;
    files::close(target).map_err(|e| sqlite_write(partial, e))?;
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(AppError::write(partial))?;
    Ok(version)
}

/// A failed write of a copy: SQLite's failures keep the store's advice in
/// both languages (a full disk, a read-only folder); opening the file names it.
pub(super) fn sqlite_write(path: &Path, error: StoreError) -> AppError {
    match error {
        StoreError::Sqlite(_) => AppError::Store(error),
        other => AppError::Write { path: path.to_path_buf(), source: std::io::Error::other(other.sqlite_text()) },
    }
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
    let source = files::open_unmigrated(database, Access::ReadWrite)?;
    backup_to_file(&source, out)
}
