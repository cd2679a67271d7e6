//! Opening modules and recording progress.

use qunxue_app::reading::{self, ModuleEntry, ModuleView};
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn open_module(state: State<'_, AppState>, course_id: String, module_id: String) -> CommandResult<ModuleView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        reading::open_module(store, &profile, &course_id, &module_id, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn complete_module(state: State<'_, AppState>, course_id: String, module_id: String) -> CommandResult<ModuleEntry> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        reading::complete_module(store, &profile, &course_id, &module_id, chrono::Utc::now())
    })
    .await
}
