//! Grading records: each marker's mark of a version, the released result the
//! learner sees, the tasks under double marking and the comment bank.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::Result;

pub use crate::status::MarkStatus;

/// Status of a mark the marker is still working on.
pub const DRAFT: MarkStatus = MarkStatus::Draft;
/// Status of a finished mark, ready for release or moderation.
pub const COMPLETE: MarkStatus = MarkStatus::Complete;

/// One marker's mark; `levels` and `comments` are JSON objects keyed by criterion id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkRecord {
    /// The submission version being marked.
    pub version_id: String,
    /// The marker's profile id, possibly of another machine; one mark per marker and version.
    pub marker_id: String,
    /// The marker's display name, kept for a marker from another machine.
    pub marker_name: String,
    /// JSON `{criterion id: level index}`: the rubric level chosen for each criterion.
    pub levels: String,
    /// JSON `{criterion id: text}`: the comment on each criterion.
    pub comments: String,
    /// Overall feedback to the learner.
    pub feedback: String,
    /// Sum of the chosen levels' points; `None` until every criterion has a level.
    pub points: Option<f64>,
    /// The points scaled onto the task's grade range and capped by any gate; `None` with `points`.
    pub grade: Option<f64>,
    /// [`DRAFT`] or [`COMPLETE`].
    pub status: MarkStatus,
    /// When the mark was last saved: RFC 3339 UTC timestamp.
    pub updated_at: String,
}

/// A released result. Serialisable both ways: it travels in grade bundles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRecord {
    /// The submission version the result grades; one result per version.
    pub version_id: String,
    /// JSON `{criterion id: level index}` of the released mark.
    pub levels: String,
    /// JSON `{criterion id: text}` of the released mark.
    pub comments: String,
    /// Overall feedback the learner sees.
    pub feedback: String,
    /// Sum of the chosen levels' points.
    pub points: f64,
    /// The grade the learner sees, on the task's scale up to `grade_max`.
    pub grade: f64,
    /// The task's highest possible grade when released.
    pub grade_max: f64,
    /// `single` or `moderated`.
    pub method: String,
    /// Display name of the instructor who released the result.
    pub released_by: String,
    /// When the result was released: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub released_at: String,
}

/// A reusable comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankComment {
    /// UUID of the banked comment.
    pub id: String,
    /// The course whose markers share the comment.
    pub course_id: String,
    /// The rubric criterion the comment is for; `None` for overall feedback.
    pub criterion_id: Option<String>,
    /// The comment text.
    pub text: String,
    /// How many times markers have used it; the bank lists the most used first.
    pub uses: i64,
}

/// Saves a marker's mark of a version, replacing their earlier mark of it.
pub fn save_mark(tx: &Transaction<'_>, m: &MarkRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_mark.sql"),
        params![
            m.version_id,
            m.marker_id,
            m.marker_name,
            m.levels,
            m.comments,
            m.feedback,
            m.points,
            m.grade,
            m.status,
            m.updated_at
        ],
    )?;
    Ok(())
}

const MARK_COLUMNS: &str =
    "version_id, marker_id, marker_name, levels, comments, feedback, points, grade, status, updated_at";

/// Every marker's mark of a version, oldest first.
pub fn marks_of(conn: &Connection, version: &str) -> Result<Vec<MarkRecord>> {
    let sql = format!("SELECT {MARK_COLUMNS} FROM marks WHERE version_id = ?1 ORDER BY updated_at, marker_id");
    let rows = conn.prepare_cached(&sql)?.query_map([version], mark_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every mark in a course (for per-grader statistics).
pub fn marks_of_course(conn: &Connection, course: &str) -> Result<Vec<MarkRecord>> {
    let sql = format!(
        "SELECT {} FROM marks m JOIN submission_versions v ON v.id = m.version_id WHERE v.course_id = ?1 ORDER BY m.updated_at",
        MARK_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
    );
    let rows = conn.prepare_cached(&sql)?.query_map([course], mark_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn mark_from_row(r: &Row<'_>) -> rusqlite::Result<MarkRecord> {
    Ok(MarkRecord {
        version_id: r.get(0)?,
        marker_id: r.get(1)?,
        marker_name: r.get(2)?,
        levels: r.get(3)?,
        comments: r.get(4)?,
        feedback: r.get(5)?,
        points: r.get(6)?,
        grade: r.get(7)?,
        status: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// Releases a result for a version, replacing any result released before.
pub fn save_result(tx: &Transaction<'_>, r: &ResultRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_result.sql"),
        params![
            r.version_id,
            r.levels,
            r.comments,
            r.feedback,
            r.points,
            r.grade,
            r.grade_max,
            r.method,
            r.released_by,
            r.released_at
        ],
    )?;
    Ok(())
}

const RESULT_COLUMNS: &str =
    "version_id, levels, comments, feedback, points, grade, grade_max, method, released_by, released_at";

/// The released result of a version, if any.
pub fn result(conn: &Connection, version: &str) -> Result<Option<ResultRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {RESULT_COLUMNS} FROM results WHERE version_id = ?1"))?
        .query_row([version], result_from_row)
        .optional()?)
}

/// Every released result in a course.
pub fn results_of_course(conn: &Connection, course: &str) -> Result<Vec<ResultRecord>> {
    let sql = format!(
        "SELECT {} FROM results r JOIN submission_versions v ON v.id = r.version_id WHERE v.course_id = ?1 ORDER BY r.released_at, r.version_id",
        RESULT_COLUMNS.split(", ").map(|c| format!("r.{c}")).collect::<Vec<_>>().join(", ")
    );
    let rows = conn.prepare_cached(&sql)?.query_map([course], result_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn result_from_row(r: &Row<'_>) -> rusqlite::Result<ResultRecord> {
    Ok(ResultRecord {
        version_id: r.get(0)?,
        levels: r.get(1)?,
        comments: r.get(2)?,
        feedback: r.get(3)?,
        points: r.get(4)?,
        grade: r.get(5)?,
        grade_max: r.get(6)?,
        method: r.get(7)?,
        released_by: r.get(8)?,
        released_at: r.get(9)?,
    })
}

/// Puts a task under double marking (`on`) or takes it out; under it no mark is released alone.
pub fn set_double_marked(tx: &Transaction<'_>, course: &str, task: &str, on: bool) -> Result<()> {
    if on {
        tx.execute(include_str!("add_double_marked.sql"), [course, task])?;
    } else {
        tx.execute(include_str!("remove_double_marked.sql"), [course, task])?;
    }
    Ok(())
}

/// Whether the task is under double marking.
pub fn is_double_marked(conn: &Connection, course: &str, task: &str) -> Result<bool> {
    Ok(conn.query_row(include_str!("is_double_marked.sql"), [course, task], |_| Ok(())).optional()?.is_some())
}

/// Adds a comment to the bank; the existing entry's id if the same text is
/// already banked for that criterion.
pub fn bank_comment(tx: &Transaction<'_>, c: &BankComment, now: &str) -> Result<String> {
    // Looked up first rather than left to the UNIQUE constraint: SQLite
    // treats NULLs as distinct, so overall comments (no criterion) would
    // slip past it.
    let existing: Option<String> = tx
        .query_row(include_str!("find_comment.sql"), params![c.course_id, c.criterion_id, c.text], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    tx.execute(include_str!("insert_comment.sql"), params![c.id, c.course_id, c.criterion_id, c.text, now])?;
    Ok(c.id.clone())
}

/// Counts one more use; false if there is no such comment.
pub fn use_comment(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("use_comment.sql"), [id])? == 1)
}

/// Removes a comment from the bank; false if there is no such comment.
pub fn delete_comment(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete_comment.sql"), [id])? == 1)
}

/// A course's banked comments, most used first.
pub fn comments(conn: &Connection, course: &str) -> Result<Vec<BankComment>> {
    let rows = conn
        .prepare_cached(include_str!("comments.sql"))?
        .query_map([course], |r| {
            Ok(BankComment {
                id: r.get(0)?,
                course_id: r.get(1)?,
                criterion_id: r.get(2)?,
                text: r.get(3)?,
                uses: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submissions::insert_version;
    use crate::submissions::tests::{store_with_task, version_record};

    fn mark(marker: &str, status: MarkStatus) -> MarkRecord {
        MarkRecord {
            version_id: "v1".into(),
            marker_id: marker.into(),
            marker_name: marker.to_uppercase(),
            levels: r#"{"a":1}"#.into(),
            comments: "{}".into(),
            feedback: String::new(),
            points: Some(2.0),
            grade: Some(50.0),
            status,
            updated_at: format!("2026-01-01T00:00:0{}Z", marker.len()),
        }
    }

    #[test]
    fn marks_are_per_marker_and_results_replace() {
        let mut store = store_with_task();
        store.transact(|tx| insert_version(tx, &version_record("v1", 1))).unwrap();
        store.transact(|tx| save_mark(tx, &mark("m1", DRAFT))).unwrap();
        store.transact(|tx| save_mark(tx, &mark("m1", COMPLETE))).unwrap();
        store.transact(|tx| save_mark(tx, &mark("m22", COMPLETE))).unwrap();
        let marks = marks_of(store.conn(), "v1").unwrap();
        assert_eq!(
            marks.iter().map(|m| (m.marker_id.as_str(), m.status)).collect::<Vec<_>>(),
            [("m1", COMPLETE), ("m22", COMPLETE)]
        );
        assert_eq!(marks_of_course(store.conn(), "c1").unwrap().len(), 2);

        assert!(result(store.conn(), "v1").unwrap().is_none());
        let mut r = ResultRecord {
            version_id: "v1".into(),
            levels: "{}".into(),
            comments: "{}".into(),
            feedback: "好".into(),
            points: 2.0,
            grade: 50.0,
            grade_max: 100.0,
            method: "single".into(),
            released_by: "M1".into(),
            released_at: "t".into(),
        };
        store.transact(|tx| save_result(tx, &r)).unwrap();
        r.grade = 60.0;
        store.transact(|tx| save_result(tx, &r)).unwrap();
        assert_eq!(result(store.conn(), "v1").unwrap().unwrap().grade, 60.0);
        assert_eq!(results_of_course(store.conn(), "c1").unwrap(), [r]);
    }

    #[test]
    fn bank_deduplicates_and_counts_uses() {
        let mut store = store_with_task();
        let c = |criterion: Option<&str>| BankComment {
            id: format!("id-{criterion:?}"),
            course_id: "c1".into(),
            criterion_id: criterion.map(Into::into),
            text: "结构清晰".into(),
            uses: 0,
        };
        let first = store.transact(|tx| bank_comment(tx, &c(Some("a")), "t")).unwrap();
        let again =
            store.transact(|tx| bank_comment(tx, &BankComment { id: "other".into(), ..c(Some("a")) }, "t")).unwrap();
        assert_eq!(first, again);
        let overall = store.transact(|tx| bank_comment(tx, &c(None), "t")).unwrap();
        let overall_again =
            store.transact(|tx| bank_comment(tx, &BankComment { id: "x".into(), ..c(None) }, "t")).unwrap();
        assert_eq!(overall, overall_again, "NULL criterion deduplicates too");
        assert!(store.transact(|tx| use_comment(tx, &overall)).unwrap());
        assert!(!store.transact(|tx| use_comment(tx, "nope")).unwrap());
        let list = comments(store.conn(), "c1").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!((list[0].id.as_str(), list[0].uses), (overall.as_str(), 1));
        assert!(store.transact(|tx| delete_comment(tx, &first)).unwrap());
    }

    #[test]
    fn double_marking_flag() {
        let mut store = store_with_task();
        assert!(!is_double_marked(store.conn(), "c1", "t1").unwrap());
        store.transact(|tx| set_double_marked(tx, "c1", "t1", true)).unwrap();
        store.transact(|tx| set_double_marked(tx, "c1", "t1", true)).unwrap();
        assert!(is_double_marked(store.conn(), "c1", "t1").unwrap());
        store.transact(|tx| set_double_marked(tx, "c1", "t1", false)).unwrap();
        assert!(!is_double_marked(store.conn(), "c1", "t1").unwrap());
    }
}
