//! Wilcoxon signed-rank test on paired differences, two-sided, reproducing
//! `scipy.stats.wilcoxon(x, y)` with its defaults (as in scipy 1.17:
//! `zero_method="wilcox"`, `correction=False`, `method="auto"`).
//!
//! Zero differences are dropped before ranking. `method="auto"` then picks:
//! - more than 50 differences (zeros included in the count) → `asymptotic`;
//! - otherwise, no ties and no zeros → `exact` null distribution;
//! - otherwise, at most 13 differences → `permutation`: scipy runs
//!   `permutation_test` over all 2^n sign flips, which is exact and
//!   deterministic at that size; we enumerate the same null distribution;
//! - otherwise → `asymptotic`.
//!
//! The asymptotic method is the normal approximation with the tie-corrected
//! variance and no continuity correction.

use statrs::function::gamma::gamma_ur;

/// How the p-value was obtained; the names are scipy's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WilcoxonMethod {
    /// Exact null distribution over all sign patterns (no ties, no zeros, at most 50 differences).
    Exact,
    /// Every sign flip enumerated (ties or zeros, at most 13 differences).
    Permutation,
    /// Normal approximation, tie-corrected, no continuity correction (over 50 differences, or 14–50 with ties/zeros).
    Asymptotic,
}

impl WilcoxonMethod {
    /// scipy's name for the method: `exact`, `permutation` or `asymptotic`.
    pub fn as_str(self) -> &'static str {
        match self {
            WilcoxonMethod::Exact => "exact",
            WilcoxonMethod::Permutation => "permutation",
            WilcoxonMethod::Asymptotic => "asymptotic",
        }
    }
}

/// Result of the signed-rank test. `statistic` is min(R+, R−), as scipy
/// reports for the two-sided test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wilcoxon {
    /// min(R+, R−): the smaller of the positive and negative rank sums.
    pub statistic: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// How `p` was obtained.
    pub method: WilcoxonMethod,
}

/// Above this many differences scipy's `auto` uses the normal approximation.
const EXACT_MAX_N: usize = 50;
/// At most this many differences with ties or zeros, scipy enumerates every
/// sign flip (2^13 ≤ its default 9,999 resamples).
const PERMUTATION_MAX_N: usize = 13;

/// Two-sided signed-rank test of the differences. `None` when there is no
/// non-zero difference (scipy then returns 1 or NaN depending on n).
pub fn wilcoxon_signed_rank(diffs: &[f64]) -> Option<Wilcoxon> {
    let n_total = diffs.len();
    let mut nonzero: Vec<f64> = diffs.iter().copied().filter(|d| *d != 0.0).collect();
    let n_zero = n_total - nonzero.len();
    let m = nonzero.len();
    if m == 0 {
        return None;
    }
    let ranks = SignedRanks::of(&mut nonzero);

    let method = if n_total > EXACT_MAX_N {
        WilcoxonMethod::Asymptotic
    } else if !ranks.has_ties && n_zero == 0 {
        WilcoxonMethod::Exact
    } else if n_total <= PERMUTATION_MAX_N {
        WilcoxonMethod::Permutation
    } else {
        WilcoxonMethod::Asymptotic
    };

    let p = match method {
        WilcoxonMethod::Asymptotic => ranks.asymptotic_p(),
        WilcoxonMethod::Exact | WilcoxonMethod::Permutation => ranks.enumerated_p(),
    };
    let statistic = ranks.r_plus2.min(ranks.r_minus2) as f64 / 2.0;
    Some(Wilcoxon { statistic, p, method })
}

/// Average ranks of |d| kept doubled so that tied (half-integer) ranks stay
/// exact integers.
struct SignedRanks {
    ranks2: Vec<u64>,
    r_plus2: u64,
    r_minus2: u64,
    has_ties: bool,
    /// Σ (t³ − t) over groups of t tied |d|.
    tie_correction: f64,
}

impl SignedRanks {
    fn of(nonzero: &mut [f64]) -> Self {
        nonzero.sort_unstable_by(|a, b| a.abs().total_cmp(&b.abs()));
        let m = nonzero.len();
        let mut ranks = SignedRanks {
            ranks2: Vec::with_capacity(m),
            r_plus2: 0,
            r_minus2: 0,
            has_ties: false,
            tie_correction: 0.0,
        };
        let mut i = 0;
        while i < m {
            let mut j = i;
            while j + 1 < m && nonzero[j + 1].abs() == nonzero[i].abs() {
                j += 1;
            }
            // 1-based positions i+1 ..= j+1 share the rank (i+1 + j+1) / 2.
            let rank2 = (i + 1 + j + 1) as u64;
            for &d in &nonzero[i..=j] {
                ranks.ranks2.push(rank2);
                if d > 0.0 {
                    ranks.r_plus2 += rank2;
                } else {
                    ranks.r_minus2 += rank2;
                }
            }
            let t = (j - i + 1) as f64;
            if t > 1.0 {
                ranks.has_ties = true;
                ranks.tie_correction += t * t * t - t;
            }
            i = j + 1;
        }
        ranks
    }

    /// Normal approximation: z = (R+ − m(m+1)/4) / σ with
    /// σ² = (m(m+1)(2m+1) − Σ(t³ − t)/2) / 24; p = 2·Φ(−|z|).
    fn asymptotic_p(&self) -> f64 {
        let m = self.ranks2.len() as f64;
        let mean = m * (m + 1.0) / 4.0;
        let var = (m * (m + 1.0) * (2.0 * m + 1.0) - self.tie_correction / 2.0) / 24.0;
        let z = (self.r_plus2 as f64 / 2.0 - mean) / var.sqrt();
        normal_two_sided_p(z)
    }

    /// Exact null distribution of R+ over all 2^m sign assignments of the
    /// (possibly tied) ranks, counted by dynamic programming over the
    /// doubled rank sums; p = 2·min(P(R+ ≤ obs), P(R+ ≥ obs)), capped at 1.
    /// Only called for m ≤ 50, where every count fits in a u64 (≤ 2^50).
    fn enumerated_p(&self) -> f64 {
        let total2: u64 = self.ranks2.iter().sum();
        let mut counts = vec![0u64; total2 as usize + 1];
        counts[0] = 1;
        let mut reached = 0usize;
        for &r in &self.ranks2 {
            let r = r as usize;
            for s in (0..=reached).rev() {
                counts[s + r] += counts[s];
            }
            reached += r;
        }
        let observed = self.r_plus2 as usize;
        let at_most: u64 = counts[..=observed].iter().sum();
        let at_least: u64 = counts[observed..].iter().sum();
        let all = 2f64.powi(self.ranks2.len() as i32);
        (2.0 * at_most.min(at_least) as f64 / all).min(1.0)
    }
}

/// 2·Φ(−|z|) = erfc(|z|/√2) = Q(½, z²/2), the regularised upper incomplete
/// gamma function. statrs's `erfc` is only good to about 1e-10 relative
/// (its interval constants were transcribed with 10 digits); `gamma_ur`
/// agrees with scipy's `ndtr` to about 1e-15.
fn normal_two_sided_p(z: f64) -> f64 {
    if z == 0.0 {
        return 1.0;
    }
    gamma_ur(0.5, z * z / 2.0).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(diffs: &[f64], statistic: f64, p: f64, method: WilcoxonMethod) {
        let r = wilcoxon_signed_rank(diffs).unwrap();
        assert_eq!(r.method, method, "{diffs:?}");
        assert_eq!(r.statistic, statistic, "{diffs:?}");
        assert!((r.p - p).abs() < 1e-12, "{diffs:?}: {} vs {}", r.p, p);
    }

    // Expected values from scipy 1.17.1, `scipy.stats.wilcoxon(d)`.
    #[test]
    fn exact_without_ties_or_zeros() {
        check(&[1.0, -2.0, 3.0, 4.0, 5.0, 6.0], 2.0, 0.09375, WilcoxonMethod::Exact);
        check(&[0.5], 0.0, 1.0, WilcoxonMethod::Exact);
    }

    #[test]
    fn ties_or_zeros_in_small_samples_use_the_permutation_distribution() {
        check(&[1.0, 1.0, -2.0, 3.0, 0.0, 4.0, 4.0], 3.0, 0.15625, WilcoxonMethod::Permutation);
    }

    #[test]
    fn ties_in_mid_sized_samples_use_the_normal_approximation() {
        let d: Vec<f64> = (0..20).map(|i| f64::from(i % 5) - 1.0).collect();
        check(&d, 18.0, 0.008498911869202317, WilcoxonMethod::Asymptotic);
    }

    #[test]
    fn normal_tail_is_accurate_far_out() {
        // 2 * scipy.special.ndtr(-z)
        for (z, p) in [(0.5, 0.6170750774519738), (3.0, 0.0026997960632601866), (8.0, 1.244192114854348e-15)] {
            let ours = normal_two_sided_p(z);
            assert!((ours - p).abs() <= 1e-13 * p, "{z}: {ours} vs {p}");
        }
        assert_eq!(normal_two_sided_p(0.0), 1.0);
    }

    #[test]
    fn all_zero_differences_have_no_test() {
        assert_eq!(wilcoxon_signed_rank(&[0.0, 0.0]), None);
        assert_eq!(wilcoxon_signed_rank(&[]), None);
    }
}
