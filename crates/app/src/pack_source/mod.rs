//! Reading a pack from disk — a folder or a `.zip` — into the in-memory
//! [`PackFiles`] the validator checks. Packs are untrusted: names that climb
//! out of the pack, absolute paths, drive letters and links are refused;
//! file counts, sizes and compression ratios are bounded by [`Limits`],
//! measured on the bytes actually read. Nothing is written here.

mod archive;
mod budget;
mod entry_path;
mod error;
mod folder;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use qunxue_core::pack::PackFiles;

pub use budget::{Limits, RATIO_FLOOR_BYTES};
pub use error::{PackSourceError, UnsafeReason};

/// The top-level folders of a pack; anything else beside them is not read.
pub const PACK_FOLDERS: [&str; 3] = ["courses", "quizzes", "branding"];

/// A pack that has been read: its files, and a way back to the bytes of
/// assets that were only measured.
pub struct OpenedPack {
    files: PackFiles,
    source: Source,
    limits: Limits,
}

enum Source {
    Folder { root: PathBuf },
    Zip(archive::ZipSource),
}

/// Reads the pack at `path` (a folder or a `.zip`) under the default limits.
pub fn open(path: &Path) -> Result<OpenedPack, PackSourceError> {
    open_with_limits(path, Limits::default())
}

/// Reads the pack at `path` (a folder or a `.zip`) under `limits` instead of the format's defaults.
pub fn open_with_limits(path: &Path, limits: Limits) -> Result<OpenedPack, PackSourceError> {
    let meta = std::fs::metadata(path).map_err(PackSourceError::io(path))?;
    let mut budget = budget::Budget::new(limits);
    let mut files = PackFiles::new();
    let source = if meta.is_dir() {
        let root = folder::resolve_root(path)?;
        folder::read(&root, &mut budget, &mut files)?;
        Source::Folder { root: root.root }
    } else {
        Source::Zip(archive::read(path, &mut budget, &mut files)?)
    };
    Ok(OpenedPack { files, source, limits })
}

impl OpenedPack {
    /// The pack's files by pack-relative path: text with its bytes, assets measured only.
    pub fn files(&self) -> &PackFiles {
        &self.files
    }

    /// The pack's root folder when it was read from a folder (the bundled
    /// curriculum is used in place from there).
    pub fn folder_root(&self) -> Option<&Path> {
        match &self.source {
            Source::Folder { root } => Some(root),
            Source::Zip(_) => None,
        }
    }

    /// Writes the pack file `pack_path` to `dest` (which must not exist):
    /// text from the bytes that were validated, assets streamed from the
    /// source under their limits. Not flushed to disk: the caller makes the
    /// whole copy durable at once (see `import::durable`).
    pub fn copy_file(&mut self, pack_path: &str, dest: &Path) -> Result<(), PackSourceError> {
        let entry = self.files.get(pack_path).ok_or_else(|| PackSourceError::Io {
            path: PathBuf::from(pack_path),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not part of the pack"),
        })?;
        let mut out = File::create_new(dest).map_err(PackSourceError::io(dest))?;
        match (&entry.bytes, &mut self.source) {
            (Some(bytes), _) => out.write_all(bytes).map_err(PackSourceError::io(dest)),
            (None, Source::Folder { root }) => folder::copy_asset(root, pack_path, &self.limits, &mut out),
            (None, Source::Zip(zip)) => zip.copy_entry(pack_path, &self.limits, &mut out),
        }
    }
}

#[cfg(test)]
mod tests;
