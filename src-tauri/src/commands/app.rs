//! The about box and the start-up measurement.

use std::path::PathBuf;

use qunxue_app::session::{Action, AppInfo};
use qunxue_app::AppError;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::{CommandError, CommandResult};
use crate::logging::{self, LogFolder};
use crate::single_instance::{open_paths, PendingPaths};
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    run(&state, |s| s.app_info()).await
}

/// The first screen is interactive: logged for the cold-start budget (P6).
/// The window now listens, so the files the app was started with are
/// handed to it.
#[tauri::command]
pub(crate) fn ui_ready<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pending: State<'_, PendingPaths>,
) -> CommandResult<()> {
    let millis = state.started.elapsed().as_millis();
    // stdout for the bench's start-up measurement, the log for everyone else.
    println!("qunxue: first screen interactive after {millis} ms");
    log::info!("first screen interactive after {millis} ms");
    let paths = std::mem::take(&mut *pending.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    open_paths(&app, &paths);
    Ok(())
}

/// What failed in the background, for the banner (the session decides how
/// much of it the acting profile sees).
#[tauri::command]
pub(crate) async fn app_health(state: State<'_, AppState>) -> CommandResult<qunxue_app::health::HealthReport> {
    run(&state, |s| s.health()).await
}

/// The folder of the log files, for 设置 → 打开日志文件夹 (instructors and admins).
#[tauri::command]
pub(crate) async fn log_folder(state: State<'_, AppState>, folder: State<'_, LogFolder>) -> CommandResult<String> {
    let path = folder.0.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    run(&state, move |s| {
        drop(s.authorise(Action::ReadLogs)?);
        Ok(path)
    })
    .await
}

/// Zips the log files to `path` (picked in the save dialog) for support.
#[tauri::command]
pub(crate) async fn export_logs<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: State<'_, LogFolder>,
    path: PathBuf,
) -> CommandResult<usize> {
    ensure_picked(&app, &path)?;
    let folder = folder.0.clone();
    run(&state, move |s| {
        drop(s.authorise(Action::ReadLogs)?);
        logging::export(folder.as_deref(), &path).map_err(|source| AppError::Write { path: path.clone(), source })
    })
    .await
}

/// Panics, in debug builds only: the end-to-end run checks that a panic
/// reaches the log and the person at the machine. A release build refuses.
#[tauri::command]
pub(crate) async fn debug_panic(state: State<'_, AppState>) -> CommandResult<()> {
    if !cfg!(debug_assertions) {
        return Err(CommandError::forbidden(qunxue_app::msg!("debug builds only", "仅限调试版本")));
    }
    run(&state, |_| -> qunxue_app::Result<()> { panic!("debug_panic: a panic asked for by the end-to-end run") }).await
}
