//! Argument parsing and dispatch: one submodule per command.

mod diagnostics;
mod impact;
mod import;
mod inspect;
mod pack_args;
mod quiz;
mod render;
mod validate;

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
    /// Question banks: convert GIFT and Aiken files.
    Quiz(quiz::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Import(args) => import::run(args),
        Command::Render(args) => render::run(args),
        Command::Impact(args) => impact::run(args),
        Command::Quiz(args) => quiz::run(args),
    }
}
