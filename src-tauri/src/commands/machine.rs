//! Setting the machine up and keeping its PINs: the first-run question, the
//! admin set-up and recovery, the learner-PIN policy and PIN changes. Every
//! rule is the session's; these only pass arguments through.

use qunxue_app::accounts::{AdminCredentials, MachineSetup, ProfileView};
use qunxue_app::session::SharedMachine;
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

/// Whether the first-run question was answered, and the PIN policy.
#[tauri::command]
pub(crate) async fn machine_setup(state: State<'_, AppState>) -> CommandResult<MachineSetup> {
    run(&state, |s| s.machine_setup()).await
}

/// First run: one learner uses this computer.
#[tauri::command]
pub(crate) async fn set_up_personal_machine(
    state: State<'_, AppState>,
    display_name: Option<String>,
) -> CommandResult<MachineSetup> {
    run(&state, move |s| s.set_up_personal_machine(display_name.as_deref())).await
}

/// First run: a class or company machine, its admin set up first.
#[tauri::command]
pub(crate) async fn set_up_shared_machine(
    state: State<'_, AppState>,
    setup: SharedMachine,
) -> CommandResult<AdminCredentials> {
    run(&state, move |s| s.set_up_shared_machine(&setup)).await
}

/// An admin where none exists, or a new one replacing an admin made the old way.
#[tauri::command]
pub(crate) async fn set_up_admin(
    state: State<'_, AppState>,
    display_name: String,
    pin: String,
) -> CommandResult<AdminCredentials> {
    run(&state, move |s| s.set_up_admin(&display_name, &pin)).await
}

/// The acting admin confirms (or replaces a lost recovery code).
#[tauri::command]
pub(crate) async fn confirm_admin(state: State<'_, AppState>) -> CommandResult<AdminCredentials> {
    run(&state, |s| s.confirm_admin()).await
}

/// A new PIN for an admin who forgot theirs, with the recovery code.
#[tauri::command]
pub(crate) async fn recover_admin(
    state: State<'_, AppState>,
    profile_id: String,
    code: String,
    new_pin: String,
) -> CommandResult<AdminCredentials> {
    run(&state, move |s| s.recover_admin(&profile_id, &code, &new_pin)).await
}

/// The site policy: every profile needs a PIN (admins).
#[tauri::command]
pub(crate) async fn set_learner_pins_required(
    state: State<'_, AppState>,
    required: bool,
) -> CommandResult<MachineSetup> {
    run(&state, move |s| s.set_learner_pins_required(required)).await
}

/// An admin resets another profile's PIN.
#[tauri::command]
pub(crate) async fn reset_pin(
    state: State<'_, AppState>,
    profile_id: String,
    new_pin: Option<String>,
) -> CommandResult<ProfileView> {
    run(&state, move |s| s.reset_pin(&profile_id, new_pin.as_deref())).await
}

/// The acting profile sets, changes or removes its own PIN.
#[tauri::command]
pub(crate) async fn change_own_pin(
    state: State<'_, AppState>,
    current: Option<String>,
    new_pin: Option<String>,
) -> CommandResult<ProfileView> {
    run(&state, move |s| s.change_own_pin(current.as_deref(), new_pin.as_deref())).await
}
