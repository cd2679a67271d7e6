//! `qunxue certificate verify CODE --db FILE`: checks a certificate's
//! verification code against the database that issued it;
//! `qunxue certificate verify FILE`: checks an Open Badges credential file's
//! signature with nothing but the file (on any machine); and
//! `qunxue certificate export --db FILE --course ID (--pdf OUT | --badge OUT)`:
//! the active (or `--profile`) learner's certificate, as the desktop app
//! exports it. The signing key of badges lives in the database's folder.
//!
//! Exit codes: 0 valid / written, 1 unknown, altered or not eligible, 2 any other failure.

use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::{AppError, ErrorKind};

use super::acting::Acting;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Check a verification code (QX-XXXX-XXXX-XXXX-XXXX; case and dashes do not matter) against the
    /// database that issued it, or an exported credential file (.json) by its signature alone.
    Verify {
        #[arg(value_name = "CODE|FILE")]
        code: String,
        /// The learner database that issued the certificate (default: the desktop app's).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Print the certificate as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a learner's certificate for a course (they must have completed it).
    Export {
        /// `--profile` is the learner whose certificate it is (default: the active learner).
        #[command(flatten)]
        acting: Acting,
        #[arg(long, value_name = "ID")]
        course: String,
        /// Write the PDF certificate here.
        #[arg(long, value_name = "OUT")]
        pdf: Option<PathBuf>,
        /// Write the Open Badges 3.0 credential (JSON) here.
        #[arg(long, value_name = "OUT")]
        badge: Option<PathBuf>,
    },
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Sub::Verify { code, json, .. } if std::path::Path::new(&code).is_file() => {
            refused_is_one(qunxue_app::certificates::check_credential_file(std::path::Path::new(&code)), |checked| {
                if json {
                    serde_json::to_string_pretty(checked).unwrap_or_default()
                } else {
                    format!(
                        "valid: {} completed {} ({}) on {}; signed by {} ({})",
                        checked.learner_name,
                        checked.course_title,
                        checked.achievement_id,
                        checked.valid_from,
                        checked.issuer_name,
                        checked.issuer_id
                    )
                }
            })
        }
        Sub::Verify { code, db, json } => {
            let acting = Acting { db, profile: None, pin_stdin: false };
            anyhow::ensure!(acting.database()?.is_file(), "{}: no such database file", acting.database()?.display());
            refused_is_one(acting.open()?.verify_certificate(&code), |checked| {
                if json {
                    serde_json::to_string_pretty(&checked.certificate).unwrap_or_default()
                } else {
                    let c = &checked.certificate;
                    format!(
                        "valid: {} — {} completed {} (version {}) on {}",
                        checked.code, c.learner_name, c.course_title, c.course_version, c.issued_on
                    )
                }
            })
        }
        Sub::Export { acting, course, pdf, badge } => {
            anyhow::ensure!(pdf.is_some() || badge.is_some(), "say where to write it: --pdf OUT and/or --badge OUT");
            let session = acting.open()?;
            // Refused (not eligible) before anything is written.
            let certificate = match session.issue_certificate(&course) {
                Ok(certificate) => certificate,
                Err(error) => return refused_is_one::<()>(Err(error), |_| String::new()),
            };
            let mut written = Vec::new();
            if let Some(out) = &pdf {
                session.export_certificate_pdf(&course, out)?;
                written.push(out.display().to_string());
            }
            if let Some(out) = &badge {
                session.export_certificate_badge(&course, out)?;
                written.push(out.display().to_string());
            }
            println!("certificate {} written to {}", certificate.code, written.join(" and "));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Refusals (unknown, altered, not eligible) exit with 1 and their message;
/// other failures propagate (exit 2).
fn refused_is_one<T>(result: Result<T, AppError>, human: impl FnOnce(&T) -> String) -> anyhow::Result<ExitCode> {
    match result {
        Ok(value) => {
            println!("{}", human(&value));
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if matches!(error.kind(), ErrorKind::NotFound | ErrorKind::InvalidInput) => {
            eprintln!("qunxue: {}", super::diagnostics::error_text(&error));
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error.into()),
    }
}
