//! The impact statistics agree with scipy.
//!
//! `tests/fixtures/impact/generate_expected.py` wrote each `<name>.csv` and
//! the figures scipy computes for it into `<name>.expected.json`. Every
//! deterministic figure must match to 1e-6 (relative to the figure's size
//! when it exceeds 1); p-values also to 1e-6 relative, so tiny ones are
//! checked too. Bootstrap intervals use another RNG than scipy's, so they
//! must be reproducible, contain the estimate and lie within 5% of the
//! interval's width of scipy's percentile interval.

use qunxue_core::impact::{analyse, parse_csv, AnalysisOptions, GroupSummary, ImpactReport, MetricReport};
use serde_json::Value;

const FIXTURES: [(&str, &str, &str); 3] = [
    (
        "small_ties_zeros",
        include_str!("fixtures/impact/small_ties_zeros.csv"),
        include_str!("fixtures/impact/small_ties_zeros.expected.json"),
    ),
    (
        "with_control",
        include_str!("fixtures/impact/with_control.csv"),
        include_str!("fixtures/impact/with_control.expected.json"),
    ),
    (
        "missing_values",
        include_str!("fixtures/impact/missing_values.csv"),
        include_str!("fixtures/impact/missing_values.expected.json"),
    ),
];

const TOLERANCE: f64 = 1e-6;

fn analysed(name: &str, csv: &str) -> ImpactReport {
    let data = parse_csv(name, csv).unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
    analyse(&data, &AnalysisOptions::default())
}

fn num(value: &Value, key: &str) -> f64 {
    value[key].as_f64().unwrap_or_else(|| panic!("expected number at {key} in {value}"))
}

fn assert_close(context: &str, actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("{context}: missing, scipy says {expected}"));
    let diff = (actual - expected).abs();
    assert!(diff <= TOLERANCE * expected.abs().max(1.0), "{context}: {actual} vs scipy {expected} (diff {diff:e})");
}

fn assert_p_close(context: &str, actual: Option<f64>, expected: f64) {
    assert_close(context, actual, expected);
    let actual = actual.unwrap();
    assert!(
        (actual - expected).abs() <= TOLERANCE * expected,
        "{context}: {actual} vs scipy {expected}, relative error above 1e-6"
    );
}

fn assert_interval_near(context: &str, ours: [f64; 2], scipy: &Value, estimate: f64) {
    let (lo, hi) = (scipy[0].as_f64().unwrap(), scipy[1].as_f64().unwrap());
    let slack = 0.05 * (hi - lo);
    assert!(ours[0] <= estimate && estimate <= ours[1], "{context}: {ours:?} does not contain {estimate}");
    assert!(
        (ours[0] - lo).abs() <= slack && (ours[1] - hi).abs() <= slack,
        "{context}: {ours:?} vs scipy [{lo}, {hi}]"
    );
}

fn check_group(context: &str, ours: &GroupSummary, expected: &Value) {
    assert_eq!(ours.n as u64, expected["n"].as_u64().unwrap(), "{context}: n");
    assert_eq!(ours.excluded_missing as u64, expected["excluded_missing"].as_u64().unwrap(), "{context}: excluded");
    for (key, value) in [
        ("mean_before", ours.mean_before),
        ("mean_after", ours.mean_after),
        ("mean_diff", ours.mean_diff),
        ("pct_change", ours.pct_change),
        ("sd_diff", ours.sd_diff),
        ("t", ours.t),
        ("df", ours.df),
        ("wilcoxon_statistic", ours.wilcoxon_statistic),
        ("cohens_d", ours.cohens_d),
        ("cohens_d_av", ours.cohens_d_av),
    ] {
        assert_close(&format!("{context}: {key}"), value, num(expected, key));
    }
    assert_p_close(&format!("{context}: p_t"), ours.p_t, num(expected, "p_t"));
    assert_p_close(&format!("{context}: p_wilcoxon"), ours.p_wilcoxon, num(expected, "p_wilcoxon"));
    assert_eq!(ours.wilcoxon_method, expected["wilcoxon_method"].as_str(), "{context}: wilcoxon_method");
    let ci = ours.ci95.unwrap_or_else(|| panic!("{context}: no interval"));
    assert_interval_near(&format!("{context}: ci95"), ci, &expected["scipy_bootstrap_ci95"], ours.mean_diff.unwrap());
}

fn check_metric(file: &str, ours: &MetricReport, expected: &Value) {
    let context = format!("{file}/{}", ours.metric);
    assert_eq!(ours.metric, expected["metric"].as_str().unwrap());
    check_group(&format!("{context}/treatment"), &ours.treatment, &expected["treatment"]);
    match (&ours.control, &expected["control"]) {
        (None, Value::Null) => {}
        (Some(control), expected) if !expected.is_null() => {
            check_group(&format!("{context}/control"), control, expected)
        }
        (ours, expected) => panic!("{context}: control {ours:?} vs scipy {expected}"),
    }
    match (&ours.did, &expected["did"]) {
        (None, Value::Null) => {}
        (Some(did), expected) if !expected.is_null() => {
            assert_close(&format!("{context}: did estimate"), Some(did.estimate), num(expected, "estimate"));
            assert_close(&format!("{context}: t_welch"), did.t_welch, num(expected, "t_welch"));
            assert_close(&format!("{context}: df_welch"), did.df_welch, num(expected, "df_welch"));
            assert_p_close(&format!("{context}: p_welch"), did.p_welch, num(expected, "p_welch"));
            let ci = did.ci95.expect("did interval");
            assert_interval_near(&format!("{context}: did ci95"), ci, &expected["scipy_bootstrap_ci95"], did.estimate);
        }
        (ours, expected) => panic!("{context}: did {ours:?} vs scipy {expected}"),
    }
}

#[test]
fn every_figure_matches_scipy() {
    for (name, csv, expected) in FIXTURES {
        let expected: Value = serde_json::from_str(expected).unwrap();
        let report = analysed(name, csv);
        let expected_metrics = expected["metrics"].as_array().unwrap();
        assert_eq!(report.metrics.len(), expected_metrics.len(), "{name}: metric count");
        for (ours, expected) in report.metrics.iter().zip(expected_metrics) {
            check_metric(name, ours, expected);
        }
    }
}

#[test]
fn fixtures_cover_every_wilcoxon_method_and_the_missing_data_rules() {
    let mut methods = std::collections::BTreeSet::new();
    let mut excluded = 0;
    for (name, csv, _) in FIXTURES {
        for metric in analysed(name, csv).metrics {
            methods.extend(metric.treatment.wilcoxon_method);
            excluded += metric.treatment.excluded_missing;
            if let Some(control) = metric.control {
                methods.extend(control.wilcoxon_method);
                excluded += control.excluded_missing;
            }
        }
    }
    assert_eq!(methods.into_iter().collect::<Vec<_>>(), ["asymptotic", "exact", "permutation"]);
    assert!(excluded >= 5, "{excluded}");
}

#[test]
fn bootstrap_intervals_are_reproducible_and_follow_the_seed() {
    let (name, csv, _) = FIXTURES[1];
    let data = parse_csv(name, csv).unwrap();
    let first = analyse(&data, &AnalysisOptions::default());
    let again = analyse(&data, &AnalysisOptions::default());
    assert_eq!(first, again);
    let other = analyse(&data, &AnalysisOptions { seed: 7, ..AnalysisOptions::default() });
    assert_ne!(first.metrics[0].treatment.ci95, other.metrics[0].treatment.ci95);
    // Only the intervals depend on the seed.
    assert_eq!(first.metrics[0].treatment.p_wilcoxon, other.metrics[0].treatment.p_wilcoxon);
}

#[test]
fn small_samples_and_missing_values_are_stated() {
    let (name, csv, _) = FIXTURES[0];
    let report = analysed(name, csv);
    let new_fans = &report.metrics[0].treatment;
    assert_eq!(new_fans.n, 9);
    assert!(
        new_fans.warnings.iter().any(|w| w.starts_with("small sample: 9 complete pairs")),
        "{:?}",
        new_fans.warnings
    );

    let (name, csv, _) = FIXTURES[2];
    let report = analysed(name, csv);
    let retention = &report.metrics[0];
    assert_eq!(retention.treatment.excluded_missing, 4);
    assert!(retention
        .treatment
        .warnings
        .iter()
        .any(|w| w == "4 learners left out: missing a before or an after value"));
    assert!(report.missing_values.starts_with("complete pairs only"));
}
