//! Opening and completing modules.

use qunxue_app::reading::{ModuleEntry, ModuleView};
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn open_module(state: State<'_, AppState>, course_id: String, module_id: String) -> CommandResult<ModuleView> {
    run(&state, move |s| s.open_module(&course_id, &module_id)).await
}

#[tauri::command]
pub async fn complete_module(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<ModuleEntry> {
    run(&state, move |s| s.complete_module(&course_id, &module_id)).await
}
