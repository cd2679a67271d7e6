//! Checks a backup file before anything relies on it: a SQLite database that
//! passes `PRAGMA integrity_check`, written by Qunxue, with a schema this
//! build can open.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{AppError, Result};

/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupCheck {
    pub schema_version: i64,
    pub profiles: i64,
    pub size: u64,
}

/// Opens `path` read-only and checks it; the error names the file and the problem.
pub fn verify_backup(path: &Path) -> Result<BackupCheck> {
    let size = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.len(),
        Ok(_) => return Err(AppError::Rejected(format!("{} is not a file", path.display()))),
        Err(_) => return Err(AppError::NotFound(format!("backup file {} does not exist", path.display()))),
    };
    let refuse = |problem: String| AppError::Rejected(format!("{}: {problem}; nothing was changed", path.display()));
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| refuse(format!("cannot be opened as a database ({e})")))?;
    let problems = integrity_problems(&conn).map_err(|e| refuse(format!("is not a readable SQLite database ({e})")))?;
    if !problems.is_empty() {
        let shown = problems.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
        return Err(refuse(format!("failed the integrity check ({shown})")));
    }
    let schema_version: i64 =
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| refuse(e.to_string()))?;
    if schema_version > qunxue_store::SCHEMA_VERSION {
        return Err(refuse(format!(
            "was written by a newer Qunxue (schema {schema_version}, this build knows {}); update the app first",
            qunxue_store::SCHEMA_VERSION
        )));
    }
    let has_profiles: bool = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'profiles'", [], |r| r.get(0))
        .map_err(|e| refuse(e.to_string()))?;
    if schema_version < 1 || !has_profiles {
        return Err(refuse("is a SQLite database but not a Qunxue learner database".into()));
    }
    let profiles =
        conn.query_row("SELECT count(*) FROM profiles", [], |r| r.get(0)).map_err(|e| refuse(e.to_string()))?;
    Ok(BackupCheck { schema_version, profiles, size })
}

/// The rows of `PRAGMA integrity_check` other than a single "ok".
pub(crate) fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    check_rows(conn, "PRAGMA integrity_check")
}

/// The same for the faster `quick_check` (no index-content cross-check), used at start-up.
pub(crate) fn quick_check_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    check_rows(conn, "PRAGMA quick_check")
}

fn check_rows(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if rows == ["ok"] { Vec::new() } else { rows })
}
