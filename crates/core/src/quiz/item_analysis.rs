//! Item analysis for instructors: how hard each question was, how well it
//! separates stronger from weaker learners, and which options drew answers.
//!
//! - **facility**: the share of the available points the item earned;
//! - **discrimination**: the point-biserial correlation between the item
//!   score and the rest-of-test score (the attempt's total without this item,
//!   so the item does not correlate with itself). For partially credited
//!   items it is the Pearson correlation, of which point-biserial is the
//!   dichotomous case;
//! - **option counts**: how often each option key was chosen (distractor
//!   analysis), `"true"` / `"false"` for true/false questions.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::LearnerAnswer;

/// One scored answer of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResponse {
    /// The attempt the answer belongs to; responses sharing it make up one rest-of-test total.
    pub attempt_id: String,
    /// The question answered.
    pub question_id: String,
    /// Points the answer earned.
    pub score: f64,
    /// Points the question was worth.
    pub max: f64,
    /// `None` when the question was left unanswered.
    pub answer: Option<LearnerAnswer>,
}

/// The statistics of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStats {
    /// The question these statistics are about.
    pub question_id: String,
    /// Responses, answered or not.
    pub n: usize,
    /// Mean score / max, 0 … 1; `None` without points to earn.
    pub facility: Option<f64>,
    /// −1 … 1; `None` with fewer than two responses or when the item or the
    /// rest-of-test score does not vary.
    pub discrimination: Option<f64>,
    /// How often each option key was chosen (`"true"` / `"false"` for true/false); unchosen keys are absent.
    pub option_counts: BTreeMap<String, u64>,
}

/// Statistics per question, ordered by question id. Rest-of-test totals are
/// taken over every response in `responses` with the same attempt id.
pub fn item_analysis(responses: &[ItemResponse]) -> Vec<ItemStats> {
    let mut totals: HashMap<&str, f64> = HashMap::new();
    let mut by_question: BTreeMap<&str, Vec<&ItemResponse>> = BTreeMap::new();
    for response in responses {
        *totals.entry(response.attempt_id.as_str()).or_default() += response.score;
        by_question.entry(response.question_id.as_str()).or_default().push(response);
    }
    by_question
        .into_iter()
        .map(|(question_id, item)| {
            let earned: f64 = item.iter().map(|r| r.score).sum();
            let available: f64 = item.iter().map(|r| r.max).sum();
            let scores: Vec<f64> = item.iter().map(|r| r.score).collect();
            let rest: Vec<f64> = item.iter().map(|r| totals[r.attempt_id.as_str()] - r.score).collect();
            let mut option_counts = BTreeMap::new();
            for key in item.iter().filter_map(|r| r.answer.as_ref()).flat_map(LearnerAnswer::chosen_keys) {
                *option_counts.entry(key).or_insert(0) += 1;
            }
            ItemStats {
                question_id: question_id.to_string(),
                n: item.len(),
                facility: (available > 0.0).then(|| earned / available),
                discrimination: correlation(&scores, &rest),
                option_counts,
            }
        })
        .collect()
}

/// Pearson's r of two equally long samples.
fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    if x.len() < 2 || x.len() != y.len() {
        return None;
    }
    let (mean_x, mean_y) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mean_x, b - mean_y);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(attempt: &str, question: &str, score: f64, max: f64, answer: Option<LearnerAnswer>) -> ItemResponse {
        ItemResponse { attempt_id: attempt.into(), question_id: question.into(), score, max, answer }
    }

    fn choice(key: &str) -> Option<LearnerAnswer> {
        Some(LearnerAnswer::Choice(key.into()))
    }

    /// Five attempts, three items (q1 and q2 worth 1, q3 worth 2):
    ///
    /// | attempt | q1 | q2 | q3 | total |
    /// |---|---|---|---|---|
    /// | A | 1 | 1 | 2 | 4 |
    /// | B | 1 | 0 | 1 | 2 |
    /// | C | 0 | 1 | 2 | 3 |
    /// | D | 0 | 0 | 0 | 0 |
    /// | E | 1 | 1 | 1 | 3 |
    fn responses() -> Vec<ItemResponse> {
        let rows = [
            ("A", [1.0, 1.0, 2.0]),
            ("B", [1.0, 0.0, 1.0]),
            ("C", [0.0, 1.0, 2.0]),
            ("D", [0.0, 0.0, 0.0]),
            ("E", [1.0, 1.0, 1.0]),
        ];
        let q1_answers = [choice("0"), choice("0"), choice("2"), None, choice("0")];
        let mut all = Vec::new();
        for ((attempt, scores), q1_answer) in rows.into_iter().zip(q1_answers) {
            all.push(response(attempt, "q1", scores[0], 1.0, q1_answer));
            all.push(response(attempt, "q2", scores[1], 1.0, Some(LearnerAnswer::Bool(scores[1] > 0.0))));
            all.push(response(
                attempt,
                "q3",
                scores[2],
                2.0,
                Some(LearnerAnswer::Choices(vec!["1".into(), "3".into(), "1".into()])),
            ));
        }
        all
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn quiz_item_analysis_hand_computed() {
        let stats = item_analysis(&responses());
        assert_eq!(stats.iter().map(|s| s.question_id.as_str()).collect::<Vec<_>>(), ["q1", "q2", "q3"]);
        assert!(stats.iter().all(|s| s.n == 5));

        // q1: 3 of 5 points. Item 1,1,0,0,1 against rest 3,1,3,0,2 (means 0.6
        // and 1.8): Sxy = 0.6, Sxx = 1.2, Syy = 6.8, r = 0.6/√8.16 ≈ 0.2100.
        assert!(close(stats[0].facility, 0.6));
        assert!(close(stats[0].discrimination, 0.6 / 8.16_f64.sqrt()), "{:?}", stats[0]);
        assert_eq!(stats[0].option_counts, BTreeMap::from([("0".to_string(), 3), ("2".to_string(), 1)]));

        // q2: 3 of 5. Item 1,0,1,0,1 against rest 3,2,2,0,2 (mean 1.8):
        // Sxy = 1.6, Sxx = 1.2, Syy = 4.8, r = 1.6/√5.76 = 2/3.
        assert!(close(stats[1].facility, 0.6));
        assert!(close(stats[1].discrimination, 2.0 / 3.0), "{:?}", stats[1]);
        assert_eq!(stats[1].option_counts, BTreeMap::from([("false".to_string(), 2), ("true".to_string(), 3)]));

        // q3: 6 of 10 points. Item 2,1,2,0,1 against rest 2,1,1,0,2 (means
        // 1.2 and 1.2): Sxy = 1.8, Sxx = 2.8, Syy = 2.8, r = 1.8/2.8 = 9/14.
        assert!(close(stats[2].facility, 0.6));
        assert!(close(stats[2].discrimination, 9.0 / 14.0), "{:?}", stats[2]);
        // A repeated key counts once per response.
        assert_eq!(stats[2].option_counts, BTreeMap::from([("1".to_string(), 5), ("3".to_string(), 5)]));
    }

    #[test]
    fn quiz_item_analysis_degenerate_items() {
        // Everyone right: no variance, no discrimination.
        let same = [response("A", "q", 1.0, 1.0, None), response("B", "q", 1.0, 1.0, None)];
        let stats = item_analysis(&same);
        assert_eq!((stats[0].facility, stats[0].discrimination), (Some(1.0), None));
        let single = item_analysis(&[response("A", "q", 0.0, 1.0, None)]);
        assert_eq!((single[0].n, single[0].discrimination), (1, None));
        assert_eq!(item_analysis(&[response("A", "q", 0.0, 0.0, None)])[0].facility, None);
        assert!(item_analysis(&[]).is_empty());
    }
}
