//! The class view's figures: one row per learner of a course, from every
//! source (this machine, bundles, the LRS), with the same rules as the
//! effect report (first pre-test score, last post-test score, normalised
//! gain) and the certificate's completion rule (every module done, every
//! module quiz and post-test passed).

use std::collections::BTreeMap;

use qunxue_core::pack::model::{Quiz, QuizPurpose};
use qunxue_core::quiz::normalised_gain;
use qunxue_store::classes::{self, SOURCE_LOCAL};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::{attempts, courses, Store};
use serde::Serialize;

use crate::certificates;
use crate::msg;
use crate::{AppError, Result};
use chrono::{DateTime, Duration, Utc};

/// One member of a class (the CLI's `class list --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassMember {
    /// The learner's profile id.
    pub id: String,
    /// The learner's display name.
    pub name: String,
    /// The classes' names (or codes, while a name is unknown), joined.
    pub class: String,
    /// `local`, `bundle`, `lrs`: where this machine has their records from.
    pub sources: Vec<String>,
    /// How many of the course's current learner modules they have completed.
    pub modules_done: i64,
    /// Their first handed-in pre-test score, in percent (0–100); `None` without one.
    pub pre_score: Option<f64>,
    /// Their last handed-in post-test score, in percent (0–100); `None` without one.
    pub post_score: Option<f64>,
    /// Normalised gain from pre- to post-test, `(post − pre) / (100 − pre)`; `None` without both scores.
    pub gain: Option<f64>,
    /// Mean of their latest released grade per task, in percent; `None` before any grade is released.
    pub task_score: Option<f64>,
    /// Short answers awaiting a mark plus submissions awaiting a grade.
    pub pending_marks: i64,
    /// Their latest module opening, attempt or hand-in in the course (RFC 3339); `None` if none.
    pub last_activity: Option<String>,
    /// Module quizzes and post-tests passed, of those the certificate needs.
    pub quizzes_passed: usize,
    /// How many module quizzes and post-tests the certificate needs passed.
    pub quizzes_total: usize,
    /// Meets the course's completion rule (the certificate's).
    pub completed: bool,
    /// Known only from a class list: nothing of theirs has reached this machine.
    pub sent_nothing: bool,
    /// Not completed and nothing new for [`STALLED_AFTER_DAYS`] days.
    pub stalled: bool,
}

/// How long without activity before an unfinished learner counts as stalled.
pub const STALLED_AFTER_DAYS: i64 = 7;

/// The class view: the learners of a course, or of one of its classes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassList {
    /// One row per learner, sorted by display name.
    pub members: Vec<ClassMember>,
}

/// Every learner of `course` (of `class` only, when given), as of `now`.
pub fn class_list(store: &Store, course: &str, class: Option<&str>, now: DateTime<Utc>) -> Result<ClassList> {
    let conn = store.conn();
    courses::get_course(conn, course)?;
    let quizzes = course_quizzes(store, course)?;
    let (pre, post) = test_scores(store, course, &quizzes)?;
    // Where everyone stands, in a few queries for the whole class rather
    // than several per member.
    let requirements = certificates::Requirements::of(conn, course)?;
    let quizzes_total = requirements.quizzes_to_pass_count();
    let standings = requirements.standings(conn)?;
    let sources = classes::sources_by_profile(conn)?;
    let memberships = classes::classes_by_member(conn, course)?;
    let mut members = Vec::new();
    for row in classes::roster(conn, course, class)? {
        let mut sources = sources.get(&row.profile_id).cloned().unwrap_or_default();
        if row.origin == "local" && !sources.iter().any(|s| s == SOURCE_LOCAL) {
            sources.insert(0, SOURCE_LOCAL.to_string());
        }
        let class_names: Vec<String> = memberships
            .get(&row.profile_id)
            .into_iter()
            .flatten()
            .map(|c| if c.name.is_empty() { c.id.clone() } else { c.name.clone() })
            .collect();
        let pre_score = pre.get(&row.profile_id).copied();
        let post_score = post.get(&row.profile_id).copied();
        let standing = standings.of(&row.profile_id);
        let completed = standing.eligible;
        let idle_since = row.last_activity.as_deref().and_then(|at| DateTime::parse_from_rfc3339(at).ok());
        members.push(ClassMember {
            quizzes_passed: standing.quizzes_passed,
            quizzes_total,
            completed,
            sent_nothing: row.last_activity.is_none(),
            stalled: !completed
                && idle_since.is_some_and(|at| now.signed_duration_since(at) > Duration::days(STALLED_AFTER_DAYS)),
            gain: pre_score.zip(post_score).and_then(|(a, b)| normalised_gain(a, b)),
            id: row.profile_id,
            name: row.display_name,
            class: class_names.join("、"),
            sources,
            modules_done: row.modules_done,
            pre_score,
            post_score,
            task_score: row.task_percent,
            pending_marks: row.pending_marks,
            last_activity: row.last_activity,
        })
    }
    Ok(ClassList { members })
}

/// The course's quizzes, parsed.
fn course_quizzes(store: &Store, course: &str) -> Result<Vec<Quiz>> {
    course_items::list_items(store.conn(), course, ItemKind::Quiz)?
        .iter()
        .map(|item| {
            serde_json::from_str(&item.body).map_err(|e| {
                let id = &item.id;
                AppError::Internal(msg!(
                    "quiz {id} of course {course} is corrupt: {e}",
                    "课程 {course} 的测验 {id} 已损坏：{e}"
                ))
            })
        })
        .collect()
}

/// First handed-in pre-test percent and last handed-in post-test percent
/// per profile, over the course's first pre/post pair.
fn test_scores(
    store: &Store,
    course: &str,
    quizzes: &[Quiz],
) -> Result<(BTreeMap<String, f64>, BTreeMap<String, f64>)> {
    let conn = store.conn();
    let pre = quizzes.iter().find(|q| q.purpose == QuizPurpose::PreTest);
    let post = pre
        .and_then(|p| p.parallel.as_deref())
        .and_then(|id| quizzes.iter().find(|q| q.id == id))
        .or_else(|| quizzes.iter().find(|q| q.purpose == QuizPurpose::PostTest));
    let mut first = BTreeMap::new();
    let mut last = BTreeMap::new();
    if let Some(pre) = pre {
        for attempt in attempts::finished_for_quiz(conn, course, &pre.id)? {
            if let Some(percent) = attempt.percent {
                first.entry(attempt.profile_id).or_insert(percent);
            }
        }
    }
    if let Some(post) = post {
        for attempt in attempts::finished_for_quiz(conn, course, &post.id)? {
            if let Some(percent) = attempt.percent {
                last.insert(attempt.profile_id, percent);
            }
        }
    }
    Ok((first, last))
}
