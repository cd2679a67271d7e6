//! Read-only queries behind a learner's full record export: the modules
//! they opened and their quiz attempts, with course and module titles.

use rusqlite::Connection;
use serde::Serialize;

use crate::Result;

/// A module the learner opened, for their record export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressRow {
    /// The course's title.
    pub course_title: String,
    /// The module's title.
    pub module_title: String,
    /// In progress or completed.
    pub status: crate::status::ProgressStatus,
    /// When the learner first opened the module: RFC 3339 UTC timestamp.
    pub first_opened_at: String,
    /// When the module was completed (RFC 3339); `None` while in progress.
    pub completed_at: Option<String>,
    /// Active study time credited from heartbeats, in seconds.
    pub active_seconds: i64,
}

/// A quiz attempt of the learner, for their record export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRow {
    /// The title of the quiz's course.
    pub course_title: String,
    /// The quiz's id within the course.
    pub quiz_id: String,
    /// 1, 2, … counting the learner's attempts at this quiz.
    pub number: i64,
    /// In progress, submitted or expired.
    pub status: crate::status::AttemptStatus,
    /// When the attempt was started: RFC 3339 UTC timestamp.
    pub started_at: String,
    /// When it was handed in (RFC 3339); `None` while open.
    pub submitted_at: Option<String>,
    /// Points scored; `None` while open.
    pub score: Option<f64>,
    /// Points available; `None` while open.
    pub max_score: Option<f64>,
    /// Score as a percentage of `max_score` (0–100); `None` while open.
    pub percent: Option<f64>,
    /// Whether the pass mark was reached; `None` while open or awaiting manual grading.
    pub passed: Option<bool>,
}

/// Every module the learner opened, by course title and reading order.
pub fn progress(conn: &Connection, profile: &str) -> Result<Vec<ProgressRow>> {
    let mut stmt = conn.prepare_cached(include_str!("progress.sql"))?;
    let rows = stmt.query_map([profile], |r| {
        Ok(ProgressRow {
            course_title: r.get("course_title")?,
            module_title: r.get("module_title")?,
            status: r.get("status")?,
            first_opened_at: r.get("first_opened_at")?,
            completed_at: r.get("completed_at")?,
            active_seconds: r.get("active_seconds")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every quiz attempt of the learner, by course title, quiz and attempt number.
pub fn attempts(conn: &Connection, profile: &str) -> Result<Vec<AttemptRow>> {
    let mut stmt = conn.prepare_cached(include_str!("attempts.sql"))?;
    let rows = stmt.query_map([profile], |r| {
        Ok(AttemptRow {
            course_title: r.get("course_title")?,
            quiz_id: r.get("quiz_id")?,
            number: r.get("number")?,
            status: r.get("status")?,
            started_at: r.get("started_at")?,
            submitted_at: r.get("submitted_at")?,
            score: r.get("score")?,
            max_score: r.get("max_score")?,
            percent: r.get("percent")?,
            passed: r.get("passed")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
