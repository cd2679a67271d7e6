//! `qunxue validate PATH [--json]`: exit 0 when the pack is valid, 1 when not.

use std::process::ExitCode;

use qunxue_app::domain::Diagnostic;
use qunxue_app::import::validate_path;
use serde::Serialize;

use super::diagnostics::print_lines;
pub(super) use super::pack_args::PackArgs as Args;

/// The `--json` contract: exactly these two keys.
#[derive(Serialize)]
struct Output<'a> {
    valid: bool,
    diagnostics: &'a [Diagnostic],
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let outcome = validate_path(&args.path);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &Output { valid: outcome.valid, diagnostics: &outcome.diagnostics })?;
        println!();
    } else {
        print_lines(&mut out, &outcome.diagnostics)?;
    }
    Ok(if outcome.valid { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
