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
            // A refusal (wrong role, missing or wrong PIN) is exit 1, as for
            // every other refused request; anything else is a failure (2).
            let refused = error.chain().any(|cause| {
                cause.downcast_ref::<qunxue_app::AppError>().is_some_and(|e| e.kind() == qunxue_app::ErrorKind::Forbidden)
            });
            ExitCode::from(if refused { 1 } else { 2 })
        }
    }
}
