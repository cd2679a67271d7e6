//! Tauri commands, one file per domain. Each command only unpacks its
//! arguments, runs one use-case of the session off the UI thread and maps
//! the error to `{kind, message}`; the session checks who may do it.

pub mod accounts;
pub mod app;
pub mod authoring;
pub mod backup;
pub mod certificates;
pub mod classes;
pub mod courses;
pub mod impact;
pub mod library;
pub mod local_quizzes;
pub mod machine;
pub mod marking;
pub mod notes;
pub mod quiz;
pub mod reading;
pub mod search;
pub mod study;
pub mod tasks;
pub mod xapi;

use std::path::Path;
use std::sync::Arc;

use qunxue_app::Session;
use tauri::{AppHandle, Runtime};
use tauri_plugin_fs::FsExt;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Files are read or written only at paths the user picked in a file dialog
/// (which adds them to the fs scope), so a compromised page cannot make the
/// app touch arbitrary files.
pub(crate) fn ensure_picked<R: Runtime>(app: &AppHandle<R>, path: &Path) -> CommandResult<()> {
    match app.try_fs_scope() {
        Some(scope) if scope.is_allowed(path) => Ok(()),
        _ => Err(CommandError::forbidden(format!("{} was not chosen in the file dialog", path.display()))),
    }
}

/// Runs one use-case on tokio's blocking pool so the IPC thread stays free.
pub(crate) async fn run<T, F>(state: &AppState, work: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Session) -> qunxue_app::Result<T> + Send + 'static,
{
    let session = Arc::clone(&state.session);
    tokio::task::spawn_blocking(move || work(&session).map_err(Into::into)).await?
}
