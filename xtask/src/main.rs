//! `cargo xtask …`: the project's two front-door commands (`run`, `test`)
//! and the chores behind them. Everything a fresh Debian/Ubuntu machine
//! needs is installed from here, so the README's commands just work.

mod bench;
mod checks;
mod deb;
mod display;
mod fuzz;
mod installers;
mod package_check;
mod process;
mod profile;
mod run;
mod setup;
mod test;
mod tools;

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
    /// The checks `test` runs first: rustfmt, clippy (-D warnings), ESLint, vue-tsc and cargo-deny.
    Lint,
    /// Write a synthetic, valid course pack for benchmarks (deterministic for a seed).
    GenPack {
        #[arg(long)]
        modules: usize,
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Build the release app and package it as a .deb with Tauri's bundler.
    Bundle,
    /// Build the release installers this system can make: .deb (Linux), .msi and NSIS (Windows), .dmg (macOS).
    Installers,
    /// Measure every performance budget (DESIGN.md §6); prints a table and writes target/bench/report.json.
    Bench {
        /// The smoke test `cargo xtask test` runs: debug build, small sizes, no mdBook or minimal app; the figures are not the budgets..
        #[arg(long)]
        quick: bool,
        /// Skip the release bundle (P6 then starts the debug app, if built, and the .deb size is not measured).
        #[arg(long)]
        no_bundle: bool,
    },
    /// Profile one budget (perf or callgrind) on a release build that keeps its symbols; reports go to target/bench/profile/.
    Profile {
        /// The budget: P1, P2, P3, P4, P5, P7 or P8.
        budget: String,
        #[arg(long, value_enum, default_value = "perf")]
        with: profile::Profiler,
        /// Pack size for P1–P4 (smaller makes callgrind bearable).
        #[arg(long, default_value_t = 1000)]
        modules: usize,
        /// Answers P3 saves (its budget's count is 100,000).
        #[arg(long, default_value_t = 10_000)]
        answers: usize,
    },
    /// Run every cargo-fuzz target in fuzz/ for N minutes each (installs cargo-fuzz if needed).
    Fuzz {
        #[arg(long, default_value_t = 10)]
        minutes: u64,
        /// Run only these targets (repeat the flag); all of them when absent.
        #[arg(long = "target")]
        targets: Vec<String>,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::Setup { test } => setup::run(if test { setup::Profile::Test } else { setup::Profile::App }),
        Task::Run { xvfb } => run::run(xvfb),
        Task::Test { no_setup } => test::run(!no_setup),
        Task::Lint => checks::run().map(|_| ()),
        Task::Fuzz { minutes, targets } => fuzz::run(minutes, &targets),
        Task::GenPack { modules, out, seed } => bench::gen_pack(modules, &out, seed),
        Task::Bundle => bench::bundle().map(|_| ()),
        Task::Installers => installers::run(),
        Task::Profile { budget, with, modules, answers } => {
            profile::profile(&profile::ProfileOptions { budget, profiler: with, modules, answers })
        }
        Task::Bench { quick, no_bundle } => bench::bench(bench::BenchOptions { quick, no_bundle }),
    }
}
