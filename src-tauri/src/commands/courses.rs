//! Installed courses and their outlines.

use qunxue_app::library::{self, CourseSummary};
use qunxue_app::reading::{self, Outline};
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_courses(state: State<'_, AppState>) -> CommandResult<Vec<CourseSummary>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| library::list(store, &profile)).await
}

#[tauri::command]
pub async fn course_outline(state: State<'_, AppState>, course_id: String) -> CommandResult<Outline> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| reading::outline(store, &profile, &course_id)).await
}
