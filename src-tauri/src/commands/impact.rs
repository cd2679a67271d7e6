//! Business-impact studies and the training-effect report: set-up, data
//! import (preview, then import with the chosen column mapping), manual
//! entry, the report and its exports, and learners' survey answers. Roles
//! are checked by the `qunxue_app::impact` services; files are touched only
//! at paths the user picked in a dialog.

use std::path::PathBuf;

use qunxue_app::impact::export::{export_study_report, ExportFormat};
use qunxue_app::impact::report::{study_report, EffectReport};
use qunxue_app::impact::{
    self, ColumnMapping, ImportPreview, ImportSummary, MetricDefinition, ObservationInput,
    StudyInput, StudyView, SurveyAnswer, SurveyForm, WriteSummary,
};
use qunxue_core::impact::AnalysisOptions;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn impact_metric_templates(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<MetricDefinition>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::metric_templates(store, &profile, &course_id)
    })
    .await
}

#[tauri::command]
pub async fn impact_list_studies(
    state: State<'_, AppState>,
    course_id: Option<String>,
) -> CommandResult<Vec<StudyView>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::list_studies(store, &profile, course_id.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn impact_get_study(
    state: State<'_, AppState>,
    study_id: String,
) -> CommandResult<StudyView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::get_study(store, &profile, &study_id)
    })
    .await
}

#[tauri::command]
pub async fn impact_create_study(
    state: State<'_, AppState>,
    input: StudyInput,
) -> CommandResult<StudyView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::create_study(store, &profile, &input, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn impact_update_study(
    state: State<'_, AppState>,
    study_id: String,
    input: StudyInput,
) -> CommandResult<StudyView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::update_study(store, &profile, &study_id, &input, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn impact_delete_study(
    state: State<'_, AppState>,
    study_id: String,
) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::delete_study(store, &profile, &study_id)
    })
    .await
}

#[tauri::command]
pub async fn impact_preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    path: PathBuf,
) -> CommandResult<ImportPreview> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::preview_import(store, &profile, &study_id, &path)
    })
    .await
}

#[tauri::command]
pub async fn impact_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    path: PathBuf,
    mapping: ColumnMapping,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::import_observations(
            store,
            &profile,
            &study_id,
            &path,
            &mapping,
            chrono::Utc::now(),
        )
    })
    .await
}

#[tauri::command]
pub async fn impact_record(
    state: State<'_, AppState>,
    study_id: String,
    rows: Vec<ObservationInput>,
) -> CommandResult<WriteSummary> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::record_observations(store, &profile, &study_id, &rows, chrono::Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn impact_report(
    state: State<'_, AppState>,
    study_id: String,
) -> CommandResult<EffectReport> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        study_report(
            store,
            &profile,
            &study_id,
            &AnalysisOptions::default(),
            chrono::Utc::now(),
        )
    })
    .await
}

/// Writes the report files into a folder the user picked; returns their paths.
#[tauri::command]
pub async fn impact_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    study_id: String,
    dir: PathBuf,
    formats: Vec<ExportFormat>,
) -> CommandResult<Vec<PathBuf>> {
    ensure_picked(&app, &dir)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        export_study_report(
            store,
            &profile,
            &study_id,
            &dir,
            &formats,
            chrono::Utc::now(),
        )
    })
    .await
}

/// The active learner's answers to a course survey.
#[tauri::command]
pub async fn submit_survey(
    state: State<'_, AppState>,
    course_id: String,
    survey_id: String,
    answers: Vec<SurveyAnswer>,
) -> CommandResult<usize> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        impact::submit_survey(
            store,
            &profile,
            &course_id,
            &survey_id,
            &answers,
            chrono::Utc::now(),
        )
    })
    .await
}

/// The course's surveys with the active profile's earlier answers.
#[tauri::command]
pub async fn survey_forms(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<SurveyForm>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| impact::survey_forms(store, &profile, &course_id)).await
}
