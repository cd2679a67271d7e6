//! Study activity on an opened module: the active seconds credited from
//! heartbeats, the time of the last beat and where the learner stopped
//! reading. These are columns of `module_progress` (migration 0005), so
//! they exist only for modules the learner has opened.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::{Result, StoreError};

/// A learner's study activity on one module they opened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// The course of the module.
    pub course_id: String,
    /// The opened module.
    pub module_id: String,
    /// In progress or completed.
    pub status: crate::status::ProgressStatus,
    /// Study time credited from heartbeats, in seconds; time away from the screen never counts.
    pub active_seconds: i64,
    /// When the last heartbeat arrived (RFC 3339); `None` before the first.
    pub last_beat_at: Option<String>,
    /// When the learner last opened the module: RFC 3339 UTC timestamp.
    pub last_opened_at: String,
    /// Id of the heading where the learner stopped reading, if known.
    pub position_anchor: Option<String>,
    /// How far down the page the learner stopped reading, 0–1; `None` until saved.
    pub position_ratio: Option<f64>,
}

const SELECT: &str = "SELECT course_id, module_id, status, active_seconds, last_beat_at, last_opened_at,
                             position_anchor, position_ratio
                      FROM module_progress";

/// The learner's activity on a module; `None` if they never opened it.
pub fn get(conn: &Connection, profile: &str, course: &str, module: &str) -> Result<Option<Activity>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3"),
            params![profile, course, module],
            from_row,
        )
        .optional()?)
}

/// Adds `seconds` of study time and records the beat at `now`.
pub fn record_beat(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    module: &str,
    seconds: i64,
    now: &str,
) -> Result<()> {
    let changed = tx.execute(include_str!("record_beat.sql"), params![profile, course, module, seconds, now])?;
    opened(changed, course, module)
}

/// Saves where the learner stopped reading; `NotFound` if they never opened the module.
pub fn save_position(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    module: &str,
    anchor: Option<&str>,
    ratio: f64,
) -> Result<()> {
    let changed = tx.execute(include_str!("save_position.sql"), params![profile, course, module, anchor, ratio])?;
    opened(changed, course, module)
}

/// The learner's most recently opened module that still exists, if any.
pub fn latest(conn: &Connection, profile: &str) -> Result<Option<Activity>> {
    Ok(conn
        .query_row(
            &format!(
                "{SELECT} p WHERE p.profile_id = ?1
                 AND EXISTS (SELECT 1 FROM modules m WHERE m.course_id = p.course_id AND m.id = p.module_id AND m.archived = 0)
                 ORDER BY p.last_opened_at DESC LIMIT 1"
            ),
            [profile],
            from_row,
        )
        .optional()?)
}

/// Total active seconds per course for a learner.
pub fn seconds_by_course(conn: &Connection, profile: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(include_str!("seconds_by_course.sql"))?;
    let rows = stmt.query_map([profile], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn opened(changed: usize, course: &str, module: &str) -> Result<()> {
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: format!("opened module {course}/{module}"),
            what_zh: format!("已打开的模块 {course}/{module}"),
        });
    }
    Ok(())
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        course_id: r.get(0)?,
        module_id: r.get(1)?,
        status: r.get(2)?,
        active_seconds: r.get(3)?,
        last_beat_at: r.get(4)?,
        last_opened_at: r.get(5)?,
        position_anchor: r.get(6)?,
        position_ratio: r.get(7)?,
    })
}
