//! Full-text search over modules, the learner's notes and (for instructors
//! and admins) questions.

use qunxue_app::search::{self as service, SearchResults};
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

/// Loads the word-segmentation dictionary in the background, so the first
/// search is quick. The UI asks for it when the search box gets focus rather
/// than at start-up: the dictionary is 33 MB of memory that a session
/// without a search never needs (P6 of `cargo xtask bench`).
#[tauri::command]
pub fn prepare_search() {
    std::thread::spawn(service::warm_up);
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> CommandResult<SearchResults> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        service::search(store, &profile, &query)
    })
    .await
}
