//! Saving one answer, durably, the moment it is given — and, in
//! immediate-feedback mode, checking it: the feedback is revealed only for a
//! checked answer, and a checked answer is final (the backend refuses to
//! change it, so reading the feedback and then fixing the answer is not
//! possible even by calling the command directly).

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::FeedbackMode;
use qunxue_core::quiz::{self, LearnerAnswer};
use qunxue_core::xapi::{AttemptRef, Event, Named, Points};
use qunxue_store::attempt_answers::{self, AnswerRecord};
use qunxue_store::attempts::{self, AttemptRecord};
use qunxue_store::Store;
use serde::Serialize;

use super::common::{
    feedback, load_question, load_quiz, own_attempt, parse_answer, past_deadline, presentation, remaining_seconds,
    stamp, ItemFeedback,
};
use super::submit::hand_in;
use crate::msg;
use crate::{AppError, Result};

/// What the quiz screen learns after saving one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedAnswer {
    /// Seconds left before the attempt's deadline (never negative); `None` without a time limit.
    pub remaining_seconds: Option<i64>,
    /// Immediate mode, for a question answered in one step (single choice,
    /// true/false), whose saving also checks it.
    pub feedback: Option<ItemFeedback>,
}

/// Saves `answer` in one small transaction (durable once committed). After
/// the deadline the answer is refused and the attempt handed in.
pub fn save_answer(
    store: &mut Store,
    profile: &str,
    attempt_id: &str,
    question_id: &str,
    answer: &LearnerAnswer,
    now: DateTime<Utc>,
) -> Result<SavedAnswer> {
    let attempt = open_attempt(store, profile, attempt_id, now)?;
    let presented = presentation(&attempt)?;
    if presented.get(question_id).is_none() {
        return Err(AppError::Rejected(msg!(
            "question {question_id} is not part of this attempt",
            "题目 {question_id} 不属于这次作答"
        )));
    }
    let quiz = load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?;
    let immediate = quiz.feedback == FeedbackMode::Immediate;
    if immediate && attempt_answers::checked_questions(store.conn(), attempt_id)?.contains(question_id) {
        return Err(AppError::Rejected(msg!(
            "question {question_id} was checked and its feedback shown, so its answer is final",
            "题目 {question_id} 已经核对并显示了反馈，答案不能再修改"
        )));
    }
    let question = load_question(store.conn(), &attempt.course_id, question_id)?;
    let scored = quiz::score(&question, answer, &presented);
    let record = AnswerRecord {
        attempt_id: attempt.id.clone(),
        question_id: question_id.to_string(),
        answer: serde_json::to_string(answer).expect("an answer always serialises"),
        saved_at: stamp(now),
        score: scored.score,
        max_score: scored.max,
        correct: scored.correct,
        manual_score: None,
    };
    let checks_now = immediate && question.kind.answered_in_one_step();
    store.transact(|tx| -> Result<()> {
        attempt_answers::upsert(tx, &record)?;
        if checks_now {
            attempt_answers::mark_checked(tx, attempt_id, question_id, &stamp(now))?;
        }
        let answered = Event::QuestionAnswered {
            quiz: Named::new(quiz.id.as_str(), quiz.title.as_str()),
            attempt: AttemptRef { id: attempt.id.clone(), number: attempt.number },
            question_id: question_id.to_string(),
            points: Points { raw: scored.score, max: scored.max },
            correct: scored.correct,
            response: record.answer.clone(),
        };
        crate::xapi::record::record(tx, profile, &attempt.course_id, &answered, now)
    })?;
    Ok(SavedAnswer {
        remaining_seconds: remaining_seconds(&attempt, now)?,
        feedback: checks_now.then(|| feedback(&attempt.course_id, &question, &scored)),
    })
}

/// Immediate-feedback mode: reveals the feedback on the saved answer to
/// `question_id` and makes that answer final. Checking again returns the
/// same feedback.
pub fn check_answer(
    store: &mut Store,
    profile: &str,
    attempt_id: &str,
    question_id: &str,
    now: DateTime<Utc>,
) -> Result<ItemFeedback> {
    let attempt = open_attempt(store, profile, attempt_id, now)?;
    if load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?.feedback != FeedbackMode::Immediate {
        return Err(AppError::Rejected(msg!(
            "this quiz shows feedback only after hand-in",
            "这个测验交卷后才显示反馈"
        )));
    }
    let record = attempt_answers::for_attempt(store.conn(), attempt_id)?
        .into_iter()
        .find(|a| a.question_id == question_id)
        .ok_or_else(|| {
            AppError::Rejected(msg!(
                "question {question_id} has no saved answer to check",
                "题目 {question_id} 还没有保存的答案可以核对"
            ))
        })?;
    let given = parse_answer(&record).ok_or_else(|| {
        AppError::Internal(msg!(
            "the saved answer to {question_id} is unreadable",
            "题目 {question_id} 已保存的答案无法读取"
        ))
    })?;
    let question = load_question(store.conn(), &attempt.course_id, question_id)?;
    let scored = quiz::score(&question, &given, &presentation(&attempt)?);
    store.transact(|tx| attempt_answers::mark_checked(tx, attempt_id, question_id, &stamp(now)))?;
    Ok(feedback(&attempt.course_id, &question, &scored))
}

/// The learner's attempt, if it is still open; one past its deadline is
/// handed in and refused.
fn open_attempt(store: &mut Store, profile: &str, attempt_id: &str, now: DateTime<Utc>) -> Result<AttemptRecord> {
    let attempt = own_attempt(store.conn(), profile, attempt_id)?;
    if attempt.status != attempts::IN_PROGRESS {
        return Err(AppError::Rejected(msg!("this attempt has already been handed in", "这次作答已经交卷")));
    }
    if past_deadline(&attempt, now)? {
        hand_in(store, &attempt, attempts::EXPIRED, now)?;
        return Err(AppError::Rejected(msg!(
            "time is up: the attempt has been handed in",
            "时间已到，这次作答已自动交卷"
        )));
    }
    Ok(attempt)
}
