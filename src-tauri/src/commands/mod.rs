//! Tauri commands, one file per domain. Each command only unpacks its
//! arguments, runs one `qunxue-app` service off the UI thread and maps the
//! error to `{kind, message}`.

pub mod accounts;
pub mod app;
pub mod backup;
pub mod certificates;
pub mod courses;
pub mod impact;
pub mod library;
pub mod local_quizzes;
pub mod marking;
pub mod notes;
pub mod quiz;
pub mod reading;
pub mod search;
pub mod study;
pub mod tasks;
pub mod xapi;

use std::path::Path;
use std::sync::{Arc, Mutex};

use qunxue_store::Store;
use tauri::{AppHandle, Runtime};
use tauri_plugin_fs::FsExt;

use crate::error::{CommandError, CommandResult};
use crate::state::lock;

/// Files are read or written only at paths the user picked in a file dialog
/// (which adds them to the fs scope), so a compromised page cannot make the
/// app touch arbitrary files.
pub(crate) fn ensure_picked<R: Runtime>(app: &AppHandle<R>, path: &Path) -> CommandResult<()> {
    match app.try_fs_scope() {
        Some(scope) if scope.is_allowed(path) => Ok(()),
        _ => Err(CommandError::forbidden(format!("{} was not chosen in the file dialog", path.display()))),
    }
}

/// Runs blocking database work on tokio's blocking pool so the IPC thread
/// stays free.
pub(crate) async fn with_store<T, F>(store: &Arc<Mutex<Store>>, work: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> qunxue_app::Result<T> + Send + 'static,
{
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || {
        let mut guard = lock(&store)?;
        work(&mut guard).map_err(Into::into)
    })
    .await?
}
