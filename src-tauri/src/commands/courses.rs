//! The course list and a course's outline.

use qunxue_app::glossary::GlossaryTerm;
use qunxue_app::library::CourseSummary;
use qunxue_app::reading::Outline;
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn list_courses(state: State<'_, AppState>) -> CommandResult<Vec<CourseSummary>> {
    run(&state, |s| s.list_courses()).await
}

#[tauri::command]
pub(crate) async fn course_outline(state: State<'_, AppState>, course_id: String) -> CommandResult<Outline> {
    run(&state, move |s| s.course_outline(&course_id)).await
}

#[tauri::command]
pub(crate) async fn course_glossary(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<GlossaryTerm>> {
    run(&state, move |s| s.course_glossary(&course_id)).await
}
