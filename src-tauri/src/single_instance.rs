//! One running app per data folder. A second launch on the same folder —
//! a pack double-clicked while the app is open, a second click on the icon
//! — hands its files to the first, which comes to the front, and exits: two
//! windows never write one database. Another data folder (a second class on
//! the same machine) is another instance.
//!
//! On Linux the instances meet on the D-Bus session bus; without one the
//! app starts normally (tauri-plugin-single-instance's behaviour).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_fs::FsExt;

use crate::launch::Launch;

/// The event the window receives for each file to open.
pub(crate) const OPEN_PATH_EVENT: &str = "qunxue://open-path";

#[derive(Debug, Clone, Serialize)]
struct OpenPath {
    path: String,
}

/// Files this process was started with, opened once the window is ready.
#[derive(Default)]
pub(crate) struct PendingPaths(pub Mutex<Vec<PathBuf>>);

/// The plugin for the instance of `data_folder` (`None`: the default folder).
pub(crate) fn plugin<R: Runtime>(identifier: &str, data_folder: Option<&Path>) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, data_folder))
        .callback(|app, argv, cwd| {
            let launch = Launch::read(argv.into_iter().map(Into::into), Path::new(&cwd));
            log::info!("another launch passed {} file(s) to this window", launch.paths.len());
            for path in &launch.paths {
                log::info!("another launch passed {}", path.display());
            }
            open_paths(app, &launch.paths);
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        })
        .build()
}

/// The name the instances of one data folder share: the app's identifier,
/// plus a digest of the folder when it is not the default.
fn instance_id(identifier: &str, data_folder: Option<&Path>) -> String {
    match data_folder {
        None => identifier.to_string(),
        Some(folder) => {
            let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
            // The same binary hashes the same way: both instances agree.
            let mut hasher = std::hash::DefaultHasher::new();
            folder.hash(&mut hasher);
            format!("{identifier}.d{:016x}", hasher.finish())
        }
    }
}

/// Lets the window import `paths` (the person chose them in the file
/// manager, as good as picking them in the dialog) and tells it to open them.
pub(crate) fn open_paths<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) {
    for path in paths {
        if let Some(scope) = app.try_fs_scope() {
            let _ = if path.is_dir() { scope.allow_directory(path, true) } else { scope.allow_file(path) };
        }
        let _ = app.emit(OPEN_PATH_EVENT, OpenPath { path: path.display().to_string() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_is_its_own_instance() {
        let default = instance_id("org.qunxue.desktop", None);
        assert_eq!(default, "org.qunxue.desktop");
        let a = instance_id("org.qunxue.desktop", Some(Path::new("/srv/class-a")));
        let b = instance_id("org.qunxue.desktop", Some(Path::new("/srv/class-b")));
        assert_ne!(a, b);
        assert_eq!(a, instance_id("org.qunxue.desktop", Some(Path::new("/srv/class-a"))));
        // A D-Bus name element: letters, digits, '_' or '-', not starting with a digit.
        let last = a.rsplit('.').next().unwrap();
        assert!(last.starts_with('d') && last.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
    }
}
