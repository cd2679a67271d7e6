//! Backups from the Settings panel and the recovery screen shown when the
//! database failed its start-up check. Who may do what is the session's:
//! listing and making backups is open to every profile, restoring needs an
//! instructor, and recovery is open only while the database is damaged.

use qunxue_app::backup::startup::Damage;
use qunxue_app::backup::BackupEntry;
use qunxue_app::session::{BackupList, Restored};
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn list_backups(state: State<'_, AppState>) -> CommandResult<BackupList> {
    run(&state, |s| s.list_backups()).await
}

#[tauri::command]
pub(crate) async fn create_backup_now(state: State<'_, AppState>) -> CommandResult<BackupEntry> {
    run(&state, |s| s.create_backup_now()).await
}

/// Replaces the live database with the backup called `file_name`.
#[tauri::command]
pub(crate) async fn restore_backup(state: State<'_, AppState>, file_name: String) -> CommandResult<Restored> {
    run(&state, move |s| s.restore_backup(&file_name)).await
}

/// The damage found at start-up, if the app is in recovery.
#[tauri::command]
pub(crate) async fn recovery_status(state: State<'_, AppState>) -> CommandResult<Option<Damage>> {
    run(&state, |s| s.recovery_status()).await
}

/// Leaves recovery: restores the backup called `file_name`, or with none
/// starts on a new, empty database.
#[tauri::command]
pub(crate) async fn recover_database(state: State<'_, AppState>, file_name: Option<String>) -> CommandResult<Restored> {
    run(&state, move |s| s.recover_database(file_name.as_deref())).await
}
