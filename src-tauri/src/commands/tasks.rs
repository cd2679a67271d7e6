//! Practice tasks: the learner's task page, drafts, attachments and
//! submission; the instructor's queue, marks, release, double marking,
//! moderation, observation, comment bank, analytics and exports; and signed
//! bundles by file. Each command is one `qunxue_app::tasks` service, which
//! checks the caller's role itself.

use std::path::PathBuf;

use qunxue_app::tasks::analytics::{self, CriterionDistribution, GraderStats};
use qunxue_app::tasks::bundles::{self, BundleKind, ExportSummary, ImportSummary, TrustedKey};
use qunxue_app::tasks::grading::{self, CriterionAgreement, GradingView, MarkInput, MarkView, ModerationView};
use qunxue_app::tasks::learner::{self, DraftView, ModuleTask, TaskPage};
use qunxue_app::tasks::queue::{self, QueueFilter, QueuePage};
use qunxue_app::tasks::attachment_access::{self, InlineImage};
use qunxue_app::tasks::{attachments, comment_bank, render_markdown, AttachmentRef, ResultView, VersionView};
use qunxue_store::marks::BankComment;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, with_store};
use crate::error::CommandResult;
use crate::state::AppState;

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

#[tauri::command]
pub async fn module_tasks(
    state: State<'_, AppState>,
    course_id: String,
    module_id: String,
) -> CommandResult<Vec<ModuleTask>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| learner::module_tasks(store, &profile, &course_id, &module_id)).await
}

#[tauri::command]
pub async fn task_page(state: State<'_, AppState>, course_id: String, task_id: String) -> CommandResult<TaskPage> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| learner::task_page(store, &profile, &course_id, &task_id)).await
}

/// The editor's live preview, sanitised by the same renderer as everything else.
#[tauri::command]
pub async fn task_preview(markdown: String) -> CommandResult<String> {
    Ok(render_markdown(&markdown))
}

#[tauri::command]
pub async fn task_save_draft(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    markdown: String,
    attachments: Vec<AttachmentRef>,
) -> CommandResult<DraftView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        learner::save_draft(store, &profile, &course_id, &task_id, &markdown, &attachments, now())
    })
    .await
}

/// Bytes come from the page's file input; the backend checks type and size.
#[tauri::command]
pub async fn task_add_attachment(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    name: String,
    bytes: Vec<u8>,
) -> CommandResult<AttachmentRef> {
    let data_dir = state.data_dir.clone();
    with_store(&state.store, move |store| {
        attachments::add_attachment(store, &data_dir, &course_id, &task_id, &name, &bytes, now())
    })
    .await
}

#[tauri::command]
pub async fn task_submit(state: State<'_, AppState>, course_id: String, task_id: String) -> CommandResult<VersionView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| learner::submit(store, &profile, &course_id, &task_id, now())).await
}

#[tauri::command]
pub async fn grading_queue(
    state: State<'_, AppState>,
    course_id: String,
    filter: QueueFilter,
) -> CommandResult<QueuePage> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| queue::grading_queue(store, &profile, &course_id, &filter)).await
}

#[tauri::command]
pub async fn grading_view(state: State<'_, AppState>, version_id: String) -> CommandResult<GradingView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::grading_view(store, &profile, &version_id)).await
}

#[tauri::command]
pub async fn grading_save_mark(
    state: State<'_, AppState>,
    version_id: String,
    mark: MarkInput,
) -> CommandResult<MarkView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::save_mark(store, &profile, &version_id, &mark, now())).await
}

#[tauri::command]
pub async fn grading_release(state: State<'_, AppState>, version_id: String) -> CommandResult<ResultView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::release(store, &profile, &version_id, now())).await
}

#[tauri::command]
pub async fn grading_set_double_marking(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    on: bool,
) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::set_double_marking(store, &profile, &course_id, &task_id, on)).await
}

#[tauri::command]
pub async fn moderation_view(state: State<'_, AppState>, version_id: String) -> CommandResult<ModerationView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::moderation_view(store, &profile, &version_id)).await
}

#[tauri::command]
pub async fn grading_moderate(
    state: State<'_, AppState>,
    version_id: String,
    mark: MarkInput,
) -> CommandResult<ResultView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::moderate(store, &profile, &version_id, &mark, now())).await
}

#[tauri::command]
pub async fn grading_record_observation(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
    learner_id: String,
    notes: String,
) -> CommandResult<VersionView> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        grading::record_observation(store, &profile, &course_id, &task_id, &learner_id, &notes, now())
    })
    .await
}

#[tauri::command]
pub async fn grading_agreement(
    state: State<'_, AppState>,
    course_id: String,
    task_id: String,
) -> CommandResult<Vec<CriterionAgreement>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| grading::agreement_report(store, &profile, &course_id, &task_id)).await
}

#[tauri::command]
pub async fn comment_bank_list(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<BankComment>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| comment_bank::list_comments(store, &profile, &course_id)).await
}

#[tauri::command]
pub async fn comment_bank_add(
    state: State<'_, AppState>,
    course_id: String,
    criterion_id: Option<String>,
    text: String,
) -> CommandResult<BankComment> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| {
        comment_bank::add_comment(store, &profile, &course_id, criterion_id.as_deref(), &text, now())
    })
    .await
}

#[tauri::command]
pub async fn comment_bank_use(
    state: State<'_, AppState>,
    course_id: String,
    comment_id: String,
) -> CommandResult<BankComment> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| comment_bank::use_comment(store, &profile, &course_id, &comment_id)).await
}

#[tauri::command]
pub async fn comment_bank_delete(state: State<'_, AppState>, comment_id: String) -> CommandResult<()> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| comment_bank::delete_comment(store, &profile, &comment_id)).await
}

#[tauri::command]
pub async fn grading_distributions(
    state: State<'_, AppState>,
    course_id: String,
) -> CommandResult<Vec<CriterionDistribution>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| analytics::criterion_distributions(store, &profile, &course_id)).await
}

#[tauri::command]
pub async fn grading_grader_stats(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<GraderStats>> {
    let profile = state.profile_id();
    with_store(&state.store, move |store| analytics::grader_stats(store, &profile, &course_id)).await
}

/// CSV or XLSX by the picked file's extension.
#[tauri::command]
pub async fn grading_export_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<usize> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| analytics::export_grades_table(store, &profile, &course_id, &path)).await
}

#[tauri::command]
pub async fn bundle_export_submissions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<ExportSummary> {
    ensure_picked(&app, &path)?;
    let (profile, data_dir) = (state.profile_id(), state.data_dir.clone());
    with_store(&state.store, move |store| {
        bundles::export_submissions(store, &data_dir, &profile, &course_id, &path, now())
    })
    .await
}

#[tauri::command]
pub async fn bundle_import_submissions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    let (profile, data_dir) = (state.profile_id(), state.data_dir.clone());
    with_store(&state.store, move |store| bundles::import_submissions(store, &data_dir, &profile, &path, None, now()))
        .await
}

#[tauri::command]
pub async fn bundle_export_grades<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<ExportSummary> {
    ensure_picked(&app, &path)?;
    let (profile, data_dir) = (state.profile_id(), state.data_dir.clone());
    with_store(&state.store, move |store| bundles::export_grades(store, &data_dir, &profile, &course_id, &path, now()))
        .await
}

#[tauri::command]
pub async fn bundle_import_grades<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<ImportSummary> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| bundles::import_grades(store, &profile, &path, None, now())).await
}

/// Trusts the key that signed a refused bundle, after the person confirmed
/// the fingerprint shown to them; the UI then retries the import.
#[tauri::command]
pub async fn bundle_trust_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    kind: BundleKind,
    fingerprint: String,
) -> CommandResult<TrustedKey> {
    ensure_picked(&app, &path)?;
    let profile = state.profile_id();
    with_store(&state.store, move |store| bundles::trust_bundle_key(store, &profile, &path, kind, &fingerprint, now()))
        .await
}

/// An image attachment of a version as a `data:` URL, for the grading view.
#[tauri::command]
pub async fn task_attachment_image(
    state: State<'_, AppState>,
    version_id: String,
    sha256: String,
) -> CommandResult<InlineImage> {
    let (profile, data_dir) = (state.profile_id(), state.data_dir.clone());
    with_store(&state.store, move |store| {
        attachment_access::inline_image(store, &data_dir, &profile, &version_id, &sha256)
    })
    .await
}

/// Copies an attachment of a version to the path picked in the save dialog.
#[tauri::command]
pub async fn task_attachment_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    version_id: String,
    sha256: String,
    path: PathBuf,
) -> CommandResult<u64> {
    ensure_picked(&app, &path)?;
    let (profile, data_dir) = (state.profile_id(), state.data_dir.clone());
    with_store(&state.store, move |store| {
        attachment_access::save_attachment_copy(store, &data_dir, &profile, &version_id, &sha256, &path)
    })
    .await
}
