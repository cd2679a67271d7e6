//! The store's typed error.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("the database {path} was written by a newer Qunxue (schema {found}, this build knows {known}); update the app")]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("database error: {0}")]
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
