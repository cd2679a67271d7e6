//! Full-text search over modules, the learner's notes and (for instructors
//! and admins) questions.

use qunxue_app::search::{self as service, SearchResults};
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> CommandResult<SearchResults> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        service::search(store, &profile, &query)
    })
    .await
}
