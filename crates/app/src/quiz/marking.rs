//! Grading short answers by hand. Short-answer questions score nothing
//! automatically; after hand-in they wait in the instructor's queue, and each
//! grade updates the attempt's score — and its pass/fail, once no answer of
//! the attempt is waiting any more.

use chrono::{DateTime, Utc};
use qunxue_store::attempt_answers::{self, ManualGrade};
use qunxue_store::{attempts, profiles, Store};
use serde::Serialize;

use super::common::{course_html, load_question, load_quiz, parse_answer, parse_stamp, sheet, stamp};
use super::submit::settle;
use crate::access::{self, Role};
use crate::msg;
use crate::{AppError, Result};
use qunxue_core::xapi::{AttemptRef, Event, Named, Points};

/// One answer waiting for a grade, with what the grader needs beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingAnswer {
    /// The handed-in attempt the answer belongs to.
    pub attempt_id: String,
    /// The short-answer question answered.
    pub question_id: String,
    /// The course of the attempt's quiz.
    pub course_id: String,
    /// The quiz the attempt was at.
    pub quiz_id: String,
    /// The quiz's title, shown with the answer in the queue.
    pub quiz_title: String,
    /// The display name of the learner who answered.
    pub learner_name: String,
    /// The question's stem as sanitised HTML.
    pub stem_html: String,
    /// The bank's model answer, for the grader only.
    pub reference_html: String,
    /// The learner's answer in words (empty when it cannot be read).
    pub answer_text: String,
    /// The most points the grade may give.
    pub max_score: f64,
    /// When the learner last saved the answer (RFC 3339 UTC timestamp); the queue is oldest first.
    pub saved_at: String,
}

/// Where an attempt stands after a grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptRescored {
    /// The attempt graded.
    pub attempt_id: String,
    /// The attempt's points so far, hand-marked answers included.
    pub score: f64,
    /// The attempt's maximum points.
    pub max_score: f64,
    /// `score` as a percentage of `max_score` (0–100).
    pub percent: f64,
    /// `None` while other answers of the attempt still wait.
    pub passed: Option<bool>,
    /// Answers of the attempt still waiting for a hand mark.
    pub pending_manual: usize,
}

/// Answers waiting for a grade, oldest first (optionally of one course).
pub fn marking_queue(store: &Store, profile: &str, course: Option<&str>) -> Result<Vec<PendingAnswer>> {
    marking_queue_in_classes(store, profile, course, &[])
}

/// Short answers waiting for a mark, of `course` when given and of members
/// of `classes` when any are given.
pub fn marking_queue_in_classes(
    store: &Store,
    profile: &str,
    course: Option<&str>,
    classes: &[String],
) -> Result<Vec<PendingAnswer>> {
    access::require(store.conn(), profile, Role::Instructor, msg!("grading short answers", "批改简答题"))?;
    let conn = store.conn();
    let members = (!classes.is_empty()).then(|| qunxue_store::classes::members_of(conn, classes)).transpose()?;
    let mut pending = Vec::new();
    for record in attempt_answers::manual_queue(conn)? {
        let attempt = attempts::get(conn, &record.attempt_id)?;
        if course.is_some_and(|c| c != attempt.course_id)
            || members.as_ref().is_some_and(|m| !m.contains(&attempt.profile_id))
        {
            continue;
        }
        let question = load_question(conn, &attempt.course_id, &record.question_id)?;
        let quiz = load_quiz(conn, &attempt.course_id, &attempt.quiz_id)?;
        let answer_text = parse_answer(&record).map(|a| question.describe_answer(&a)).unwrap_or_default();
        pending.push(PendingAnswer {
            learner_name: profiles::get(conn, &attempt.profile_id)?.display_name,
            stem_html: course_html(&attempt.course_id, &question.stem),
            reference_html: course_html(&attempt.course_id, question.reference.as_deref().unwrap_or_default()),
            answer_text,
            max_score: record.max_score,
            saved_at: record.saved_at,
            quiz_title: quiz.title,
            attempt_id: record.attempt_id,
            question_id: record.question_id,
            course_id: attempt.course_id,
            quiz_id: attempt.quiz_id,
        });
    }
    Ok(pending)
}

/// Grades one short answer with `score` points (0 … the question's points)
/// and an optional comment for the learner, then rescores the attempt.
pub fn grade_answer(
    store: &mut Store,
    profile: &str,
    attempt_id: &str,
    question_id: &str,
    score: f64,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AttemptRescored> {
    let grader = access::require(store.conn(), profile, Role::Instructor, msg!("grading short answers", "批改简答题"))?;
    let attempt = attempts::get(store.conn(), attempt_id)?;
    let attempt = settle(store, attempt, now)?;
    if attempt.status == attempts::IN_PROGRESS {
        return Err(AppError::Rejected(msg!("the learner has not handed this attempt in yet", "学员还没有交卷")));
    }
    let record = attempt_answers::for_attempt(store.conn(), attempt_id)?
        .into_iter()
        .find(|a| a.question_id == question_id)
        .ok_or_else(|| {
            AppError::NotFound(msg!(
                "the attempt has no answer to question {question_id}",
                "这次作答中没有题目 {question_id} 的答案"
            ))
        })?;
    if record.correct.is_some() {
        return Err(AppError::Rejected(msg!(
            "question {question_id} is scored automatically, not by hand",
            "题目 {question_id} 由系统自动评分，不需要人工批改"
        )));
    }
    if !score.is_finite() || score < 0.0 || score > record.max_score {
        let max_score = record.max_score;
        return Err(AppError::Rejected(msg!(
            "the score must be between 0 and {max_score} points",
            "分数必须在 0 到 {max_score} 分之间"
        )));
    }
    let quiz = load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?;
    let comment = comment.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let grade = ManualGrade { score, comment, graded_by: Some(grader.profile_id), graded_at: Some(stamp(now)) };
    let instructor = grade.graded_by.clone().unwrap_or_default();
    store.transact(|tx| -> Result<AttemptRescored> {
        attempt_answers::set_manual_grade(tx, attempt_id, question_id, &grade)?;
        let rescored = tally(tx, &attempt, quiz.pass_mark)?;
        attempts::rescore(tx, attempt_id, rescored.score, rescored.percent, rescored.passed)?;
        // The LRS learns the mark and the attempt's new outcome, so a machine
        // reading the class back from it sees what this one does.
        let marked = Event::AnswerMarked {
            quiz: Named::new(quiz.id.as_str(), quiz.title.as_str()),
            attempt: AttemptRef { id: attempt.id.clone(), number: attempt.number },
            question_id: question_id.to_string(),
            points: Points { raw: score, max: record.max_score },
            instructor,
            comment: grade.comment.clone(),
        };
        crate::xapi::record::record(tx, &attempt.profile_id, &attempt.course_id, &marked, now)?;
        record_outcome(tx, &attempt, &quiz, &rescored, now)?;
        Ok(rescored)
    })
}

/// Tells the LRS an attempt's new outcome (after a hand mark or a regrade),
/// so a machine reading the class back from it sees what this one does.
pub(crate) fn record_outcome(
    tx: &qunxue_store::Transaction<'_>,
    attempt: &attempts::AttemptRecord,
    quiz: &qunxue_core::pack::model::Quiz,
    rescored: &AttemptRescored,
    now: DateTime<Utc>,
) -> Result<()> {
    let submitted = attempt.submitted_at.as_deref().map_or(Ok(now), parse_stamp)?;
    let outcome = Event::QuizFinished {
        quiz: Named::new(quiz.id.as_str(), quiz.title.as_str()),
        attempt: AttemptRef { id: attempt.id.clone(), number: attempt.number },
        points: Points { raw: rescored.score, max: rescored.max_score },
        passed: rescored.passed,
        duration_seconds: (submitted - parse_stamp(&attempt.started_at)?).num_seconds(),
        presentation: attempt.presentation.clone(),
    };
    crate::xapi::record::record(tx, &attempt.profile_id, &attempt.course_id, &outcome, now)
}

/// Applies a mark given on another machine (it arrived in a grades bundle)
/// to an answer of a handed-in attempt here, unless this machine has the
/// same or a newer mark, and rescores the attempt. Returns whether it changed.
pub(crate) fn apply_mark_from_elsewhere(
    tx: &qunxue_store::Transaction<'_>,
    attempt_id: &str,
    question_id: &str,
    grade: &ManualGrade,
) -> Result<bool> {
    let Ok(attempt) = attempts::get(tx, attempt_id) else { return Ok(false) };
    if attempt.status == attempts::IN_PROGRESS {
        return Ok(false);
    }
    let current = attempt_answers::manual_grades(tx, attempt_id)?.remove(question_id);
    if current.is_some_and(|c| c.graded_at >= grade.graded_at) {
        return Ok(false);
    }
    let Some(answer) = attempt_answers::for_attempt(tx, attempt_id)?.into_iter().find(|a| a.question_id == question_id)
    else {
        return Ok(false);
    };
    if answer.correct.is_some() || !(0.0..=answer.max_score).contains(&grade.score) {
        return Ok(false);
    }
    let quiz = load_quiz(tx, &attempt.course_id, &attempt.quiz_id)?;
    // The grader is a profile of the other machine: kept by name in the comment's record only.
    let here = ManualGrade { graded_by: None, ..grade.clone() };
    attempt_answers::set_manual_grade(tx, attempt_id, question_id, &here)?;
    let rescored = tally(tx, &attempt, quiz.pass_mark)?;
    attempts::rescore(tx, attempt_id, rescored.score, rescored.percent, rescored.passed)?;
    Ok(true)
}

/// The attempt's score with every manual grade so far, read inside the
/// grading transaction so it sees the grade just written.
pub(crate) fn tally(
    conn: &qunxue_store::Connection,
    attempt: &attempts::AttemptRecord,
    pass_mark: f64,
) -> Result<AttemptRescored> {
    let sheet = sheet(conn, attempt)?;
    let (mut score, mut max, mut pending) = (0.0, 0.0, 0);
    for (question, answer) in &sheet.entries {
        max += answer.as_ref().map_or(question.points, |a| a.max_score);
        match answer {
            Some(a) if a.correct.is_none() => match a.manual_score {
                Some(points) => score += points,
                None => pending += 1,
            },
            Some(a) => score += a.score,
            None => {}
        }
    }
    let percent = if max > 0.0 { 100.0 * score / max } else { 0.0 };
    Ok(AttemptRescored {
        attempt_id: attempt.id.clone(),
        score,
        max_score: max,
        percent,
        passed: (pending == 0).then(|| percent / 100.0 + 1e-9 >= pass_mark),
        pending_manual: pending,
    })
}
