//! About the app itself: version, where data lives, start-up timing.

use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: &'static str,
    data_dir: String,
    db_path: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: qunxue_app::VERSION,
        data_dir: state.data_dir.display().to_string(),
        db_path: state.database_path.display().to_string(),
    }
}

/// The UI calls this once its first screen is interactive; the time since
/// process start is printed for the cold-start benchmark to read.
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>) -> CommandResult<()> {
    println!("qunxue: first screen interactive after {} ms", state.started.elapsed().as_millis());
    Ok(())
}
