//! Tauri commands, one file per domain. Each command only unpacks its
//! arguments, runs one use-case of the session off the UI thread and maps
//! the error to `{kind, message}`; the session checks who may do it.

pub(crate) mod accounts;
pub(crate) mod app;
pub(crate) mod authoring;
pub(crate) mod backup;
pub(crate) mod certificates;
pub(crate) mod classes;
pub(crate) mod courses;
pub(crate) mod impact;
pub(crate) mod library;
pub(crate) mod local_quizzes;
pub(crate) mod machine;
pub(crate) mod marking;
pub(crate) mod notes;
pub(crate) mod quiz;
pub(crate) mod reading;
pub(crate) mod search;
pub(crate) mod study;
pub(crate) mod tasks;
pub(crate) mod xapi;

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
        _ => {
            let path = path.display();
            Err(CommandError::forbidden(qunxue_app::msg!(
                "{path} was not chosen in the file dialog",
                "{path} 不是在文件对话框中选择的"
            )))
        }
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
