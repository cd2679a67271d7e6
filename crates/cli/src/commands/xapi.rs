//! `qunxue xapi sync --db FILE --endpoint URL --user U --password-stdin`: send
//! every pending xAPI statement to a Learning Record Store (endpoint = its
//! xAPI root, e.g. `http://127.0.0.1:8100/xAPI`); without `--endpoint` the
//! settings saved in the database are used. The password is read from the
//! first line of standard input, never from the command line, where other
//! users of the machine could read it. Exit 0 when nothing is left pending,
//! 1 when the LRS could not take them all (they stay queued).
//!
//! `qunxue xapi configure --db FILE --endpoint URL --user U --password-stdin
//! [--iri-base IRI] [--marks-arrive-by bundle|lrs]` (an admin): where this
//! machine sends statements. The password goes to the OS credential store
//! (or an owner-only file beside the database where there is none), never
//! into the database; `https://` only, except to this computer.
//!
//! `qunxue xapi marks --db FILE [--endpoint URL --user U --password-stdin]`:
//! read the statements about this machine's profiles and, in company mode,
//! take in the marks an instructor released (`docs/xapi.md`); in private
//! mode it says that marks arrive by grades bundle.
//!
//! `qunxue xapi export --db FILE --out FILE.json`: every statement, sent or
//! not, as one JSON array.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use qunxue_app::xapi::{MarksArriveBy, PullOptions, SettingsInput, SyncOptions};

use super::acting::Acting;
use super::lrs_args::LrsArgs;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: XapiCommand,
}

#[derive(Debug, clap::Subcommand)]
enum XapiCommand {
    /// Save the LRS this machine sends to (admin); the password is read from standard input.
    Configure(ConfigureArgs),
    /// Send pending statements to the LRS.
    Sync(SyncArgs),
    /// Read back the marks released about this machine's profiles (company mode).
    Marks(MarksArgs),
    /// Write every statement to a JSON file (an array).
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
struct SyncArgs {
    /// The learner database (default: the desktop app's, in the OS app-data folder).
    #[command(flatten)]
    acting: Acting,
    #[command(flatten)]
    lrs: LrsArgs,
    /// Statements per request.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=1000))]
    batch_size: u16,
    /// Print the summary as JSON: {"sent","batches","pending","seconds","per_second"}.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct ConfigureArgs {
    #[command(flatten)]
    acting: Acting,
    /// The LRS's xAPI root URL: https://, or http:// to this computer only. Empty switches sending off.
    #[arg(long, value_name = "URL")]
    endpoint: String,
    /// The LRS account (basic auth).
    #[arg(long, value_name = "U", default_value = "")]
    user: String,
    /// Read a new LRS password from the first line of standard input (without it the saved one is kept,
    /// unless the endpoint changes).
    #[arg(long)]
    password_stdin: bool,
    /// The IRI base activity ids are built under (default: keep the saved one).
    #[arg(long, value_name = "IRI")]
    iri_base: Option<String>,
    /// How marks reach this machine's learners: by grades bundle (private mode) or from the LRS (company mode).
    #[arg(long, value_parser = ["bundle", "lrs"])]
    marks_arrive_by: Option<String>,
    /// Print the saved settings as JSON (never the password).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct MarksArgs {
    #[command(flatten)]
    acting: Acting,
    #[command(flatten)]
    lrs: LrsArgs,
    /// Print the summary as JSON: {"marksArriveBy","profiles","statements","writtenElsewhere","applied"}.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    #[command(flatten)]
    acting: Acting,
    /// The JSON file to write.
    #[arg(long, value_name = "FILE.json")]
    out: PathBuf,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        XapiCommand::Configure(args) => configure(args),
        XapiCommand::Sync(args) => sync(args),
        XapiCommand::Marks(args) => marks(args),
        XapiCommand::Export(args) => export(args),
    }
}

fn sync(args: SyncArgs) -> anyhow::Result<ExitCode> {
    let session = args.acting.open()?;
    let credentials = args.lrs.credentials()?;
    let options = SyncOptions { batch_size: usize::from(args.batch_size), ..SyncOptions::default() };
    let started = Instant::now();
    let outcome = session.xapi_sync(credentials, &options, |_| {});
    let seconds = started.elapsed().as_secs_f64();
    match outcome {
        Ok(report) => {
            let per_second = if seconds > 0.0 { report.sent as f64 / seconds } else { 0.0 };
            if args.json {
                let summary = serde_json::json!({
                    "sent": report.sent, "batches": report.batches, "pending": report.pending,
                    "seconds": seconds, "per_second": per_second, "marks_applied": report.marks_applied,
                });
                println!("{summary}");
            } else {
                println!(
                    "sent {} statements in {} batches ({per_second:.0}/s); {} pending",
                    report.sent, report.batches, report.pending
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let pending = session.xapi_status().map_or(-1, |s| s.pending);
            let error = super::diagnostics::error_text(&qunxue_app::AppError::from(error));
            eprintln!(
                "qunxue: {}",
                super::diagnostics::say(
                    format!("{error}; {pending} statements stay queued for the next sync"),
                    format!("{error}；{pending} 条学习记录留在队列中，下次同步时再发送"),
                )
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

fn configure(args: ConfigureArgs) -> anyhow::Result<ExitCode> {
    let session = args.acting.open()?;
    let saved = session.xapi_settings()?;
    let password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).context("reading the LRS password from standard input")?;
        Some(line.trim_end_matches(['\r', '\n']).to_string())
    } else {
        None
    };
    let input = SettingsInput {
        endpoint: args.endpoint,
        username: args.user,
        password,
        iri_base: args.iri_base.unwrap_or(saved.iri_base),
        marks_arrive_by: args.marks_arrive_by.map(|mode| {
            if mode == "lrs" {
                MarksArriveBy::Lrs
            } else {
                MarksArriveBy::Bundle
            }
        }),
    };
    let settings = session.xapi_save_settings(&input)?;
    if args.json {
        println!("{}", serde_json::to_string(&settings)?);
    } else {
        println!(
            "sending to {} as {}; password {}; marks arrive by {}",
            if settings.endpoint.is_empty() { "nowhere" } else { settings.endpoint.as_str() },
            settings.username,
            match (settings.password_set, settings.password_kept_in) {
                (false, _) => "not set",
                (true, qunxue_app::secrets::SecretStoreKind::Keyring) => "kept in the system credential store",
                (true, qunxue_app::secrets::SecretStoreKind::File) => "kept in an owner-only file beside the database",
            },
            settings.marks_arrive_by.as_str()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn marks(args: MarksArgs) -> anyhow::Result<ExitCode> {
    let session = args.acting.open()?;
    let pulled = session.xapi_pull_marks(args.lrs.credentials()?, &PullOptions::default())?;
    if args.json {
        println!("{}", serde_json::to_string(&pulled)?);
    } else if pulled.marks_arrive_by == MarksArriveBy::Bundle {
        println!(
            "read {} statements about {} profiles ({} written elsewhere); marks arrive here by grades bundle",
            pulled.statements, pulled.profiles, pulled.written_elsewhere
        );
    } else {
        println!(
            "read {} statements about {} profiles; took in {} marks",
            pulled.statements, pulled.profiles, pulled.applied
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let count = args.acting.open()?.xapi_export(&args.out)?;
    println!("wrote {count} statements to {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
