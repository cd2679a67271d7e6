//! xAPI settings, outbox status and "sync now" for the settings screen.

use qunxue_app::xapi::{SettingsInput, SyncOptions, SyncReport, XapiSettings, XapiStatus};
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn xapi_status(state: State<'_, AppState>) -> CommandResult<XapiStatus> {
    run(&state, |s| s.xapi_status()).await
}

#[tauri::command]
pub(crate) async fn xapi_settings(state: State<'_, AppState>) -> CommandResult<XapiSettings> {
    run(&state, |s| s.xapi_settings()).await
}

#[tauri::command]
pub(crate) async fn xapi_save_settings(
    state: State<'_, AppState>,
    input: SettingsInput,
) -> CommandResult<XapiSettings> {
    run(&state, move |s| s.xapi_save_settings(&input)).await
}

#[tauri::command]
pub(crate) async fn xapi_sync_now(state: State<'_, AppState>) -> CommandResult<SyncReport> {
    run(&state, |s| Ok(s.xapi_sync(None, &SyncOptions::default(), |_| {})?)).await
}
