//! Pre-/post-test learning gain, the knowledge level of the effect report.
//!
//! The normalised gain g = (post − pre) / (100 − pre) is the share of what a
//! learner could still gain that they did gain (Hake 1998). For a cohort it
//! is reported two ways, because they differ and both are in use: the mean of
//! the learners' own gains, and Hake's gain computed on the class means.

use serde::Serialize;

/// `(post − pre) / (100 − pre)` for percentages in 0 … 100; `None` when the
/// pre-test was already perfect (nothing left to gain) or an input is out of
/// range.
pub fn normalised_gain(pre_percent: f64, post_percent: f64) -> Option<f64> {
    let valid = |p: f64| (0.0..=100.0).contains(&p);
    if !(valid(pre_percent) && valid(post_percent)) || pre_percent >= 100.0 {
        return None;
    }
    Some((post_percent - pre_percent) / (100.0 - pre_percent))
}

/// A cohort's gain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortGain {
    /// Learners with a valid pre and post percentage.
    pub n: usize,
    /// How many of them have a gain of their own (their pre-test was not perfect).
    pub n_with_gain: usize,
    /// Mean pre-test percentage (0–100) over the `n` learners; `None` when `n` is 0.
    pub mean_pre: Option<f64>,
    /// Mean post-test percentage (0–100) over the `n` learners; `None` when `n` is 0.
    pub mean_post: Option<f64>,
    /// The mean of the learners' normalised gains.
    pub mean_of_gains: Option<f64>,
    /// Hake's class gain: the normalised gain of the mean pre and post scores.
    pub class_gain: Option<f64>,
}

/// The gain of a cohort from each learner's `(pre, post)` percentages. Pairs
/// with a percentage outside 0 … 100 (or not a number) are left out.
pub fn cohort_gain(pairs: &[(f64, f64)]) -> CohortGain {
    let valid: Vec<(f64, f64)> = pairs
        .iter()
        .copied()
        .filter(|&(pre, post)| (0.0..=100.0).contains(&pre) && (0.0..=100.0).contains(&post))
        .collect();
    let gains: Vec<f64> = valid.iter().filter_map(|&(pre, post)| normalised_gain(pre, post)).collect();
    let mean_pre = mean(valid.iter().map(|p| p.0));
    let mean_post = mean(valid.iter().map(|p| p.1));
    CohortGain {
        n: valid.len(),
        n_with_gain: gains.len(),
        mean_pre,
        mean_post,
        mean_of_gains: mean(gains.iter().copied()),
        class_gain: mean_pre.zip(mean_post).and_then(|(pre, post)| normalised_gain(pre, post)),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[rstest]
    #[case::half_of_what_was_left(40.0, 70.0, Some(0.5))]
    #[case::all_of_it(20.0, 100.0, Some(1.0))]
    #[case::none(50.0, 50.0, Some(0.0))]
    #[case::lost_ground(60.0, 40.0, Some(-0.5))]
    #[case::from_zero(0.0, 25.0, Some(0.25))]
    #[case::perfect_pre_test(100.0, 100.0, None)]
    #[case::out_of_range(-5.0, 50.0, None)]
    #[case::above_100(50.0, 120.0, None)]
    #[case::not_a_number(f64::NAN, 50.0, None)]
    fn quiz_gain_of_one_learner(#[case] pre: f64, #[case] post: f64, #[case] expected: Option<f64>) {
        assert_eq!(normalised_gain(pre, post), expected);
    }

    /// Hand-computed: the learners' gains are 0.5, 1.0 and 0.0; the fourth has
    /// none (a perfect pre-test) and the fifth is out of range, so the mean of
    /// gains is 0.5. Class means: pre (40+20+50+100)/4 = 52.5, post
    /// (70+100+50+50)/4 = 67.5, so Hake's gain is 15/47.5 = 6/19.
    #[test]
    fn quiz_gain_of_a_cohort_both_ways() {
        let g = cohort_gain(&[(40.0, 70.0), (20.0, 100.0), (50.0, 50.0), (100.0, 50.0), (200.0, 10.0)]);
        assert_eq!((g.n, g.n_with_gain), (4, 3));
        assert!(close(g.mean_pre, 52.5) && close(g.mean_post, 67.5), "{g:?}");
        assert!(close(g.mean_of_gains, 0.5), "{g:?}");
        assert!(close(g.class_gain, 6.0 / 19.0), "{g:?}");
    }

    #[test]
    fn quiz_gain_of_an_empty_or_perfect_cohort() {
        let empty = cohort_gain(&[]);
        assert_eq!((empty.n, empty.mean_of_gains, empty.class_gain), (0, None, None));
        let perfect = cohort_gain(&[(100.0, 100.0)]);
        assert_eq!((perfect.n, perfect.mean_of_gains, perfect.class_gain), (1, None, None));
    }
}
