//! Agreement between two markers who graded the same work on one criterion.
//! Ratings are level indices `0 … k−1` of an ordinal scale, so besides the
//! share of exact and adjacent (off by at most one level) matches we report
//! Cohen's kappa with linear and quadratic disagreement weights: near misses
//! count as partial agreement, and chance agreement is taken out.

use serde::Serialize;

/// How disagreement between two levels is weighted in kappa.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KappaWeights {
    /// `1 − |i − j| / (k − 1)`
    Linear,
    /// `1 − (i − j)² / (k − 1)²`
    Quadratic,
}

/// Agreement over a set of paired ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Number of pieces of work both markers rated.
    pub pairs: usize,
    /// Percentage of pairs with the same level.
    pub exact_percent: f64,
    /// Percentage of pairs at most one level apart (exact matches included).
    pub adjacent_percent: f64,
    /// `None` when kappa is undefined: no pairs, or chance agreement is
    /// already perfect (both markers used one and the same level throughout).
    pub kappa_linear: Option<f64>,
    /// Cohen's kappa with quadratic weights; `None` in the same cases as `kappa_linear`.
    pub kappa_quadratic: Option<f64>,
}

/// Agreement of `pairs` (first marker's level, second marker's level) on a
/// scale of `levels` levels. Ratings at or above `levels` are a caller bug.
pub fn agreement(pairs: &[(usize, usize)], levels: usize) -> Agreement {
    assert!(pairs.iter().all(|&(a, b)| a < levels && b < levels), "rating outside the {levels}-level scale");
    let n = pairs.len();
    let share = |hit: fn(usize) -> bool| {
        if n == 0 {
            0.0
        } else {
            100.0 * pairs.iter().filter(|&&(a, b)| hit(a.abs_diff(b))).count() as f64 / n as f64
        }
    };
    Agreement {
        pairs: n,
        exact_percent: share(|d| d == 0),
        adjacent_percent: share(|d| d <= 1),
        kappa_linear: weighted_kappa(pairs, levels, KappaWeights::Linear),
        kappa_quadratic: weighted_kappa(pairs, levels, KappaWeights::Quadratic),
    }
}

/// Weighted kappa `(pₒ − pₑ) / (1 − pₑ)` with agreement weights `w`:
/// `pₒ = Σ w(i,j)·p(i,j)` observed, `pₑ = Σ w(i,j)·r(i)·c(j)` expected from
/// the two markers' marginal distributions.
pub fn weighted_kappa(pairs: &[(usize, usize)], levels: usize, weights: KappaWeights) -> Option<f64> {
    if pairs.is_empty() || levels < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let span = (levels - 1) as f64;
    let weight = |i: usize, j: usize| {
        let d = i.abs_diff(j) as f64 / span;
        match weights {
            KappaWeights::Linear => 1.0 - d,
            KappaWeights::Quadratic => 1.0 - d * d,
        }
    };
    let mut rows = vec![0.0; levels];
    let mut cols = vec![0.0; levels];
    let mut observed = 0.0;
    for &(a, b) in pairs {
        rows[a] += 1.0 / n;
        cols[b] += 1.0 / n;
        observed += weight(a, b) / n;
    }
    let mut expected = 0.0;
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in cols.iter().enumerate() {
            expected += weight(i, j) * r * c;
        }
    }
    if (1.0 - expected).abs() < 1e-12 {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip(a: &[usize], b: &[usize]) -> Vec<(usize, usize)> {
        a.iter().copied().zip(b.iter().copied()).collect()
    }

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-12,
            (None, None) => true,
            _ => false,
        }
    }

    // Hand computations (3 levels, so linear weights 1, ½, 0 and quadratic 1, ¾, 0):
    // 1. A = 0 1 2 2 1 0, B = 0 2 2 1 1 0: 4 of 6 exact, all adjacent.
    //    Both marginals are ⅓ each. Linear: pₒ = (4 + 2·½)/6 = 5/6,
    //    pₑ = (3·1 + 4·½)/9 = 5/9, κ = (5/6 − 5/9)/(4/9) = 5/8.
    //    Quadratic: pₒ = (4 + 2·¾)/6 = 11/12, pₑ = (3 + 4·¾)/9 = 2/3, κ = (11/12 − 2/3)/(1/3) = 3/4.
    // 2. A = 0 0 2 2, B = 2 2 0 0: nothing within one level; pₒ = 0,
    //    marginals ½ on levels 0 and 2, pₑ = ½, κ = −1 with both weights.
    // 3. Identical ratings over several levels: κ = 1.
    // 4. Both markers always choose the same single level: pₑ = 1, κ undefined.
    // 5. 4 levels, A = 0 1 2 3, B = 1 1 2 2: 2 exact, 4 adjacent. Marginals
    //    r = ¼ each, c = (0, ½, ½, 0). Linear weights 1, ⅔, ⅓, 0:
    //    pₒ = (1·2 + ⅔·2)/4 = 5/6; pₑ = ¼·[(⅔+⅓)·½ + (1+⅔)·½ + (⅔+1)·½ + (⅓+⅔)·½] = ¼·(16/3)·½ = 2/3;
    //    κ = (5/6 − 2/3)/(1/3) = 1/2. Quadratic weights 1, 8/9, 5/9, 0:
    //    pₒ = (2 + 2·8/9)/4 = 17/18; pₑ = ¼·½·[(8/9+5/9) + (1+8/9) + (8/9+1) + (5/9+8/9)] = (1/8)·(60/9) = 5/6;
    //    κ = (17/18 − 15/18)/(1/6) = 2/3.
    #[rstest::rstest]
    #[case(&[0, 1, 2, 2, 1, 0], &[0, 2, 2, 1, 1, 0], 3, 400.0 / 6.0, 100.0, Some(0.625), Some(0.75))]
    #[case(&[0, 0, 2, 2], &[2, 2, 0, 0], 3, 0.0, 0.0, Some(-1.0), Some(-1.0))]
    #[case(&[0, 1, 2, 3, 3], &[0, 1, 2, 3, 3], 4, 100.0, 100.0, Some(1.0), Some(1.0))]
    #[case(&[1, 1, 1], &[1, 1, 1], 4, 100.0, 100.0, None, None)]
    #[case(&[0, 1, 2, 3], &[1, 1, 2, 2], 4, 50.0, 100.0, Some(0.5), Some(2.0 / 3.0))]
    fn hand_computed(
        #[case] first: &[usize],
        #[case] second: &[usize],
        #[case] levels: usize,
        #[case] exact: f64,
        #[case] adjacent: f64,
        #[case] linear: Option<f64>,
        #[case] quadratic: Option<f64>,
    ) {
        let result = agreement(&zip(first, second), levels);
        assert_eq!(result.pairs, first.len());
        assert!((result.exact_percent - exact).abs() < 1e-9, "exact {}", result.exact_percent);
        assert!((result.adjacent_percent - adjacent).abs() < 1e-9, "adjacent {}", result.adjacent_percent);
        assert!(close(result.kappa_linear, linear), "linear {:?} != {linear:?}", result.kappa_linear);
        assert!(close(result.kappa_quadratic, quadratic), "quadratic {:?} != {quadratic:?}", result.kappa_quadratic);
    }

    #[test]
    fn no_pairs_has_no_kappa() {
        let result = agreement(&[], 3);
        assert_eq!((result.pairs, result.exact_percent, result.kappa_linear), (0, 0.0, None));
    }
}
