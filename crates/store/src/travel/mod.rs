//! A learner's records of one course in the form they travel between
//! machines (learner-record bundles, the LRS), and the one merge that takes
//! them in. Every merge is keyed by stable ids and keeps what is already
//! here, so taking the same records in twice changes nothing and records
//! of the same person from two laptops add up to one person.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::Result;

/// One module's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRow {
    /// The module within the course.
    pub module_id: String,
    /// In progress or completed.
    pub status: crate::status::ProgressStatus,
    /// When the learner first opened the module: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub first_opened_at: String,
    /// When the learner last opened it: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub last_opened_at: String,
    /// How many times the learner opened it.
    pub open_count: i64,
    /// When it was completed (RFC 3339); `None` while in progress.
    #[serde(default, deserialize_with = "crate::time::arriving::optional")]
    pub completed_at: Option<String>,
    /// Active study time credited from heartbeats, in seconds.
    pub active_seconds: i64,
}

/// One handed-in quiz attempt with its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRow {
    /// UUID of the attempt, the same on every machine.
    pub id: String,
    /// The quiz's id within the course.
    pub quiz_id: String,
    /// 1, 2, … counting the learner's attempts at this quiz.
    pub number: i64,
    /// Seed of the shuffled presentation.
    pub seed: u64,
    /// JSON: the core `Presentation` (question order and shuffles).
    pub presentation: String,
    /// When the attempt was started: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub started_at: String,
    /// When its time limit ran out (RFC 3339); `None` for a quiz without one.
    #[serde(default, deserialize_with = "crate::time::arriving::optional")]
    pub deadline_at: Option<String>,
    /// When it was handed in (RFC 3339).
    #[serde(default, deserialize_with = "crate::time::arriving::optional")]
    pub submitted_at: Option<String>,
    /// Submitted or expired (open attempts do not travel).
    pub status: crate::status::AttemptStatus,
    /// Points scored.
    pub score: Option<f64>,
    /// Points available in the quiz.
    pub max_score: Option<f64>,
    /// Score as a percentage of `max_score` (0–100).
    pub percent: Option<f64>,
    /// Whether the pass mark was reached; `None` while answers await manual grading.
    pub passed: Option<bool>,
    /// The attempt's answers, by question id.
    pub answers: Vec<AnswerRow>,
}

/// One answer, with a person's mark when it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// The answered question.
    pub question_id: String,
    /// JSON: the core `LearnerAnswer`.
    pub answer: String,
    /// When the answer was last saved: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub saved_at: String,
    /// Points the automatic grading gave it.
    pub score: f64,
    /// Points the question is worth.
    pub max_score: f64,
    /// Whether it was right; `None` when a person grades it.
    pub correct: Option<bool>,
    /// Points a person gave it; `None` until graded by hand.
    pub manual_score: Option<f64>,
    /// The grader's comment the learner sees, if any.
    pub manual_comment: Option<String>,
    /// When a person graded it (RFC 3339); `None` until then.
    #[serde(default, deserialize_with = "crate::time::arriving::optional")]
    pub graded_at: Option<String>,
}

/// One survey answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyRow {
    /// The survey's id within the course.
    pub survey_id: String,
    /// The survey item answered.
    pub item_id: String,
    /// A Likert item's rating, 1 to the item's scale; `None` for free-text items.
    pub rating: Option<i64>,
    /// A free-text item's answer; `None` for Likert items.
    pub answer_text: Option<String>,
    /// When the answer was given: RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub submitted_at: String,
}

/// The learner's progress in every module of the course they opened, by module id.
pub fn progress_rows(conn: &Connection, profile: &str, course: &str) -> Result<Vec<ProgressRow>> {
    let mut stmt = conn.prepare_cached(include_str!("progress_rows.sql"))?;
    let rows = stmt.query_map([profile, course], |r| {
        Ok(ProgressRow {
            module_id: r.get(0)?,
            status: r.get(1)?,
            first_opened_at: r.get(2)?,
            last_opened_at: r.get(3)?,
            open_count: r.get(4)?,
            completed_at: r.get(5)?,
            active_seconds: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Handed-in attempts only: an attempt still open on the learner's laptop is
/// not a result yet.
pub fn attempt_rows(conn: &Connection, profile: &str, course: &str) -> Result<Vec<AttemptRow>> {
    let mut stmt = conn.prepare_cached(include_str!("attempt_rows.sql"))?;
    let attempts = stmt
        .query_map([profile, course], |r| {
            Ok(AttemptRow {
                id: r.get(0)?,
                quiz_id: r.get(1)?,
                number: r.get(2)?,
                seed: r.get::<_, i64>(3)? as u64,
                presentation: r.get(4)?,
                started_at: r.get(5)?,
                deadline_at: r.get(6)?,
                submitted_at: r.get(7)?,
                status: r.get(8)?,
                score: r.get(9)?,
                max_score: r.get(10)?,
                percent: r.get(11)?,
                passed: r.get(12)?,
                answers: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut answers = conn.prepare_cached(include_str!("answer_rows.sql"))?;
    attempts
        .into_iter()
        .map(|mut attempt| {
            attempt.answers = answers
                .query_map([&attempt.id], |r| {
                    Ok(AnswerRow {
                        question_id: r.get(0)?,
                        answer: r.get(1)?,
                        saved_at: r.get(2)?,
                        score: r.get(3)?,
                        max_score: r.get(4)?,
                        correct: r.get(5)?,
                        manual_score: r.get(6)?,
                        manual_comment: r.get(7)?,
                        graded_at: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(attempt)
        })
        .collect()
}

/// The learner's survey answers in the course, by survey and item.
pub fn survey_rows(conn: &Connection, profile: &str, course: &str) -> Result<Vec<SurveyRow>> {
    let mut stmt = conn.prepare_cached(include_str!("survey_rows.sql"))?;
    let rows = stmt.query_map([profile, course], |r| {
        Ok(SurveyRow {
            survey_id: r.get(0)?,
            item_id: r.get(1)?,
            rating: r.get(2)?,
            answer_text: r.get(3)?,
            submitted_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the course has this module (a record for a module another
/// version of the course had cannot be stored here).
fn module_exists(tx: &Transaction<'_>, course: &str, module: &str) -> Result<bool> {
    Ok(tx.query_row(include_str!("module_exists.sql"), [course, module], |_| Ok(())).optional()?.is_some())
}

fn item_exists(tx: &Transaction<'_>, course: &str, kind: &str, id: &str) -> Result<bool> {
    Ok(tx.query_row(include_str!("item_exists.sql"), [course, kind, id], |_| Ok(())).optional()?.is_some())
}

/// What a merge did with one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Records this machine did not have.
    pub added: usize,
    /// Records it had already, or cannot hold (e.g. a module this version lacks).
    pub skipped: usize,
}

impl Merged {
    fn count(&mut self, added: bool) {
        if added {
            self.added += 1;
        } else {
            self.skipped += 1;
        }
    }
}

impl std::ops::AddAssign for Merged {
    fn add_assign(&mut self, other: Merged) {
        self.added += other.added;
        self.skipped += other.skipped;
    }
}

/// Progress merges towards the furthest: completed stays completed, the
/// earliest first visit, the latest last visit, the larger counts.
pub fn merge_progress(tx: &Transaction<'_>, profile: &str, course: &str, rows: &[ProgressRow]) -> Result<Merged> {
    let mut merged = Merged::default();
    for row in rows {
        if !module_exists(tx, course, &row.module_id)? {
            merged.count(false);
            continue;
        }
        let existed = tx
            .query_row(include_str!("progress_exists.sql"), [profile, course, &row.module_id], |_| Ok(()))
            .optional()?
            .is_some();
        tx.execute(
            include_str!("merge_progress.sql"),
            params![
                profile,
                course,
                row.module_id,
                row.status,
                row.first_opened_at,
                row.last_opened_at,
                row.open_count,
                row.completed_at,
                row.active_seconds
            ],
        )?;
        merged.count(!existed);
    }
    Ok(merged)
}

/// An attempt is taken in once, whole; a mark given here is never replaced
/// by the unmarked copy a later bundle brings, and a mark the bundle brings
/// fills an answer still unmarked here.
pub fn merge_attempts(tx: &Transaction<'_>, profile: &str, course: &str, rows: &[AttemptRow]) -> Result<Merged> {
    let mut merged = Merged::default();
    for a in rows {
        if !item_exists(tx, course, "quiz", &a.quiz_id)? {
            merged.count(false);
            continue;
        }
        let added = tx.execute(
            include_str!("merge_attempt.sql"),
            params![
                a.id,
                profile,
                course,
                a.quiz_id,
                a.number,
                a.seed as i64,
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
        )? > 0;
        for answer in &a.answers {
            tx.execute(
                include_str!("merge_answer.sql"),
                params![
                    a.id,
                    answer.question_id,
                    answer.answer,
                    answer.saved_at,
                    answer.score,
                    answer.max_score,
                    answer.correct,
                    answer.manual_score,
                    answer.manual_comment,
                    answer.graded_at
                ],
            )?;
        }
        merged.count(added);
    }
    Ok(merged)
}

/// Survey answers: the first answer to an item stays.
pub fn merge_survey(tx: &Transaction<'_>, profile: &str, course: &str, rows: &[SurveyRow]) -> Result<Merged> {
    let mut merged = Merged::default();
    for row in rows {
        if !item_exists(tx, course, "survey", &row.survey_id)? {
            merged.count(false);
            continue;
        }
        let added = tx.execute(
            include_str!("merge_survey.sql"),
            params![course, row.survey_id, profile, row.item_id, row.rating, row.answer_text, row.submitted_at],
        )? > 0;
        merged.count(added);
    }
    Ok(merged)
}
