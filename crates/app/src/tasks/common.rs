//! What the task services share: loading a task and its rubric, the JSON
//! shapes stored in the database (attachment lists, chosen levels,
//! comments), time stamps and sanitised Markdown.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use qunxue_core::grading::GateCap;
use qunxue_core::markdown::{self, RenderOptions};
use qunxue_core::pack::model::{Rubric, Task};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::marks::ResultRecord;
use qunxue_store::submissions::VersionRecord;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::{AppError, Result};

/// Criterion id → 0-based level index.
pub type Levels = BTreeMap<String, usize>;
/// Criterion id → comment.
pub type Comments = BTreeMap<String, String>;

/// A file attached to a draft or version; the bytes live in the app-data
/// folder under `attachments/<sha256>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentRef {
    pub sha256: String,
    /// The file name the learner gave it.
    pub name: String,
    pub size: u64,
    pub media_type: String,
}

/// One fixed text format (UTC, milliseconds, `Z`) so stored times sort as text.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Markdown → sanitised HTML: the only way task text reaches a screen.
pub fn render_markdown(text: &str) -> String {
    markdown::render(text, &RenderOptions::default()).html
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| AppError::Internal(format!("stored {what} is unreadable: {e}")))
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

pub(crate) fn load_task(conn: &Connection, course: &str, task_id: &str) -> Result<Task> {
    let item = course_items::get_item(conn, course, ItemKind::Task, task_id)?;
    from_json(&item.body, &format!("task {task_id}"))
}

pub(crate) fn load_rubric(conn: &Connection, course: &str, rubric_id: &str) -> Result<Rubric> {
    let item = course_items::get_item(conn, course, ItemKind::Rubric, rubric_id)?;
    from_json(&item.body, &format!("rubric {rubric_id}"))
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
    pub course_id: String,
    pub id: String,
    pub module: String,
    pub title: String,
    pub instructions_html: String,
    pub attachment_types: Vec<String>,
    pub max_attachment_mb: u32,
    pub grade_max: f64,
    pub allow_resubmit: bool,
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
    pub id: String,
    pub learner_id: String,
    pub task_id: String,
    pub number: i64,
    /// `submission` or `observation`.
    pub source: String,
    pub markdown: String,
    pub html: String,
    pub attachments: Vec<AttachmentRef>,
    pub submitted_at: String,
}

pub(crate) fn version_view(v: &VersionRecord) -> Result<VersionView> {
    Ok(VersionView {
        id: v.id.clone(),
        learner_id: v.profile_id.clone(),
        task_id: v.task_id.clone(),
        number: v.number,
        source: v.source.clone(),
        html: render_markdown(&v.markdown),
        markdown: v.markdown.clone(),
        attachments: from_json(&v.attachments, "attachment list")?,
        submitted_at: v.submitted_at.clone(),
    })
}

/// A released grade as the learner sees it. It also travels in the
/// `rubric-result` extension of the grade's xAPI statement, so a learner's
/// machine can read it back from the LRS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultView {
    pub version_id: String,
    pub levels: Levels,
    pub comments: Comments,
    pub feedback: String,
    pub points: f64,
    pub grade: f64,
    pub grade_max: f64,
    pub method: String,
    pub released_by: String,
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
    let levels: Levels = from_json(&r.levels, "levels")?;
    let capped_by =
        qunxue_core::grading::rubric_grade(rubric, &levels, 0.0, r.grade_max).ok().and_then(|g| g.capped_by);
    Ok(ResultView {
        capped_by,
        version_id: r.version_id.clone(),
        levels: from_json(&r.levels, "levels")?,
        comments: from_json(&r.comments, "comments")?,
        feedback: r.feedback.clone(),
        points: r.points,
        grade: r.grade,
        grade_max: r.grade_max,
        method: r.method.clone(),
        released_by: r.released_by.clone(),
        released_at: r.released_at.clone(),
    })
}
