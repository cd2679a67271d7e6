//! `cargo xtask run`: set up, build the UI and the desktop app, open the window.

use anyhow::bail;

use crate::display::{Display, VirtualDisplay};
use crate::process;
use crate::setup;

pub(crate) fn run(xvfb: bool) -> anyhow::Result<()> {
    setup::run(setup::Profile::App)?;
    build_desktop()?;
    let _virtual_display: Option<VirtualDisplay> = match Display::detect() {
        Display::Present => None,
        Display::Missing if xvfb => Some(VirtualDisplay::start()?),
        Display::Missing => bail!(
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
             Run this on a desktop session, or use `cargo xtask run --xvfb` to open the window \
             in a virtual X display (useful on servers and CI)."
        ),
    };
    let binary = desktop_binary();
    eprintln!("xtask: starting {}", binary.display());
    let status = std::process::Command::new(&binary).status()?;
    if !status.success() {
        bail!("the app exited with {status}");
    }
    Ok(())
}

/// Builds ui/dist and then the desktop binary, which embeds it.
pub(crate) fn build_desktop() -> anyhow::Result<()> {
    process::run("npm", &["run", "build"])?;
    process::run("cargo", &["build", "-p", "qunxue-desktop"])
}

pub(crate) fn desktop_binary() -> std::path::PathBuf {
    let name = if cfg!(windows) { "qunxue-desktop.exe" } else { "qunxue-desktop" };
    process::root().join("target/debug").join(name)
}
