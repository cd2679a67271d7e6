//! `qunxue`: the command-line front door onto the same services the desktop
//! app uses. The contract (arguments, output, exit codes) is in DESIGN.md §4
//! and the README; scripts and tests rely on it.
//!
//! A library so that one binary can be both: the installed desktop program
//! runs it when called as `qunxue` (the `.deb`'s `/usr/bin/qunxue` starts
//! `qunxue-desktop --cli`), which costs the package a few hundred kilobytes
//! instead of a second copy of everything the two share.

mod commands;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// The command's definition, for its man page and shell completions.
pub fn command() -> clap::Command {
    commands::Cli::command()
}

/// Runs the command line `args` (the program's name first) and returns its exit code.
pub fn run_from(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = commands::Cli::parse_from(args);
    log_to_stderr(cli.verbosity());
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("qunxue: {}", in_terminal_lang(&error));
            // A refusal (wrong role, missing or wrong PIN) is exit 1, as for
            // every other refused request; anything else is a failure (2).
            let refused = error.chain().any(|cause| {
                cause
                    .downcast_ref::<qunxue_app::AppError>()
                    .is_some_and(|e| e.kind() == qunxue_app::ErrorKind::Forbidden)
            });
            ExitCode::from(if refused { 1 } else { 2 })
        }
    }
}

/// The error and its context, `outer: inner`, each app error in the
/// language of the terminal's locale (anyhow's `{:#}` form otherwise).
fn in_terminal_lang(error: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        match cause.downcast_ref::<qunxue_app::AppError>() {
            // An app error's text already says what its sources said.
            Some(app) => {
                parts.push(commands::diagnostics::error_text(app));
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

/// Log lines on stderr: warnings by default, more with `-v`/`-vv`, only
/// errors with `-q`. `QUNXUE_LOG` (as `RUST_LOG`) overrides it.
fn log_to_stderr(level: log::LevelFilter) {
    let mut builder = env_logger::Builder::new();
    builder.filter_level(level).format_timestamp(None).format_target(false);
    if let Ok(setting) = std::env::var("QUNXUE_LOG") {
        builder.parse_filters(&setting);
    }
    // A second call (tests running several commands in one process) keeps the first logger.
    let _ = builder.try_init();
}
