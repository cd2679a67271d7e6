//! The instructor's quiz tools: the short-answer grading queue, grading,
//! and item analysis with its CSV/XLSX export. The services check the role.

use std::path::PathBuf;

use qunxue_app::export::write_tables;
use qunxue_app::quiz::{self, AttemptRescored, ItemAnalysis, PendingAnswer};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn marking_queue(state: State<'_, AppState>, course_id: Option<String>) -> CommandResult<Vec<PendingAnswer>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::marking_queue(store, &profile, course_id.as_deref())).await
}

#[tauri::command]
pub async fn grade_answer(
    state: State<'_, AppState>,
    attempt_id: String,
    question_id: String,
    score: f64,
    comment: Option<String>,
) -> CommandResult<AttemptRescored> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        quiz::grade_answer(store, &profile, &attempt_id, &question_id, score, comment.as_deref(), chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn item_analysis(state: State<'_, AppState>, course_id: String, quiz_id: String) -> CommandResult<ItemAnalysis> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::item_analysis(store, &profile, &course_id, &quiz_id)).await
}

/// Writes the analysis to `path` (picked in the save dialog; `.csv` or `.xlsx`).
#[tauri::command]
pub async fn export_item_analysis<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        let analysis = quiz::item_analysis(store, &profile, &course_id, &quiz_id)?;
        write_tables(&path, &[quiz::item_analysis_sheet(&analysis)])
    })
    .await
}
