//! Full-text search over modules, the learner's notes and questions.

use qunxue_app::search::SearchResults;
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

/// Loads the segmentation dictionary when the search box gets focus, so
/// start-up does not pay for it.
#[tauri::command]
pub(crate) async fn prepare_search(state: State<'_, AppState>) -> CommandResult<()> {
    run(&state, |s| s.prepare_search()).await
}

#[tauri::command]
pub(crate) async fn search(state: State<'_, AppState>, query: String) -> CommandResult<SearchResults> {
    run(&state, move |s| s.search(&query)).await
}
