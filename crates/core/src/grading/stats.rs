//! Summaries for the grading reports: how often each level of a criterion was
//! chosen, and the mean / spread of a set of grades (one marker's, say).

use serde::Serialize;

/// Count of ratings per level `0 … levels−1`.
pub fn level_distribution(ratings: &[usize], levels: usize) -> Vec<usize> {
    let mut counts = vec![0; levels];
    for &r in ratings {
        if let Some(slot) = counts.get_mut(r) {
            *slot += 1;
        }
    }
    counts
}

/// Count, mean, sample standard deviation, minimum and maximum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Number of values summarised.
    pub n: usize,
    /// Arithmetic mean; `None` when there are no values.
    pub mean: Option<f64>,
    /// `None` below two values.
    pub sd: Option<f64>,
    /// Smallest value; `None` when there are no values.
    pub min: Option<f64>,
    /// Largest value; `None` when there are no values.
    pub max: Option<f64>,
}

impl Summary {
    /// Summarises `values` (any order); every statistic but `n` is `None` for an empty slice.
    pub fn of(values: &[f64]) -> Summary {
        let n = values.len();
        if n == 0 {
            return Summary { n, mean: None, sd: None, min: None, max: None };
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = (n > 1).then(|| (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
        Summary {
            n,
            mean: Some(mean),
            sd,
            min: values.iter().copied().reduce(f64::min),
            max: values.iter().copied().reduce(f64::max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_counts_each_level() {
        assert_eq!(level_distribution(&[0, 2, 2, 3, 2], 4), [1, 0, 3, 1]);
        assert_eq!(level_distribution(&[], 2), [0, 0]);
    }

    #[test]
    fn summary_by_hand() {
        // 60, 70, 80: mean 70, deviations −10 0 10, sample variance 200/2 = 100.
        let s = Summary::of(&[60.0, 70.0, 80.0]);
        assert_eq!((s.n, s.mean, s.sd, s.min, s.max), (3, Some(70.0), Some(10.0), Some(60.0), Some(80.0)));
        assert_eq!(Summary::of(&[5.0]).sd, None);
        assert_eq!(Summary::of(&[]).mean, None);
    }
}
