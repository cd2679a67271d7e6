//! Course certificates: whether the learner has earned one, and exporting
//! it as a PDF or an Open Badge.

use std::path::PathBuf;

use qunxue_app::certificates::Eligibility;
use qunxue_app::domain::rows::Certificate;
use serde::Deserialize;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CertificateFormat {
    Pdf,
    Badge,
}

#[tauri::command]
pub(crate) async fn certificate_status(state: State<'_, AppState>, course_id: String) -> CommandResult<Eligibility> {
    run(&state, move |s| s.certificate_status(&course_id)).await
}

#[tauri::command]
pub(crate) async fn export_certificate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    format: CertificateFormat,
    path: PathBuf,
) -> CommandResult<Certificate> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| match format {
        CertificateFormat::Pdf => s.export_certificate_pdf(&course_id, &path),
        CertificateFormat::Badge => s.export_certificate_badge(&course_id, &path),
    })
    .await
}
