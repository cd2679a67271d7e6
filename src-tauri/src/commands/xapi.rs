//! xAPI settings, outbox status and "sync now" for the settings screen.

use qunxue_app::xapi::{
    self, Credentials, SettingsInput, SyncError, SyncOptions, SyncReport, XapiSettings, XapiStatus,
};
use qunxue_app::AppError;
use tauri::State;

use super::with_store;
use crate::error::{CommandError, CommandResult};
use crate::state::{lock, AppState};

#[tauri::command]
pub async fn xapi_status(state: State<'_, AppState>) -> CommandResult<XapiStatus> {
    with_store(&state.store, |store| xapi::status(store)).await
}

/// The settings without the password (only whether one is stored).
#[tauri::command]
pub async fn xapi_settings(state: State<'_, AppState>) -> CommandResult<XapiSettings> {
    with_store(&state.store, |store| xapi::settings(store)).await
}

#[tauri::command]
pub async fn xapi_save_settings(state: State<'_, AppState>, input: SettingsInput) -> CommandResult<XapiSettings> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| xapi::save_settings(store, &profile, &input)).await
}

/// Sends every pending statement now; the database stays usable meanwhile
/// (it is locked only between requests).
#[tauri::command]
pub async fn xapi_sync_now(state: State<'_, AppState>) -> CommandResult<SyncReport> {
    let store = std::sync::Arc::clone(&state.store);
    tokio::task::spawn_blocking(move || {
        let credentials = Credentials::stored(&*lock(&store)?)?.ok_or_else(|| sync_error(SyncError::NotConfigured))?;
        xapi::sync_now(&store, &credentials, &SyncOptions::default(), |_| {}).map_err(sync_error)
    })
    .await?
}

fn sync_error(error: SyncError) -> CommandError {
    match error {
        SyncError::App(error) => error.into(),
        // Not reaching or being refused by the LRS is the user's to fix (address,
        // account, network), so it is reported as bad input, with the reason.
        other => AppError::Rejected(other.to_string()).into(),
    }
}
