//! Practice quizzes an instructor imports from GIFT or Aiken files: preview,
//! import, list and withdraw; the file must have been picked in the open dialog.

use std::path::PathBuf;

use qunxue_app::domain::quiz::QuestionFileFormat;
use qunxue_app::quiz::local::{LocalQuizCreated, LocalQuizRequest, LocalQuizSummary, QuestionFilePreview};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn preview_question_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    format: QuestionFileFormat,
) -> CommandResult<QuestionFilePreview> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.preview_question_file(&path, format)).await
}

#[tauri::command]
pub(crate) async fn import_local_quiz<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    request: LocalQuizRequest,
) -> CommandResult<LocalQuizCreated> {
    ensure_picked(&app, &request.path)?;
    run(&state, move |s| s.import_local_quiz(&course_id, &request)).await
}

#[tauri::command]
pub(crate) async fn local_quizzes(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<LocalQuizSummary>> {
    run(&state, move |s| s.local_quizzes(&course_id)).await
}

#[tauri::command]
pub(crate) async fn archive_local_quiz(
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
) -> CommandResult<()> {
    run(&state, move |s| s.archive_local_quiz(&course_id, &quiz_id)).await
}
