//! Practice tasks: the learner's task page, drafts, attachments and
//! submission; the instructor's queue, marks, release, double marking,
//! moderation, observation, comment bank, analytics and exports; and signed
//! bundles by file.

use std::path::PathBuf;

use qunxue_app::domain::rows::BankComment;
use qunxue_app::session::{BundleKind, GradesExport};
use qunxue_app::tasks::analytics::{CriterionDistribution, GraderStats};
use qunxue_app::tasks::attachment_access::InlineImage;
use qunxue_app::tasks::bundles::{ExportSummary, ImportSummary, TrustedKey};
use qunxue_app::tasks::grading::{CriterionAgreement, GradingView, MarkInput, MarkView, ModerationView};
use qunxue_app::tasks::learner::{DraftView, ModuleTask, TaskPage};
use qunxue_app::tasks::queue::{QueueFilter, QueuePage};
use qunxue_app::tasks::{AttachmentRef, ResultView, VersionView};
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn module_tasks(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Vec<ModuleTask>> {
    run(&state, move |s| s.module_tasks(&course_id, &module_id)).await
}

#[tauri::command]
pub(crate) async fn task_page(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
) -> CommandResult<TaskPage> {
    run(&state, move |s| s.task_page(&course_id, &task_id)).await
}

/// The draft's Markdown rendered and sanitised as graders will see it.
#[tauri::command]
pub(crate) async fn task_preview(state: State<'_, AppState>, markdown: String) -> CommandResult<String> {
    run(&state, move |s| s.task_preview(&markdown)).await
}

#[tauri::command]
pub(crate) async fn task_save_draft(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    markdown: String,
    attachments: Vec<AttachmentRef>,
) -> CommandResult<DraftView> {
    run(&state, move |s| s.task_save_draft(&course_id, &task_id, &markdown, &attachments)).await
}

#[tauri::command]
pub(crate) async fn task_add_attachment(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    name: String,
    bytes: Vec<u8>,
) -> CommandResult<AttachmentRef> {
    run(&state, move |s| s.task_add_attachment(&course_id, &task_id, &name, &bytes)).await
}

#[tauri::command]
pub(crate) async fn task_submit(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
) -> CommandResult<VersionView> {
    run(&state, move |s| s.task_submit(&course_id, &task_id)).await
}

#[tauri::command]
pub(crate) async fn grading_queue(
    state: State<'_, AppState>,
    course_id: String,
    filter: QueueFilter,
) -> CommandResult<QueuePage> {
    run(&state, move |s| s.grading_queue(&course_id, &filter)).await
}

#[tauri::command]
pub(crate) async fn grading_view(state: State<'_, AppState>, version_id: String) -> CommandResult<GradingView> {
    run(&state, move |s| s.grading_view(&version_id)).await
}

#[tauri::command]
pub(crate) async fn grading_save_mark(
    state: State<'_, AppState>,
    version_id: String,
    mark: MarkInput,
) -> CommandResult<MarkView> {
    run(&state, move |s| s.grading_save_mark(&version_id, &mark)).await
}

#[tauri::command]
pub(crate) async fn grading_release(state: State<'_, AppState>, version_id: String) -> CommandResult<ResultView> {
    run(&state, move |s| s.grading_release(&version_id)).await
}

#[tauri::command]
pub(crate) async fn grading_set_double_marking(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    on: bool,
) -> CommandResult<()> {
    run(&state, move |s| s.grading_set_double_marking(&course_id, &task_id, on)).await
}

#[tauri::command]
pub(crate) async fn moderation_view(state: State<'_, AppState>, version_id: String) -> CommandResult<ModerationView> {
    run(&state, move |s| s.moderation_view(&version_id)).await
}

#[tauri::command]
pub(crate) async fn grading_moderate(
    state: State<'_, AppState>,
    version_id: String,
    mark: MarkInput,
) -> CommandResult<ResultView> {
    run(&state, move |s| s.grading_moderate(&version_id, &mark)).await
}

#[tauri::command]
pub(crate) async fn grading_record_observation(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    learner_id: String,
    notes: String,
) -> CommandResult<VersionView> {
    run(&state, move |s| s.grading_record_observation(&course_id, &task_id, &learner_id, &notes)).await
}

#[tauri::command]
pub(crate) async fn grading_agreement(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
) -> CommandResult<Vec<CriterionAgreement>> {
    run(&state, move |s| s.grading_agreement(&course_id, &task_id)).await
}

#[tauri::command]
pub(crate) async fn comment_bank_list(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<BankComment>> {
    run(&state, move |s| s.comment_bank_list(&course_id)).await
}

#[tauri::command]
pub(crate) async fn comment_bank_add(
    state: State<'_, AppState>,
    course_id: String,
    criterion_id: Option<String>,
    text: String,
) -> CommandResult<BankComment> {
    run(&state, move |s| s.comment_bank_add(&course_id, criterion_id.as_deref(), &text)).await
}

#[tauri::command]
pub(crate) async fn comment_bank_use(
    state: State<'_, AppState>,
    course_id: String,
    comment_id: String,
) -> CommandResult<BankComment> {
    run(&state, move |s| s.comment_bank_use(&course_id, &comment_id)).await
}

#[tauri::command]
pub(crate) async fn comment_bank_delete(state: State<'_, AppState>, comment_id: String) -> CommandResult<()> {
    run(&state, move |s| s.comment_bank_delete(&comment_id)).await
}

#[tauri::command]
pub(crate) async fn grading_distributions(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<CriterionDistribution>> {
    run(&state, move |s| s.grading_distributions(&course_id)).await
}

#[tauri::command]
pub(crate) async fn grading_grader_stats(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<GraderStats>> {
    run(&state, move |s| s.grading_grader_stats(&course_id)).await
}

#[tauri::command]
pub(crate) async fn grading_export_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<usize> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.grading_export_table(&course_id, &path)).await
}

#[tauri::command]
pub(crate) async fn bundle_export_submissions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<ExportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_submissions(&course_id, &path)).await
}

#[tauri::command]
pub(crate) async fn bundle_import_submissions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.import_submissions(&path, None)).await
}

/// A grades bundle per learner, written into the folder picked at `path`.
#[tauri::command]
pub(crate) async fn bundle_export_grades<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<GradesExport> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_grades_per_learner(&course_id, &path)).await
}

#[tauri::command]
pub(crate) async fn bundle_import_grades<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.import_grades(&path, None)).await
}

#[tauri::command]
pub(crate) async fn bundle_trust_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    kind: BundleKind,
    fingerprint: String,
) -> CommandResult<TrustedKey> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.trust_bundle_key(&path, kind, &fingerprint)).await
}

#[tauri::command]
pub(crate) async fn task_attachment_image(
    state: State<'_, AppState>,
    version_id: String,
    sha256: String,
) -> CommandResult<InlineImage> {
    run(&state, move |s| s.task_attachment_image(&version_id, &sha256)).await
}

#[tauri::command]
pub(crate) async fn task_attachment_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    version_id: String,
    sha256: String,
    path: PathBuf,
) -> CommandResult<u64> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.task_attachment_save(&version_id, &sha256, &path)).await
}
