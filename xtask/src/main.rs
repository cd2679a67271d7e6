//! `cargo xtask …`: the project's two front-door commands (`run`, `test`)
//! and the chores behind them. Everything a fresh Debian/Ubuntu machine
//! needs is installed from here, so the README's commands just work.

mod display;
mod process;
mod run;
mod setup;
mod test;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Qunxue project tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Install system packages, npm packages and tools the app (and, with --test, the tests) need.
    Setup {
        #[arg(long)]
        test: bool,
    },
    /// Set up, build the UI and the app, and open the window.
    Run {
        /// Run inside a virtual X display (for machines without a screen).
        #[arg(long)]
        xvfb: bool,
    },
    /// Set up and run every test layer: Rust, Vitest, Playwright and the desktop end-to-end test.
    Test {
        /// Skip package installation (for quick local re-runs).
        #[arg(long)]
        no_setup: bool,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::Setup { test } => setup::run(if test { setup::Profile::Test } else { setup::Profile::App }),
        Task::Run { xvfb } => run::run(xvfb),
        Task::Test { no_setup } => test::run(!no_setup),
    }
}
