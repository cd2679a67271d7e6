//! Opening and completing modules, and saving a copy of a course file a
//! module links (a handout or template).

use std::path::PathBuf;

use qunxue_app::reading::{ModuleEntry, ModuleView};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn open_module(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<ModuleView> {
    run(&state, move |s| s.open_module(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn complete_module(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<ModuleEntry> {
    run(&state, move |s| s.complete_module(&course_id, &module_id)).await
}

/// `asset_path` is the course file as the asset protocol names it
/// (`/<course>/<path>`); `path` was chosen in the save dialog.
#[tauri::command]
pub(crate) async fn save_course_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    asset_path: String,
    path: PathBuf,
) -> CommandResult<u64> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.save_course_file(&asset_path, &path)).await
}

/// The bytes of a course file the app shows itself (a PDF handout), as a
/// raw IPC answer (an `ArrayBuffer` in the webview, not a JSON array).
#[tauri::command]
pub(crate) async fn course_file_bytes(
    state: State<'_, AppState>,
    asset_path: String,
) -> CommandResult<tauri::ipc::Response> {
    run(&state, move |s| s.course_file_bytes(&asset_path)).await.map(tauri::ipc::Response::new)
}

/// Where course video and audio play from on this platform: the loopback
/// media server's `http://127.0.0.1:<port>/<token>` on Linux, where the
/// webview's player cannot read the asset protocol; `None` elsewhere.
pub(crate) struct MediaBase(pub String);

#[tauri::command]
pub(crate) fn media_base<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    use tauri::Manager;
    app.try_state::<MediaBase>().map(|base| base.0.clone())
}
