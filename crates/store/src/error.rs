//! The store's typed error.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "the database {path} was written by a newer Qunxue (schema {found}, this build knows {known}); update the app"
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("database error: {}", describe_sqlite(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

/// Turns "no row" into a typed not-found error naming what was looked for.
pub trait OptionalExt<T> {
    fn or_not_found(self, what: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> OptionalExt<T> for Result<T, rusqlite::Error> {
    fn or_not_found(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        match self {
            Ok(v) => Ok(v),
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound { what: what() }),
            Err(e) => Err(e.into()),
        }
    }
}

/// SQLite's message, with what to do about the failures a person can fix
/// (a full disk, a read-only folder). Either way the write was rolled back.
fn describe_sqlite(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    let advice = match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => {
            "磁盘空间不足，本次更改没有保存；请释放磁盘空间后重试 / the disk is full: nothing was saved; free some space and try again"
        }
        Some(ErrorCode::ReadOnly) => {
            "数据文件夹或数据库文件是只读的，本次更改没有保存；请检查文件权限 / the data folder or database file is read-only: nothing was saved; check its permissions"
        }
        _ => return error.to_string(),
    };
    format!("{error} — {advice}")
}
