//! `cargo xtask installers`: the release installers this machine's system
//! can build with Tauri's bundler — the `.deb` on Linux, the `.msi` and the
//! NSIS `-setup.exe` on Windows (WebView2's offline installer inside, for
//! machines without a network), the `.dmg` and `.app` on macOS. Each host
//! builds its own; docs/packaging.md says which and how.

use anyhow::bail;

use crate::process;
use crate::setup;

/// The bundle targets of the host, or `None` where Tauri builds none.
fn host_targets() -> Option<&'static str> {
    if cfg!(target_os = "linux") {
        // AppImage needs linuxdeploy from GitHub at build time, which offline
        // build machines cannot fetch: the .deb is the Linux installer.
        Some("deb")
    } else if cfg!(target_os = "windows") {
        Some("msi,nsis")
    } else if cfg!(target_os = "macos") {
        Some("app,dmg")
    } else {
        None
    }
}

pub(crate) fn run() -> anyhow::Result<()> {
    let Some(targets) = host_targets() else {
        bail!("Tauri builds no installer on this system; use Linux (.deb), Windows (.msi, NSIS) or macOS (.dmg)")
    };
    if cfg!(target_os = "linux") {
        setup::run(setup::Profile::App)?;
    } else {
        process::run("npm", &["ci"])?;
    }
    process::run("npx", &["tauri", "build", "--bundles", targets, "--ci"])?;
    if cfg!(target_os = "linux") {
        let deb = crate::deb::newest_in(&crate::bench::target_dir().join("release/bundle/deb"))?;
        crate::deb::recompress_xz(&deb, 9)?;
    }
    eprintln!(
        "xtask: installers in {}; the other systems' installers are built on those systems (docs/packaging.md)",
        crate::bench::target_dir().join("release/bundle").display()
    );
    Ok(())
}
