//! Argument parsing and dispatch: one submodule per command.

mod acting;
mod authoring;
mod backup;
mod bundles;
mod certificate;
mod demo;
pub(crate) mod diagnostics;
mod impact;
mod import;
mod inspect;
mod lrs_args;
mod outcome;
mod pack_args;
mod profile;
mod quiz;
mod quiz_item_analysis;
mod records;
mod render;
mod report;
mod validate;
mod xapi;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "qunxue", version = qunxue_app::VERSION, about = "群学 Qunxue — offline training: course packs, quizzes, tasks and impact reports")]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// More log lines on stderr (-v: info, -vv: debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
}

impl Cli {
    /// The log level `-v`/`-q` ask for.
    pub(crate) fn verbosity(&self) -> log::LevelFilter {
        match (self.quiet, self.verbose) {
            (true, _) => log::LevelFilter::Error,
            (false, 0) => log::LevelFilter::Warn,
            (false, 1) => log::LevelFilter::Info,
            (false, _) => log::LevelFilter::Debug,
        }
    }
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
    /// Start a new pack: a commented skeleton with one of everything.
    New(authoring::NewArgs),
    /// Turn a Word document or PowerPoint deck into a pack folder.
    Convert(authoring::ConvertArgs),
    /// Zip a pack folder for import (validated first).
    Pack(authoring::PackArgs),
    /// Open a pack folder in the desktop app's author preview.
    Preview(authoring::PreviewArgs),
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
    /// Write each learner's released grades and marks to a signed bundle of their own (instructor).
    ExportGrades(bundles::GradesArgs),
    /// Import an instructor's grades bundle.
    ImportGrades(bundles::ImportArgs),
    /// Print the acting profile's bundle-signing public key (for a course's `instructor_keys`) and fingerprint.
    BundleKey(bundles::KeyArgs),
    /// Fill a database with realistic, reproducible demo activity for its installed courses.
    Demo(demo::Args),
    /// Online backup of the learner database to a file.
    Backup(backup::BackupArgs),
    /// Replace the learner database with a verified backup (the old file is kept aside).
    Restore(backup::RestoreArgs),
    /// xAPI learning records: sync them to a Learning Record Store, or export them.
    Xapi(xapi::Args),
    /// Course certificates: verify a code, or export a learner's certificate (PDF / Open Badge).
    Certificate(certificate::Args),
    /// Profiles: add one (the first admin, or an instructor by an admin) or list them.
    Profile(profile::Args),
    /// Learner records between machines: export a signed bundle, import one.
    Records(records::RecordsArgs),
    /// Classes: list a class's members with their figures, create a class, join one.
    Class(records::ClassArgs),
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Import(args) => import::run(args),
        Command::Render(args) => render::run(args),
        Command::New(args) => authoring::new(args),
        Command::Convert(args) => authoring::convert_file(args),
        Command::Pack(args) => authoring::pack(args),
        Command::Preview(args) => authoring::preview(args),
        Command::Impact(args) => impact::run(args),
        Command::Report(args) => report::run(args),
        Command::Quiz(args) => quiz::run(args),
        Command::ExportSubmissions(args) => bundles::export_submissions(args),
        Command::ImportSubmissions(args) => bundles::import_submissions(args),
        Command::ExportGrades(args) => bundles::export_grades(args),
        Command::ImportGrades(args) => bundles::import_grades(args),
        Command::BundleKey(args) => bundles::bundle_key(args),
        Command::Demo(args) => demo::run(args),
        Command::Backup(args) => backup::backup(args),
        Command::Restore(args) => backup::restore(args),
        Command::Xapi(args) => xapi::run(args),
        Command::Certificate(args) => certificate::run(args),
        Command::Profile(args) => profile::run(args),
        Command::Records(args) => records::records(args),
        Command::Class(args) => records::class(args),
    }
}
