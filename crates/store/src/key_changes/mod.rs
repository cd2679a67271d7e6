//! Answer keys a course update changed, and whether their attempts have
//! been regraded (migration 0023).

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// One changed key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyChange {
    /// The course whose update changed the key.
    pub course_id: String,
    /// The question whose answer key changed.
    pub question_id: String,
    /// The course version installed before the update.
    pub from_version: String,
    /// The course version whose import changed the key.
    pub to_version: String,
    /// When the update was imported: RFC 3339 UTC timestamp.
    pub changed_at: String,
    /// The question before the update, as JSON.
    pub old_body: String,
    /// When an instructor regraded the affected attempts (RFC 3339); `None` until then.
    pub regraded_at: Option<String>,
    /// Display name of the instructor who regraded them; `None` until then.
    pub regraded_by: Option<String>,
}

/// Records that `question_id`'s key changed in the update to `to_version`
/// (a re-import of the same update records nothing new).
pub fn record(tx: &Transaction<'_>, change: &KeyChange) -> Result<()> {
    tx.execute(
        include_str!("record.sql"),
        params![
            change.course_id,
            change.question_id,
            change.to_version,
            change.from_version,
            change.changed_at,
            change.old_body
        ],
    )?;
    Ok(())
}

const SELECT: &str =
    "SELECT course_id, question_id, from_version, to_version, changed_at, old_body, regraded_at, regraded_by
                      FROM question_key_changes";

/// The course's changed keys, newest first.
pub fn for_course(conn: &Connection, course: &str) -> Result<Vec<KeyChange>> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE course_id = ?1 ORDER BY changed_at DESC, question_id"))?;
    let rows = stmt.query_map([course], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest change of one question's key.
pub fn latest(conn: &Connection, course: &str, question: &str) -> Result<KeyChange> {
    conn.prepare_cached(&format!(
        "{SELECT} WHERE course_id = ?1 AND question_id = ?2 ORDER BY changed_at DESC LIMIT 1"
    ))?
    .query_row([course, question], from_row)
    .or_not_found(|| {
        (
            format!("a changed answer key of question {question} in course {course}"),
            format!("课程 {course} 中题目 {question} 的答案更正"),
        )
    })
}

/// Marks every recorded change of the question's key as regraded.
pub fn mark_regraded(tx: &Transaction<'_>, course: &str, question: &str, by: &str, at: &str) -> Result<()> {
    tx.execute(include_str!("mark_regraded.sql"), params![course, question, at, by])?;
    Ok(())
}

/// Handed-in attempts of the course with an automatically scored answer to
/// the question: (attempt id), oldest first.
pub fn attempts_answering(conn: &Connection, course: &str, question: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(include_str!("attempts_answering.sql"))?;
    let rows = stmt.query_map([course, question], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<KeyChange> {
    Ok(KeyChange {
        course_id: r.get(0)?,
        question_id: r.get(1)?,
        from_version: r.get(2)?,
        to_version: r.get(3)?,
        changed_at: r.get(4)?,
        old_body: r.get(5)?,
        regraded_at: r.get(6)?,
        regraded_by: r.get(7)?,
    })
}
