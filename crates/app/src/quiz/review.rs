//! Spaced review of missed questions, scheduled with FSRS.
//!
//! We use the `rs-fsrs` crate: the FSRS scheduler alone, which is light. The
//! `fsrs` crate also carries the parameter optimiser and its machine-learning
//! stack, which we do not need as long as we keep the default parameters.

use chrono::{DateTime, Utc};
use qunxue_core::quiz::{self, LearnerAnswer, Presentation, PresentedQuestion};
use qunxue_store::review_cards::{self, ReviewCardRecord};
use qunxue_store::Store;
use rs_fsrs::{Card, Parameters, Rating, FSRS};
use rusqlite::Transaction;
use serde::Serialize;

use super::common::{feedback, load_question, parse_stamp, question_dto, stamp, ItemFeedback, QuestionDto};
use crate::{AppError, Result};

/// Review shows options shuffled, always the same way for a question.
const REVIEW_SEED: u64 = 0x5eed_2026;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewCard {
    pub question_id: String,
    pub course_id: String,
    pub question: QuestionDto,
    pub due_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    pub due: Vec<ReviewCard>,
    pub due_count: usize,
    pub next_due_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewAnswered {
    pub feedback: ItemFeedback,
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
    let record = review_cards::get(store.conn(), profile, course, question_id)?
        .ok_or_else(|| AppError::NotFound(format!("question {question_id} is not in the review queue")))?;
    let question = load_question(store.conn(), course, question_id)?;
    let scored = quiz::score(&question, answer, &presented(&question));
    let rating = match scored.correct {
        Some(true) => Rating::Good,
        _ if scored.score > 0.0 => Rating::Hard,
        _ => Rating::Again,
    };
    let card: Card = serde_json::from_str(&record.card)
        .map_err(|e| AppError::Internal(format!("review card of {question_id} is unreadable: {e}")))?;
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
