//! Per-metric impact analysis: the figures of `qunxue impact --json`.
//!
//! All bootstrap replicates of a data set are drawn in one parallel batch
//! (see [`super::bootstrap`]); the treatment group's replicates serve both its
//! own interval and, paired with the control group's, the
//! difference-in-differences interval — each group's learners resampled
//! independently, as `scipy.stats.bootstrap` does with two samples.

use rayon::prelude::*;
use serde::Serialize;

use super::bootstrap::{bootstrap_means, percentile_interval, stream_key, ResampleSet};
use super::csv_input::{Group, ImpactData, MetricData, PairedSample};
use super::describe::{mean, sample_sd};
use super::ttest::{paired_t, welch_t};
use super::wilcoxon::wilcoxon_signed_rank;

/// Seed used unless the caller picks one, so that the same data always give
/// the same intervals.
pub const DEFAULT_SEED: u64 = 42;
/// Bootstrap resamples per group unless the caller picks another number.
pub const DEFAULT_RESAMPLES: usize = 10_000;
/// Below this many complete pairs a group carries a small-sample warning.
pub const SMALL_SAMPLE: usize = 10;
/// How the intervals are computed (reported as `ci_method`).
pub const CI_METHOD: &str = "bootstrap-percentile";
/// How missing values are handled (reported as `missing_values`).
pub const MISSING_VALUES_POLICY: &str = "complete pairs only: a learner without both a before and an after value \
     for a metric is left out of that metric's statistics and counted in excluded_missing";

/// Settings of one analysis: bootstrap size, random seed and interval coverage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalysisOptions {
    /// Bootstrap resamples per group; 0 skips the intervals.
    pub resamples: usize,
    /// Seed of the ChaCha8 streams the bootstrap draws from; the same seed gives the same intervals.
    pub seed: u64,
    /// Coverage of the intervals, 0.95 for `ci95`.
    pub confidence: f64,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self { resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED, confidence: 0.95 }
    }
}

/// The whole analysis; serialises to the documented JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactReport {
    /// One entry per metric, in order of the metric's first appearance in the CSV.
    pub metrics: Vec<MetricReport>,
    /// The bootstrap seed that was used.
    pub seed: u64,
    /// Bootstrap resamples per group that were drawn; 0 when intervals were skipped.
    pub resamples: usize,
    /// Coverage of every interval, e.g. 0.95.
    pub confidence: f64,
    /// How missing values were handled: always [`MISSING_VALUES_POLICY`].
    pub missing_values: &'static str,
}

/// One metric: the trained group's figures at the top level, the control
/// group's (if any) under `control`, and the difference-in-differences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricReport {
    /// The metric's name, as written in the CSV's `metric` column.
    pub metric: String,
    /// The trained group's figures, flattened into the metric's JSON object.
    #[serde(flatten)]
    pub treatment: GroupSummary,
    /// The control group's figures; `None` when the metric has no control rows.
    pub control: Option<GroupSummary>,
    /// Difference-in-differences; `None` without a control group or when a group has no complete pair.
    pub did: Option<DidSummary>,
}

/// Before/after figures of one group for one metric. `None` (JSON `null`)
/// marks a figure that is undefined for these data; `warnings` says why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    /// Number of learners with both a before and an after value (complete pairs).
    pub n: usize,
    /// Learners left out because their before or after value is missing.
    pub excluded_missing: usize,
    /// Mean before value over the complete pairs; `None` without any.
    pub mean_before: Option<f64>,
    /// Mean after value over the complete pairs; `None` without any.
    pub mean_after: Option<f64>,
    /// Mean change (after − before) over the complete pairs; `None` without any.
    pub mean_diff: Option<f64>,
    /// Change of the mean in percent of `mean_before`; `None` when the mean before is 0.
    pub pct_change: Option<f64>,
    /// Sample standard deviation (n − 1 denominator) of the changes; `None` below two pairs.
    pub sd_diff: Option<f64>,
    /// Paired t statistic; `None` below two pairs or when every change is the same.
    pub t: Option<f64>,
    /// Degrees of freedom of the paired t-test, n − 1; `None` below two pairs.
    pub df: Option<f64>,
    /// Two-sided p-value of the paired t-test; `None` when `t` is.
    pub p_t: Option<f64>,
    /// Wilcoxon signed-rank statistic min(R+, R−); `None` when no value changed.
    pub wilcoxon_statistic: Option<f64>,
    /// Two-sided p-value of the Wilcoxon signed-rank test; `None` when no value changed.
    pub p_wilcoxon: Option<f64>,
    /// How `p_wilcoxon` was obtained: `exact`, `permutation` or `asymptotic` (scipy's names).
    pub wilcoxon_method: Option<&'static str>,
    /// Percentile-bootstrap interval `[low, high]` of the mean change, at the report's `confidence`.
    pub ci95: Option<[f64; 2]>,
    /// How the interval was computed: always [`CI_METHOD`].
    pub ci_method: &'static str,
    /// Cohen's d_z = mean_diff / sd_diff.
    pub cohens_d: Option<f64>,
    /// Cohen's d_av = mean_diff / ((sd_before + sd_after) / 2).
    pub cohens_d_av: Option<f64>,
    /// Plain-English notes on figures that are fragile or undefined for these data.
    pub warnings: Vec<String>,
}

/// Difference-in-differences: mean change of the trained group minus mean
/// change of the control group, with a bootstrap interval and Welch's test
/// on the change scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DidSummary {
    /// The trained group's mean change minus the control group's.
    pub estimate: f64,
    /// Bootstrap interval `[low, high]` of the estimate, each group resampled independently.
    pub ci95: Option<[f64; 2]>,
    /// How the interval was computed: always [`CI_METHOD`].
    pub ci_method: &'static str,
    /// Welch's t statistic on the two groups' changes; `None` below two pairs or with no variation.
    pub t_welch: Option<f64>,
    /// Welch–Satterthwaite degrees of freedom; `None` when `t_welch` is.
    pub df_welch: Option<f64>,
    /// Two-sided p-value of Welch's t-test; `None` when `t_welch` is.
    pub p_welch: Option<f64>,
}

/// Analyses every metric of `data`.
pub fn analyse(data: &ImpactData, options: &AnalysisOptions) -> ImpactReport {
    let diffs: Vec<[Vec<f64>; 2]> = data.metrics.iter().map(|m| [m.treatment.diffs(), m.control.diffs()]).collect();
    let replicates = resample_all(data, &diffs, options);
    let metrics = data
        .metrics
        .par_iter()
        .zip(diffs.par_iter())
        .zip(replicates.into_par_iter())
        .map(|((metric, diffs), replicates)| metric_report(metric, diffs, replicates, options))
        .collect();
    ImpactReport {
        metrics,
        seed: options.seed,
        resamples: options.resamples,
        confidence: options.confidence,
        missing_values: MISSING_VALUES_POLICY,
    }
}

/// Bootstrap replicates of the mean change of every metric and group
/// (`[treatment, control]` per metric). All metrics of a group are resampled
/// together over the group's learners: one draw of learners serves every
/// metric, which is the natural "resample learners" bootstrap and what makes
/// the performance budget reachable. A metric lacking some learners'
/// values is still resampled exactly over its own complete pairs (see
/// [`super::bootstrap`]). The random streams are keyed by the group and its
/// learner ids.
fn resample_all(data: &ImpactData, diffs: &[[Vec<f64>; 2]], options: &AnalysisOptions) -> Vec<[Vec<f64>; 2]> {
    let groups = [Group::Treatment, Group::Control];
    let mut tables = Vec::new();
    let mut keys = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (g, group) in groups.into_iter().enumerate() {
        let sample = |m: usize| if g == 0 { &data.metrics[m].treatment } else { &data.metrics[m].control };
        let columns: Vec<usize> = (0..data.metrics.len()).filter(|&m| sample(m).n() > 0).collect();
        // The group's learners with a complete pair for any metric, in id order.
        let mut in_group = vec![false; data.learners.len()];
        for &m in &columns {
            for &learner in &sample(m).learners {
                in_group[learner] = true;
            }
        }
        let learners: Vec<usize> = (0..data.learners.len()).filter(|&l| in_group[l]).collect();
        let mut row_of = vec![usize::MAX; data.learners.len()];
        for (row, &learner) in learners.iter().enumerate() {
            row_of[learner] = row;
        }
        let mut table = vec![f64::NAN; learners.len() * columns.len()];
        for (c, &m) in columns.iter().enumerate() {
            for (&learner, &value) in sample(m).learners.iter().zip(&diffs[m][g]) {
                table[row_of[learner] * columns.len() + c] = value;
            }
        }
        let labels: Vec<&str> =
            std::iter::once(group.as_str()).chain(learners.iter().map(|&l| data.learners[l].as_str())).collect();
        keys.push(stream_key(&labels));
        tables.push(table);
        members.push(columns);
    }
    let sets: Vec<ResampleSet<'_>> = tables
        .iter()
        .zip(&keys)
        .zip(&members)
        .map(|((table, &key), columns)| ResampleSet { values: table, columns: columns.len(), key })
        .collect();

    let mut out: Vec<[Vec<f64>; 2]> = vec![[Vec::new(), Vec::new()]; data.metrics.len()];
    for (g, (columns, replicates)) in
        members.iter().zip(bootstrap_means(&sets, options.resamples, options.seed)).enumerate()
    {
        for (&m, replicates) in columns.iter().zip(replicates) {
            out[m][g] = replicates;
        }
    }
    out
}

fn metric_report(
    metric: &MetricData,
    [treatment_diffs, control_diffs]: &[Vec<f64>; 2],
    [mut treatment_reps, mut control_reps]: [Vec<f64>; 2],
    options: &AnalysisOptions,
) -> MetricReport {
    let has_control = metric.control.is_present();
    let did = (has_control && metric.treatment.n() > 0 && metric.control.n() > 0).then(|| {
        let mut did_reps: Vec<f64> = treatment_reps.iter().zip(&control_reps).map(|(t, c)| t - c).collect();
        let welch = welch_t(treatment_diffs, control_diffs);
        DidSummary {
            estimate: mean(treatment_diffs).unwrap_or(f64::NAN) - mean(control_diffs).unwrap_or(f64::NAN),
            ci95: percentile_interval(&mut did_reps, options.confidence),
            ci_method: CI_METHOD,
            t_welch: welch.map(|w| w.t),
            df_welch: welch.map(|w| w.df),
            p_welch: welch.map(|w| w.p),
        }
    });

    let mut treatment = summarise(&metric.treatment, treatment_diffs, &mut treatment_reps, options);
    if !has_control {
        treatment.warnings.push(
            "no control group: the change may have causes other than the training (season, market, promotions)"
                .to_owned(),
        );
    } else if did.is_none() {
        treatment.warnings.push("no difference-in-differences: a group has no complete pairs".to_owned());
    } else if did.as_ref().is_some_and(|d| d.p_welch.is_none()) {
        treatment.warnings.push("Welch test undefined: a group has fewer than two pairs or no variation".to_owned());
    }
    let control = has_control.then(|| summarise(&metric.control, control_diffs, &mut control_reps, options));
    MetricReport { metric: metric.name.clone(), treatment, control, did }
}

fn summarise(sample: &PairedSample, diffs: &[f64], replicates: &mut [f64], options: &AnalysisOptions) -> GroupSummary {
    let n = sample.n();
    let mean_before = mean(&sample.before);
    let mean_after = mean(&sample.after);
    let mean_diff = mean(diffs);
    let sd_diff = sample_sd(diffs);
    let t = paired_t(diffs);
    let wilcoxon = wilcoxon_signed_rank(diffs);
    let pct_change = match (mean_before, mean_after) {
        (Some(before), Some(after)) if before != 0.0 => Some((after - before) / before * 100.0),
        _ => None,
    };
    let cohens_d = match (mean_diff, sd_diff) {
        (Some(m), Some(sd)) if sd > 0.0 => Some(m / sd),
        _ => None,
    };
    let sd_av = sample_sd(&sample.before).zip(sample_sd(&sample.after)).map(|(b, a)| (b + a) / 2.0);
    let cohens_d_av = match (mean_diff, sd_av) {
        (Some(m), Some(sd)) if sd > 0.0 => Some(m / sd),
        _ => None,
    };

    let mut warnings = Vec::new();
    if n == 0 {
        warnings.push("no learner has both a before and an after value".to_owned());
    } else if n < SMALL_SAMPLE {
        warnings.push(format!(
            "small sample: {n} complete pair{} (fewer than {SMALL_SAMPLE}); read the p-values and the interval as rough indications",
            if n == 1 { "" } else { "s" }
        ));
    }
    if sample.excluded_missing > 0 {
        let k = sample.excluded_missing;
        warnings
            .push(format!("{k} learner{} left out: missing a before or an after value", if k == 1 { "" } else { "s" }));
    }
    if n >= 2 && t.is_none() {
        warnings.push("every learner changed by the same amount: t-test and Cohen's d are undefined".to_owned());
    }
    if n >= 1 && wilcoxon.is_none() {
        warnings.push("no learner's value changed: the Wilcoxon test is undefined".to_owned());
    }
    if mean_before == Some(0.0) {
        warnings.push("mean before is 0: % change is undefined".to_owned());
    }

    GroupSummary {
        n,
        excluded_missing: sample.excluded_missing,
        mean_before,
        mean_after,
        mean_diff,
        pct_change,
        sd_diff,
        t: t.map(|t| t.t),
        df: (n >= 2).then(|| (n - 1) as f64),
        p_t: t.map(|t| t.p),
        wilcoxon_statistic: wilcoxon.map(|w| w.statistic),
        p_wilcoxon: wilcoxon.map(|w| w.p),
        wilcoxon_method: wilcoxon.map(|w| w.method.as_str()),
        ci95: percentile_interval(replicates, options.confidence),
        ci_method: CI_METHOD,
        cohens_d,
        cohens_d_av,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::impact::parse_csv;

    fn report(csv: &str) -> ImpactReport {
        let data = parse_csv("t.csv", csv).unwrap();
        analyse(&data, &AnalysisOptions { resamples: 2_000, ..AnalysisOptions::default() })
    }

    const HEADER: &str = "learner,group,metric,period,value\n";

    #[test]
    fn treatment_only_metric_warns_and_has_no_did() {
        let rows: String =
            (1..=5).map(|i| format!("l{i},treatment,m,before,{i}\nl{i},treatment,m,after,{}\n", i * 2)).collect();
        let r = report(&format!("{HEADER}{rows}"));
        let m = &r.metrics[0];
        assert_eq!(m.treatment.n, 5);
        assert_eq!(m.treatment.mean_diff, Some(3.0));
        assert_eq!(m.treatment.pct_change, Some(100.0));
        assert!(m.control.is_none() && m.did.is_none());
        assert!(m.treatment.warnings.iter().any(|w| w.starts_with("small sample: 5 complete pairs")));
        assert!(m.treatment.warnings.iter().any(|w| w.starts_with("no control group")));
        let [lo, hi] = m.treatment.ci95.unwrap();
        assert!(lo <= 3.0 && 3.0 <= hi);
    }

    #[test]
    fn degenerate_groups_give_nulls_not_nans() {
        let csv = format!(
            "{HEADER}a,treatment,m,before,1\na,treatment,m,after,2\nb,treatment,m,before,5\nb,treatment,m,after,6\n\
             c,control,m,before,3\nd,control,m,after,4\n"
        );
        let r = report(&csv);
        let m = &r.metrics[0];
        assert_eq!(m.treatment.t, None);
        assert_eq!(m.treatment.cohens_d, None);
        assert!(m.treatment.warnings.iter().any(|w| w.contains("same amount")));
        let control = m.control.as_ref().unwrap();
        assert_eq!((control.n, control.excluded_missing), (0, 2));
        assert_eq!(control.mean_diff, None);
        assert_eq!(control.ci95, None);
        assert!(m.did.is_none());
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("NaN"));
    }

    /// The budget of DESIGN.md §6, timed: run with
    /// `cargo test --release -p qunxue-core impact_budget -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing; meaningful only in release builds"]
    fn impact_budget_10k_learners_12_metrics_10k_resamples() {
        use std::fmt::Write as _;
        let mut csv = String::from(HEADER);
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut uniform = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f64 / 100.0
        };
        for learner in 0..10_000 {
            let group = if learner % 2 == 0 { "treatment" } else { "control" };
            for metric in 0..12 {
                let before = uniform();
                let after = before + uniform() / 10.0 - 4.0;
                let _ = writeln!(csv, "l{learner},{group},m{metric},before,{before}");
                if (learner * 13 + metric * 7) % 100 != 0 {
                    let _ = writeln!(csv, "l{learner},{group},m{metric},after,{after}");
                }
            }
        }
        let start = std::time::Instant::now();
        let data = parse_csv("budget.csv", &csv).unwrap();
        let parsed = start.elapsed();
        let report = analyse(&data, &AnalysisOptions::default());
        let total = start.elapsed();
        eprintln!(
            "10k learners (5k + 5k control) × 12 metrics (1% values missing), {} resamples on {} threads: \
             parse {parsed:?}, analyse {:?}, total {total:?}",
            report.resamples,
            rayon::current_num_threads(),
            total - parsed
        );
        assert_eq!(report.metrics.len(), 12);
        assert!(report.metrics.iter().all(|m| m.did.as_ref().is_some_and(|d| d.ci95.is_some())));
    }

    #[test]
    fn json_has_the_documented_shape() {
        let csv = format!(
            "{HEADER}a,treatment,m,before,1\na,treatment,m,after,3\nb,treatment,m,before,2\nb,treatment,m,after,3\n\
             c,control,m,before,1\nc,control,m,after,1.5\nd,control,m,before,2\nd,control,m,after,2\n"
        );
        let value = serde_json::to_value(report(&csv)).unwrap();
        let metric = &value["metrics"][0];
        for key in [
            "metric",
            "n",
            "excluded_missing",
            "mean_before",
            "mean_after",
            "mean_diff",
            "pct_change",
            "t",
            "df",
            "p_t",
            "p_wilcoxon",
            "wilcoxon_method",
            "ci95",
            "ci_method",
            "cohens_d",
            "warnings",
            "control",
            "did",
        ] {
            assert!(metric.get(key).is_some(), "missing {key}");
        }
        assert_eq!(metric["did"]["estimate"], 1.25);
        assert!(metric["did"]["ci95"].is_array() && metric["did"].get("p_welch").is_some());
        assert_eq!(metric["control"]["n"], 2);
        assert!(metric["control"].get("control").is_none());
        assert_eq!(value["seed"], DEFAULT_SEED);
        assert_eq!(value["resamples"], 2_000);
    }
}
