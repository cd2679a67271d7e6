//! `qunxue-test-support` (TEST ONLY): drivers the test suites run as real
//! processes — seeding the desktop e2e's database, and paced or endless
//! writes for the crash and fault-injection tests. It is a crate of its own
//! so that no release build of the `qunxue` CLI or the desktop app carries
//! these commands or the fixture modules they use.

mod fault_run;
mod tasks_seed;
mod write_stream;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "qunxue-test-support", about = "TEST ONLY: seeding and crash-test drivers for Qunxue's test suites")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Seed a submission to grade and a graded task for the desktop e2e.
    TasksSeed(tasks_seed::Args),
    /// Imports and submissions paced for fault-injection (SIGKILL) tests.
    FaultRun(fault_run::Args),
    /// An endless stream of acknowledged writes, for crash tests.
    WriteStream(write_stream::Args),
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::TasksSeed(args) => tasks_seed::run(args),
        Command::FaultRun(args) => fault_run::run(args),
        Command::WriteStream(args) => write_stream::run(args),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("qunxue-test-support: {error:#}");
        ExitCode::from(2)
    })
}
