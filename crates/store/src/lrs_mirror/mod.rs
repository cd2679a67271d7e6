//! The statements pulled from the Learning Record Store for a course, and
//! where each course's pull from each LRS stands (migration 0017).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// Keeps a pulled statement; returns whether it was new here.
pub fn keep(tx: &Transaction<'_>, id: &str, course: &str, profile: &str, body: &str, now: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("keep.sql"), params![id, course, profile, body, now])? > 0)
}

/// Every kept statement of `course`, by learner (profile id, JSON body).
pub fn of_course(conn: &Connection, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("of_course.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where an unfinished pull of `course` from `endpoint` stopped.
pub fn resume_point(conn: &Connection, endpoint: &str, course: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(include_str!("resume_point.sql"), [endpoint, course], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Records that the pull will go on at `next_url` (`None`: it finished at `now`).
pub fn set_resume_point(
    tx: &Transaction<'_>,
    endpoint: &str,
    course: &str,
    next_url: Option<&str>,
    now: &str,
) -> Result<()> {
    tx.execute(include_str!("set_resume_point.sql"), params![endpoint, course, next_url, now])?;
    Ok(())
}

/// When the last pull of `course` from `endpoint` finished.
pub fn last_completed(conn: &Connection, endpoint: &str, course: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(include_str!("last_completed.sql"), [endpoint, course], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}
