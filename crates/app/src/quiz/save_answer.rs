//! Saving one answer, durably, the moment it is given.

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::FeedbackMode;
use qunxue_core::quiz::{self, LearnerAnswer};
use qunxue_store::attempt_answers::{self, AnswerRecord};
use qunxue_store::{attempts, Store};
use serde::Serialize;

use super::common::{
    feedback, hand_in, load_question, load_quiz, own_attempt, past_deadline, presentation, remaining_seconds, stamp,
    ItemFeedback,
};
use crate::{AppError, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedAnswer {
    pub remaining_seconds: Option<i64>,
    /// Immediate mode only.
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
    let attempt = own_attempt(store.conn(), profile, attempt_id)?;
    if attempt.status != attempts::IN_PROGRESS {
        return Err(AppError::Rejected("this attempt has already been handed in".into()));
    }
    if past_deadline(&attempt, now)? {
        hand_in(store, &attempt, attempts::EXPIRED, now)?;
        return Err(AppError::Rejected("time is up: the attempt has been handed in".into()));
    }
    let presented = presentation(&attempt)?;
    if presented.get(question_id).is_none() {
        return Err(AppError::Rejected(format!("question {question_id} is not part of this attempt")));
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
    store.transact(|tx| attempt_answers::upsert(tx, &record))?;
    let mode = load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?.feedback;
    Ok(SavedAnswer {
        remaining_seconds: remaining_seconds(&attempt, now)?,
        feedback: (mode == FeedbackMode::Immediate).then(|| feedback(&question, &scored)),
    })
}
