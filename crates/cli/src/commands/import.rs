//! `qunxue import PATH [--db FILE] [--profile ID] [--force]`: install or
//! update the courses of a pack (an admin's, unlocked with the PIN). The data
//! folder (where course files are installed) is the database's folder.

use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::import::InstallOutcome;
use qunxue_app::{AppError, ErrorKind};

use super::acting::Acting;

use super::diagnostics::print_lines;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// A pack folder (holding courses/ and quizzes/), one of its course folders, or a .zip.
    path: PathBuf,
    /// The learner database (default: the desktop app's, in the OS app-data folder).
    #[command(flatten)]
    acting: Acting,
    /// Replace an installed course even with an older version.
    #[arg(long)]
    force: bool,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let session = args.acting.open()?;
    let results = match session.import_pack(&args.path, args.force, &mut |_| {}) {
        Ok(summary) => summary.courses,
        Err(AppError::Invalid(diagnostics)) => {
            print_lines(&mut std::io::stderr().lock(), &diagnostics)?;
            return Ok(ExitCode::FAILURE);
        }
        Err(refused @ (AppError::Conflict(_) | AppError::Forbidden { .. } | AppError::Locked { .. })) => {
            debug_assert!(matches!(refused.kind(), ErrorKind::Conflict | ErrorKind::Forbidden));
            eprintln!("qunxue: {}", super::diagnostics::error_text(&refused));
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => return Err(other.into()),
    };
    for result in &results {
        let what = match result.outcome {
            InstallOutcome::Installed => "installed",
            InstallOutcome::Updated => "updated",
            InstallOutcome::Unchanged => "unchanged",
            InstallOutcome::Downgraded => "downgraded",
        };
        println!("{what} {} {}", result.course_id, result.version);
        print_lines(&mut std::io::stderr().lock(), &result.warnings)?;
    }
    Ok(ExitCode::SUCCESS)
}
