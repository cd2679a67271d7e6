//! The `.deb` after Tauri's bundler: finding the one it just wrote, and
//! packing its files again with xz. The bundler compresses with gzip only;
//! Debian's own packages use xz, which dpkg and apt have read since Debian 6
//! (and Ubuntu 10.10), and which keeps the release package inside its 15 MB
//! budget (DESIGN.md §6: 17.4 MB with gzip, 12.9 MB with xz, 2026-12-07).
//! The files, their modes and the control data stay exactly as the bundler
//! wrote them; only the compression changes.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::process;

/// The newest `.deb` in `folder` (the bundler names it by version).
pub(crate) fn newest_in(folder: &Path) -> anyhow::Result<PathBuf> {
    std::fs::read_dir(folder)
        .with_context(|| format!("the bundler wrote no {}", folder.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .with_context(|| format!("no .deb in {}", folder.display()))
}

/// Packs `deb` again with xz at `level` (9 for releases; 1 where only the
/// path is tested) and replaces it once the new one is complete. Returns
/// the sizes before and after, in bytes.
pub(crate) fn recompress_xz(deb: &Path, level: u8) -> anyhow::Result<(u64, u64)> {
    let before = deb.metadata()?.len();
    let tree = deb.with_extension("unpacked");
    let packed = deb.with_extension("xz-tmp");
    let _ = std::fs::remove_dir_all(&tree);
    process::run("dpkg-deb", &["--raw-extract", &deb.display().to_string(), &tree.display().to_string()])?;
    let level = format!("-z{level}");
    process::run(
        "dpkg-deb",
        &["--root-owner-group", "-Zxz", &level, "--build", &tree.display().to_string(), &packed.display().to_string()],
    )?;
    std::fs::rename(&packed, deb).with_context(|| format!("cannot replace {}", deb.display()))?;
    let _ = std::fs::remove_dir_all(&tree);
    Ok((before, deb.metadata()?.len()))
}

/// The members of the `.deb` archive (`debian-binary`, `control.tar.*`,
/// `data.tar.*`), to check how it is compressed.
pub(crate) fn members(deb: &Path) -> anyhow::Result<Vec<String>> {
    let output = process::capture("ar", &["t", &deb.display().to_string()])?;
    Ok(String::from_utf8(output.stdout)?.lines().map(str::to_string).collect())
}
