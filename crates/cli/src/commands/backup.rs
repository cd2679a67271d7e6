//! `qunxue backup --db FILE --out FILE` and `qunxue restore --from FILE --db FILE`:
//! an online copy of the learner database, and putting one back (verified
//! first; the replaced file is kept aside as `<db>.replaced-<time>`).
//! Restore while the desktop app has the database open is not supported:
//! close the app first.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use qunxue_app::backup::{backup_database_file, restore_database};

use super::acting::database_path;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The learner database to copy (default: the desktop app's).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// The backup file to write (replaced atomically if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup file to restore.
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// The learner database to replace (default: the desktop app's).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
}

pub fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let db = database_path(args.db)?;
    let started = Instant::now();
    let written = backup_database_file(&db, &args.out)?;
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

pub fn restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let db = database_path(args.db)?;
    let outcome = restore_database(&args.from, &db, chrono::Utc::now())?;
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
