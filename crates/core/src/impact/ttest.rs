//! Student's t-tests: paired (one-sample on the differences) and Welch's
//! unequal-variance test on two independent samples.
//!
//! They agree with `scipy.stats.ttest_rel` and
//! `scipy.stats.ttest_ind(equal_var=False)`, two-sided.

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::describe::{mean, sample_sd};

/// A t statistic, its degrees of freedom and the two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TTest {
    /// The t statistic.
    pub t: f64,
    /// Degrees of freedom (not always whole: Welch–Satterthwaite).
    pub df: f64,
    /// Two-sided p-value from Student's t distribution with `df` degrees of freedom.
    pub p: f64,
}

/// Paired t-test on the after − before differences: t = mean / (sd / √n),
/// df = n − 1. `None` when it is undefined: fewer than two differences, or
/// all of them equal (sd = 0).
pub fn paired_t(diffs: &[f64]) -> Option<TTest> {
    let n = diffs.len() as f64;
    let sd = sample_sd(diffs)?;
    if sd == 0.0 {
        return None;
    }
    let t = mean(diffs)? / (sd / n.sqrt());
    let df = n - 1.0;
    Some(TTest { t, df, p: two_sided_p(t, df) })
}

/// Welch's t-test of mean(a) − mean(b) with the Welch–Satterthwaite degrees
/// of freedom. `None` when either sample has fewer than two values or both
/// have zero variance.
pub fn welch_t(a: &[f64], b: &[f64]) -> Option<TTest> {
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let va = sample_sd(a)?.powi(2) / na;
    let vb = sample_sd(b)?.powi(2) / nb;
    let se2 = va + vb;
    if se2 == 0.0 {
        return None;
    }
    let t = (mean(a)? - mean(b)?) / se2.sqrt();
    let df = se2 * se2 / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    Some(TTest { t, df, p: two_sided_p(t, df) })
}

/// 2·P(T ≤ −|t|). Evaluating the lower tail directly keeps full relative
/// precision for tiny p-values (statrs computes it as ½·I_x(df/2, ½)).
fn two_sided_p(t: f64, df: f64) -> f64 {
    let dist = StudentsT::new(0.0, 1.0, df).expect("df > 0 for n >= 2");
    (2.0 * dist.cdf(-t.abs())).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    #[test]
    fn paired_matches_scipy_ttest_rel() {
        // scipy.stats.ttest_rel([3,5,6,8,9], [1,2,4,4,8])
        let diffs = [2.0, 3.0, 2.0, 4.0, 1.0];
        let r = paired_t(&diffs).unwrap();
        assert!(close(r.t, 4.706787243316416, 1e-12), "{}", r.t);
        assert_eq!(r.df, 4.0);
        assert!(close(r.p, 0.009261696759514423, 1e-9), "{}", r.p);
    }

    #[test]
    fn welch_matches_scipy_ttest_ind_unequal_var() {
        // scipy.stats.ttest_ind([1,2,3,4,10], [2,2,3], equal_var=False)
        let r = welch_t(&[1.0, 2.0, 3.0, 4.0, 10.0], &[2.0, 2.0, 3.0]).unwrap();
        assert!(close(r.t, 1.0314212462587933, 1e-12), "{}", r.t);
        assert!(close(r.df, 4.34628627643876, 1e-12), "{}", r.df);
        assert!(close(r.p, 0.3562822548144659, 1e-9), "{}", r.p);
    }

    #[test]
    fn undefined_cases_are_none() {
        assert_eq!(paired_t(&[1.0]), None);
        assert_eq!(paired_t(&[2.0, 2.0, 2.0]), None);
        assert_eq!(welch_t(&[1.0], &[1.0, 2.0]), None);
        assert_eq!(welch_t(&[1.0, 1.0], &[2.0, 2.0]), None);
    }
}
