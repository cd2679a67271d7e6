//! What the task services share: loading a task and its rubric, the JSON
//! shapes stored in the database (attachment lists, chosen levels,
//! comments), time stamps and sanitised Markdown.

use std::collections::BTreeMap;

use qunxue_core::grading::GateCap;
use qunxue_core::markdown::{self, RenderOptions};
use qunxue_core::pack::model::{Rubric, Task};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::marks::ResultRecord;
use qunxue_store::submissions::VersionRecord;
use qunxue_store::Connection;
use serde::{Deserialize, Serialize};

use crate::{msg, Result};

/// Criterion id → 0-based level index.
pub type Levels = BTreeMap<String, usize>;
/// Criterion id → comment.
pub type Comments = BTreeMap<String, String>;

/// A file attached to a draft or version; the bytes live in the app-data
/// folder under `attachments/<sha256>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentRef {
    /// Lowercase hex SHA-256 of the file's bytes, which names where they are stored.
    pub sha256: String,
    /// The file name the learner gave it.
    pub name: String,
    /// The file's size, in bytes.
    pub size: u64,
    /// The file's MIME type, e.g. `application/pdf`.
    pub media_type: String,
}

/// The store's one text form of an instant (UTC, milliseconds, `Z`).
pub(crate) use qunxue_store::time::stamp;

/// Markdown → sanitised HTML: the only way task text reaches a screen.
pub fn render_markdown(text: &str) -> String {
    markdown::render(text, &RenderOptions::default()).html
}

pub(crate) use crate::stored_json::from_json;

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

pub(crate) fn load_task(conn: &Connection, course: &str, task_id: &str) -> Result<Task> {
    let item = course_items::get_item(conn, course, ItemKind::Task, task_id)?;
    from_json(&item.body, msg!("task {task_id}", "作业 {task_id}"))
}

pub(crate) fn load_rubric(conn: &Connection, course: &str, rubric_id: &str) -> Result<Rubric> {
    let item = course_items::get_item(conn, course, ItemKind::Rubric, rubric_id)?;
    from_json(&item.body, msg!("rubric {rubric_id}", "评分量表 {rubric_id}"))
}

/// The task with its rubric.
pub(crate) fn task_and_rubric(conn: &Connection, course: &str, task_id: &str) -> Result<(Task, Rubric)> {
    let task = load_task(conn, course, task_id)?;
    let rubric = load_rubric(conn, course, &task.rubric)?;
    Ok((task, rubric))
}

/// A task as its page shows it: instructions already sanitised.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    /// The course the task belongs to.
    pub course_id: String,
    /// The task's id, unique within the course.
    pub id: String,
    /// The id of the module the task belongs to.
    pub module: String,
    /// The task's title, shown to learners and graders.
    pub title: String,
    /// The instructions rendered from Markdown to sanitised HTML.
    pub instructions_html: String,
    /// File extensions a learner may attach, lower case without the dot; empty allows every type the app accepts.
    pub attachment_types: Vec<String>,
    /// Largest size of one attachment, in MiB.
    pub max_attachment_mb: u32,
    /// The highest possible grade; the rubric score is scaled to 0 … `grade_max`.
    pub grade_max: f64,
    /// Whether the learner may hand in a new version after the first.
    pub allow_resubmit: bool,
    /// The rubric the work is graded with, shown with the task.
    pub rubric: Rubric,
}

pub(crate) fn task_view(course: &str, task: Task, rubric: Rubric) -> TaskView {
    TaskView {
        course_id: course.to_string(),
        instructions_html: render_markdown(&task.instructions),
        id: task.id,
        module: task.module,
        title: task.title,
        attachment_types: task.attachment_types,
        max_attachment_mb: task.max_attachment_mb,
        grade_max: task.grade_max,
        allow_resubmit: task.allow_resubmit,
        rubric,
    }
}

/// A submitted or observed version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionView {
    /// The version's id (a UUID), kept when it travels to another machine.
    pub id: String,
    /// The profile id of the learner whose work it is.
    pub learner_id: String,
    /// The task's id within the course.
    pub task_id: String,
    /// 1, 2, … counting the learner's versions of this task.
    pub number: i64,
    /// `submission` or `observation`.
    pub source: qunxue_store::submissions::VersionSource,
    /// The handed-in answer as Markdown; empty for an observation.
    pub markdown: String,
    /// The answer rendered to sanitised HTML, for display.
    pub html: String,
    /// The files handed in with it.
    pub attachments: Vec<AttachmentRef>,
    /// When it was handed in (or observed): RFC 3339 UTC timestamp.
    pub submitted_at: String,
}

pub(crate) fn version_view(v: &VersionRecord) -> Result<VersionView> {
    Ok(VersionView {
        id: v.id.clone(),
        learner_id: v.profile_id.clone(),
        task_id: v.task_id.clone(),
        number: v.number,
        source: v.source,
        html: render_markdown(&v.markdown),
        markdown: v.markdown.clone(),
        attachments: from_json(&v.attachments, msg!("attachment list", "附件列表"))?,
        submitted_at: v.submitted_at.clone(),
    })
}

/// A released grade as the learner sees it. It also travels in the
/// `rubric-result` extension of the grade's xAPI statement, so a learner's
/// machine can read it back from the LRS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultView {
    /// The version the result grades.
    pub version_id: String,
    /// The released level chosen for each criterion.
    pub levels: Levels,
    /// The marker's comment on each criterion, where there is one.
    pub comments: Comments,
    /// Overall feedback the learner reads.
    pub feedback: String,
    /// Sum of the chosen levels' points.
    pub points: f64,
    /// The grade the learner sees, on the task's scale up to `grade_max`.
    pub grade: f64,
    /// The task's highest possible grade when the result was released.
    pub grade_max: f64,
    /// How it was graded: `single` (one marker) or `moderated` (double-marked, then agreed).
    pub method: String,
    /// Display name of the instructor who released the result.
    pub released_by: String,
    /// When the result was released: RFC 3339 UTC timestamp.
    pub released_at: String,
    /// The gate criterion that capped the grade, with the reason the learner
    /// reads (absent from results released before gates existed).
    #[serde(default)]
    pub capped_by: Option<GateCap>,
}

impl ResultView {
    /// The stored form (levels and comments as JSON texts).
    pub(crate) fn into_record(self) -> ResultRecord {
        ResultRecord {
            levels: to_json(&self.levels),
            comments: to_json(&self.comments),
            version_id: self.version_id,
            feedback: self.feedback,
            points: self.points,
            grade: self.grade,
            grade_max: self.grade_max,
            method: self.method,
            released_by: self.released_by,
            released_at: self.released_at,
        }
    }
}

/// A stored result as shown, with the gate that capped it (worked out from
/// the chosen levels against `rubric`, the task's current rubric).
pub(crate) fn result_view(r: &ResultRecord, rubric: &Rubric) -> Result<ResultView> {
    let levels: Levels = from_json(&r.levels, msg!("levels", "评分档位"))?;
    let capped_by =
        qunxue_core::grading::rubric_grade(rubric, &levels, 0.0, r.grade_max).ok().and_then(|g| g.capped_by);
    Ok(ResultView {
        capped_by,
        version_id: r.version_id.clone(),
        levels: from_json(&r.levels, msg!("levels", "评分档位"))?,
        comments: from_json(&r.comments, msg!("comments", "评语"))?,
        feedback: r.feedback.clone(),
        points: r.points,
        grade: r.grade,
        grade_max: r.grade_max,
        method: r.method.clone(),
        released_by: r.released_by.clone(),
        released_at: r.released_at.clone(),
    })
}
