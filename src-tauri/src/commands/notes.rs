//! Notes and bookmarks on modules, and exporting all notes as Markdown.

use std::path::PathBuf;

use qunxue_app::notes::{self, ModuleNotes, NewNote, NoteView};
use qunxue_app::AppError;
use qunxue_store::bookmarks::Bookmark;
use qunxue_store::profiles;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn module_notes(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<ModuleNotes> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::module_notes(store, &profile, &course_id, &module_id)
    })
    .await
}

#[tauri::command]
pub async fn add_note(state: State<'_, AppState>, note: NewNote) -> CommandResult<NoteView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::add_note(store, &profile, &note, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn update_note(
    state: State<'_, AppState>,
    note_id: String,
    body: String,
) -> CommandResult<NoteView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::update_note(store, &profile, &note_id, &body, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, note_id: String) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::delete_note(store, &profile, &note_id)
    })
    .await
}

#[tauri::command]
pub async fn set_bookmark(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
    on: bool,
) -> CommandResult<bool> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::set_bookmark(
            store,
            &profile,
            &course_id,
            &module_id,
            on,
            chrono::Utc::now(),
        )
    })
    .await
}

#[tauri::command]
pub async fn list_bookmarks(state: State<'_, AppState>) -> CommandResult<Vec<Bookmark>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        notes::list_bookmarks(store, &profile)
    })
    .await
}

/// Writes all the active profile's notes as Markdown to `path` (picked in
/// the save dialog).
#[tauri::command]
pub async fn export_notes<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        let name = profiles::get(store.conn(), &profile)?.display_name;
        let markdown = notes::export_notes_markdown(store, &profile, &name)?;
        std::fs::write(&path, markdown).map_err(|source| AppError::Write {
            path: path.clone(),
            source,
        })
    })
    .await
}
