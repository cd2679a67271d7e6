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

/// The app-data folder that goes with a database file: its folder (keys and
/// attachments live next to the database, as in the desktop app).
pub fn data_dir_of(db: &std::path::Path) -> PathBuf {
    db.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf)
}
