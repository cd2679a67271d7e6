//! `qunxue records export|import` and `qunxue class list|create|join`:
//! learner records between machines by signed file, and the classes they
//! belong to (DESIGN.md §4).
//!
//! `records export --course ID (--learner ID | --all) --out BUNDLE`: a learner
//! exports their own (`--profile`, with their PIN where they have one);
//! `--all` and another learner's need an instructor or admin of this machine.
//! `records import BUNDLE [--trust-key FINGERPRINT]`: instructors and admins.
//!
//! Exit codes: 0 done (including "already imported"), 1 refused (altered,
//! replayed or untrusted bundle, wrong role, nothing to export), 2 other.

use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::records::bundle::Whose;
use qunxue_app::session::BundleKind;
use qunxue_app::xapi::PullOptions;
use qunxue_app::AppError;

use super::acting::Acting;
use super::lrs_args::LrsArgs;
use super::outcome::finish;

#[derive(Debug, clap::Args)]
pub(super) struct RecordsArgs {
    #[command(subcommand)]
    command: RecordsCommand,
}

#[derive(Debug, clap::Subcommand)]
enum RecordsCommand {
    /// Write learner records of a course to a signed bundle.
    Export {
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        /// Whose records (default: the acting profile's own).
        #[arg(long, value_name = "ID", conflicts_with = "all")]
        learner: Option<String>,
        /// Every learner of this machine with records in the course.
        #[arg(long)]
        all: bool,
        #[arg(long, value_name = "BUNDLE")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Take in a learner-record bundle (instructors and admins).
    Import {
        bundle: PathBuf,
        #[command(flatten)]
        acting: Acting,
        /// Trust the bundle's signing key first, if its fingerprint is this one.
        #[arg(long, value_name = "FINGERPRINT")]
        trust_key: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub(super) struct ClassArgs {
    #[command(subcommand)]
    command: ClassCommand,
}

#[derive(Debug, clap::Subcommand)]
enum ClassCommand {
    /// Every learner of a course (or of one class) with their figures.
    List {
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        /// A class's join code.
        #[arg(long, value_name = "CODE")]
        class: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Create a class of a course and print its join code (instructors).
    Create {
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Read a course's statements back from the Learning Record Store and
    /// merge every learner's records (instructors and admins). Without
    /// `--endpoint`, the LRS saved in the database; the password is read
    /// from standard input, never from the command line.
    Pull {
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        #[command(flatten)]
        lrs: LrsArgs,
        /// Statements per page.
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u16).range(1..=5000))]
        page_size: u16,
        /// Print {"statements","members","added","seconds"} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Join the class whose code the instructor handed out.
    Join {
        code: String,
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn records(args: RecordsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        RecordsCommand::Export { acting, course, learner, all, out, json } => {
            let session = acting.open()?;
            let whose = if all { Whose::All } else { Whose::Learner(learner.unwrap_or_else(|| session.profile_id())) };
            finish(session.export_records(&course, &whose, &out), json, |s| {
                format!(
                    "exported the records of {} learners of {} (bundle {}, sequence {})",
                    s.items, s.course_id, s.bundle_id, s.sequence
                )
            })
        }
        RecordsCommand::Import { bundle, acting, trust_key, json } => {
            let session = acting.open()?;
            let result = match &trust_key {
                Some(fp) => session.trust_bundle_key(&bundle, BundleKind::Records, fp).map(drop),
                None => Ok(()),
            }
            .and_then(|()| session.import_records(&bundle));
            finish(result, json, |s| {
                if s.already_imported {
                    format!("bundle {} was already imported; nothing changed", s.bundle_id)
                } else {
                    format!(
                        "imported the records of {} learners from {} ({} new members, {} records added, {} skipped)",
                        s.learners, s.signer_name, s.new_members, s.added, s.skipped
                    )
                }
            })
        }
    }
}

pub(super) fn class(args: ClassArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        ClassCommand::Pull { acting, course, lrs, page_size, json } => {
            let credentials = lrs.credentials()?;
            let session = acting.open()?;
            let options = PullOptions { page_size: usize::from(page_size), ..PullOptions::default() };
            let pulled = session.pull_class(&course, credentials, &options, |_| {}).map_err(AppError::from);
            finish(pulled, json, |s| {
                format!(
                    "read {} statements of {} learners from the LRS; {} records added ({:.1} s)",
                    s.statements, s.members, s.added, s.seconds
                )
            })
        }
        ClassCommand::List { acting, course, class, json } => {
            let session = acting.open()?;
            finish(session.class_list(&course, class.as_deref()), json, |list| {
                list.members
                    .iter()
                    .map(|m| {
                        let score = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| format!("{v:.0}%"));
                        format!(
                            "{}\t{}\t{}\tmodules {}\tpre {}\tpost {}\ttasks {}\tpending {}\t{}",
                            m.id,
                            m.name,
                            m.class,
                            m.modules_done,
                            score(m.pre_score),
                            score(m.post_score),
                            score(m.task_score),
                            m.pending_marks,
                            m.sources.join("+")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        ClassCommand::Create { acting, course, name, json } => {
            finish(acting.open()?.create_class(&course, &name), json, |c| {
                format!("created {} — join code {}", c.name, c.join_code)
            })
        }
        ClassCommand::Join { code, acting, course, json } => {
            finish(acting.open()?.join_class(&course, &code), json, |c| format!("joined class {}", c.join_code))
        }
    }
}
