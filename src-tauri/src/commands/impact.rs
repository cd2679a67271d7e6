//! Business-impact studies and the training-effect report: set-up, data
//! import (preview, then import with the chosen column mapping), manual
//! entry, the report and its exports, and learners' survey answers. Files
//! are touched only at paths picked in a dialog.

use std::path::PathBuf;

use qunxue_app::impact::export::ExportFormat;
use qunxue_app::impact::report::EffectReport;
use qunxue_app::impact::{
    ColumnMapping, ImportPreview, ImportSummary, MetricDefinition, ObservationInput, StudyInput, StudyView,
    SurveyAnswer, SurveyForm, WriteSummary,
};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn impact_metric_templates(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<MetricDefinition>> {
    run(&state, move |s| s.impact_metric_templates(&course_id)).await
}

#[tauri::command]
pub(crate) async fn impact_list_studies(
    state: State<'_, AppState>,
    course_id: Option<String>,
) -> CommandResult<Vec<StudyView>> {
    run(&state, move |s| s.impact_list_studies(course_id.as_deref())).await
}

#[tauri::command]
pub(crate) async fn impact_get_study(state: State<'_, AppState>, study_id: String) -> CommandResult<StudyView> {
    run(&state, move |s| s.impact_get_study(&study_id)).await
}

#[tauri::command]
pub(crate) async fn impact_create_study(state: State<'_, AppState>, input: StudyInput) -> CommandResult<StudyView> {
    run(&state, move |s| s.impact_create_study(&input)).await
}

#[tauri::command]
pub(crate) async fn impact_update_study(
    state: State<'_, AppState>,
    study_id: String,
    input: StudyInput,
) -> CommandResult<StudyView> {
    run(&state, move |s| s.impact_update_study(&study_id, &input)).await
}

#[tauri::command]
pub(crate) async fn impact_delete_study(state: State<'_, AppState>, study_id: String) -> CommandResult<()> {
    run(&state, move |s| s.impact_delete_study(&study_id)).await
}

#[tauri::command]
pub(crate) async fn impact_preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    path: PathBuf,
) -> CommandResult<ImportPreview> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.impact_preview_import(&study_id, &path)).await
}

#[tauri::command]
pub(crate) async fn impact_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    path: PathBuf,
    mapping: ColumnMapping,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.impact_import(&study_id, &path, &mapping)).await
}

#[tauri::command]
pub(crate) async fn impact_record(
    state: State<'_, AppState>,
    study_id: String,
    rows: Vec<ObservationInput>,
) -> CommandResult<WriteSummary> {
    run(&state, move |s| s.impact_record(&study_id, &rows)).await
}

#[tauri::command]
pub(crate) async fn impact_report(
    state: State<'_, AppState>,
    study_id: String,
    classes: Option<Vec<String>>,
) -> CommandResult<EffectReport> {
    run(&state, move |s| s.impact_report_for_classes(&study_id, &classes.unwrap_or_default())).await
}

#[tauri::command]
pub(crate) async fn impact_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    dir: PathBuf,
    formats: Vec<ExportFormat>,
    classes: Option<Vec<String>>,
) -> CommandResult<Vec<PathBuf>> {
    ensure_picked(&app, &dir)?;
    run(&state, move |s| s.impact_export_for_classes(&study_id, &dir, &formats, &classes.unwrap_or_default())).await
}

#[tauri::command]
pub(crate) async fn submit_survey(
    state: State<'_, AppState>,
    course_id: String,
    survey_id: String,
    answers: Vec<SurveyAnswer>,
) -> CommandResult<usize> {
    run(&state, move |s| s.submit_survey(&course_id, &survey_id, &answers)).await
}

#[tauri::command]
pub(crate) async fn survey_forms(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<SurveyForm>> {
    run(&state, move |s| s.survey_forms(&course_id)).await
}
