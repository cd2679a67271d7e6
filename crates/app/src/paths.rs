//! Where Qunxue keeps its data on each operating system.

use std::path::{Path, PathBuf};

/// The bundle identifier; also the name of the app-data folder, so the CLI
/// and the desktop app find the same database by default.
pub const APP_IDENTIFIER: &str = "org.qunxue.desktop";

/// File name of the learner database inside the app-data folder.
pub const DATABASE_FILE: &str = "qunxue.db";

/// The OS app-data folder (`~/.local/share/…`, `~/Library/Application
/// Support/…`, `%APPDATA%\…`) — the same one Tauri resolves for the app.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.data_dir().join(APP_IDENTIFIER))
}

/// The default database file (`qunxue.db` in the app-data folder), shared by the CLI and the desktop app.
pub fn default_database_path() -> Option<PathBuf> {
    default_data_dir().map(|dir| dir.join(DATABASE_FILE))
}

/// Where imported packs are installed inside a data folder: one folder per
/// course id, one per version below it.
pub fn packs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("packs")
}

/// The folder holding every installed version of a course.
pub fn installed_course_dir(data_dir: &Path, course_id: &str) -> PathBuf {
    packs_dir(data_dir).join(course_id)
}
