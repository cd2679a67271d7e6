//! One attempt's presentation: which questions, in what order, and each
//! question's option / right-hand side / item order — all from one seed.
//!
//! The generator is ChaCha8 (`rand_chacha`), whose output is specified and
//! the same on every platform. Questions are drawn from the seed's main
//! stream; each question's own permutation comes from a stream keyed by the
//! question id, so it depends only on the seed and that question — adding a
//! question to a bank does not reshuffle the options of the others.
//!
//! A presentation holds ids and permutations only, never an answer, so it
//! can be stored with the attempt and sent anywhere.

use rand::seq::SliceRandom;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::pack::model::{Bank, Question, QuestionType, Quiz, QuizDraw};

/// The questions of one attempt, in the order shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    /// The seed every draw and shuffle of the attempt came from.
    pub seed: u64,
    /// The questions in display order.
    pub questions: Vec<PresentedQuestion>,
}

/// One question as shown: `order` lists original indexes in display order —
/// of the options (`single`, `multiple`), of the right-hand sides
/// (`matching`) or of the items (`ordering`); empty for the other types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentedQuestion {
    /// Id of the question in its bank.
    pub question_id: String,
    /// Original indexes in display order; empty for types with nothing to order.
    pub order: Vec<usize>,
}

impl Presentation {
    /// The presentation of the question with this id, if the attempt has it.
    pub fn get(&self, question_id: &str) -> Option<&PresentedQuestion> {
        self.questions.iter().find(|q| q.question_id == question_id)
    }
}

/// A question together with the bank it lives in (draws name a bank).
#[derive(Debug, Clone, Copy)]
pub struct BankQuestion<'a> {
    /// Id of the bank the question is in.
    pub bank_id: &'a str,
    /// The question itself.
    pub question: &'a Question,
}

impl<'a> BankQuestion<'a> {
    /// Every question of `banks`.
    pub fn all(banks: &'a [Bank]) -> Vec<BankQuestion<'a>> {
        banks
            .iter()
            .flat_map(|bank| bank.questions.iter().map(|question| BankQuestion { bank_id: &bank.id, question }))
            .collect()
    }
}

/// Why a quiz cannot be presented from the questions at hand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PresentError {
    /// A fixed item of the quiz is in none of the banks at hand.
    #[error("quiz `{quiz}` lists question `{question}`, which is not in its banks")]
    MissingItem {
        /// Id of the quiz.
        quiz: String,
        /// Id of the question the quiz lists.
        question: String,
    },
    /// A draw asks for more questions than its bank's filtered, unchosen questions hold.
    #[error("quiz `{quiz}` draws {wanted} questions from bank `{bank}` but only {available} match")]
    NotEnough {
        /// Id of the quiz.
        quiz: String,
        /// Id of the bank the draw takes from.
        bank: String,
        /// The draw's `count`.
        wanted: usize,
        /// Questions of the bank that pass the filter and were not already chosen.
        available: usize,
    },
}

/// Presents `quiz` for one attempt: its fixed items in order, then each draw
/// (`count` questions of the draw's bank passing its tag and difficulty
/// filter, never one already chosen), then the quiz's shuffles. The same
/// quiz, pool and seed always give the same presentation, whatever order the
/// pool is in.
pub fn present(quiz: &Quiz, pool: &[BankQuestion<'_>], seed: u64) -> Result<Presentation, PresentError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut chosen: Vec<&Question> = Vec::new();
    for id in &quiz.items {
        let found = pool.iter().find(|candidate| candidate.question.id == *id);
        let Some(found) = found else {
            return Err(PresentError::MissingItem { quiz: quiz.id.clone(), question: id.clone() });
        };
        chosen.push(found.question);
    }
    for draw in &quiz.draws {
        let drawn = draw_from(quiz, draw, pool, &chosen, &mut rng)?;
        chosen.extend(drawn);
    }
    if quiz.shuffle_questions {
        chosen.shuffle(&mut rng);
    }
    let questions = chosen.into_iter().map(|q| present_question(q, seed, quiz.shuffle_options)).collect();
    Ok(Presentation { seed, questions })
}

/// `draw.count` questions matching `draw`, in id order (the quiz's own
/// shuffle, if any, mixes them later).
fn draw_from<'q>(
    quiz: &Quiz,
    draw: &QuizDraw,
    pool: &[BankQuestion<'q>],
    chosen: &[&Question],
    rng: &mut ChaCha8Rng,
) -> Result<Vec<&'q Question>, PresentError> {
    let mut candidates: Vec<&Question> = pool
        .iter()
        .filter(|c| c.bank_id == draw.bank && draw.accepts(&c.question.tags, c.question.difficulty))
        .map(|c| c.question)
        .filter(|q| !chosen.iter().any(|taken| taken.id == q.id))
        .collect();
    // Sorting first makes the draw independent of the order the pool came in.
    candidates.sort_by(|a, b| a.id.cmp(&b.id));
    candidates.dedup_by(|a, b| a.id == b.id);
    let wanted = draw.count as usize;
    if candidates.len() < wanted {
        return Err(PresentError::NotEnough {
            quiz: quiz.id.clone(),
            bank: draw.bank.clone(),
            wanted,
            available: candidates.len(),
        });
    }
    let (picked, _) = candidates.partial_shuffle(rng, wanted);
    let mut picked = picked.to_vec();
    picked.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(picked)
}

/// One question's display order for `seed`. Options are shuffled only when
/// `shuffle_options` is set; matching right-hand sides and ordering items
/// are always shuffled — shown in their stored order they would give the
/// answer away — and never left in that order when there are two or more.
pub fn present_question(question: &Question, seed: u64, shuffle_options: bool) -> PresentedQuestion {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream_for(&question.id));
    let (len, always) = match question.kind {
        QuestionType::Single | QuestionType::Multiple => (question.options.as_ref().map_or(0, Vec::len), false),
        QuestionType::Matching => (question.right_hand_sides().len(), true),
        QuestionType::Ordering => (question.items.as_ref().map_or(0, Vec::len), true),
        _ => (0, false),
    };
    let mut order: Vec<usize> = (0..len).collect();
    if always {
        shuffle_away_from_identity(&mut order, &mut rng);
    } else if shuffle_options {
        order.shuffle(&mut rng);
    }
    PresentedQuestion { question_id: question.id.clone(), order }
}

/// Shuffles `order` (0, 1, …, n−1) until it is no longer the identity. Each
/// try keeps the identity with probability 1/n!, so a few tries suffice;
/// the rotation afterwards only makes the bound explicit.
fn shuffle_away_from_identity(order: &mut [usize], rng: &mut ChaCha8Rng) {
    if order.len() < 2 {
        return;
    }
    for _ in 0..16 {
        order.shuffle(rng);
        if order.iter().enumerate().any(|(i, &o)| i != o) {
            return;
        }
    }
    order.rotate_left(1);
}

/// A stable 64-bit stream number for a question id (FNV-1a: unlike
/// `DefaultHasher` it never changes between Rust versions).
fn stream_for(question_id: &str) -> u64 {
    question_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
}

#[cfg(test)]
mod tests;
