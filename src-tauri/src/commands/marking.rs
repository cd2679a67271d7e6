//! The instructor's quiz tools: the short-answer marking queue, marking,
//! item analysis with its CSV/XLSX export, and regrading after a corrected key.

use std::path::PathBuf;

use qunxue_app::quiz::{AttemptRescored, ItemAnalysis, KeyChangeView, PendingAnswer, RegradeReport};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn marking_queue(
    state: State<'_, AppState>,
    course_id: Option<String>,
    classes: Option<Vec<String>>,
) -> CommandResult<Vec<PendingAnswer>> {
    run(&state, move |s| s.marking_queue_in_classes(course_id.as_deref(), &classes.unwrap_or_default())).await
}

#[tauri::command]
pub(crate) async fn grade_answer(
    state: State<'_, AppState>,
    attempt_id: String,
    question_id: String,
    score: f64,
    comment: Option<String>,
) -> CommandResult<AttemptRescored> {
    run(&state, move |s| s.grade_answer(&attempt_id, &question_id, score, comment.as_deref())).await
}

#[tauri::command]
pub(crate) async fn quiz_key_changes(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<KeyChangeView>> {
    run(&state, move |s| s.quiz_key_changes(&course_id)).await
}

#[tauri::command]
pub(crate) async fn regrade_question(
    state: State<'_, AppState>,
    course_id: String,
    question_id: String,
) -> CommandResult<RegradeReport> {
    run(&state, move |s| s.regrade_question(&course_id, &question_id)).await
}

#[tauri::command]
pub(crate) async fn item_analysis(
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
) -> CommandResult<ItemAnalysis> {
    run(&state, move |s| s.item_analysis(&course_id, &quiz_id)).await
}

#[tauri::command]
pub(crate) async fn export_item_analysis<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_item_analysis(&course_id, &quiz_id, &path)).await
}
