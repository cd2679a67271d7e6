//! The about box and the start-up measurement.

use qunxue_app::session::AppInfo;
use tauri::State;

use super::run;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    run(&state, |s| s.app_info()).await
}

/// The first screen is interactive: logged for the cold-start budget (P6).
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>) -> CommandResult<()> {
    println!("qunxue: first screen interactive after {} ms", state.started.elapsed().as_millis());
    Ok(())
}
