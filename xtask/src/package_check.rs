//! The packaging layer of `cargo xtask test`: builds the `.deb` from the
//! debug build the other layers already compiled (`tauri build --debug`, so
//! nothing is compiled twice; the release package and its 15 MB budget are
//! the bench's, P6) and checks what a Debian user gets:
//! - `/usr/bin/qunxue` (the CLI), its man page and bash/zsh/fish completions;
//! - a desktop entry that `desktop-file-validate` accepts, with a Chinese
//!   name and the pack and bundle file types;
//! - AppStream metadata that `appstreamcli validate` accepts;
//! - the shared-mime-info file for `.qxpack` and `.qxbundle`;
//! - and that the packaged `qunxue` runs: `qunxue --version` through the
//!   wrapper, from the unpacked tree.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::process::{self, root};

/// Each check's name and whether it passed (with the reason if not).
pub(crate) fn run() -> anyhow::Result<Vec<(String, Result<(), String>)>> {
    process::run("npx", &["tauri", "build", "--debug", "--bundles", "deb", "--ci"])?;
    let deb = crate::deb::newest_in(&crate::bench::target_dir().join("debug/bundle/deb"))?;
    // The release package is packed with xz the same way (at level 9); the
    // checks below then run on the repacked file, so the repacking is tested.
    crate::deb::recompress_xz(&deb, 1)?;
    let members = crate::deb::members(&deb)?;
    let listing = String::from_utf8(process::capture("dpkg-deb", &["-c", &deb.display().to_string()])?.stdout)?;
    let unpacked = root().join("target/deb-unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    process::run("dpkg-deb", &["-x", &deb.display().to_string(), &unpacked.display().to_string()])?;

    let mut checks = Vec::new();
    let xz = members.iter().any(|m| m == "data.tar.xz");
    checks.push((
        "the .deb's files are packed with xz".into(),
        xz.then_some(()).ok_or_else(|| format!("members: {members:?}")),
    ));
    for path in [
        "usr/bin/qunxue",
        "usr/bin/qunxue-desktop",
        "usr/share/man/man1/qunxue.1",
        "usr/share/bash-completion/completions/qunxue",
        "usr/share/zsh/vendor-completions/_qunxue",
        "usr/share/fish/vendor_completions.d/qunxue.fish",
        "usr/share/metainfo/org.qunxue.desktop.metainfo.xml",
        "usr/share/mime/packages/qunxue.xml",
    ] {
        let listed = listing.lines().any(|line| listed_path(line) == path);
        checks
            .push((format!("the .deb holds {path}"), listed.then_some(()).ok_or_else(|| "not in dpkg -c".to_string())));
    }
    let runnable = listing.lines().any(|line| line.starts_with("-rwxr-xr-x") && listed_path(line) == "usr/bin/qunxue");
    checks.push((
        "/usr/bin/qunxue is executable".into(),
        runnable.then_some(()).ok_or_else(|| "not mode 755 in dpkg -c".to_string()),
    ));
    let desktop = find_desktop_entry(&unpacked.join("usr/share/applications"));
    checks.push((
        "desktop-file-validate accepts the desktop entry".into(),
        desktop.as_ref().map_err(ToString::to_string).and_then(|entry| tool_accepts("desktop-file-validate", &[entry])),
    ));
    checks.push((
        "the desktop entry names the app in Chinese and opens packs and bundles".into(),
        desktop.as_ref().map_err(ToString::to_string).and_then(|entry| {
            let text = std::fs::read_to_string(entry).map_err(|e| e.to_string())?;
            for needed in ["Name[zh_CN]=群学", "application/x-qunxue-pack", "application/x-qunxue-bundle", "%F"] {
                if !text.contains(needed) {
                    return Err(format!("{} lacks {needed}:\n{text}", entry.display()));
                }
            }
            Ok(())
        }),
    ));
    let metainfo = unpacked.join("usr/share/metainfo/org.qunxue.desktop.metainfo.xml");
    checks.push((
        "appstreamcli validate accepts the metainfo".into(),
        tool_accepts("appstreamcli", &[Path::new("validate"), Path::new("--no-net"), &metainfo]),
    ));
    let wrapper = unpacked.join("usr/bin/qunxue");
    checks.push((
        "the packaged qunxue runs the CLI".into(),
        packaged_cli_runs(&wrapper, &unpacked.join("usr/bin/qunxue-desktop")),
    ));
    Ok(checks)
}

/// The path a `dpkg-deb -c` line names, without the `./` some tars put first.
fn listed_path(line: &str) -> &str {
    line.rsplit(' ').next().unwrap_or("").trim_start_matches("./")
}

fn find_desktop_entry(folder: &Path) -> anyhow::Result<PathBuf> {
    let entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("no {}", folder.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "desktop"))
        .collect();
    match entries.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!("expected one desktop entry in {}, found {entries:?}", folder.display()),
    }
}

/// Runs a validator; its complaints are the failure.
fn tool_accepts(program: &str, args: &[&Path]) -> Result<(), String> {
    let args: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = process::capture(program, &refs).map_err(|e| e.to_string())?;
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{program} {}: {said}", args.join(" ")))
    }
}

/// The wrapper execs /usr/bin/qunxue-desktop; run it against the unpacked
/// binary instead (the package is not installed) and ask for the version.
fn packaged_cli_runs(wrapper: &Path, binary: &Path) -> Result<(), String> {
    let script = std::fs::read_to_string(wrapper).map_err(|e| e.to_string())?;
    let local = script.replace("/usr/bin/qunxue-desktop", &binary.display().to_string());
    let output = process::capture("sh", &["-c", &local, "qunxue", "--version"]).map_err(|e| e.to_string())?;
    let said = String::from_utf8_lossy(&output.stdout);
    if output.status.success() && said.starts_with("qunxue ") {
        Ok(())
    } else {
        Err(format!("`qunxue --version` said {said:?} ({})", output.status))
    }
}

#[cfg(test)]
mod tests {
    use super::listed_path;

    #[test]
    fn a_listing_line_names_its_path_with_or_without_dot_slash() {
        assert_eq!(listed_path("-rwxr-xr-x 0/0             191 2026-12-07 14:04 usr/bin/qunxue"), "usr/bin/qunxue");
        assert_eq!(
            listed_path("-rw-r--r-- root/root      2731 2026-12-07 14:04 ./usr/share/man/man1/qunxue.1"),
            "usr/share/man/man1/qunxue.1"
        );
    }
}
