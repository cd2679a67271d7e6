//! Cargo-installed tools the project pins (mdBook for the bench, cargo-deny
//! for the checks): each is installed once, at its pinned version, under
//! `target/tools` — never into the developer's own `~/.cargo/bin`.

use std::path::PathBuf;

use crate::bench::target_dir;
use crate::process;

/// A crate to `cargo install` at a fixed version.
pub(crate) struct PinnedTool {
    /// The crate on crates.io.
    pub(crate) krate: &'static str,
    /// The binary it installs.
    pub(crate) binary: &'static str,
    /// The exact version (`--version`), which `<binary> --version` prints.
    pub(crate) version: &'static str,
    /// Extra `cargo install` arguments (features).
    pub(crate) features: &'static [&'static str],
}

impl PinnedTool {
    /// The tool's binary, installed first if it is missing or another version.
    pub(crate) fn ensure(&self) -> anyhow::Result<PathBuf> {
        let root = target_dir().join("tools");
        let binary = root.join("bin").join(self.binary);
        let installed = process::capture(&binary.display().to_string(), &["--version"])
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(self.version));
        if !installed {
            let root_arg = root.display().to_string();
            let mut args = vec!["install", self.krate, "--version", self.version, "--locked", "--root", &root_arg];
            args.extend_from_slice(self.features);
            process::run("cargo", &args)?;
        }
        Ok(binary)
    }
}
