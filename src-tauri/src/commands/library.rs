//! The course library: checking and importing packs the user picked, and
//! removing courses (admins only, checked by the session).

use std::path::PathBuf;

use qunxue_app::import::{ImportProgress, ValidationOutcome};
use qunxue_app::session::{CourseRemoval, ImportSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

/// Validates a pack (folder or `.zip`) without installing anything.
#[tauri::command]
pub(crate) async fn validate_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<ValidationOutcome> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.validate_pack(&path)).await
}

/// Imports a pack, reporting each step on `on_progress`.
#[tauri::command]
pub(crate) async fn import_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    force: bool,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| {
        // A closed window drops the channel; the import goes on regardless.
        s.import_pack(&path, force, &mut |step| {
            let _ = on_progress.send(step);
        })
    })
    .await
}

/// What removing a course would delete: asked before the confirmation.
#[tauri::command]
pub(crate) async fn course_removal(state: State<'_, AppState>, course_id: String) -> CommandResult<CourseRemoval> {
    run(&state, move |s| s.course_removal(&course_id)).await
}

/// Removes a course with everyone's records in it, after a backup.
#[tauri::command]
pub(crate) async fn remove_course(state: State<'_, AppState>, course_id: String) -> CommandResult<CourseRemoval> {
    run(&state, move |s| s.remove_course(&course_id)).await
}
