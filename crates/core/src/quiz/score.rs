//! Scoring one answer to one question, by the rules of `docs/pack-format.md`:
//! all-or-nothing for single choice, true/false and numeric; per blank for
//! fill-in-the-blank; partial credit for multiple choice (correct options
//! share the points, each wrong option chosen takes a share away, never below
//! zero), matching (by pairs) and ordering (by positions); short answers wait
//! for a human.
//!
//! A malformed answer — the wrong shape for the type, a key that names no
//! option, a number that is not finite — is simply wrong: it scores 0.

use std::collections::BTreeSet;

use crate::pack::model::{Answer, Question, QuestionType};

use super::normalise::normalise_blank;
use super::{parse_key, LearnerAnswer, Presentation};

/// The outcome of one answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ItemScore {
    /// 0 … `max`.
    pub score: f64,
    /// The question's points.
    pub max: f64,
    /// Fully right, or `None` while a human has to grade it.
    pub correct: Option<bool>,
    /// The feedback of each chosen option that has one, in display order.
    pub option_feedback: Vec<String>,
}

/// Scores `answer` to `question`. `presented` orders the option feedback as
/// the learner saw the options; a question it does not list keeps its
/// stored order.
pub fn score(question: &Question, answer: &LearnerAnswer, presented: &Presentation) -> ItemScore {
    let max = question.points;
    let (fraction, correct) = match question.kind {
        QuestionType::ShortAnswer => {
            return ItemScore { score: 0.0, max, correct: None, option_feedback: Vec::new() };
        }
        QuestionType::Single => single(question, answer),
        QuestionType::Multiple => multiple(question, answer),
        QuestionType::TrueFalse => all_or_nothing(matches!(
            (answer, question.answer),
            (LearnerAnswer::Bool(given), Some(Answer::Bool(expected))) if *given == expected
        )),
        QuestionType::FillBlank => fill_blank(question, answer),
        QuestionType::Matching => matching(question, answer),
        QuestionType::Ordering => ordering(question, answer),
        QuestionType::Numeric => numeric(question, answer),
    };
    // Shares of a share can overshoot by a rounding error; never leave 0 … max.
    let score = if max.is_finite() && max > 0.0 { (fraction * max).clamp(0.0, max) } else { 0.0 };
    ItemScore { score, max, correct: Some(correct), option_feedback: option_feedback(question, answer, presented) }
}

/// (fraction of the points earned, fully right).
type Outcome = (f64, bool);

fn all_or_nothing(right: bool) -> Outcome {
    (if right { 1.0 } else { 0.0 }, right)
}

fn option_count(question: &Question) -> usize {
    question.options.as_ref().map_or(0, Vec::len)
}

fn single(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Choice(key) = answer else { return (0.0, false) };
    let chosen = parse_key(key, option_count(question));
    let expected = match question.answer {
        Some(Answer::Integer(index)) => usize::try_from(index).ok(),
        _ => None,
    };
    all_or_nothing(chosen.is_some() && chosen == expected)
}

/// Each correct option chosen earns 1/#correct, each wrong one chosen costs
/// as much; a key repeated counts once and a key naming no option is ignored.
fn multiple(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Choices(keys) = answer else { return (0.0, false) };
    let correct: BTreeSet<usize> = question.answers.iter().flatten().copied().collect();
    if correct.is_empty() {
        return (0.0, false);
    }
    let chosen: BTreeSet<usize> = keys.iter().filter_map(|key| parse_key(key, option_count(question))).collect();
    let right = chosen.intersection(&correct).count() as f64;
    let wrong = chosen.difference(&correct).count() as f64;
    (((right - wrong) / correct.len() as f64).max(0.0), chosen == correct)
}

/// Each blank is worth 1/#blanks: all of it when its normalised text is one
/// of the normalised accepted answers, a share when it is a partial answer of
/// that blank (the best one that matches). An empty entry is never right.
fn fill_blank(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Blanks(given) = answer else { return (0.0, false) };
    let blanks = question.blanks.as_deref().unwrap_or_default();
    if blanks.is_empty() {
        return (0.0, false);
    }
    let partial = question.partial_blanks.as_deref().unwrap_or_default();
    let credits: Vec<f64> = blanks
        .iter()
        .zip(given)
        .enumerate()
        .map(|(i, (accepted, given))| {
            let given = normalise_blank(given);
            if given.is_empty() {
                0.0
            } else if accepted.iter().any(|a| normalise_blank(a) == given) {
                1.0
            } else {
                partial
                    .get(i)
                    .into_iter()
                    .flatten()
                    .filter(|p| normalise_blank(&p.answer) == given)
                    .map(|p| (p.percent / 100.0).clamp(0.0, 1.0))
                    .fold(0.0, f64::max)
            }
        })
        .collect();
    let full = credits.iter().filter(|&&c| c >= 1.0).count();
    (credits.iter().sum::<f64>() / blanks.len() as f64, full == blanks.len())
}

/// Pair `i` is right when left `i` is matched with right-hand side `i`.
fn matching(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Pairs(given) = answer else { return (0.0, false) };
    let len = question.pairs.as_ref().map_or(0, Vec::len);
    if len == 0 {
        return (0.0, false);
    }
    let right = given
        .iter()
        .filter(|(left, right)| {
            let left = parse_key(left, len);
            left.is_some() && left == parse_key(right, len)
        })
        .count();
    (right as f64 / len as f64, right == len)
}

/// Position `p` is right when it holds item `p`.
fn ordering(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Order(given) = answer else { return (0.0, false) };
    let len = question.items.as_ref().map_or(0, Vec::len);
    if len == 0 {
        return (0.0, false);
    }
    let right =
        given.iter().take(len).enumerate().filter(|(position, key)| parse_key(key, len) == Some(*position)).count();
    (right as f64 / len as f64, right == len)
}

/// Right within the tolerance, both ends included. The comparison allows for
/// the binary rounding of decimals, so 0.4 is within 0.1 of 0.3.
fn numeric(question: &Question, answer: &LearnerAnswer) -> Outcome {
    let LearnerAnswer::Number(given) = *answer else { return (0.0, false) };
    let Some(expected) = question.answer.and_then(Answer::as_number) else { return (0.0, false) };
    let tolerance = question.tolerance.unwrap_or(0.0).max(0.0);
    if !(given.is_finite() && expected.is_finite() && tolerance.is_finite()) {
        return (0.0, false);
    }
    let slack = 1e-9 * expected.abs().max(tolerance).max(1.0);
    all_or_nothing((given - expected).abs() <= tolerance + slack)
}

/// The non-empty feedback of each chosen option, in display order.
fn option_feedback(question: &Question, answer: &LearnerAnswer, presented: &Presentation) -> Vec<String> {
    let Some(feedback) = &question.feedback else { return Vec::new() };
    if !matches!(question.kind, QuestionType::Single | QuestionType::Multiple) {
        return Vec::new();
    }
    let chosen: BTreeSet<usize> =
        answer.chosen_keys().iter().filter_map(|key| parse_key(key, option_count(question))).collect();
    let stored: Vec<usize>;
    let order = match presented.get(&question.id) {
        Some(shown) if shown.order.len() == option_count(question) => &shown.order,
        _ => {
            stored = (0..option_count(question)).collect();
            &stored
        }
    };
    order
        .iter()
        .filter(|index| chosen.contains(index))
        .filter_map(|&index| feedback.get(index))
        .filter(|text| !text.trim().is_empty())
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;
