//! Argument parsing and dispatch: one submodule per command.

mod render;

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
    /// Print a module's sanitised HTML (front matter removed) to stdout.
    Render(render::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Render(args) => render::run(args),
    }
}
