//! `qunxue-test-support tasks-seed --db FILE [--course ID]` (TEST ONLY): seeds a
//! learner submission to grade and a graded task for the active profile,
//! which it makes an instructor without a PIN, so the desktop end-to-end
//! check (`tests/desktop/checks/tasks.mjs`) can photograph the grading view
//! and a graded task. With `--active-role ROLE` it only gives the active
//! profile that role (other checks, e.g. `40-impact.mjs`, open instructor
//! screens and hand the profile back as a learner). Never use it on a real
//! database. Prints the seed (or `{"profile","role"}`) as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::tasks::fixture::{seed_for_e2e, set_active_role};
use qunxue_store::profiles::Role;
use qunxue_store::Store;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    #[arg(long, value_name = "ID", default_value = "qunxue.community-ops")]
    course: String,
    /// Only give the active profile this role (`learner`, `instructor` or `admin`).
    #[arg(long, value_name = "ROLE", value_parser = parse_role)]
    active_role: Option<Role>,
}

fn parse_role(text: &str) -> Result<Role, String> {
    match text {
        "learner" => Ok(Role::Learner),
        "instructor" => Ok(Role::Instructor),
        "admin" => Ok(Role::Admin),
        other => Err(format!("`{other}` is not a role this seed sets (learner, instructor, admin)")),
    }
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = args.db;
    let mut store = Store::open(&db)?;
    if let Some(role) = args.active_role {
        let profile = set_active_role(&mut store, role)?;
        println!("{}", serde_json::json!({ "profile": profile, "role": role }));
        return Ok(ExitCode::SUCCESS);
    }
    let seed = seed_for_e2e(&mut store, &args.course)?;
    println!("{}", serde_json::to_string(&seed)?);
    Ok(ExitCode::SUCCESS)
}
