//! `qunxue report --db FILE --out DIR [--study ID] [--format html,xlsx,csv,pdf]`:
//! the three-level training-effect report of one study (or of every study,
//! each in `DIR/<study id>/`), with a progress bar on a terminal.
//!
//! Reports are an instructor's or admin's: `--profile ID` with its PIN
//! (`QUNXUE_PIN` or `--pin-stdin`), as in the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use qunxue_app::domain::impact::{AnalysisOptions, DEFAULT_RESAMPLES, DEFAULT_SEED};
use qunxue_app::impact::export::{write_report, ExportFormat};

use super::acting::Acting;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Html,
    Xlsx,
    Csv,
    Pdf,
}

impl From<Format> for ExportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Html => ExportFormat::Html,
            Format::Xlsx => ExportFormat::Xlsx,
            Format::Csv => ExportFormat::Csv,
            Format::Pdf => ExportFormat::Pdf,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The learner database holding the studies, and who asks (an instructor
    /// or admin, with the PIN).
    #[command(flatten)]
    acting: Acting,
    /// Folder for the report files (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Only this study (its files go straight into DIR); default: every study.
    #[arg(long, value_name = "ID")]
    study: Option<String>,
    /// Formats to write (comma-separated); default: all.
    #[arg(long, value_enum, value_delimiter = ',', default_values = ["html", "xlsx", "csv", "pdf"])]
    format: Vec<Format>,
    /// Seed of the bootstrap's random numbers.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Bootstrap resamples per group.
    #[arg(long, default_value_t = DEFAULT_RESAMPLES as u32, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    resamples: u32,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = args.acting.database()?;
    if !db.is_file() {
        anyhow::bail!("{}: no such database file", db.display());
    }
    let session = args.acting.open()?;
    let formats: Vec<ExportFormat> = args.format.iter().copied().map(ExportFormat::from).collect();
    let studies: Vec<(String, PathBuf)> = match &args.study {
        Some(id) => vec![(id.clone(), args.out.clone())],
        None => session
            .impact_list_studies(None)?
            .into_iter()
            .map(|s| {
                let dir = args.out.join(&s.id);
                (s.id, dir)
            })
            .collect(),
    };
    if studies.is_empty() {
        eprintln!("qunxue: {} holds no impact studies; set one up in the app first", db.display());
        return Ok(ExitCode::FAILURE);
    }
    let options = AnalysisOptions { resamples: args.resamples as usize, seed: args.seed, ..AnalysisOptions::default() };
    let bar = ProgressBar::new((studies.len() * (formats.len() + 1)) as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for (id, dir) in &studies {
        bar.set_message(format!("{id}: statistics"));
        let report = session
            .impact_report_with(id, &options)
            .with_context(|| super::diagnostics::say(format!("study {id}"), format!("效果评估 {id}")))?;
        bar.inc(1);
        let written = write_report(&report, dir, &formats, &mut |format| {
            bar.set_message(format!("{id}: {format:?}"));
            bar.inc(1);
        })
        .with_context(|| super::diagnostics::say(format!("study {id}"), format!("效果评估 {id}")))?;
        bar.suspend(|| {
            for path in written {
                println!("{}", path.display());
            }
        });
    }
    bar.finish_and_clear();
    Ok(ExitCode::SUCCESS)
}
