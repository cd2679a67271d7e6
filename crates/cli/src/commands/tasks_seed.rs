//! `qunxue tasks-seed --db FILE [--course ID]` (hidden, TEST ONLY): seeds a
//! learner submission to grade and a graded task for the active profile,
//! which it makes an instructor without a PIN, so the desktop end-to-end
//! check (`tests/desktop/checks/tasks.mjs`) can photograph the grading view
//! and a graded task. Never use it on a real database. Prints the seed as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::tasks::fixture::seed_for_e2e;
use qunxue_store::Store;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    #[arg(long, value_name = "ID", default_value = "qunxue.community-ops")]
    course: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = super::db_arg::database_path(args.db)?;
    let mut store = Store::open(&db)?;
    let seed = seed_for_e2e(&mut store, &args.course)?;
    println!("{}", serde_json::to_string(&seed)?);
    Ok(ExitCode::SUCCESS)
}
