//! The local quizzes of a course as learners and instructors see them listed,
//! and withdrawing one (archived, so attempts made at it stay reviewable).

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::Quiz;
use qunxue_store::local_quizzes;
use qunxue_store::Store;
use serde::Serialize;

use super::super::overview::quiz_overview;
use crate::access::{self, Role};
use crate::{AppError, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalQuizSummary {
    pub quiz_id: String,
    pub title: String,
    pub question_count: i64,
    pub file_name: String,
    pub format: String,
    pub imported_at: String,
    /// The caller's own standing: passed at least once, best score, an attempt open.
    pub passed: bool,
    pub best_percent: Option<f64>,
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
            let quiz: Quiz = serde_json::from_str(&record.quiz.body)
                .map_err(|e| AppError::Internal(format!("stored quiz {} is unreadable: {e}", record.quiz.id)))?;
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
    access::require(store.conn(), profile, Role::Instructor, "withdrawing an imported quiz")?;
    store.transact(|tx| -> Result<()> {
        local_quizzes::archive_local_quiz(tx, course, quiz_id)?;
        crate::search::index_course(tx, course)
    })
}
