//! The answers of an attempt: one row per question, rewritten on every save.
//! The manual-grading queue is the answers whose `correct` is unknown on
//! handed-in attempts.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// A learner's saved answer to one question of a quiz attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRecord {
    /// The attempt this answer belongs to.
    pub attempt_id: String,
    /// The answered question's id within the course.
    pub question_id: String,
    /// JSON: the core `LearnerAnswer`.
    pub answer: String,
    /// When the answer was last saved: RFC 3339 UTC timestamp.
    pub saved_at: String,
    /// Points the automatic grading gave this answer (0 while it awaits a person).
    pub score: f64,
    /// Points the question is worth.
    pub max_score: f64,
    /// `None` while a person has to grade it.
    pub correct: Option<bool>,
    /// Points a person gave when grading by hand; `None` until then.
    pub manual_score: Option<f64>,
}

/// Saves (or replaces) the answer to one question.
pub fn upsert(tx: &Transaction<'_>, a: &AnswerRecord) -> Result<()> {
    tx.prepare_cached(include_str!("upsert.sql"))?.execute(params![
        a.attempt_id,
        a.question_id,
        a.answer,
        a.saved_at,
        a.score,
        a.max_score,
        a.correct,
        a.manual_score
    ])?;
    Ok(())
}

/// An attempt's answers, by question id.
pub fn for_attempt(conn: &Connection, attempt_id: &str) -> Result<Vec<AnswerRecord>> {
    let mut stmt =
        conn.prepare_cached(&format!("{} WHERE attempt_id = ?1 ORDER BY question_id", include_str!("select.sql")))?;
    let rows = stmt.query_map([attempt_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Answers waiting for a person: `correct` unknown, attempt handed in, oldest first.
pub fn manual_queue(conn: &Connection) -> Result<Vec<AnswerRecord>> {
    let sql = include_str!("manual_queue.sql");
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Immediate-feedback mode: marks an answer as checked (its feedback shown),
/// which makes it final. Returns whether the answer exists.
pub fn mark_checked(tx: &Transaction<'_>, attempt_id: &str, question_id: &str, at: &str) -> Result<bool> {
    let changed = tx.execute(include_str!("mark_checked.sql"), params![attempt_id, question_id, at])?;
    Ok(changed > 0)
}

/// The questions of an attempt whose answers were checked (and are final).
pub fn checked_questions(conn: &Connection, attempt_id: &str) -> Result<std::collections::BTreeSet<String>> {
    let mut stmt = conn.prepare_cached(include_str!("checked_questions.sql"))?;
    let rows = stmt.query_map([attempt_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A person's grade of one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManualGrade {
    /// Points awarded by the grader.
    pub score: f64,
    /// Comment the learner sees beside the score, if the grader wrote one.
    pub comment: Option<String>,
    /// Profile id of the grader on this machine; `None` if graded on another machine or the profile is gone.
    pub graded_by: Option<String>,
    /// When the grade was given: RFC 3339 UTC timestamp.
    pub graded_at: Option<String>,
}

/// Records a person's grade of one answer (replacing an earlier one).
pub fn set_manual_grade(tx: &Transaction<'_>, attempt_id: &str, question_id: &str, grade: &ManualGrade) -> Result<()> {
    let changed = tx.execute(
        include_str!("set_manual_grade.sql"),
        params![attempt_id, question_id, grade.score, grade.comment, grade.graded_by, grade.graded_at],
    )?;
    if changed == 0 {
        return Err(crate::StoreError::NotFound {
            what: format!("answer to {question_id} in attempt {attempt_id}"),
            what_zh: format!("答题记录 {attempt_id} 中题目 {question_id} 的作答"),
        });
    }
    Ok(())
}

/// The manual grades of an attempt's answers, by question id.
pub fn manual_grades(conn: &Connection, attempt_id: &str) -> Result<std::collections::BTreeMap<String, ManualGrade>> {
    let mut stmt = conn.prepare_cached(include_str!("manual_grades.sql"))?;
    let rows = stmt.query_map([attempt_id], |r| {
        Ok((
            r.get(0)?,
            ManualGrade { score: r.get(1)?, comment: r.get(2)?, graded_by: r.get(3)?, graded_at: r.get(4)? },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<AnswerRecord> {
    Ok(AnswerRecord {
        attempt_id: r.get("attempt_id")?,
        question_id: r.get("question_id")?,
        answer: r.get("answer")?,
        saved_at: r.get("saved_at")?,
        score: r.get("score")?,
        max_score: r.get("max_score")?,
        correct: r.get("correct")?,
        manual_score: r.get("manual_score")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempts::{
        self,
        tests::{attempt, setup},
    };

    fn answer(question: &str, text: &str, correct: Option<bool>) -> AnswerRecord {
        AnswerRecord {
            attempt_id: "a1".into(),
            question_id: question.into(),
            answer: text.into(),
            saved_at: "2026-01-01T00:01:00.000Z".into(),
            score: 0.0,
            max_score: 1.0,
            correct,
            manual_score: None,
        }
    }

    #[test]
    fn answers_are_upserted_and_queued_for_grading() {
        let mut store = setup();
        store.transact(|tx| attempts::insert(tx, &attempt("a1", 1))).unwrap();
        store.transact(|tx| upsert(tx, &answer("x", r#"{"choice":"0"}"#, Some(false)))).unwrap();
        store.transact(|tx| upsert(tx, &answer("x", r#"{"choice":"1"}"#, Some(true)))).unwrap();
        store.transact(|tx| upsert(tx, &answer("y", r#"{"text":"…"}"#, None))).unwrap();
        let saved = for_attempt(store.conn(), "a1").unwrap();
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[0].answer, r#"{"choice":"1"}"#);
        // Not handed in yet: nothing to grade.
        assert!(manual_queue(store.conn()).unwrap().is_empty());
        let outcome = attempts::Outcome {
            status: attempts::SUBMITTED,
            submitted_at: "t1",
            score: 1.0,
            max_score: 2.0,
            percent: 50.0,
            passed: None,
        };
        store.transact(|tx| attempts::finish(tx, "a1", &outcome)).unwrap();
        let queue = manual_queue(store.conn()).unwrap();
        assert_eq!(queue.iter().map(|a| a.question_id.as_str()).collect::<Vec<_>>(), ["y"]);
    }
}
