//! Running commands from the repository root, with the command line echoed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{bail, Context};

/// The workspace root (the parent of `xtask/`).
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives inside the workspace").to_path_buf()
}

/// Runs `program args…` in the repository root, inheriting stdio; fails on
/// a non-zero exit.
pub(crate) fn run(program: &str, args: &[&str]) -> anyhow::Result<()> {
    let status = command(program, args).status().with_context(|| format!("cannot start `{program}`"))?;
    if !status.success() {
        bail!("`{}` failed ({status})", display(program, args));
    }
    Ok(())
}

/// Like [`run`] but returns the exit status instead of failing.
pub(crate) fn run_status(program: &str, args: &[&str]) -> anyhow::Result<bool> {
    Ok(command(program, args).status().with_context(|| format!("cannot start `{program}`"))?.success())
}

/// Runs and captures output (not echoed live).
pub(crate) fn capture(program: &str, args: &[&str]) -> anyhow::Result<Output> {
    command(program, args).output().with_context(|| format!("cannot start `{program}`"))
}

pub(crate) fn command(program: &str, args: &[&str]) -> Command {
    eprintln!("xtask: $ {}", display(program, args));
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(root());
    cmd
}

/// True when `program` is on PATH.
pub(crate) fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

fn display(program: &str, args: &[&str]) -> String {
    std::iter::once(program).chain(args.iter().copied()).collect::<Vec<_>>().join(" ")
}
