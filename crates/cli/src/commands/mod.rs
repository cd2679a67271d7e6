//! Argument parsing and dispatch: one submodule per command.

mod bundles;
mod db_arg;
mod diagnostics;
mod impact;
mod import;
mod inspect;
mod pack_args;
mod quiz;
mod quiz_item_analysis;
mod render;
mod tasks_seed;
mod report;
mod validate;
mod write_stream;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "qunxue", version = qunxue_app::VERSION, about = "群学 Qunxue — offline training: course packs, quizzes, tasks and impact reports")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a course pack; print every problem as `file:line:col: message`.
    Validate(validate::Args),
    /// Summarise what each course of a valid pack holds.
    Inspect(inspect::Args),
    /// Install or update the courses of a pack (folder or .zip).
    Import(import::Args),
    /// Print a module's sanitised HTML (front matter removed) to stdout.
    Render(render::Args),
    /// Before/after statistics of business metrics from a long-format CSV
    /// (learner,group,metric,period,value).
    Impact(impact::Args),
    /// The three-level training-effect report of impact studies (HTML, XLSX, CSV, PDF).
    Report(report::Args),
    /// Question banks: convert GIFT and Aiken files.
    Quiz(quiz::Args),
    /// Write your submitted practice tasks of a course to a signed bundle.
    ExportSubmissions(bundles::ExportArgs),
    /// Import a learner's submissions bundle (instructor).
    ImportSubmissions(bundles::ImportArgs),
    /// Write the released grades of a course to a signed bundle (instructor).
    ExportGrades(bundles::ExportArgs),
    /// Import an instructor's grades bundle.
    ImportGrades(bundles::ImportArgs),
    /// Test-only: seed a submission to grade and a graded task for the desktop e2e.
    #[command(hide = true)]
    TasksSeed(tasks_seed::Args),
    /// Test-only: an endless stream of acknowledged writes, for crash tests.
    #[command(hide = true)]
    WriteStream(write_stream::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Import(args) => import::run(args),
        Command::Render(args) => render::run(args),
        Command::Impact(args) => impact::run(args),
        Command::Report(args) => report::run(args),
        Command::Quiz(args) => quiz::run(args),
        Command::ExportSubmissions(args) => bundles::export_submissions(args),
        Command::ImportSubmissions(args) => bundles::import_submissions(args),
        Command::ExportGrades(args) => bundles::export_grades(args),
        Command::ImportGrades(args) => bundles::import_grades(args),
        Command::TasksSeed(args) => tasks_seed::run(args),
        Command::WriteStream(args) => write_stream::run(args),
    }
}
