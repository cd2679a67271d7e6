//! Study time heartbeats, reading positions, the home screen summary and
//! the export of a learner's full record.

use std::path::PathBuf;

use qunxue_app::learner_record;
use qunxue_app::study::{self, Heartbeat, Home, ReadingPosition};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn study_heartbeat(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Heartbeat> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        study::heartbeat(store, &profile, &course_id, &module_id, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn save_reading_position(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
    position: ReadingPosition,
) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        study::save_position(store, &profile, &course_id, &module_id, &position)
    })
    .await
}

#[tauri::command]
pub async fn reading_position(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Option<ReadingPosition>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        study::reading_position(store, &profile, &course_id, &module_id)
    })
    .await
}

#[tauri::command]
pub async fn home_summary(state: State<'_, AppState>) -> CommandResult<Home> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        study::home(store, &profile, chrono::Utc::now())
    })
    .await
}

/// Writes the active profile's full record to `path` (picked in the save
/// dialog; `.csv` or `.xlsx`).
#[tauri::command]
pub async fn export_learner_record<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        learner_record::export_learner_record(store, &profile, &path)
    })
    .await
}
