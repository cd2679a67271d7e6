//! The statements pulled from the Learning Record Store for a course, and
//! where each course's pull from each LRS stands (migration 0017).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// Keeps a pulled statement; returns whether it was new here.
pub fn keep(tx: &Transaction<'_>, id: &str, course: &str, profile: &str, body: &str, now: &str) -> Result<bool> {
    Ok(tx.execute(
        "INSERT INTO lrs_statements (id, course_id, profile_id, body, pulled_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO NOTHING",
        params![id, course, profile, body, now],
    )? > 0)
}

/// Every kept statement of `course`, by learner (profile id, JSON body).
pub fn of_course(conn: &Connection, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT profile_id, body FROM lrs_statements WHERE course_id = ?1 ORDER BY profile_id, rowid",
    )?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where an unfinished pull of `course` from `endpoint` stopped.
pub fn resume_point(conn: &Connection, endpoint: &str, course: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT next_url FROM lrs_pulls WHERE endpoint = ?1 AND course_id = ?2", [endpoint, course], |r| {
            r.get::<_, Option<String>>(0)
        })
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
    tx.execute(
        "INSERT INTO lrs_pulls (endpoint, course_id, next_url, completed_at) VALUES (?1, ?2, ?3, CASE WHEN ?3 IS NULL THEN ?4 END)
         ON CONFLICT (endpoint, course_id) DO UPDATE SET
            next_url = excluded.next_url,
            completed_at = CASE WHEN excluded.next_url IS NULL THEN ?4 ELSE completed_at END",
        params![endpoint, course, next_url, now],
    )?;
    Ok(())
}

/// When the last pull of `course` from `endpoint` finished.
pub fn last_completed(conn: &Connection, endpoint: &str, course: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT completed_at FROM lrs_pulls WHERE endpoint = ?1 AND course_id = ?2",
            [endpoint, course],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}
