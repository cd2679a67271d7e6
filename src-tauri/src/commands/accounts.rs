//! Profiles on a shared machine: the picker's list, creating, renaming,
//! recolouring and deleting profiles, roles, and switching the active
//! profile (with a PIN for instructors and admins, checked in the backend).

use qunxue_app::access::Role;
use qunxue_app::accounts::{self, NewProfile, ProfileList, ProfileView, SwitchOutcome};
use tauri::State;

use super::with_store;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_profiles(state: State<'_, AppState>) -> CommandResult<ProfileList> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::list_profiles(store, &profile)
    })
    .await
}

#[tauri::command]
pub async fn create_profile(
    state: State<'_, AppState>,
    profile: NewProfile,
) -> CommandResult<ProfileView> {
    let caller = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::create_profile(store, &caller, &profile, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn rename_profile(
    state: State<'_, AppState>,
    profile_id: String,
    display_name: String,
) -> CommandResult<ProfileView> {
    let caller = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::rename_profile(store, &caller, &profile_id, &display_name)
    })
    .await
}

#[tauri::command]
pub async fn set_avatar_colour(
    state: State<'_, AppState>,
    profile_id: String,
    colour: String,
) -> CommandResult<ProfileView> {
    let caller = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::set_avatar_colour(store, &caller, &profile_id, &colour)
    })
    .await
}

#[tauri::command]
pub async fn delete_profile(state: State<'_, AppState>, profile_id: String) -> CommandResult<()> {
    let caller = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::delete_profile(store, &caller, &profile_id)
    })
    .await
}

#[tauri::command]
pub async fn set_profile_role(
    state: State<'_, AppState>,
    profile_id: String,
    role: Role,
    pin: Option<String>,
) -> CommandResult<ProfileView> {
    let caller = state.profile_id();
    with_store(&state.store, move |store| {
        accounts::set_profile_role(store, &caller, &profile_id, role, pin.as_deref())
    })
    .await
}

/// Switches the profile every later command acts for, if the PIN unlocks it.
#[tauri::command]
pub async fn switch_profile(
    state: State<'_, AppState>,
    profile_id: String,
    pin: Option<String>,
) -> CommandResult<SwitchOutcome> {
    let outcome = with_store(&state.store, move |store| {
        accounts::switch_profile(store, &profile_id, pin.as_deref(), chrono::Utc::now())
    })
    .await?;
    if let SwitchOutcome::Switched { profile } = &outcome {
        state.set_profile_id(profile.id.clone());
    }
    Ok(outcome)
}
