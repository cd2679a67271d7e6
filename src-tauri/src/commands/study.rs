//! Study time heartbeats, reading positions, the home screen summary and
//! the export of a learner's full record.

use std::path::PathBuf;

use qunxue_app::study::{Heartbeat, Home, ReadingPosition};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn study_heartbeat(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Heartbeat> {
    run(&state, move |s| s.study_heartbeat(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn save_reading_position(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
    position: ReadingPosition,
) -> CommandResult<()> {
    run(&state, move |s| s.save_reading_position(&course_id, &module_id, &position)).await
}

#[tauri::command]
pub(crate) async fn reading_position(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Option<ReadingPosition>> {
    run(&state, move |s| s.reading_position(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn home_summary(state: State<'_, AppState>) -> CommandResult<Home> {
    run(&state, |s| s.home_summary()).await
}

#[tauri::command]
pub(crate) async fn export_learner_record<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_learner_record(&path)).await
}
