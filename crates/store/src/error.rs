//! The store's typed error.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened, or is not a SQLite database.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The database file has a newer schema than this build knows: it was written by a newer Qunxue.
    #[error(
        "the database {path} was written by a newer Qunxue (schema {found}, this build knows {known}); update the app"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows ([`crate::SCHEMA_VERSION`]).
        known: i64,
    },
    /// The row asked for does not exist.
    #[error("{what} not found")]
    NotFound {
        /// What was looked for, in English ("profile p1").
        what: String,
        /// The same in Chinese ("档案 p1").
        what_zh: String,
    },
    /// A SQLite statement failed; any transaction it ran in is rolled back.
    #[error("database error: {}", describe_sqlite(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// Stored data does not have the expected shape (e.g. unparsable JSON), or an unknown schema version was asked for.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

/// Turns "no row" into a typed not-found error naming what was looked for.
pub trait OptionalExt<T> {
    /// `what` names the missing thing in English and in Chinese.
    fn or_not_found(self, what: impl FnOnce() -> (String, String)) -> Result<T, StoreError>;
}

impl<T> OptionalExt<T> for Result<T, rusqlite::Error> {
    fn or_not_found(self, what: impl FnOnce() -> (String, String)) -> Result<T, StoreError> {
        match self {
            Ok(v) => Ok(v),
            Err(rusqlite::Error::QueryReturnedNoRows) => {
                let (what, what_zh) = what();
                Err(StoreError::NotFound { what, what_zh })
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// SQLite's message, with what to do about the failures a person can fix
/// (a full disk, a read-only folder). Either way the write was rolled back.
fn describe_sqlite(error: &rusqlite::Error) -> String {
    match sqlite_advice(error) {
        Some((advice, _)) => format!("{error} — {advice}"),
        None => error.to_string(),
    }
}

/// What a person can do about a failed write, in English and Chinese, for
/// the failures they can fix; `None` for the rest.
pub fn sqlite_advice(error: &rusqlite::Error) -> Option<(&'static str, &'static str)> {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => Some((
            "the disk is full: nothing was saved; free some space and try again",
            "磁盘空间不足，本次更改没有保存；请释放磁盘空间后重试",
        )),
        Some(ErrorCode::ReadOnly) => Some((
            "the data folder or database file is read-only: nothing was saved; check its permissions",
            "数据文件夹或数据库文件是只读的，本次更改没有保存；请检查文件权限",
        )),
        _ => None,
    }
}
