//! Profiles on a shared machine: the picker's list, creating, renaming,
//! recolouring and deleting profiles, roles, and switching the acting
//! profile (with a PIN for instructors and admins, checked in the backend).

use qunxue_app::accounts::{NewProfile, ProfileList, ProfileView, RoleChange, SwitchOutcome};
use qunxue_app::domain::rows::{AdminLogEntry, Role};
use qunxue_app::session::SessionStatus;
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn list_profiles(state: State<'_, AppState>) -> CommandResult<ProfileList> {
    run(&state, |s| s.list_profiles()).await
}

#[tauri::command]
pub(crate) async fn create_profile(state: State<'_, AppState>, profile: NewProfile) -> CommandResult<ProfileView> {
    run(&state, move |s| s.create_profile(&profile)).await
}

#[tauri::command]
pub(crate) async fn rename_profile(
    state: State<'_, AppState>,
    profile_id: String,
    display_name: String,
) -> CommandResult<ProfileView> {
    run(&state, move |s| s.rename_profile(&profile_id, &display_name)).await
}

#[tauri::command]
pub(crate) async fn set_avatar_colour(
    state: State<'_, AppState>,
    profile_id: String,
    colour: String,
) -> CommandResult<ProfileView> {
    run(&state, move |s| s.set_avatar_colour(&profile_id, &colour)).await
}

#[tauri::command]
pub(crate) async fn delete_profile(state: State<'_, AppState>, profile_id: String) -> CommandResult<()> {
    run(&state, move |s| s.delete_profile(&profile_id)).await
}

#[tauri::command]
pub(crate) async fn set_profile_role(
    state: State<'_, AppState>,
    profile_id: String,
    role: Role,
    pin: Option<String>,
) -> CommandResult<RoleChange> {
    run(&state, move |s| s.set_profile_role(&profile_id, role, pin.as_deref())).await
}

/// Switches the profile every later command acts for, if the PIN unlocks it.
#[tauri::command]
pub(crate) async fn switch_profile(
    state: State<'_, AppState>,
    profile_id: String,
    pin: Option<String>,
) -> CommandResult<SwitchOutcome> {
    run(&state, move |s| s.switch_profile(&profile_id, pin.as_deref())).await
}

/// The newest entries of the admin log (admins only).
#[tauri::command]
pub(crate) async fn admin_log(state: State<'_, AppState>) -> CommandResult<Vec<AdminLogEntry>> {
    run(&state, |s| s.admin_log(200)).await
}

/// Who is acting and whether their session locked itself while idle.
#[tauri::command]
pub(crate) async fn session_status(state: State<'_, AppState>) -> CommandResult<SessionStatus> {
    run(&state, |s| s.session_status()).await
}

/// How long an instructor's or admin's session may stay idle (admins).
#[tauri::command]
pub(crate) async fn set_idle_lock_minutes(state: State<'_, AppState>, minutes: i64) -> CommandResult<SessionStatus> {
    run(&state, move |s| s.set_idle_lock_minutes(minutes)).await
}
