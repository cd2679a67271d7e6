//! Answers a demo learner gives: right or wrong on purpose, built from the
//! stored question (its key) in the shape the quiz service expects.

use std::collections::BTreeMap;

use qunxue_core::pack::model::{Question, QuestionType};
use qunxue_core::quiz::{option_key, LearnerAnswer};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Chance of a correct answer: the learner's ability, less for hard questions.
pub(super) fn chance(ability: f64, difficulty: u8) -> f64 {
    (ability - 0.08 * (f64::from(difficulty) - 3.0)).clamp(0.05, 0.98)
}

/// The learner's answer to `question`: its key when `right`, otherwise a
/// plausible mistake. Short answers get a written reply either way.
pub(super) fn answer(question: &Question, right: bool, rng: &mut ChaCha8Rng) -> LearnerAnswer {
    let option_count = question.options.as_ref().map_or(0, Vec::len);
    match question.kind {
        QuestionType::Single => {
            let key = question.answer.and_then(|a| a.as_number()).map_or(0, |n| n as usize);
            let pick = if right || option_count < 2 { key } else { other_than(key, option_count, rng) };
            LearnerAnswer::Choice(option_key(pick))
        }
        QuestionType::Multiple => {
            let mut keys: Vec<usize> = question.answers.clone().unwrap_or_default();
            if !right {
                // Forget one right option, or add a wrong one.
                if keys.len() > 1 && rng.random_bool(0.5) {
                    keys.pop();
                } else if let Some(extra) = (0..option_count).find(|i| !keys.contains(i)) {
                    keys.push(extra);
                }
            }
            LearnerAnswer::Choices(keys.into_iter().map(option_key).collect())
        }
        QuestionType::TrueFalse => {
            let key = matches!(question.answer, Some(qunxue_core::pack::model::Answer::Bool(true)));
            LearnerAnswer::Bool(key == right)
        }
        QuestionType::FillBlank => {
            let blanks = question.blanks.clone().unwrap_or_default();
            LearnerAnswer::Blanks(
                blanks
                    .iter()
                    .map(|accepted| match accepted.first() {
                        Some(text) if right => text.clone(),
                        _ => "不确定".to_string(),
                    })
                    .collect(),
            )
        }
        QuestionType::Matching => {
            let n = question.pairs.as_ref().map_or(0, Vec::len);
            let mut rights: Vec<usize> = (0..n).collect();
            if !right && n > 1 {
                rights.swap(0, 1);
            }
            LearnerAnswer::Pairs(
                rights.into_iter().enumerate().map(|(l, r)| (option_key(l), option_key(r))).collect::<BTreeMap<_, _>>(),
            )
        }
        QuestionType::Ordering => {
            let n = question.items.as_ref().map_or(0, Vec::len);
            let mut order: Vec<usize> = (0..n).collect();
            if !right && n > 1 {
                order.swap(n - 2, n - 1);
            }
            LearnerAnswer::Order(order.into_iter().map(option_key).collect())
        }
        QuestionType::Numeric => {
            let key = question.answer.and_then(|a| a.as_number()).unwrap_or(0.0);
            let off = question.tolerance.unwrap_or(0.0) * 3.0 + key.abs() * 0.2 + 1.0;
            LearnerAnswer::Number(if right { key } else { key + off })
        }
        QuestionType::ShortAnswer => LearnerAnswer::Text(if right {
            "先明确社群定位和目标用户，再用固定栏目和互动活动提高活跃，最后用数据复盘调整。".to_string()
        } else {
            "多发内容、多拉人进群。".to_string()
        }),
    }
}

fn other_than(key: usize, count: usize, rng: &mut ChaCha8Rng) -> usize {
    let pick = rng.random_range(0..count - 1);
    if pick >= key {
        pick + 1
    } else {
        pick
    }
}
