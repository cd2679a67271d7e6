//! Course certificates for the active profile: whether one can be had, and
//! exporting it (PDF or Open Badges 3.0 JSON) to a path picked in the save dialog.

use std::path::PathBuf;

use chrono::Utc;
use qunxue_app::certificates::{self, Eligibility};
use qunxue_store::certificates::Certificate;
use serde::Deserialize;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateFormat {
    Pdf,
    Badge,
}

#[tauri::command]
pub async fn certificate_status(state: State<'_, AppState>, course_id: String) -> CommandResult<Eligibility> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        certificates::eligibility(store, &profile, &course_id)
    })
    .await
}

#[tauri::command]
pub async fn export_certificate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    format: CertificateFormat,
    path: PathBuf,
) -> CommandResult<Certificate> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    let data_dir = state.data_dir.clone();
    with_store(&state.store, move |store| match format {
        CertificateFormat::Pdf => certificates::export_pdf(store, &profile, &course_id, &path, Utc::now()),
        CertificateFormat::Badge => {
            certificates::export_credential(store, &data_dir, &profile, &course_id, &path, Utc::now())
        }
    })
    .await
}
