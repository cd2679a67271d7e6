//! Practice quizzes an instructor imports from GIFT or Aiken files: preview,
//! import, list and withdraw. Each command is one `qunxue_app::quiz::local`
//! service; the file must have been picked in the open dialog.

use std::path::PathBuf;

use qunxue_app::quiz::local::{self, LocalQuizCreated, LocalQuizRequest, LocalQuizSummary, QuestionFilePreview};
use qunxue_core::quiz::QuestionFileFormat;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_question_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    format: QuestionFileFormat,
) -> CommandResult<QuestionFilePreview> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| local::preview_question_file(store.conn(), &profile, &path, format)).await
}

#[tauri::command]
pub async fn import_local_quiz<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    request: LocalQuizRequest,
) -> CommandResult<LocalQuizCreated> {
    ensure_picked(&app, &request.path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        local::import_local_quiz(store, &profile, &course_id, &request, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn local_quizzes(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<LocalQuizSummary>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| local::local_quizzes(store, &profile, &course_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn archive_local_quiz(state: State<'_, AppState>, course_id: String, quiz_id: String) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| local::archive_local_quiz(store, &profile, &course_id, &quiz_id)).await
}
