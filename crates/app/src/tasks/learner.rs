//! The learner's side of a task: the page (instructions, full rubric, draft,
//! versions and released grades), autosaving the draft and handing it in.

use chrono::{DateTime, Utc};
use qunxue_core::xapi::{Event, Named};
use qunxue_store::submissions::{self, DraftRecord, VersionRecord, SOURCE_SUBMISSION};
use qunxue_store::{marks, Store};
use serde::Serialize;

use super::common::{
    from_json, result_view, stamp, task_and_rubric, task_view, to_json, version_view, AttachmentRef, ResultView,
    TaskView, VersionView,
};
use crate::{access, msg, AppError, Result};

/// Longest draft accepted, in characters: far beyond any real answer, but it
/// keeps one runaway paste from bloating the database.
pub const MAX_DRAFT_CHARS: usize = 200_000;

/// The learner's saved draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    /// The draft answer as Markdown, at most [`MAX_DRAFT_CHARS`] characters.
    pub markdown: String,
    /// The files attached to the draft so far.
    pub attachments: Vec<AttachmentRef>,
    /// When the draft was last autosaved: RFC 3339 UTC timestamp.
    pub saved_at: String,
}

/// A handed-in version with its released grade, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnVersion {
    /// The handed-in version (flattened into this object).
    #[serde(flatten)]
    pub version: VersionView,
    /// Its released grade; `None` until an instructor releases one.
    pub result: Option<ResultView>,
}

/// Everything the learner's task page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskPage {
    /// The task: instructions and the full rubric.
    pub task: TaskView,
    /// The caller's saved draft, if any.
    pub draft: Option<DraftView>,
    /// First to last.
    pub versions: Vec<OwnVersion>,
    /// False once handed in when the task allows no resubmission.
    pub can_submit: bool,
}

/// A task attached to a module, for the module page's link.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleTask {
    /// The task's id within the course.
    pub id: String,
    /// The task's title, shown as the link text.
    pub title: String,
    /// Versions the caller has handed in.
    pub submitted: usize,
    /// Whether any of them has a released grade.
    pub graded: bool,
}

/// The practice tasks of a module, in id order.
pub fn module_tasks(store: &Store, profile: &str, course: &str, module_id: &str) -> Result<Vec<ModuleTask>> {
    let conn = store.conn();
    access::caller(conn, profile)?;
    let mut out = Vec::new();
    for item in qunxue_store::course_items::list_items(conn, course, qunxue_store::course_items::ItemKind::Task)? {
        let task: qunxue_core::pack::model::Task = from_json(&item.body, msg!("task", "作业"))?;
        if task.module != module_id {
            continue;
        }
        let versions = submissions::versions_of(conn, profile, course, &task.id)?;
        let graded = versions
            .iter()
            .map(|v| marks::result(conn, &v.id))
            .collect::<qunxue_store::Result<Vec<_>>>()?
            .iter()
            .any(Option::is_some);
        out.push(ModuleTask { id: task.id, title: task.title, submitted: versions.len(), graded });
    }
    Ok(out)
}

/// The caller's own task page: the task, their draft, their versions with released grades, and whether they can submit.
pub fn task_page(store: &Store, profile: &str, course: &str, task_id: &str) -> Result<TaskPage> {
    let conn = store.conn();
    access::caller(conn, profile)?;
    let (task, rubric) = task_and_rubric(conn, course, task_id)?;
    let draft = submissions::draft(conn, profile, course, task_id)?
        .map(|d| -> Result<DraftView> {
            Ok(DraftView {
                attachments: from_json(&d.attachments, msg!("attachment list", "附件列表"))?,
                markdown: d.markdown,
                saved_at: d.saved_at,
            })
        })
        .transpose()?;
    let versions = submissions::versions_of(conn, profile, course, task_id)?
        .iter()
        .map(|v| {
            Ok(OwnVersion {
                version: version_view(v)?,
                result: marks::result(conn, &v.id)?.as_ref().map(|r| result_view(r, &rubric)).transpose()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let can_submit = versions.is_empty() || task.allow_resubmit;
    Ok(TaskPage { task: task_view(course, task, rubric), draft, versions, can_submit })
}

/// Saves the draft (called every few seconds while the learner types).
pub fn save_draft(
    store: &mut Store,
    profile: &str,
    course: &str,
    task_id: &str,
    markdown: &str,
    attachments: &[AttachmentRef],
    now: DateTime<Utc>,
) -> Result<DraftView> {
    access::caller(store.conn(), profile)?;
    task_and_rubric(store.conn(), course, task_id)?;
    if markdown.chars().count() > MAX_DRAFT_CHARS {
        return Err(AppError::Rejected(msg!(
            "the answer is longer than {MAX_DRAFT_CHARS} characters: shorten it or attach a file instead",
            "作答超过 {MAX_DRAFT_CHARS} 字，请精简或改用附件"
        )));
    }
    for a in attachments {
        // Only the learner's own uploads (or files of their own earlier
        // versions): knowing a classmate's file hash is not enough.
        submissions::blob(store.conn(), &a.sha256)?;
        if !submissions::blob_is_theirs(store.conn(), &a.sha256, profile)? {
            let (name, sha256) = (&a.name, &a.sha256);
            return Err(AppError::Rejected(msg!(
                "attachment “{name}” ({sha256}) was not uploaded by this learner and cannot be added to their work",
                "附件「{name}」不是你上传的，不能加入你的作业"
            )));
        }
    }
    let record = DraftRecord {
        profile_id: profile.to_string(),
        course_id: course.to_string(),
        task_id: task_id.to_string(),
        markdown: markdown.to_string(),
        attachments: to_json(&attachments),
        saved_at: stamp(now),
    };
    store.transact(|tx| submissions::save_draft(tx, &record))?;
    Ok(DraftView { markdown: record.markdown, attachments: attachments.to_vec(), saved_at: record.saved_at })
}

/// Hands the saved draft in as a new, immutable version.
pub fn submit(
    store: &mut Store,
    profile: &str,
    course: &str,
    task_id: &str,
    now: DateTime<Utc>,
) -> Result<VersionView> {
    access::caller(store.conn(), profile)?;
    let (task, _) = task_and_rubric(store.conn(), course, task_id)?;
    let draft = submissions::draft(store.conn(), profile, course, task_id)?
        .ok_or_else(|| AppError::Rejected(msg!("nothing saved to submit yet", "还没有保存的作答，无法提交")))?;
    let attachments: Vec<AttachmentRef> = from_json(&draft.attachments, msg!("attachment list", "附件列表"))?;
    if draft.markdown.trim().is_empty() && attachments.is_empty() {
        return Err(AppError::Rejected(msg!(
            "the submission is empty: there is neither an answer nor an attachment",
            "作答和附件都是空的，无法提交"
        )));
    }
    let number = submissions::next_number(store.conn(), profile, course, task_id)?;
    if number > 1 && !task.allow_resubmit {
        let title = &task.title;
        return Err(AppError::Rejected(msg!(
            "task “{title}” does not allow resubmission",
            "作业「{title}」不允许重新提交"
        )));
    }
    let version = VersionRecord {
        id: uuid::Uuid::new_v4().to_string(),
        profile_id: profile.to_string(),
        course_id: course.to_string(),
        task_id: task_id.to_string(),
        number,
        source: SOURCE_SUBMISSION,
        markdown: draft.markdown,
        attachments: draft.attachments,
        submitted_at: stamp(now),
    };
    store.transact(|tx| -> Result<()> {
        submissions::insert_version(tx, &version)?;
        submissions::delete_draft(tx, profile, course, task_id)?;
        let submitted = Event::TaskSubmitted {
            task: Named::new(task.id.as_str(), task.title.as_str()),
            module_id: Some(task.module.clone()),
            version: number,
            version_id: version.id.clone(),
        };
        crate::xapi::record::record(tx, profile, course, &submitted, now)
    })?;
    version_view(&version)
}
