//! The course library: checking and importing packs the user picked, and
//! removing courses.

use std::path::PathBuf;

use qunxue_app::import::{self, ImportProgress, ImportResult, ValidationOutcome};
use qunxue_app::library;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Validates a pack (folder or `.zip`) without installing anything.
#[tauri::command]
pub async fn validate_pack<R: Runtime>(app: AppHandle<R>, path: PathBuf) -> CommandResult<ValidationOutcome> {
    ensure_picked(&app, &path)?;
    Ok(tokio::task::spawn_blocking(move || import::validate_path(&path)).await?)
}

/// What the import dialog shows: the pack's first course at the top level
/// (a pack almost always holds one) and every course in `courses`.
#[derive(Debug, Serialize)]
pub struct ImportSummary {
    #[serde(flatten)]
    first: ImportResult,
    courses: Vec<ImportResult>,
}

/// Imports a pack, reporting each step on `on_progress`.
#[tauri::command]
pub async fn import_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    force: bool,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    let data_dir = state.data_dir.clone();
    let courses = with_store(&state.store, move |store| {
        // A closed window drops the channel; the import goes on regardless.
        let mut report = |step: ImportProgress| {
            let _ = on_progress.send(step);
        };
        import::import_pack(store, &data_dir, &path, force, chrono::Utc::now(), &mut report)
    })
    .await?;
    let first = courses.first().cloned().ok_or_else(|| CommandError::internal("a valid pack always holds a course"))?;
    Ok(ImportSummary { first, courses })
}

/// Removes a course with its content and installed files.
#[tauri::command]
pub async fn remove_course(state: State<'_, AppState>, course_id: String) -> CommandResult<()> {
    let data_dir = state.data_dir.clone();
    with_store(&state.store, move |store| library::remove_course(store, &data_dir, &course_id)).await
}
