//! The `qunxue-desktop` program: starts the Tauri desktop app, or, given `--cli` first, runs the `qunxue`
//! command line with the remaining arguments (the package's /usr/bin/qunxue runs this binary that way).

// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::ffi::OsString;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os();
    let program = args.next();
    let rest: Vec<OsString> = args.collect();
    // `qunxue-desktop --cli ARGS` is `qunxue ARGS`: the package's
    // /usr/bin/qunxue runs this binary so, rather than shipping a second one.
    if rest.first().is_some_and(|arg| arg == "--cli") {
        return qunxue_cli::run_from(std::iter::once(OsString::from("qunxue")).chain(rest.into_iter().skip(1)));
    }
    drop(program);
    qunxue_desktop::run();
    ExitCode::SUCCESS
}
