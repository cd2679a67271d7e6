//! Regrading after a corrected answer key (issue 30).
//!
//! An update that changes a question's key leaves every handed-in attempt
//! with the score it was given: a learner's result never changes behind an
//! instructor's back. The update records the change
//! (`qunxue_store::key_changes`); an instructor sees, per changed question,
//! exactly which attempts the new key scores differently and by how much,
//! and decides to regrade them. Regrading rescores those answers with the
//! current key, updates each attempt's total and pass, reports every score
//! change, and tells the LRS the corrected outcome.

use chrono::{DateTime, Utc};
use qunxue_core::quiz;
use qunxue_store::attempt_answers::{self, AnswerRecord};
use qunxue_store::Connection;
use qunxue_store::{attempts, key_changes, profiles, Store};
use serde::Serialize;

use super::common::{load_question, load_quiz, parse_answer, presentation, stamp};
use super::marking::{record_outcome, tally};
use crate::Result;

/// One question whose key an update changed, with what regrading would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyChangeView {
    /// The question whose answer key changed.
    pub question_id: String,
    /// The question's current stem (Markdown as written).
    pub stem: String,
    /// The course version the old key came from.
    pub from_version: String,
    /// The course version the update installed, with the new key.
    pub to_version: String,
    /// When the update recorded the change (RFC 3339 UTC timestamp).
    pub changed_at: String,
    /// When an instructor regraded the attempts (RFC 3339 UTC timestamp); `None` until then.
    pub regraded_at: Option<String>,
    /// The display name of the instructor who regraded; `None` until then.
    pub regraded_by: Option<String>,
    /// Handed-in attempts the current key scores differently; empty when
    /// the change moves no score (a reworded option, say) or after a regrade.
    pub affected: Vec<ScoreChange>,
}

/// One attempt's answer and total under the old and the current key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreChange {
    /// The handed-in attempt whose score would change.
    pub attempt_id: String,
    /// The profile who made the attempt.
    pub learner_id: String,
    /// That learner's display name (empty if the profile is gone).
    pub learner_name: String,
    /// The quiz the attempt was at.
    pub quiz_id: String,
    /// The quiz's title.
    pub quiz_title: String,
    /// Which of the learner's attempts at the quiz it was (1, 2, …).
    pub attempt_number: i64,
    /// Points the answer has under the old key.
    pub answer_before: f64,
    /// Points the answer gets under the current key.
    pub answer_after: f64,
    /// The question's points under the current key.
    pub answer_max: f64,
    /// The attempt's total points before regrading.
    pub score_before: f64,
    /// The attempt's total points after regrading.
    pub score_after: f64,
    /// The attempt's maximum points after regrading.
    pub max_score: f64,
    /// `None` while hand-marked answers of the attempt still wait.
    pub passed_before: Option<bool>,
    /// Whether the attempt passes after regrading; `None` while hand-marked answers still wait.
    pub passed_after: Option<bool>,
}

/// What a regrade did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegradeReport {
    /// The question regraded.
    pub question_id: String,
    /// Every attempt whose score changed, with its scores before and after.
    pub changes: Vec<ScoreChange>,
}

/// The course's changed answer keys, newest first, each with the attempts
/// regrading would change.
pub fn key_changes(store: &Store, course: &str) -> Result<Vec<KeyChangeView>> {
    let conn = store.conn();
    key_changes::for_course(conn, course)?
        .into_iter()
        .map(|change| {
            let question = load_question(conn, course, &change.question_id)?;
            let affected = affected(conn, course, &change.question_id)?.into_iter().map(|(view, _)| view).collect();
            Ok(KeyChangeView {
                question_id: change.question_id,
                stem: question.stem,
                from_version: change.from_version,
                to_version: change.to_version,
                changed_at: change.changed_at,
                regraded_at: change.regraded_at,
                regraded_by: change.regraded_by,
                affected,
            })
        })
        .collect()
}

/// Rescores every handed-in answer to `question` that the current key
/// scores differently, updates those attempts, records their corrected
/// outcomes for the LRS and marks the change regraded. One transaction.
pub fn regrade(
    store: &mut Store,
    profile: &str,
    course: &str,
    question: &str,
    now: DateTime<Utc>,
) -> Result<RegradeReport> {
    key_changes::latest(store.conn(), course, question)?;
    let by = profiles::get(store.conn(), profile)?.display_name;
    let planned = affected(store.conn(), course, question)?;
    let changes = store.transact(|tx| -> Result<Vec<ScoreChange>> {
        let mut done = Vec::with_capacity(planned.len());
        for (mut view, rescored_answer) in planned {
            attempt_answers::upsert(tx, &rescored_answer)?;
            let attempt = attempts::get(tx, &view.attempt_id)?;
            let quiz = load_quiz(tx, course, &attempt.quiz_id)?;
            let rescored = tally(tx, &attempt, quiz.pass_mark)?;
            attempts::rescore(tx, &attempt.id, rescored.score, rescored.percent, rescored.passed)?;
            record_outcome(tx, &attempt, &quiz, &rescored, now)?;
            (view.score_after, view.max_score, view.passed_after) =
                (rescored.score, rescored.max_score, rescored.passed);
            done.push(view);
        }
        key_changes::mark_regraded(tx, course, question, &by, &stamp(now))?;
        Ok(done)
    })?;
    Ok(RegradeReport { question_id: question.to_string(), changes })
}

/// The attempts whose answer to `question` the current key scores
/// differently: the change as shown, and the answer row rescored.
fn affected(conn: &Connection, course: &str, question_id: &str) -> Result<Vec<(ScoreChange, AnswerRecord)>> {
    let question = load_question(conn, course, question_id)?;
    let mut out = Vec::new();
    for attempt_id in key_changes::attempts_answering(conn, course, question_id)? {
        let attempt = attempts::get(conn, &attempt_id)?;
        let Some(record) =
            attempt_answers::for_attempt(conn, &attempt_id)?.into_iter().find(|a| a.question_id == question_id)
        else {
            continue;
        };
        let Some(given) = parse_answer(&record) else { continue };
        let scored = quiz::score(&question, &given, &presentation(&attempt)?);
        // A question now marked by hand is not regraded here: its answers
        // wait in the marking queue like any other.
        let unchanged = (scored.score - record.score).abs() < 1e-9 && scored.max == record.max_score;
        if scored.correct.is_none() || unchanged {
            continue;
        }
        let quiz = load_quiz(conn, course, &attempt.quiz_id)?;
        let (score_before, max_before) = (attempt.score.unwrap_or(0.0), attempt.max_score.unwrap_or(0.0));
        let score_after = score_before - record.score + scored.score;
        let max_score = max_before - record.max_score + scored.max;
        let passed_after = attempt.passed.map(|_| max_score > 0.0 && score_after / max_score + 1e-9 >= quiz.pass_mark);
        let view = ScoreChange {
            learner_name: profiles::get(conn, &attempt.profile_id).map(|p| p.display_name).unwrap_or_default(),
            learner_id: attempt.profile_id.clone(),
            attempt_id: attempt.id.clone(),
            quiz_id: quiz.id.clone(),
            quiz_title: quiz.title.clone(),
            attempt_number: attempt.number,
            answer_before: record.score,
            answer_after: scored.score,
            answer_max: scored.max,
            score_before,
            score_after,
            max_score,
            passed_before: attempt.passed,
            passed_after,
        };
        out.push((
            view,
            AnswerRecord { score: scored.score, max_score: scored.max, correct: scored.correct, ..record },
        ));
    }
    Ok(out)
}
