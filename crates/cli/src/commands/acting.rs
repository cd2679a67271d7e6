//! Which database the CLI opens and who it acts as: `--db FILE` (default:
//! the desktop app's) and `--profile ID` (default: the remembered learner).
//! A profile behind a PIN is unlocked with `QUNXUE_PIN`, `--pin-stdin` (the
//! first line of standard input) or, on a terminal, a prompt; without its PIN
//! it may do only what a learner may.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::Context;
use qunxue_app::{paths, OpenOptions, Session};

/// The environment variable a script passes the acting profile's PIN in
/// (never on the command line, where other users can read it).
pub(super) const PIN_ENV: &str = "QUNXUE_PIN";

#[derive(Debug, Clone, clap::Args)]
pub(super) struct Acting {
    /// The learner database (default: the desktop app's, in the OS app-data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Act as this profile id (default: the active learner).
    #[arg(long, value_name = "ID")]
    pub profile: Option<String>,
    /// Read the acting profile's PIN from the first line of standard input.
    #[arg(long)]
    pub pin_stdin: bool,
}

impl Acting {
    /// The database file: `--db`, or the desktop app's own.
    pub(super) fn database(&self) -> anyhow::Result<PathBuf> {
        database_path(self.db.clone())
    }

    /// Opens the session, unlocking the acting profile when it needs a PIN
    /// and one is to be had.
    pub(super) fn open(&self) -> anyhow::Result<Session> {
        let db = self.database()?;
        let session =
            Session::open(OpenOptions::for_database(&db), self.profile.as_deref(), None).with_context(|| {
                let db = db.display();
                super::diagnostics::say(format!("cannot open {db}"), format!("无法打开 {db}"))
            })?;
        if session.needs_pin()? {
            if let Some(pin) = self.pin()? {
                session.unlock_with_pin(&pin)?;
            }
        }
        Ok(session)
    }

    fn pin(&self) -> anyhow::Result<Option<String>> {
        if let Ok(pin) = std::env::var(PIN_ENV) {
            return Ok(Some(pin));
        }
        if self.pin_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).context("reading the PIN from standard input")?;
            return Ok(Some(line.trim().to_string()));
        }
        if std::io::stdin().is_terminal() {
            let pin = rpassword::prompt_password("PIN: ").context("reading the PIN")?;
            return Ok(Some(pin.trim().to_string()).filter(|p| !p.is_empty()));
        }
        Ok(None)
    }
}

/// `--db`, or the desktop app's own database when it is absent.
pub(super) fn database_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match db {
        Some(db) => Ok(db),
        None => paths::default_database_path().context("no app-data folder on this system; pass --db"),
    }
}
