//! The local quizzes of a course as learners and instructors see them listed,
//! and withdrawing one (archived, so attempts made at it stay reviewable).

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::Quiz;
use qunxue_store::local_quizzes;
use qunxue_store::Store;
use serde::Serialize;

use super::super::overview::quiz_overview;
use crate::access::{self, Role};
use crate::msg;
use crate::{AppError, Result};

/// A practice quiz imported from a question file, as the course's list of local quizzes shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalQuizSummary {
    /// The quiz's id (`local-…`), to open or withdraw it.
    pub quiz_id: String,
    /// The quiz's title.
    pub title: String,
    /// How many questions the quiz holds.
    pub question_count: i64,
    /// The name of the question file it was imported from.
    pub file_name: String,
    /// That file's format (`gift`, `aiken` or `moodle-xml`).
    pub format: String,
    /// When the quiz was imported (RFC 3339 UTC timestamp).
    pub imported_at: String,
    /// The caller's own standing: passed at least once, best score, an attempt open.
    pub passed: bool,
    /// The caller's best score at it, in percent (0–100); `None` before a handed-in attempt.
    pub best_percent: Option<f64>,
    /// The caller has an attempt at it open, to resume.
    pub in_progress: bool,
}

/// The course's local quizzes, newest first, with the caller's results.
pub fn local_quizzes(
    store: &mut Store,
    profile: &str,
    course: &str,
    now: DateTime<Utc>,
) -> Result<Vec<LocalQuizSummary>> {
    let records = local_quizzes::list_local_quizzes(store.conn(), course)?;
    records
        .into_iter()
        .map(|record| {
            let id = &record.quiz.id;
            let quiz: Quiz = serde_json::from_str(&record.quiz.body).map_err(|e| {
                AppError::Internal(msg!("stored quiz {id} is unreadable: {e}", "已保存的测验 {id} 无法读取：{e}"))
            })?;
            let overview = quiz_overview(store, profile, course, &quiz.id, now)?;
            Ok(LocalQuizSummary {
                quiz_id: quiz.id,
                title: quiz.title,
                question_count: record.question_count,
                file_name: record.source.file_name,
                format: record.source.format,
                imported_at: record.source.imported_at,
                passed: overview.mastered,
                best_percent: overview.best_percent(),
                in_progress: overview.open_attempt_id.is_some(),
            })
        })
        .collect()
}

/// Withdraws a local quiz: learners no longer see it; attempts keep their questions.
pub fn archive_local_quiz(store: &mut Store, profile: &str, course: &str, quiz_id: &str) -> Result<()> {
    access::require(store.conn(), profile, Role::Instructor, msg!("withdrawing an imported quiz", "撤下导入的测验"))?;
    store.transact(|tx| -> Result<()> {
        local_quizzes::archive_local_quiz(tx, course, quiz_id)?;
        crate::search::index_course(tx, course)
    })
}
