//! Quizzes: starting, answering (saved at once), handing in, results and
//! the spaced-review queue.

use qunxue_app::domain::quiz::LearnerAnswer;
use qunxue_app::quiz::{
    AttemptResult, AttemptView, ItemFeedback, ModuleQuiz, QuizOverview, ReviewAnswered, ReviewQueue, SavedAnswer,
};
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn module_quizzes(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Vec<ModuleQuiz>> {
    run(&state, move |s| s.module_quizzes(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn quiz_overview(
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
) -> CommandResult<QuizOverview> {
    run(&state, move |s| s.quiz_overview(&course_id, &quiz_id)).await
}

#[tauri::command]
pub(crate) async fn start_quiz(
    state: State<'_, AppState>,
    course_id: String,
    quiz_id: String,
) -> CommandResult<AttemptView> {
    run(&state, move |s| s.start_quiz(&course_id, &quiz_id)).await
}

#[tauri::command]
pub(crate) async fn save_answer(
    state: State<'_, AppState>,
    attempt_id: String,
    question_id: String,
    answer: LearnerAnswer,
) -> CommandResult<SavedAnswer> {
    run(&state, move |s| s.save_answer(&attempt_id, &question_id, &answer)).await
}

#[tauri::command]
pub(crate) async fn check_answer(
    state: State<'_, AppState>,
    attempt_id: String,
    question_id: String,
) -> CommandResult<ItemFeedback> {
    run(&state, move |s| s.check_answer(&attempt_id, &question_id)).await
}

#[tauri::command]
pub(crate) async fn submit_attempt(state: State<'_, AppState>, attempt_id: String) -> CommandResult<AttemptResult> {
    run(&state, move |s| s.submit_attempt(&attempt_id)).await
}

#[tauri::command]
pub(crate) async fn attempt_result(state: State<'_, AppState>, attempt_id: String) -> CommandResult<AttemptResult> {
    run(&state, move |s| s.attempt_result(&attempt_id)).await
}

#[tauri::command]
pub(crate) async fn review_queue(state: State<'_, AppState>) -> CommandResult<ReviewQueue> {
    run(&state, |s| s.review_queue()).await
}

#[tauri::command]
pub(crate) async fn answer_review(
    state: State<'_, AppState>,
    question_id: String,
    course_id: String,
    answer: LearnerAnswer,
) -> CommandResult<ReviewAnswered> {
    run(&state, move |s| s.answer_review(&course_id, &question_id, &answer)).await
}
