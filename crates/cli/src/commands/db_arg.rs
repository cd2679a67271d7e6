//! The `--db FILE` argument most commands take, defaulting to the desktop
//! app's database in the OS app-data folder.

use std::path::PathBuf;

use anyhow::Context;
use qunxue_app::paths;

/// `--db`, or the desktop app's own database when it is absent.
pub fn database_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match db {
        Some(db) => Ok(db),
        None => paths::default_database_path().context("no app-data folder on this system; pass --db"),
    }
}
