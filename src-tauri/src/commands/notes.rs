//! Notes and bookmarks on modules, and exporting all notes as Markdown.

use std::path::PathBuf;

use qunxue_app::domain::rows::Bookmark;
use qunxue_app::notes::{ModuleNotes, NewNote, NoteView};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn module_notes(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<ModuleNotes> {
    run(&state, move |s| s.module_notes(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn add_note(state: State<'_, AppState>, note: NewNote) -> CommandResult<NoteView> {
    run(&state, move |s| s.add_note(&note)).await
}

#[tauri::command]
pub(crate) async fn update_note(state: State<'_, AppState>, note_id: String, body: String) -> CommandResult<NoteView> {
    run(&state, move |s| s.update_note(&note_id, &body)).await
}

#[tauri::command]
pub(crate) async fn delete_note(state: State<'_, AppState>, note_id: String) -> CommandResult<()> {
    run(&state, move |s| s.delete_note(&note_id)).await
}

#[tauri::command]
pub(crate) async fn set_bookmark(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
    on: bool,
) -> CommandResult<bool> {
    run(&state, move |s| s.set_bookmark(&course_id, &module_id, on)).await
}

#[tauri::command]
pub(crate) async fn list_bookmarks(state: State<'_, AppState>) -> CommandResult<Vec<Bookmark>> {
    run(&state, |s| s.list_bookmarks()).await
}

#[tauri::command]
pub(crate) async fn export_notes<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_notes(&path)).await
}
