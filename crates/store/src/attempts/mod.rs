//! Quiz attempts: who took which quiz, how it was presented, when it started,
//! its deadline and, once handed in, its result.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

pub use crate::status::AttemptStatus;

/// Status of an open attempt the learner is still answering.
pub const IN_PROGRESS: AttemptStatus = AttemptStatus::InProgress;
/// Status of an attempt the learner handed in.
pub const SUBMITTED: AttemptStatus = AttemptStatus::Submitted;
/// Handed in by the backend because the deadline passed.
pub const EXPIRED: AttemptStatus = AttemptStatus::Expired;

/// One attempt as stored. Times are RFC 3339 UTC strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRecord {
    /// UUID of the attempt; the presentation seed is derived from it.
    pub id: String,
    /// The learner who takes the quiz.
    pub profile_id: String,
    /// The course the quiz belongs to.
    pub course_id: String,
    /// The quiz's id within the course.
    pub quiz_id: String,
    /// 1, 2, … counting this learner's attempts at this quiz.
    pub number: i64,
    /// Seed of the shuffled presentation; stored bit for bit as a signed SQLite integer.
    pub seed: u64,
    /// JSON: the core `Presentation`.
    pub presentation: String,
    /// When the attempt was started.
    pub started_at: String,
    /// When the time limit runs out; `None` for a quiz without one.
    pub deadline_at: Option<String>,
    /// When the attempt was handed in (by the learner or at the deadline); `None` while open.
    pub submitted_at: Option<String>,
    /// [`IN_PROGRESS`], [`SUBMITTED`] or [`EXPIRED`].
    pub status: AttemptStatus,
    /// Points scored; `None` while the attempt is open.
    pub score: Option<f64>,
    /// Points available in the quiz; `None` while the attempt is open.
    pub max_score: Option<f64>,
    /// Score as a percentage of `max_score` (0–100); `None` while the attempt is open.
    pub percent: Option<f64>,
    /// Whether the pass mark was reached; `None` while open or while answers await manual grading.
    pub passed: Option<bool>,
}

/// The result written when an attempt is handed in.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    /// The closing status: [`SUBMITTED`] or [`EXPIRED`].
    pub status: AttemptStatus,
    /// When the attempt was handed in: RFC 3339 UTC timestamp.
    pub submitted_at: &'a str,
    /// Total points scored over the quiz's questions.
    pub score: f64,
    /// Points available in the quiz.
    pub max_score: f64,
    /// Score as a percentage of `max_score` (0–100).
    pub percent: f64,
    /// Whether the pass mark was reached; `None` while answers await manual grading.
    pub passed: Option<bool>,
}

/// Stores a new attempt (at most one per learner and quiz may be in progress).
pub fn insert(tx: &Transaction<'_>, a: &AttemptRecord) -> Result<()> {
    tx.execute(
        include_str!("insert.sql"),
        params![
            a.id,
            a.profile_id,
            a.course_id,
            a.quiz_id,
            a.number,
            a.seed as i64, // bit for bit: SQLite integers are signed
            a.presentation,
            a.started_at,
            a.deadline_at,
            a.submitted_at,
            a.status,
            a.score,
            a.max_score,
            a.percent,
            a.passed
        ],
    )?;
    Ok(())
}

/// One attempt by id; `NotFound` if there is none.
pub fn get(conn: &Connection, id: &str) -> Result<AttemptRecord> {
    conn.prepare_cached(&format!("{} WHERE id = ?1", include_str!("select.sql")))?
        .query_row([id], from_row)
        .or_not_found(|| (format!("attempt {id}"), format!("答题记录 {id}")))
}

/// A learner's attempts at one quiz, first to last.
pub fn for_quiz(conn: &Connection, profile: &str, course: &str, quiz: &str) -> Result<Vec<AttemptRecord>> {
    let sql = format!(
        "{} WHERE profile_id = ?1 AND course_id = ?2 AND quiz_id = ?3 ORDER BY number",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![profile, course, quiz], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every learner's handed-in attempts at one quiz (submitted or expired), oldest first.
pub fn finished_for_quiz(conn: &Connection, course: &str, quiz: &str) -> Result<Vec<AttemptRecord>> {
    let sql = format!(
        "{} WHERE course_id = ?1 AND quiz_id = ?2 AND status IN ('submitted', 'expired') ORDER BY started_at, id",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![course, quiz], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every handed-in attempt of a course, oldest first.
pub fn finished_of_course(conn: &Connection, course: &str) -> Result<Vec<AttemptRecord>> {
    let sql = format!(
        "{} WHERE course_id = ?1 AND status IN ('submitted', 'expired') ORDER BY started_at, id",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![course], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Updates the score of a handed-in attempt (after a person graded an answer).
pub fn rescore(tx: &Transaction<'_>, id: &str, score: f64, percent: f64, passed: Option<bool>) -> Result<()> {
    tx.execute(include_str!("rescore.sql"), params![id, score, percent, passed])?;
    Ok(())
}

/// Writes the result and closes the attempt.
pub fn finish(tx: &Transaction<'_>, id: &str, o: &Outcome<'_>) -> Result<()> {
    tx.execute(
        include_str!("finish.sql"),
        params![id, o.status, o.submitted_at, o.score, o.max_score, o.percent, o.passed],
    )?;
    Ok(())
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<AttemptRecord> {
    Ok(AttemptRecord {
        id: r.get("id")?,
        profile_id: r.get("profile_id")?,
        course_id: r.get("course_id")?,
        quiz_id: r.get("quiz_id")?,
        number: r.get("number")?,
        seed: r.get::<_, i64>("seed")? as u64,
        presentation: r.get("presentation")?,
        started_at: r.get("started_at")?,
        deadline_at: r.get("deadline_at")?,
        submitted_at: r.get("submitted_at")?,
        status: r.get("status")?,
        score: r.get("score")?,
        max_score: r.get("max_score")?,
        percent: r.get("percent")?,
        passed: r.get("passed")?,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::course_items::{self, ItemKind, ItemRecord};
    use crate::courses::tests::{install, sample_module};
    use crate::{profiles, Store, StoreError};

    /// A store with course `c1`, quiz `q1` and profile `p1`.
    pub(crate) fn setup() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        store
            .transact(|tx| -> Result<()> {
                course_items::replace_items(
                    tx,
                    "c1",
                    ItemKind::Quiz,
                    &[ItemRecord { id: "q1".into(), body: "{}".into() }],
                )?;
                profiles::insert(tx, &profiles::Profile::learner("p1", "学员", "t0"))
            })
            .unwrap();
        store
    }

    pub(crate) fn attempt(id: &str, number: i64) -> AttemptRecord {
        AttemptRecord {
            id: id.into(),
            profile_id: "p1".into(),
            course_id: "c1".into(),
            quiz_id: "q1".into(),
            number,
            seed: u64::MAX - 7,
            presentation: "{}".into(),
            started_at: "2026-01-01T00:00:00.000Z".into(),
            deadline_at: Some("2026-01-01T00:10:00.000Z".into()),
            submitted_at: None,
            status: IN_PROGRESS,
            score: None,
            max_score: None,
            percent: None,
            passed: None,
        }
    }

    #[test]
    fn attempts_round_trip_and_finish() {
        let mut store = setup();
        store.transact(|tx| insert(tx, &attempt("a1", 1))).unwrap();
        assert_eq!(get(store.conn(), "a1").unwrap(), attempt("a1", 1));
        // Only one open attempt per learner and quiz.
        assert!(store.transact(|tx| insert(tx, &attempt("a2", 2))).is_err());
        let outcome = Outcome {
            status: SUBMITTED,
            submitted_at: "t1",
            score: 1.0,
            max_score: 2.0,
            percent: 50.0,
            passed: Some(false),
        };
        store.transact(|tx| finish(tx, "a1", &outcome)).unwrap();
        store.transact(|tx| insert(tx, &attempt("a2", 2))).unwrap();
        let all = for_quiz(store.conn(), "p1", "c1", "q1").unwrap();
        assert_eq!(all.iter().map(|a| a.number).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(all[0].passed, Some(false));
        assert_eq!(finished_for_quiz(store.conn(), "c1", "q1").unwrap().len(), 1);
        assert!(matches!(get(store.conn(), "zz"), Err(StoreError::NotFound { .. })));
    }
}
