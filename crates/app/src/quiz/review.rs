//! Spaced review of missed questions, scheduled with FSRS.
//!
//! We use the `rs-fsrs` crate: the FSRS scheduler alone, which is light. The
//! `fsrs` crate also carries the parameter optimiser and its machine-learning
//! stack, which we do not need as long as we keep the default parameters.

use chrono::{DateTime, Utc};
use qunxue_core::quiz::{self, LearnerAnswer, Presentation, PresentedQuestion};
use qunxue_store::review_cards::{self, ReviewCardRecord};
use qunxue_store::Store;
use qunxue_store::Transaction;
use rs_fsrs::{Card, Parameters, Rating, FSRS};
use serde::Serialize;

use super::common::{feedback, load_question, parse_stamp, question_dto, stamp, ItemFeedback, QuestionDto};
use crate::msg;
use crate::{AppError, Result};

/// Review shows options shuffled, always the same way for a question.
const REVIEW_SEED: u64 = 0x5eed_2026;

/// One missed question due for spaced review, as the review screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewCard {
    /// The question's id in the course's bank.
    pub question_id: String,
    /// The course the question belongs to.
    pub course_id: String,
    /// The question as the quiz screen shows it, options in a fixed shuffled order, without its answer.
    pub question: QuestionDto,
    /// When the card fell due (RFC 3339 UTC timestamp).
    pub due_at: String,
}

/// The learner's review queue: the cards due now and when the next one will be.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    /// The cards due now, most overdue first.
    pub due: Vec<ReviewCard>,
    /// How many cards are due now (the home screen shows it too).
    pub due_count: usize,
    /// When the next card not yet due falls due (RFC 3339 UTC timestamp); `None` when there is none.
    pub next_due_at: Option<String>,
}

/// The outcome of one review answer: what the learner is told, and when the card comes back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewAnswered {
    /// Whether the answer was right, with the explanation and the right answer.
    pub feedback: ItemFeedback,
    /// When the card is due again, as FSRS rescheduled it (RFC 3339 UTC timestamp).
    pub next_due_at: String,
}

/// Puts a missed question in the learner's queue, due at once. A question
/// already there keeps its FSRS history but becomes due now.
pub(crate) fn enqueue(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    question: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let card = match review_cards::get(tx, profile, course, question)? {
        Some(existing) => ReviewCardRecord { due_at: stamp(now), ..existing },
        None => {
            let card = Card { due: now, last_review: now, ..Card::default() };
            ReviewCardRecord {
                profile_id: profile.to_string(),
                course_id: course.to_string(),
                question_id: question.to_string(),
                card: serde_json::to_string(&card).expect("a card always serialises"),
                due_at: stamp(now),
                last_reviewed_at: None,
            }
        }
    };
    review_cards::upsert(tx, &card)?;
    Ok(())
}

fn presented(question: &qunxue_core::pack::model::Question) -> Presentation {
    Presentation { seed: REVIEW_SEED, questions: vec![quiz::present_question(question, REVIEW_SEED, true)] }
}

/// The cards due now, most overdue first.
pub fn review_queue(store: &Store, profile: &str, now: DateTime<Utc>) -> Result<ReviewQueue> {
    let now_text = stamp(now);
    let mut due = Vec::new();
    for card in review_cards::due(store.conn(), profile, &now_text)? {
        let question = load_question(store.conn(), &card.course_id, &card.question_id)?;
        let shown: PresentedQuestion = presented(&question).questions.remove(0);
        due.push(ReviewCard {
            question: question_dto(&card.course_id, &question, &shown),
            question_id: card.question_id,
            course_id: card.course_id,
            due_at: card.due_at,
        });
    }
    Ok(ReviewQueue {
        due_count: due.len(),
        due,
        next_due_at: review_cards::next_due_after(store.conn(), profile, &now_text)?,
    })
}

/// Scores a review answer and reschedules the card: right → Good, partly
/// right → Hard, wrong → Again.
pub fn answer_review(
    store: &mut Store,
    profile: &str,
    course: &str,
    question_id: &str,
    answer: &LearnerAnswer,
    now: DateTime<Utc>,
) -> Result<ReviewAnswered> {
    let record = review_cards::get(store.conn(), profile, course, question_id)?.ok_or_else(|| {
        AppError::NotFound(msg!(
            "question {question_id} is not in the review queue",
            "题目 {question_id} 不在复习队列中"
        ))
    })?;
    let question = load_question(store.conn(), course, question_id)?;
    let scored = quiz::score(&question, answer, &presented(&question));
    let rating = match scored.correct {
        Some(true) => Rating::Good,
        _ if scored.score > 0.0 => Rating::Hard,
        _ => Rating::Again,
    };
    let card: Card = serde_json::from_str(&record.card).map_err(|e| {
        AppError::Internal(msg!(
            "review card of {question_id} is unreadable: {e}",
            "题目 {question_id} 的复习卡片无法读取：{e}"
        ))
    })?;
    let next = FSRS::new(Parameters::default()).next(card, now, rating).card;
    let due_at = stamp(next.due.max(now));
    let updated = ReviewCardRecord {
        card: serde_json::to_string(&next).expect("a card always serialises"),
        due_at: due_at.clone(),
        last_reviewed_at: Some(stamp(now)),
        ..record
    };
    store.transact(|tx| review_cards::upsert(tx, &updated))?;
    let _ = parse_stamp(&due_at)?;
    Ok(ReviewAnswered { feedback: feedback(course, &question, &scored), next_due_at: due_at })
}
