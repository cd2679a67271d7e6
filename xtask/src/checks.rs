//! The checks `cargo xtask test` runs before any test, and `cargo xtask
//! lint` alone: formatting, clippy with warnings as errors, ESLint, vue-tsc
//! and cargo-deny. Any finding fails the run, so a change that breaks the
//! project's style or its dependency policy does not land.

use std::path::Path;

use anyhow::bail;

use crate::process::{self, root};
use crate::tools::PinnedTool;

const CARGO_DENY: PinnedTool =
    PinnedTool { krate: "cargo-deny", binary: "cargo-deny", version: "0.20.2", features: &[] };

/// One check: what it is and the command that runs it.
struct Check {
    name: &'static str,
    program: String,
    args: Vec<String>,
}

impl Check {
    fn new(name: &'static str, program: &str, args: &[&str]) -> Self {
        Check { name, program: program.to_string(), args: args.iter().map(|a| a.to_string()).collect() }
    }
}

/// Runs every check, all of them even after a failure (so one run shows
/// everything to fix); fails if any found something. Returns how many ran.
pub(crate) fn run() -> anyhow::Result<u64> {
    let deny = CARGO_DENY.ensure()?.display().to_string();
    let mut checks = vec![
        Check::new("rustfmt", "cargo", &["fmt", "--all", "--check"]),
        Check::new("rustfmt (fuzz)", "cargo", &["fmt", "--manifest-path", "fuzz/Cargo.toml", "--check"]),
        Check::new("ESLint", "npx", &["eslint", "--max-warnings", "0", "ui/src", "tests/browser", "tests/desktop"]),
        // `npm run build` is vue-tsc over the UI and its tooling, then the
        // Vite build: the desktop crate embeds ui/dist, so clippy cannot
        // compile it on a fresh clone before the UI is built.
        Check::new("vue-tsc and the UI build", "npm", &["run", "build"]),
        Check::new("clippy", "cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
        Check::new("cargo-deny", &deny, &["deny", "check", "licenses", "bans", "sources"]),
    ];
    // The RustSec advisory database is a Git repository on GitHub. A
    // machine that cannot reach it (this project's CI reaches crates.io, not
    // GitHub) checks advisories only when a copy was fetched before.
    if advisory_db_present() {
        checks.push(Check::new("cargo-deny advisories", &deny, &["deny", "check", "--disable-fetch", "advisories"]));
    } else {
        eprintln!("checks: cargo-deny advisories skipped: no copy of the RustSec database under ~/.cargo/advisory-dbs");
    }
    let mut failed = Vec::new();
    for check in &checks {
        eprintln!("\n== check: {} ==", check.name);
        let args: Vec<&str> = check.args.iter().map(String::as_str).collect();
        if !process::run_status(&check.program, &args)? {
            failed.push(check.name);
        }
    }
    if !failed.is_empty() {
        bail!("checks failed: {} (see above; `cargo fmt --all` fixes formatting)", failed.join(", "));
    }
    Ok(checks.len() as u64)
}

fn advisory_db_present() -> bool {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    home.is_some_and(|h| h.join("advisory-dbs").read_dir().is_ok_and(|mut d| d.next().is_some()))
        || root().join("target/advisory-dbs").is_dir()
}
