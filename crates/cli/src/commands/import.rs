//! `qunxue import PATH [--db FILE] [--force]`: install or update the courses
//! of a pack. The data folder (where course files are installed) is the
//! database's folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::import::{import_pack, InstallOutcome};
use qunxue_app::AppError;
use qunxue_store::Store;

use super::diagnostics::print_lines;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A pack folder (holding courses/ and quizzes/), one of its course folders, or a .zip.
    path: PathBuf,
    /// The learner database (default: the desktop app's, in the OS app-data folder).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Replace an installed course even with an older version.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = super::db_arg::database_path(args.db)?;
    let data_dir = db.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from);
    std::fs::create_dir_all(&data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
    let mut store = Store::open(&db)?;
    let results = match import_pack(&mut store, &data_dir, &args.path, args.force, chrono::Utc::now(), &mut |_| {}) {
        Ok(results) => results,
        Err(AppError::Invalid(diagnostics)) => {
            print_lines(&mut std::io::stderr().lock(), &diagnostics)?;
            return Ok(ExitCode::FAILURE);
        }
        Err(AppError::Conflict(message)) => {
            eprintln!("qunxue: {message}");
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
