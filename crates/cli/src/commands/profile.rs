//! `qunxue profile add --db FILE --name N --role learner|instructor|admin
//! [--pin-stdin]` and `qunxue profile list --db FILE [--json]`: setting up a
//! machine from a script (a company preparing 30 laptops, a test).
//!
//! The first admin of a database needs no one's permission; every later
//! instructor or admin is added by an admin (`--profile ADMIN`, whose PIN
//! comes from `QUNXUE_PIN` or a prompt). The new profile's own PIN is read
//! from the first line of standard input with `--pin-stdin` — never from the
//! command line, where other users of the machine can read it.
//!
//! Exit codes: 0 done, 1 refused (no admin's permission, a PIN the rules
//! refuse), 2 any other failure.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::accounts::NewProfile;
use qunxue_app::domain::rows::Role;
use qunxue_app::{AppError, ErrorKind};

use super::acting::Acting;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Add a profile (an instructor or admin with its PIN).
    Add {
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// The admin who adds an instructor or a second admin.
        #[arg(long, value_name = "ID")]
        profile: Option<String>,
        /// The name shown in the profile picker.
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value = "learner")]
        role: RoleArg,
        /// Read the new profile's PIN (6 digits or more for instructors and
        /// admins) from the first line of standard input.
        #[arg(long)]
        pin_stdin: bool,
        #[arg(long)]
        json: bool,
    },
    /// Every profile of the database (no PIN or hash is shown).
    List {
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RoleArg {
    Learner,
    Instructor,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Learner => Role::Learner,
            RoleArg::Instructor => Role::Instructor,
            RoleArg::Admin => Role::Admin,
        }
    }
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Sub::Add { db, profile, name, role, pin_stdin, json } => {
            let pin = if pin_stdin { Some(read_pin()?) } else { None };
            let session = Acting { db, profile, pin_stdin: false }.open()?;
            let added = session.add_profile(&NewProfile::named(name), role.into(), pin.as_deref());
            match added {
                Ok(view) if json => println!("{}", serde_json::to_string_pretty(&view)?),
                Ok(added) => {
                    let view = &added.profile;
                    println!("added {} {} ({})", view.role, view.id, view.display_name);
                    if let Some(code) = &added.recovery_code {
                        println!("管理员恢复码（只显示这一次，请打印或妥善保存）/ admin recovery code (shown once; print or store it safely): {code}");
                    }
                }
                Err(refused) if matches!(refused.kind(), ErrorKind::Forbidden | ErrorKind::InvalidInput) => {
                    eprintln!("qunxue: {}", super::diagnostics::error_text(&refused));
                    return Ok(ExitCode::FAILURE);
                }
                Err(other) => return Err(AppError::into(other)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::List { db, json } => {
            let list = Acting { db, profile: None, pin_stdin: false }.open()?.list_profiles()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list.profiles)?);
            } else {
                for p in &list.profiles {
                    println!("{}\t{}\t{}", p.id, p.role, p.display_name);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read_pin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the new profile's PIN from standard input")?;
    Ok(line.trim().to_string())
}
