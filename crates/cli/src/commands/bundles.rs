//! `qunxue export-submissions | import-submissions | export-grades |
//! import-grades`: carry task submissions and grades between machines as
//! signed bundles (DESIGN.md §4); `qunxue bundle-key`: the acting profile's
//! signing key, for a course's `instructor_keys`. The acting profile is `--profile`, or the
//! database's active profile; the app-data folder (attachments, signing
//! keys) is the database's folder.
//!
//! Exit codes: 0 done (including "already imported, nothing changed"),
//! 1 refused (tampered, replayed or mismatched bundle, wrong role, nothing to
//! export), 2 any other failure.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use qunxue_app::session::BundleKind;
use qunxue_app::tasks::bundles::{ExportSummary, ImportSummary};
use qunxue_app::{AppError, Session};

use super::acting::Acting;
use super::outcome::finish;

#[derive(Debug, clap::Args)]
pub(super) struct Common {
    #[command(flatten)]
    acting: Acting,
    /// The course (default: the only installed course). On import, the
    /// bundle must be for this course.
    #[arg(long, value_name = "ID")]
    course: Option<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExportArgs {
    #[command(flatten)]
    common: Common,
    /// Where to write the bundle (.zip).
    #[arg(long, value_name = "BUNDLE")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub(super) struct ImportArgs {
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

/// The course: `--course`, or the only installed one.
fn course(session: &Session, given: &Option<String>) -> anyhow::Result<String> {
    if let Some(c) = given {
        return Ok(c.clone());
    }
    let installed = session.list_courses()?;
    match installed.as_slice() {
        [only] => Ok(only.id.clone()),
        [] => bail!("no course is installed in this database"),
        _ => bail!(
            "several courses are installed; pass --course ({})",
            installed.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
        ),
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

pub(super) fn export_submissions(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let session = args.common.acting.open()?;
    let course = course(&session, &args.common.course)?;
    let result = session.export_submissions(&course, &args.out);
    finish(result, args.common.json, |s| exported("submissions", s))
}

/// With `--trust-key`, trusts the bundle's signing key first.
fn trust_first(session: &Session, args: &ImportArgs, kind: BundleKind) -> Result<(), AppError> {
    match &args.trust_key {
        Some(fp) => session.trust_bundle_key(&args.bundle, kind, fp).map(drop),
        None => Ok(()),
    }
}

pub(super) fn import_submissions(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let session = args.common.acting.open()?;
    let result = trust_first(&session, &args, BundleKind::Submissions)
        .and_then(|()| session.import_submissions(&args.bundle, args.common.course.as_deref()));
    finish(result, args.common.json, |s| imported("submissions", s))
}

/// `export-grades`: one bundle for one learner, or one per learner into a folder.
#[derive(Debug, clap::Args)]
pub(super) struct GradesArgs {
    #[command(flatten)]
    common: Common,
    /// The learner whose grades to write (with --out).
    #[arg(long, value_name = "ID", requires = "out", conflicts_with = "out_dir")]
    learner: Option<String>,
    /// Where to write that learner's bundle (.zip).
    #[arg(long, value_name = "BUNDLE", requires = "learner")]
    out: Option<PathBuf>,
    /// Write a bundle per learner with grades into this folder.
    #[arg(long, value_name = "DIR", required_unless_present = "learner")]
    out_dir: Option<PathBuf>,
}

pub(super) fn export_grades(args: GradesArgs) -> anyhow::Result<ExitCode> {
    let session = args.common.acting.open()?;
    let course = course(&session, &args.common.course)?;
    match (&args.learner, &args.out, &args.out_dir) {
        (Some(learner), Some(out), _) => {
            let result = session.export_grades_for(&course, learner, out);
            finish(result, args.common.json, |s| exported("grades", s))
        }
        (_, _, Some(dir)) => finish(session.export_grades_per_learner(&course, dir), args.common.json, |s| {
            format!("wrote {} grades bundles, one per learner, to {}", s.bundles.len(), s.folder.display())
        }),
        _ => bail!("say where to write: --learner ID --out BUNDLE, or --out-dir DIR"),
    }
}

pub(super) fn import_grades(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let session = args.common.acting.open()?;
    let result = trust_first(&session, &args, BundleKind::Grades)
        .and_then(|()| session.import_grades(&args.bundle, args.common.course.as_deref()));
    finish(result, args.common.json, |s| imported("grades", s))
}

#[derive(Debug, clap::Args)]
pub(super) struct KeyArgs {
    #[command(flatten)]
    acting: Acting,
    /// Print {"publicKey","fingerprint"} as JSON.
    #[arg(long)]
    json: bool,
}

pub(super) fn bundle_key(args: KeyArgs) -> anyhow::Result<ExitCode> {
    let (public_key, fingerprint) = args.acting.open()?.bundle_signing_key()?;
    if args.json {
        println!("{}", serde_json::json!({ "publicKey": public_key, "fingerprint": fingerprint }));
    } else {
        println!("{public_key}\nfingerprint {fingerprint}");
    }
    Ok(ExitCode::SUCCESS)
}
