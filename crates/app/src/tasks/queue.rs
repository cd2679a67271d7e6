//! The instructor's grading queue: every submitted or observed version of a
//! course, filtered by task, learner and status, one page at a time, with
//! the counts the filters show and every task of the course (for the
//! double-marking switches and classroom observation).
//!
//! A course can hold ten thousand versions, so the queue reads them in one
//! query ([`submissions::queue_entries`]) and never loads a submission's
//! text or a rubric per row; only the page asked for goes to the screen.

use std::collections::{BTreeMap, HashMap};

use qunxue_core::pack::model::Task;
use qunxue_store::classes;
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::submissions::{self, QueueEntry};
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use super::common::{from_json, load_task};
use crate::access::{self, Role};
use crate::{msg, Result};

/// Rows per page when the caller does not say.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// The most rows one call returns, whatever the caller asks for.
pub const MAX_PAGE_SIZE: usize = 500;

/// Where a version stands in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueStatus {
    /// No complete mark yet.
    Ungraded,
    /// Double-marked task with one complete mark.
    NeedsSecondMark,
    /// Double-marked task with two or more complete marks, not released.
    NeedsModeration,
    /// Marked by one marker, not released.
    Marked,
    /// The grade has been released to the learner.
    Released,
}

/// The status of a version from its released result, its complete marks
/// and whether its task is double-marked.
pub fn queue_status(released: bool, complete_marks: usize, double_marked: bool) -> QueueStatus {
    if released {
        return QueueStatus::Released;
    }
    match (complete_marks, double_marked) {
        (0, _) => QueueStatus::Ungraded,
        (1, true) => QueueStatus::NeedsSecondMark,
        (_, true) => QueueStatus::NeedsModeration,
        (_, false) => QueueStatus::Marked,
    }
}

/// Filters of the queue (`None` = any) and the page asked for.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QueueFilter {
    /// Only versions of this task.
    pub task_id: Option<String>,
    /// Only versions with this status.
    pub status: Option<QueueStatus>,
    /// Only this learner's versions (profile id).
    pub learner_id: Option<String>,
    /// Only the work of members of these classes (join codes); all when empty.
    pub classes: Vec<String>,
    /// Rows of the filtered queue to skip.
    pub offset: usize,
    /// Rows wanted: [`DEFAULT_PAGE_SIZE`] when absent, at most [`MAX_PAGE_SIZE`].
    pub limit: Option<usize>,
}

/// One row of the grading queue. Carries no grade (blind marking).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueRow {
    /// The version's id (a UUID); opens the grading screen.
    pub version_id: String,
    /// The task's id within the course.
    pub task_id: String,
    /// The task's title (its id when the task is no longer found).
    pub task_title: String,
    /// The learner's profile id.
    pub learner_id: String,
    /// The learner's display name.
    pub learner_name: String,
    /// 1, 2, … counting the learner's versions of this task.
    pub number: i64,
    /// `submission` (handed in by the learner) or `observation` (recorded by an instructor).
    pub source: qunxue_store::submissions::VersionSource,
    /// When it was handed in or observed: RFC 3339 UTC timestamp.
    pub submitted_at: String,
    /// Where the version stands: ungraded, awaiting a second mark or moderation, marked or released.
    pub status: QueueStatus,
    /// The caller's own mark: `draft`, `complete` or absent.
    pub my_mark: Option<String>,
    /// Whether the row's task is under double marking.
    pub double_marked: bool,
}

/// A task of the course as the queue's switches and menus show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueTask {
    /// The task's id within the course.
    pub id: String,
    /// The task's title, as the switches and menus show it.
    pub title: String,
    /// The saved double-marking switch.
    pub double_marked: bool,
    /// Versions of this task in the queue (all statuses and learners).
    pub versions: usize,
}

/// One page of the queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueuePage {
    /// The rows of this page, oldest submission first.
    pub rows: Vec<QueueRow>,
    /// Rows matching every filter (the page is a slice of them).
    pub total: usize,
    /// Rows of the filtered queue skipped before this page.
    pub offset: usize,
    /// The page size used, after the default and the maximum were applied.
    pub limit: usize,
    /// Rows matching the task and learner filters, per status: what each
    /// status choice would show.
    pub status_counts: BTreeMap<QueueStatus, usize>,
    /// The course's current tasks, then archived ones that still have versions.
    pub tasks: Vec<QueueTask>,
}

/// The grading queue of a course, oldest first, one page of it.
pub fn grading_queue(store: &Store, profile: &str, course: &str, filter: &QueueFilter) -> Result<QueuePage> {
    let conn = store.conn();
    let caller = access::require(conn, profile, Role::Instructor, msg!("viewing the grading queue", "查看批改队列"))?;
    let entries = submissions::queue_entries(conn, course, &caller.profile_id)?;
    let tasks = course_tasks(store, course, &entries)?;
    let titles: HashMap<&str, &str> = tasks.iter().map(|t| (t.id.as_str(), t.title.as_str())).collect();

    let members = (!filter.classes.is_empty()).then(|| classes::members_of(conn, &filter.classes)).transpose()?;

    let mut status_counts = BTreeMap::new();
    let mut matching = Vec::new();
    for entry in &entries {
        if filter.task_id.as_ref().is_some_and(|t| *t != entry.task_id)
            || filter.learner_id.as_ref().is_some_and(|l| *l != entry.profile_id)
            || members.as_ref().is_some_and(|m| !m.contains(&entry.profile_id))
        {
            continue;
        }
        let status = queue_status(entry.released, entry.complete_marks as usize, entry.double_marked);
        *status_counts.entry(status).or_insert(0) += 1;
        if filter.status.is_none_or(|s| s == status) {
            matching.push((entry, status));
        }
    }
    let limit = filter.limit.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE);
    let rows = matching
        .iter()
        .skip(filter.offset)
        .take(limit)
        .map(|(entry, status)| queue_row(entry, *status, titles.get(entry.task_id.as_str()).copied()))
        .collect();
    Ok(QueuePage { rows, total: matching.len(), offset: filter.offset, limit, status_counts, tasks })
}

fn queue_row(entry: &QueueEntry, status: QueueStatus, title: Option<&str>) -> QueueRow {
    QueueRow {
        version_id: entry.version_id.clone(),
        task_id: entry.task_id.clone(),
        task_title: title.unwrap_or(&entry.task_id).to_string(),
        learner_id: entry.profile_id.clone(),
        learner_name: entry.learner_name.clone(),
        number: entry.number,
        source: entry.source,
        submitted_at: entry.submitted_at.clone(),
        status,
        my_mark: entry.marker_status.clone(),
        double_marked: entry.double_marked,
    }
}

/// The course's current tasks in pack order of id, then any archived task
/// that versions still point at (a pack update may retire a task after
/// learners submitted work for it).
fn course_tasks(store: &Store, course: &str, entries: &[QueueEntry]) -> Result<Vec<QueueTask>> {
    let conn = store.conn();
    let mut versions: HashMap<&str, usize> = HashMap::new();
    for entry in entries {
        *versions.entry(entry.task_id.as_str()).or_insert(0) += 1;
    }
    let mut tasks = Vec::new();
    for item in course_items::list_items(conn, course, ItemKind::Task)? {
        // The listed item already holds the task: no second read by id.
        let id = &item.id;
        let task: Task = from_json(&item.body, msg!("task {id}", "作业 {id}"))?;
        tasks.push(QueueTask {
            double_marked: qunxue_store::marks::is_double_marked(conn, course, &item.id)?,
            versions: versions.get(item.id.as_str()).copied().unwrap_or(0),
            id: item.id,
            title: task.title,
        });
    }
    let mut retired: Vec<&str> = versions.keys().copied().filter(|id| !tasks.iter().any(|t| t.id == *id)).collect();
    retired.sort_unstable();
    for id in retired {
        let task = load_task(conn, course, id)?;
        tasks.push(QueueTask {
            id: id.to_string(),
            title: task.title,
            double_marked: qunxue_store::marks::is_double_marked(conn, course, id)?,
            versions: versions[id],
        });
    }
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_released_result_outranks_marks_and_double_marking_asks_for_two() {
        assert_eq!(queue_status(true, 0, true), QueueStatus::Released);
        assert_eq!(queue_status(false, 0, true), QueueStatus::Ungraded);
        assert_eq!(queue_status(false, 1, true), QueueStatus::NeedsSecondMark);
        assert_eq!(queue_status(false, 2, true), QueueStatus::NeedsModeration);
        assert_eq!(queue_status(false, 1, false), QueueStatus::Marked);
        assert_eq!(queue_status(false, 3, false), QueueStatus::Marked);
    }
}
