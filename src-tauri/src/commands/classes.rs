//! Classes and learner records between machines: joining a class by its
//! code and exporting one's own records (learners); creating classes,
//! importing records bundles and the class list (instructors and admins).

use std::path::PathBuf;

use qunxue_app::records::bundle::{RecordsImported, Whose};
use qunxue_app::records::class_export::TableExport;
use qunxue_app::records::class_list::ClassList;
use qunxue_app::records::classes::ClassView;
use qunxue_app::tasks::bundles::ExportSummary;
use qunxue_app::xapi::{PullOptions, PullSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::{ensure_picked, run};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn class_create(
    state: State<'_, AppState>,
    course_id: String,
    name: String,
) -> CommandResult<ClassView> {
    run(&state, move |s| s.create_class(&course_id, &name)).await
}

#[tauri::command]
pub(crate) async fn class_join(
    state: State<'_, AppState>,
    course_id: String,
    code: String,
) -> CommandResult<ClassView> {
    run(&state, move |s| s.join_class(&course_id, &code)).await
}

#[tauri::command]
pub(crate) async fn my_classes(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<ClassView>> {
    run(&state, move |s| s.my_classes(&course_id)).await
}

#[tauri::command]
pub(crate) async fn course_classes(state: State<'_, AppState>, course_id: String) -> CommandResult<Vec<ClassView>> {
    run(&state, move |s| s.list_classes(&course_id)).await
}

#[tauri::command]
pub(crate) async fn class_members(
    state: State<'_, AppState>,
    course_id: String,
    class_id: Option<String>,
) -> CommandResult<ClassList> {
    run(&state, move |s| s.class_list(&course_id, class_id.as_deref())).await
}

/// The class view to the XLSX or CSV file picked at `path`.
#[tauri::command]
pub(crate) async fn class_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    class_id: Option<String>,
    path: PathBuf,
) -> CommandResult<TableExport> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_class_list(&course_id, class_id.as_deref(), &path)).await
}

/// Reads the course's statements back from the LRS configured here and
/// merges every learner's records; `on_progress` gets the statements read.
#[tauri::command]
pub(crate) async fn class_pull(
    state: State<'_, AppState>,
    course_id: String,
    on_progress: Channel<usize>,
) -> CommandResult<PullSummary> {
    run(&state, move |s| {
        // A closed window drops the channel; the pull goes on regardless.
        Ok(s.pull_class(&course_id, None, &PullOptions::default(), |read| {
            let _ = on_progress.send(read);
        })?)
    })
    .await
}

/// Takes a member out of a class (their records stay with the course).
#[tauri::command]
pub(crate) async fn class_remove_member(
    state: State<'_, AppState>,
    class_id: String,
    profile_id: String,
) -> CommandResult<()> {
    run(&state, move |s| s.remove_class_member(&class_id, &profile_id)).await
}

/// The acting learner's own records of a course, to the file picked at `path`.
#[tauri::command]
pub(crate) async fn records_export_own<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course_id: String,
    path: PathBuf,
) -> CommandResult<ExportSummary> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.export_records(&course_id, &Whose::Learner(s.profile_id()), &path)).await
}

#[tauri::command]
pub(crate) async fn records_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<RecordsImported> {
    ensure_picked(&app, &path)?;
    run(&state, move |s| s.import_records(&path)).await
}
