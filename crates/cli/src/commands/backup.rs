//! `qunxue backup --db FILE --out FILE` and `qunxue restore --from FILE --db FILE`:
//! an online copy of the learner database, and putting one back (verified
//! first; the replaced file is kept aside as `<db>.replaced-<time>`).
//! Restore while the desktop app has the database open is not supported:
//! close the app first.
//!
//! As in the app, anyone may back up and restoring needs an instructor or
//! admin (`--profile` with the PIN). A database that cannot be opened at all
//! has no roles to check: restoring over it is open, as the app's recovery
//! screen is.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use qunxue_app::backup::restore_database;
use qunxue_app::{AppError, ErrorKind};

use super::acting::Acting;

#[derive(Debug, clap::Args)]
pub(super) struct BackupArgs {
    /// The learner database to copy (default: the desktop app's), and who asks.
    #[command(flatten)]
    acting: Acting,
    /// The backup file to write (replaced atomically if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub(super) struct RestoreArgs {
    /// The backup file to restore.
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// The learner database to replace (default: the desktop app's), and who asks.
    #[command(flatten)]
    acting: Acting,
}

pub(super) fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let db = args.acting.database()?;
    anyhow::ensure!(db.is_file(), "{}: no such database file", db.display());
    let started = Instant::now();
    let written = args.acting.open()?.backup_to(&args.out)?;
    println!(
        "backed up {} to {} ({} bytes, schema {}) in {} ms",
        db.display(),
        written.path.display(),
        written.size,
        written.schema_version,
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let db = args.acting.database()?;
    let session = if db.is_file() { Some(args.acting.open()) } else { None };
    let outcome = match session {
        Some(Ok(session)) => session.restore_from_file(&args.from)?,
        // A file SQLite cannot open, or no file: nothing to check roles against.
        Some(Err(error)) if unreadable(&error) => restore_database(&args.from, &db, chrono::Utc::now())?,
        Some(Err(error)) => return Err(error),
        None => restore_database(&args.from, &db, chrono::Utc::now())?,
    };
    println!(
        "restored {} from {} (schema {}, {} profiles)",
        db.display(),
        outcome.restored_from.display(),
        outcome.check.schema_version,
        outcome.check.profiles
    );
    if let Some(kept) = outcome.replaced_kept_at {
        println!("the replaced database is kept at {}", kept.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether opening the database failed because the file is not a readable database.
fn unreadable(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<AppError>().is_some_and(|e| matches!(e.kind(), ErrorKind::Database | ErrorKind::Io))
    })
}
