//! `qunxue`: the command-line front door onto the same services the desktop
//! app uses. The contract (arguments, output, exit codes) is in DESIGN.md §4
//! and the README; scripts and tests rely on it.

mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("qunxue: {error:#}");
            ExitCode::from(2)
        }
    }
}
