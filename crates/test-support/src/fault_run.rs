//! `qunxue fault-run …` (hidden, TEST ONLY): drives a write the fault
//! injection tests kill with SIGKILL at chosen moments.
//!
//! - `fault-run import PACK --db FILE`: imports a pack in lock-step: after
//!   each progress report it prints `progress <stage> <done> <total>` and
//!   waits for a line on stdin, so a test can kill the process at exactly
//!   that point; `done` after the import returns.
//! - `fault-run submit --db FILE --course ID --task ID --count N`: the
//!   active learner saves and submits N versions of a task, printing
//!   `write <seq>` before each and `ack <seq> <version-id>` once it has
//!   committed, as fast as it can, so a kill lands anywhere in a write.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::import::import_pack;
use qunxue_app::{profiles, tasks};
use qunxue_store::Store;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    run: Run,
}

#[derive(Debug, clap::Subcommand)]
enum Run {
    Import {
        path: PathBuf,
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    Submit {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        #[arg(long)]
        course: String,
        #[arg(long)]
        task: String,
        #[arg(long)]
        count: u64,
    },
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.run {
        Run::Import { path, db } => import(&path, &db),
        Run::Submit { db, course, task, count } => submit(&db, &course, &task, count),
    }
}

fn import(path: &std::path::Path, db: &std::path::Path) -> anyhow::Result<ExitCode> {
    let data_dir = db.parent().context("--db needs a folder")?.to_path_buf();
    let mut store = Store::open(db).with_context(|| format!("cannot open {}", db.display()))?;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    let mut failed = None;
    import_pack(&mut store, &data_dir, path, false, chrono::Utc::now(), &mut |p| {
        let stage = serde_json::to_value(p.stage).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let step = writeln!(out, "progress {stage} {} {}", p.done, p.total).and_then(|()| out.flush());
        let mut line = String::new();
        if let Err(e) = step.and_then(|()| stdin.lock().read_line(&mut line).map(drop)) {
            failed.get_or_insert(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    writeln!(out, "done")?;
    Ok(ExitCode::SUCCESS)
}

fn submit(db: &std::path::Path, course: &str, task: &str, count: u64) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("cannot open {}", db.display()))?;
    let profile = profiles::active_profile(&mut store, chrono::Utc::now())?;
    let mut out = std::io::stdout().lock();
    for seq in 0..count {
        writeln!(out, "write {seq}")?;
        out.flush()?;
        let now = chrono::Utc::now();
        let text = format!("第 {seq} 版作答：先定位，再设栏目，最后看数据复盘。");
        tasks::learner::save_draft(&mut store, &profile.id, course, task, &text, &[], now)?;
        let version = tasks::learner::submit(&mut store, &profile.id, course, task, now)?;
        writeln!(out, "ack {seq} {}", version.id)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
