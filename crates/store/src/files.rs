//! A database file handled as a file: opened without migrating it, checked,
//! copied online with SQLite's backup API, its WAL folded back in. The app's
//! backup policy (names, rotation, when to check, what to tell people) uses
//! these; the SQL and SQLite's API stay here.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::{Result, StoreError};

/// Pages copied per step of an online copy; between steps other connections may write.
const PAGES_PER_STEP: i32 = 1024;

/// How a file is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Never written (checking a backup, copying from it).
    ReadOnly,
    /// May be written (the live database before it is migrated).
    ReadWrite,
}

/// Opens the database file at `path` as it is: no migration, no pragmas, so
/// a backup or a check sees exactly what is on disk.
pub fn open_unmigrated(path: &Path, access: Access) -> Result<Connection> {
    let mode = match access {
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
    };
    Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })
}

/// The rows of `PRAGMA integrity_check` other than a single "ok".
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    check_rows(conn, include_str!("files/integrity_check.sql"))
}

/// The same for the faster `quick_check` (no index-content cross-check), used at start-up.
pub fn quick_check_problems(conn: &Connection) -> Result<Vec<String>> {
    check_rows(conn, include_str!("files/quick_check.sql"))
}

fn check_rows(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if rows == ["ok"] { Vec::new() } else { rows })
}

/// The schema version the file holds (`PRAGMA user_version`; 0 for a file
/// no version of the app wrote).
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(crate::migrations::current_version(conn)?)
}

/// Whether the file is a learner database (it has the `profiles` table), and
/// how many profiles it holds.
pub fn learner_profiles(conn: &Connection) -> Result<Option<i64>> {
    let has_profiles: bool = conn.query_row(include_str!("files/has_profiles_table.sql"), [], |r| r.get(0))?;
    if !has_profiles {
        return Ok(None);
    }
    Ok(Some(conn.query_row(include_str!("files/count_profiles.sql"), [], |r| r.get(0))?))
}

/// Copies the database behind `source` into a new file at `target` with
/// SQLite's online backup (a consistent snapshot while others write), as one
/// self-contained file (rollback journal, not WAL). Returns the open copy so
/// the caller can check it before trusting it.
pub fn copy_online(source: &Connection, target: &Path) -> Result<Connection> {
    let mut copy =
        Connection::open(target).map_err(|source| StoreError::Open { path: target.to_path_buf(), source })?;
    {
        let backup = Backup::new(source, &mut copy)?;
        backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(1), None)?;
    }
    // The copy carries the source's WAL flag; a backup is one file to move around.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(copy)
}

/// Closes `conn`, reporting what SQLite says if the close fails (an
/// unfinished write is then not on disk).
pub fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, error)| StoreError::Sqlite(error))
}

/// Folds the file's WAL into the main file when the database still opens, so
/// a copy of the main file alone is complete; a damaged file is left as it is.
pub fn checkpoint_if_healthy(path: &Path) {
    if let Ok(conn) = open_unmigrated(path, Access::ReadWrite) {
        let _ = conn.query_row(include_str!("files/wal_checkpoint.sql"), [], |_| Ok(()));
        let _ = close(conn);
    }
}

impl StoreError {
    /// SQLite's own words for the failure, without the store's English
    /// framing, for a message that frames it in both languages itself.
    pub fn sqlite_text(&self) -> String {
        match self {
            StoreError::Open { source, .. } | StoreError::Sqlite(source) => source.to_string(),
            other => other.to_string(),
        }
    }

    /// Whether SQLite found the file damaged (corrupt, or not a database at
    /// all): a case for recovery from a backup, unlike a locked file or a
    /// missing permission.
    pub fn is_damaged_file(&self) -> bool {
        let code = match self {
            StoreError::Open { source, .. } | StoreError::Sqlite(source) => source.sqlite_error_code(),
            _ => None,
        };
        matches!(code, Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase))
    }
}
