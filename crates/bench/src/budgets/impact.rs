//! P5: the impact statistics of `qunxue impact` (paired t, Wilcoxon,
//! bootstrap intervals with 10k resamples, Cohen's d, difference in
//! differences) for 10k learners × 12 metrics, in under a second and at
//! least 100× faster than the committed scipy oracle on the same CSV —
//! whose numbers must agree to 1e-6.

use std::hint::black_box;
use std::process::Command;

use qunxue_core::impact::{analyse, parse_csv, AnalysisOptions};
use serde_json::Value;

use super::{ratio, Settings};
use crate::impact_data::impact_csv;
use crate::report::{Budget, Check, Rule};
use crate::timing::{timed, Samples};

/// Deterministic figures compared with scipy, per group and for the DiD.
const GROUP_FIGURES: [&str; 12] = [
    "n",
    "mean_before",
    "mean_after",
    "mean_diff",
    "sd_diff",
    "t",
    "df",
    "p_t",
    "wilcoxon_statistic",
    "p_wilcoxon",
    "cohens_d",
    "cohens_d_av",
];
const DID_FIGURES: [&str; 4] = ["estimate", "t_welch", "df_welch", "p_welch"];
/// How much faster than scipy the analysis must stay (issue #34).
const SPEED_UP: f64 = 100.0;
/// The oracle test's tolerance (tests/impact_oracle.rs).
const TOLERANCE: f64 = 1e-6;

/// Runs P5: `parse_csv` + `analyse` on generated data, then (with Python) the scipy oracle on the same CSV to compare.
pub fn measure(settings: &Settings) -> anyhow::Result<Budget> {
    let csv = impact_csv(settings.learners, settings.seed);
    let path = settings.work.join(format!("impact-{}.csv", settings.learners));
    std::fs::write(&path, &csv)?;

    let mut runs = Samples::default();
    let mut report = None;
    for _ in 0..settings.runs.max(3) {
        let (result, elapsed) =
            timed(|| parse_csv("impact.csv", &csv).map(|data| analyse(&data, &AnalysisOptions::default())));
        let result = result.map_err(|errors| anyhow::anyhow!("generated impact data is invalid: {errors:?}"))?;
        runs.push(elapsed);
        report = Some(black_box(result));
    }
    let ours = serde_json::to_value(report.expect("at least one run"))?;

    let mut budget = Budget::new("P5", &format!("impact statistics, {} learners × 12 metrics", settings.learners))
        .check(Check::new("analysis time", Some(runs.median()), Rule::AtMost, 1.0, "s"))
        .figure("analysis_s", runs.median())
        .figure("rows", (csv.lines().count() - 1) as f64);
    let Some(python) = &settings.python else {
        return Ok(budget
            .check(Check::new("scipy ÷ ours (speed-up)", None, Rule::AtLeast, SPEED_UP, "×"))
            .check(Check::new("largest difference from scipy", None, Rule::AtMost, TOLERANCE, "rel"))
            .note("no Python with numpy and scipy: the comparison with scipy was skipped"));
    };

    let out = settings.work.join("scipy.json");
    let script = settings.repo.join("crates/bench/scipy_timing.py");
    let status = Command::new(python).arg(&script).arg(&path).arg(&out).status()?;
    anyhow::ensure!(status.success(), "{} {} failed ({status})", python.display(), script.display());
    let scipy: Value = serde_json::from_str(&std::fs::read_to_string(&out)?)?;
    let scipy_s = scipy["seconds"].as_f64().ok_or_else(|| anyhow::anyhow!("scipy.json has no seconds"))?;
    let agreement = compare(&ours, &scipy)?;

    budget = budget
        .check(Check::new("scipy ÷ ours (speed-up)", Some(ratio(scipy_s, runs.median())), Rule::AtLeast, SPEED_UP, "×"))
        .check(Check::new("largest difference from scipy", Some(agreement.worst), Rule::AtMost, TOLERANCE, "rel"))
        .figure("scipy_s", scipy_s)
        .figure("figures_compared", agreement.compared as f64)
        .figure("intervals_within_5pct_of_scipy", agreement.intervals_close as f64)
        .figure("intervals_compared", agreement.intervals as f64)
        .note(format!(
            "median of {} runs of parse_csv + analyse (what `qunxue impact --json` computes) vs one run of \
             tests/fixtures/impact/generate_expected.py's expected_for (scipy {}) on the same CSV; {} figures \
             compared to 1e-6 relative (worst: {}); bootstrap intervals use another RNG, so they are only \
             required to lie within 5% of their width of scipy's",
            runs.len(),
            scipy["scipy"].as_str().unwrap_or("?"),
            agreement.compared,
            agreement.worst_at
        ));
    Ok(budget)
}

#[derive(Debug, Default)]
struct Agreement {
    compared: usize,
    /// Largest |ours − scipy| ÷ max(|scipy|, 1).
    worst: f64,
    worst_at: String,
    intervals: usize,
    intervals_close: usize,
}

fn compare(ours: &Value, scipy: &Value) -> anyhow::Result<Agreement> {
    let mut agreement = Agreement::default();
    let ours_metrics = ours["metrics"].as_array().ok_or_else(|| anyhow::anyhow!("our report has no metrics"))?;
    let scipy_metrics = scipy["metrics"].as_array().ok_or_else(|| anyhow::anyhow!("scipy.json has no metrics"))?;
    anyhow::ensure!(ours_metrics.len() == scipy_metrics.len(), "metric counts differ");
    for expected in scipy_metrics {
        let name = expected["metric"].as_str().unwrap_or_default();
        let mine = ours_metrics
            .iter()
            .find(|m| m["metric"] == name)
            .ok_or_else(|| anyhow::anyhow!("metric {name} missing from our report"))?;
        // Our JSON keeps the trained group at the top level, scipy's under "treatment".
        let sides = [
            (mine, &expected["treatment"], &GROUP_FIGURES[..], "treatment"),
            (&mine["control"], &expected["control"], &GROUP_FIGURES[..], "control"),
            (&mine["did"], &expected["did"], &DID_FIGURES[..], "did"),
        ];
        for (mine, theirs, keys, side) in sides {
            for key in keys {
                let (a, b) = (mine[*key].as_f64(), theirs[*key].as_f64());
                let (Some(a), Some(b)) = (a, b) else {
                    anyhow::bail!("{name}.{side}.{key}: ours {:?}, scipy {:?}", mine[*key], theirs[*key]);
                };
                let difference = (a - b).abs() / b.abs().max(1.0);
                agreement.compared += 1;
                if difference >= agreement.worst {
                    agreement.worst = difference;
                    agreement.worst_at = format!("{name}.{side}.{key}");
                }
            }
            if let (Some(a), Some(b)) = (interval(&mine["ci95"]), interval(&theirs["scipy_bootstrap_ci95"])) {
                let slack = 0.05 * (b[1] - b[0]);
                agreement.intervals += 1;
                if (a[0] - b[0]).abs() <= slack && (a[1] - b[1]).abs() <= slack {
                    agreement.intervals_close += 1;
                }
            }
        }
    }
    Ok(agreement)
}

fn interval(value: &Value) -> Option<[f64; 2]> {
    Some([value[0].as_f64()?, value[1].as_f64()?])
}
