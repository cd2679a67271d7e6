//! Read-only queries behind a learner's full record export: the modules
//! they opened and their quiz attempts, with course and module titles.

use rusqlite::Connection;
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressRow {
    pub course_title: String,
    pub module_title: String,
    pub status: String,
    pub first_opened_at: String,
    pub completed_at: Option<String>,
    pub active_seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRow {
    pub course_title: String,
    pub quiz_id: String,
    pub number: i64,
    pub status: String,
    pub started_at: String,
    pub submitted_at: Option<String>,
    pub score: Option<f64>,
    pub max_score: Option<f64>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
}

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
