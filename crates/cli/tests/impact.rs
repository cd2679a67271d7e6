//! `qunxue impact FILE.csv [--json]` through the real binary: the JSON
//! contract of docs/impact-statistics.md, the table, and bad input.

use std::process::{Command, Output};

use serde_json::Value;

fn qunxue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qunxue")).args(args).output().expect("the qunxue binary runs")
}

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/impact/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json_of(args: &[&str]) -> Value {
    let out = qunxue(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_follows_the_contract_and_matches_scipy() {
    let report = json_of(&["impact", &fixture("with_control.csv"), "--json"]);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("with_control.expected.json")).unwrap()).unwrap();
    assert_eq!(report["seed"], 42);
    assert_eq!(report["resamples"], 10_000);
    assert!(report["missing_values"].as_str().unwrap().starts_with("complete pairs only"));
    let metrics = report["metrics"].as_array().unwrap();
    let names: Vec<&str> = metrics.iter().map(|m| m["metric"].as_str().unwrap()).collect();
    assert_eq!(names, ["sales", "active_rate", "new_fans"]);
    for (metric, expected) in metrics.iter().zip(expected["metrics"].as_array().unwrap()) {
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
            assert!(metric.get(key).is_some(), "{key} missing from {metric}");
        }
        assert_eq!(metric["n"], 40);
        assert_eq!(metric["control"]["n"], 36);
        assert_eq!(metric["ci_method"], "bootstrap-percentile");
        for (ours, theirs) in [
            (&metric["p_t"], &expected["treatment"]["p_t"]),
            (&metric["p_wilcoxon"], &expected["treatment"]["p_wilcoxon"]),
            (&metric["control"]["t"], &expected["control"]["t"]),
            (&metric["did"]["estimate"], &expected["did"]["estimate"]),
            (&metric["did"]["p_welch"], &expected["did"]["p_welch"]),
        ] {
            let (a, b) = (ours.as_f64().unwrap(), theirs.as_f64().unwrap());
            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} vs scipy {b}");
        }
        let ci = metric["did"]["ci95"].as_array().unwrap();
        let estimate = metric["did"]["estimate"].as_f64().unwrap();
        assert!(ci[0].as_f64().unwrap() < estimate && estimate < ci[1].as_f64().unwrap());
    }
}

#[test]
fn seed_and_resamples_are_honoured_and_reported() {
    let file = fixture("small_ties_zeros.csv");
    let default = json_of(&["impact", &file, "--json"]);
    let again = json_of(&["impact", &file, "--json"]);
    let other = json_of(&["impact", &file, "--json", "--seed", "7", "--resamples", "2000"]);
    assert_eq!(default, again);
    assert_eq!((other["seed"].as_u64(), other["resamples"].as_u64()), (Some(7), Some(2000)));
    assert_ne!(default["metrics"][1]["ci95"], other["metrics"][1]["ci95"]);
    assert_eq!(default["metrics"][1]["p_t"], other["metrics"][1]["p_t"]);
    // Treatment only: no control, no DiD, and a warning saying so.
    assert!(default["metrics"][0]["control"].is_null() && default["metrics"][0]["did"].is_null());
    let warnings = default["metrics"][0]["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().starts_with("no control group")));
}

#[test]
fn bad_rows_exit_1_with_one_located_message_each() {
    let file = fixture("bad.csv");
    let out = qunxue(&["impact", &file, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<String> = stderr.lines().map(|l| l.replacen(&file, "bad.csv", 1)).collect();
    assert_eq!(
        lines,
        [
            "bad.csv:3:27: value `abc` is not a number (leave it empty or write NA if it is missing)",
            "bad.csv:4:5: unknown group `trained-ish`: expected treatment or control",
            "bad.csv:5:21: unknown period `during`: expected before or after",
            "bad.csv:6:27: expected 5 fields (learner,group,metric,period,value), found 4",
            "bad.csv:7:21: duplicate value: learner `s01`, metric `sales`, period before was already given on line 2",
            "bad.csv:8:15: missing metric name",
            "bad.csv:9:27: value `inf` is not a finite number",
        ]
    );
}

/// Issue 31: the shipped sample shows what a control group is for. Training
/// moved activity, D30 retention, conversion and sales (the difference-in-
/// differences is significant and its interval excludes 0), but not new fans:
/// the trained group's fans rose sharply and so did the control group's.
/// The data come from tests/fixtures/tools/make_sample_impact.py.
#[test]
fn shipped_sample_separates_training_effects_from_the_common_trend() {
    let sample = format!("{}/../../quizzes/community-ops/data/sample-impact.csv", env!("CARGO_MANIFEST_DIR"));
    let report = json_of(&["impact", &sample, "--json"]);
    let metrics = report["metrics"].as_array().unwrap();
    let metric = |id: &str| metrics.iter().find(|m| m["metric"] == id).unwrap_or_else(|| panic!("no {id}"));
    for m in metrics {
        assert_eq!((m["n"].as_u64(), m["control"]["n"].as_u64()), (Some(66), Some(65)), "{}", m["metric"]);
    }
    for id in ["active_rate", "retention_d30", "conversion_rate", "sales"] {
        let did = &metric(id)["did"];
        assert!(did["p_welch"].as_f64().unwrap() < 0.01, "{id}: {did}");
        assert!(did["ci95"][0].as_f64().unwrap() > 0.0, "{id}: {did}");
    }
    let fans = metric("new_fans");
    assert!(fans["p_t"].as_f64().unwrap() < 0.001, "the trained group's own change looks convincing: {fans}");
    assert!(fans["control"]["p_t"].as_f64().unwrap() < 0.001, "the control group rose as well: {fans}");
    let did = &fans["did"];
    assert!(did["p_welch"].as_f64().unwrap() > 0.05, "{did}");
    assert!(did["ci95"][0].as_f64().unwrap() < 0.0 && did["ci95"][1].as_f64().unwrap() > 0.0, "{did}");
}

#[test]
fn unreadable_file_exits_2() {
    let out = qunxue(&["impact", "/nonexistent/impact.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/impact.csv"));
}

#[test]
fn table_reads_well_on_the_shipped_sample() {
    let sample = format!("{}/../../quizzes/community-ops/data/sample-impact.csv", env!("CARGO_MANIFEST_DIR"));
    let out = qunxue(&["impact", &sample]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("5 metrics; intervals: percentile bootstrap, 10000 resamples, seed 42"), "{text}");
    for metric in ["new_fans", "active_rate", "retention_d30", "conversion_rate", "sales"] {
        assert!(text.lines().any(|line| line == metric), "no block for {metric}:\n{text}");
    }
    assert_eq!(text.matches("difference-in-differences:").count(), 5);
    assert!(text.contains("note (control): 1 learner left out: missing a before or an after value"));
    assert!(text.contains("missing values: complete pairs only"));
}
