//! Quizzes: starting, answering (saved at once), handing in, results and
//! the spaced-review queue. Each command is one `qunxue_app::quiz` service.

use qunxue_app::quiz::{self, AttemptResult, AttemptView, ItemFeedback, ModuleQuiz, QuizOverview, ReviewAnswered, ReviewQueue, SavedAnswer};
use qunxue_core::quiz::LearnerAnswer;
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn module_quizzes(state: State<'_, AppState>, course_id: String, module_id: String) -> CommandResult<Vec<ModuleQuiz>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::module_quizzes(store, &profile, &course_id, &module_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn quiz_overview(state: State<'_, AppState>, course_id: String, quiz_id: String) -> CommandResult<QuizOverview> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::quiz_overview(store, &profile, &course_id, &quiz_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn start_quiz(state: State<'_, AppState>, course_id: String, quiz_id: String) -> CommandResult<AttemptView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::start_quiz(store, &profile, &course_id, &quiz_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn save_answer(
    state: State<'_, AppState>,
    attempt_id: String,
    question_id: String,
    answer: LearnerAnswer,
) -> CommandResult<SavedAnswer> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        quiz::save_answer(store, &profile, &attempt_id, &question_id, &answer, chrono::Utc::now())
    })
    .await
}

/// Immediate-feedback mode: reveals the feedback on a saved answer and makes it final.
#[tauri::command]
pub async fn check_answer(state: State<'_, AppState>, attempt_id: String, question_id: String) -> CommandResult<ItemFeedback> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        quiz::check_answer(store, &profile, &attempt_id, &question_id, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn submit_attempt(state: State<'_, AppState>, attempt_id: String) -> CommandResult<AttemptResult> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::submit_attempt(store, &profile, &attempt_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn attempt_result(state: State<'_, AppState>, attempt_id: String) -> CommandResult<AttemptResult> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::attempt_result(store, &profile, &attempt_id, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn review_queue(state: State<'_, AppState>) -> CommandResult<ReviewQueue> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| quiz::review_queue(store, &profile, chrono::Utc::now())).await
}

#[tauri::command]
pub async fn answer_review(
    state: State<'_, AppState>,
    question_id: String,
    course_id: String,
    answer: LearnerAnswer,
) -> CommandResult<ReviewAnswered> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        quiz::answer_review(store, &profile, &course_id, &question_id, &answer, chrono::Utc::now())
    })
    .await
}
