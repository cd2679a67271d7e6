//! `qunxue impact FILE.csv [--json] [--seed N] [--resamples N]`: before/after
//! statistics per business metric (docs/impact-statistics.md). Exit 0 with
//! the analysis on stdout; exit 1 with `file:line:col: message` lines on
//! stderr when the CSV has bad rows.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::domain::impact::{
    analyse, parse_csv, AnalysisOptions, GroupSummary, ImpactReport, MetricReport, DEFAULT_RESAMPLES, DEFAULT_SEED,
};

use super::diagnostics::print_lines;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Long-format CSV with columns learner,group,metric,period,value.
    file: PathBuf,
    /// Print the analysis as JSON (the documented contract).
    #[arg(long)]
    json: bool,
    /// Seed of the bootstrap's random numbers.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Bootstrap resamples per group.
    #[arg(long, default_value_t = DEFAULT_RESAMPLES as u32, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    resamples: u32,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args.file.display().to_string();
    let data = match parse_csv(&name, &text) {
        Ok(data) => data,
        Err(diagnostics) => {
            print_lines(&mut std::io::stderr().lock(), &diagnostics)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let options = AnalysisOptions { resamples: args.resamples as usize, seed: args.seed, ..AnalysisOptions::default() };
    let report = analyse(&data, &options);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", table(&name, &report));
    }
    Ok(ExitCode::SUCCESS)
}

const COLUMNS: [(&str, usize); 12] = [
    ("group", 10),
    ("n", 6),
    ("left out", 9),
    ("before", 11),
    ("after", 11),
    ("change", 11),
    ("change %", 9),
    ("95% CI of change", 25),
    ("t", 8),
    ("p (t)", 8),
    ("p (Wilcoxon)", 13),
    ("d_z", 7),
];

fn table(file: &str, report: &ImpactReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: {} metric{}; intervals: percentile bootstrap, {} resamples, seed {}",
        report.metrics.len(),
        if report.metrics.len() == 1 { "" } else { "s" },
        report.resamples,
        report.seed
    );
    for metric in &report.metrics {
        out.push('\n');
        metric_block(&mut out, metric);
    }
    let _ = writeln!(out, "\nmissing values: {}", report.missing_values);
    out
}

fn metric_block(out: &mut String, metric: &MetricReport) {
    let _ = writeln!(out, "{}", metric.metric);
    let titles = COLUMNS.map(|(title, _)| title.to_owned());
    row(out, &titles);
    group_row(out, "treatment", &metric.treatment);
    if let Some(control) = &metric.control {
        group_row(out, "control", control);
    }
    if let Some(did) = &metric.did {
        let _ = writeln!(
            out,
            "  difference-in-differences: {}  95% CI {}  Welch p = {}",
            signed(Some(did.estimate)),
            interval(did.ci95),
            p_value(did.p_welch)
        );
    }
    let notes = metric.treatment.warnings.iter().map(|w| ("treatment", w));
    let control_notes = metric.control.iter().flat_map(|c| c.warnings.iter().map(|w| ("control", w)));
    for (group, warning) in notes.chain(control_notes) {
        let _ = writeln!(out, "  note ({group}): {warning}");
    }
}

fn group_row(out: &mut String, label: &str, g: &GroupSummary) {
    let cells = [
        label.to_owned(),
        g.n.to_string(),
        g.excluded_missing.to_string(),
        number(g.mean_before),
        number(g.mean_after),
        signed(g.mean_diff),
        g.pct_change.map_or("—".to_owned(), |p| format!("{p:+.1}%")),
        interval(g.ci95),
        g.t.map_or("—".to_owned(), |t| format!("{t:.2}")),
        p_value(g.p_t),
        p_value(g.p_wilcoxon),
        g.cohens_d.map_or("—".to_owned(), |d| format!("{d:.2}")),
    ];
    row(out, &cells);
}

/// One table line: the group name left-aligned, figures right-aligned.
fn row(out: &mut String, cells: &[String; COLUMNS.len()]) {
    let padded: Vec<String> = cells
        .iter()
        .zip(COLUMNS)
        .enumerate()
        .map(|(i, (cell, (_, width)))| if i == 0 { format!("{cell:<width$}") } else { format!("{cell:>width$}") })
        .collect();
    let _ = writeln!(out, "  {}", padded.join(" "));
}

/// About four significant digits, never in exponent form.
fn number(value: Option<f64>) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) => format!("{v:.*}", decimals(v)),
    }
}

fn signed(value: Option<f64>) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) => format!("{v:+.*}", decimals(v)),
    }
}

fn decimals(v: f64) -> usize {
    if v == 0.0 {
        return 2;
    }
    (3 - v.abs().log10().floor() as i32).clamp(0, 4) as usize
}

fn interval(ci: Option<[f64; 2]>) -> String {
    match ci {
        None => "—".to_owned(),
        Some([lo, hi]) => {
            let d = decimals(lo.abs().max(hi.abs()));
            format!("[{lo:.d$}, {hi:.d$}]")
        }
    }
}

fn p_value(p: Option<f64>) -> String {
    match p {
        None => "—".to_owned(),
        Some(p) if p < 0.0001 => "<0.0001".to_owned(),
        Some(p) => format!("{p:.4}"),
    }
}
