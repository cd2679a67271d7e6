//! `qunxue export-submissions | import-submissions | export-grades |
//! import-grades`: carry task submissions and grades between machines as
//! signed bundles (DESIGN.md §4). The acting profile is `--profile`, or the
//! database's active profile; the app-data folder (attachments, signing
//! keys) is the database's folder.
//!
//! Exit codes: 0 done (including "already imported, nothing changed"),
//! 1 refused (tampered, replayed or mismatched bundle, wrong role, nothing to
//! export), 2 any other failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::Utc;
use qunxue_app::tasks::bundles::{self, BundleKind, ExportSummary, ImportSummary};
use qunxue_app::{AppError, ErrorKind};
use qunxue_store::{courses, settings, Store};

#[derive(Debug, clap::Args)]
pub struct Common {
    /// The learner database (default: the desktop app's, in the OS app-data folder).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Act as this profile id (default: the active profile).
    #[arg(long, value_name = "ID")]
    profile: Option<String>,
    /// The course (default: the only installed course). On import, the
    /// bundle must be for this course.
    #[arg(long, value_name = "ID")]
    course: Option<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    common: Common,
    /// Where to write the bundle (.zip).
    #[arg(long, value_name = "BUNDLE")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The bundle to import.
    bundle: PathBuf,
    #[command(flatten)]
    common: Common,
    /// Trust the bundle's signing key first, if its fingerprint is this one
    /// (as shown when a bundle from a not-yet-trusted key was refused, and
    /// checked with its sender), then import.
    #[arg(long, value_name = "FINGERPRINT")]
    trust_key: Option<String>,
}

struct Session {
    store: Store,
    data_dir: PathBuf,
    profile: String,
}

fn open(common: &Common) -> anyhow::Result<Session> {
    let db = super::db_arg::database_path(common.db.clone())?;
    let data_dir =
        db.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
    let store = Store::open(&db)?;
    let profile = match &common.profile {
        Some(p) => p.clone(),
        None => settings::get(store.conn(), settings::ACTIVE_PROFILE)?
            .context("no active profile in this database; pass --profile")?,
    };
    Ok(Session { store, data_dir, profile })
}

fn course(store: &Store, given: &Option<String>) -> anyhow::Result<String> {
    if let Some(c) = given {
        return Ok(c.clone());
    }
    let installed = courses::list_courses(store.conn())?;
    match installed.as_slice() {
        [only] => Ok(only.id.clone()),
        [] => bail!("no course is installed in this database"),
        _ => bail!(
            "several courses are installed; pass --course ({})",
            installed.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Refusals are exit 1 with the message; anything else propagates (exit 2).
fn finish<T>(result: Result<T, AppError>, json: bool, human: impl FnOnce(&T) -> String) -> anyhow::Result<ExitCode>
where
    T: serde::Serialize,
{
    match result {
        Ok(summary) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                println!("{}", human(&summary));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::InvalidInput | ErrorKind::Forbidden | ErrorKind::NotFound | ErrorKind::Conflict
            ) =>
        {
            eprintln!("qunxue: {e}");
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

fn exported(kind: &str, s: &ExportSummary) -> String {
    format!(
        "exported {} {kind} of {} (bundle {}, sequence {}, {} attachments)",
        s.items, s.course_id, s.bundle_id, s.sequence, s.attachments
    )
}

fn imported(kind: &str, s: &ImportSummary) -> String {
    if s.already_imported {
        format!("bundle {} was already imported; nothing changed", s.bundle_id)
    } else {
        format!("imported {} {kind} of {} from {} ({} skipped)", s.added, s.course_id, s.signer_name, s.skipped)
    }
}

pub fn export_submissions(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let mut cx = open(&args.common)?;
    let course = course(&cx.store, &args.common.course)?;
    let result = bundles::export_submissions(&mut cx.store, &cx.data_dir, &cx.profile, &course, &args.out, Utc::now());
    finish(result, args.common.json, |s| exported("submissions", s))
}

/// `--trust-key`: trusts the bundle's key before the import; a refusal is
/// reported like an import refusal.
fn trust_first(cx: &mut Session, args: &ImportArgs, kind: BundleKind) -> Result<(), AppError> {
    match &args.trust_key {
        Some(fp) => {
            bundles::trust_bundle_key(&mut cx.store, &cx.profile, &args.bundle, kind, fp, Utc::now()).map(drop)
        }
        None => Ok(()),
    }
}

pub fn import_submissions(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let mut cx = open(&args.common)?;
    let result = trust_first(&mut cx, &args, BundleKind::Submissions).and_then(|()| {
        let course = args.common.course.as_deref();
        bundles::import_submissions(&mut cx.store, &cx.data_dir, &cx.profile, &args.bundle, course, Utc::now())
    });
    finish(result, args.common.json, |s| imported("submissions", s))
}

pub fn export_grades(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let mut cx = open(&args.common)?;
    let course = course(&cx.store, &args.common.course)?;
    let result = bundles::export_grades(&mut cx.store, &cx.data_dir, &cx.profile, &course, &args.out, Utc::now());
    finish(result, args.common.json, |s| exported("grades", s))
}

pub fn import_grades(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let mut cx = open(&args.common)?;
    let result = trust_first(&mut cx, &args, BundleKind::Grades).and_then(|()| {
        bundles::import_grades(&mut cx.store, &cx.profile, &args.bundle, args.common.course.as_deref(), Utc::now())
    });
    finish(result, args.common.json, |s| imported("grades", s))
}
