//! Backups from the Settings panel and the recovery screen shown when the
//! database failed its start-up check.
//!
//! Listing and making backups is open to every profile (a backup changes
//! nothing); restoring one replaces everybody's data and needs the
//! instructor role. On the recovery screen there is no usable database to
//! check roles against, so recovery is open to whoever is at the machine.

use std::path::Path;
use std::sync::Arc;

use chrono::Utc;
use qunxue_app::access;
use qunxue_app::backup::rotation::{KEEP_DAILY, KEEP_RECENT, KEEP_WEEKLY};
use qunxue_app::backup::startup::{self as db_startup, Damage};
use qunxue_app::backup::{
    backups_dir, create_backup, find_backup, list_backups as backups_in, restore_database, BackupEntry, BackupReason,
};
use qunxue_store::profiles::Role;
use qunxue_store::Store;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use super::with_store;
use crate::error::{CommandError, CommandResult};
use crate::startup::prepare;
use crate::state::{lock, AppState};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    folder: String,
    backups: Vec<BackupEntry>,
    keep_daily: usize,
    keep_weekly: usize,
    keep_recent: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    restored_from: String,
    /// Where the database that was replaced is kept.
    replaced_kept_at: Option<String>,
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<BackupList> {
    let data_dir = state.data_dir.clone();
    let backups = tokio::task::spawn_blocking(move || backups_in(&data_dir)).await??;
    Ok(BackupList {
        folder: backups_dir(&state.data_dir).display().to_string(),
        backups,
        keep_daily: KEEP_DAILY,
        keep_weekly: KEEP_WEEKLY,
        keep_recent: KEEP_RECENT,
    })
}

#[tauri::command]
pub async fn create_backup_now(state: State<'_, AppState>) -> CommandResult<BackupEntry> {
    if state.recovery().is_some() {
        return Err(CommandError::forbidden(
            "the database is damaged; restore a backup first",
        ));
    }
    let data_dir = state.data_dir.clone();
    with_store(&state.store, move |store| {
        create_backup(store.conn(), &data_dir, BackupReason::Manual, Utc::now())
    })
    .await
}

/// Replaces the live database with the backup called `file_name`.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_name: String,
) -> CommandResult<Restored> {
    let profile = state.profile_id();
    let (data_dir, database) = (state.data_dir.clone(), state.database_path.clone());
    let store = Arc::clone(&state.store);
    let (profile, restored) = tokio::task::spawn_blocking(move || -> CommandResult<(String, Restored)> {
        let mut guard = lock(&store)?;
        access::require(guard.conn(), &profile, Role::Instructor, "restoring a backup")?;
        let entry = find_backup(&data_dir, &file_name)?;
        swap_database(&app, &mut guard, &database, true, |database| {
            restore_database(&entry.path, database, Utc::now()).map(|outcome| Restored {
                restored_from: entry.file_name.clone(),
                replaced_kept_at: outcome.replaced_kept_at.map(|p| p.display().to_string()),
            })
        })
    })
    .await??;
    state.set_profile_id(profile);
    Ok(restored)
}

/// The damage found at start-up, if the app is in recovery.
#[tauri::command]
pub fn recovery_status(state: State<'_, AppState>) -> Option<Damage> {
    state.recovery()
}

/// Leaves recovery: restores the backup called `file_name`, or with none
/// starts on a new, empty database. The damaged file is kept aside either way.
#[tauri::command]
pub async fn recover_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_name: Option<String>,
) -> CommandResult<Restored> {
    if state.recovery().is_none() {
        return Err(CommandError::forbidden(
            "the database is healthy; use Settings to restore a backup",
        ));
    }
    let (data_dir, database) = (state.data_dir.clone(), state.database_path.clone());
    let store = Arc::clone(&state.store);
    let (profile, restored) = tokio::task::spawn_blocking(move || -> CommandResult<(String, Restored)> {
        let mut guard = lock(&store)?;
        swap_database(&app, &mut guard, &database, false, |database| match &file_name {
            Some(name) => {
                let entry = find_backup(&data_dir, name)?;
                let (store, outcome) = db_startup::recover_from_backup(database, &entry.path, Utc::now())?;
                drop(store);
                Ok(Restored {
                    restored_from: entry.file_name,
                    replaced_kept_at: outcome.replaced_kept_at.map(|p| p.display().to_string()),
                })
            }
            None => {
                let (store, kept) = db_startup::start_afresh(database, Utc::now())?;
                drop(store);
                Ok(Restored {
                    restored_from: String::new(),
                    replaced_kept_at: kept.map(|p| p.display().to_string()),
                })
            }
        })
    })
    .await??;
    state.set_profile_id(profile);
    state.set_recovery(None);
    Ok(restored)
}

/// Closes the live connection, runs `replace` on the database file, and
/// opens the file again. When `replace` refuses, the previous file is
/// reopened if `reopen_on_failure` (a healthy database), and otherwise the
/// app stays on its empty in-memory store (recovery from a damaged one).
fn swap_database<R: Runtime, T>(
    app: &AppHandle<R>,
    slot: &mut Store,
    database: &Path,
    reopen_on_failure: bool,
    replace: impl FnOnce(&Path) -> qunxue_app::Result<T>,
) -> CommandResult<(String, T)> {
    let in_memory = Store::open_in_memory().map_err(qunxue_app::AppError::from)?;
    drop(std::mem::replace(slot, in_memory));
    let replaced = match replace(database) {
        Err(error) if !reopen_on_failure => return Err(error.into()),
        other => other,
    };
    let reopened = Store::open(database).map_err(qunxue_app::AppError::from)?;
    let (store, profile) = prepare(app, reopened)?;
    *slot = store;
    Ok((profile, replaced?))
}
