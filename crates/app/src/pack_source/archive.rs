//! Reading a pack from a `.zip`. The archive is untrusted: every entry name
//! is checked before anything is extracted, links are refused, and entries
//! are decompressed under caps measured on the bytes actually produced,
//! never on the sizes the archive declares.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use qunxue_core::pack::{is_text_path, PackFiles};
use zip::ZipArchive;

use super::budget::{copy_capped, Budget, Limits};
use super::entry_path::{is_ignored, normalise};
use super::{PackSourceError, PACK_FOLDERS};

/// An opened archive and where each pack path lives in it.
pub(crate) struct ZipSource {
    path: PathBuf,
    archive: ZipArchive<File>,
    /// Pack path → entry index.
    index: HashMap<String, usize>,
}

/// One file entry of the central directory, named safely.
struct Listed {
    index: usize,
    /// Normalised name, including a wrapping top-level folder if there is one.
    name: String,
}

/// Opens `path` and reads the pack in it into `files`.
pub(crate) fn read(path: &Path, budget: &mut Budget, files: &mut PackFiles) -> Result<ZipSource, PackSourceError> {
    let file = File::open(path).map_err(PackSourceError::io(path))?;
    let archive_bytes = file.metadata().map_err(PackSourceError::io(path))?.len();
    let archive_name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut archive =
        ZipArchive::new(file).map_err(|source| PackSourceError::Archive { entry: archive_name.clone(), source })?;

    let listed = list(&mut archive, budget)?;
    let prefix = pack_prefix(&listed).ok_or_else(|| PackSourceError::NotAPack { path: path.to_path_buf() })?;
    let mut index = HashMap::new();
    for entry in listed {
        let Some(pack_path) = entry.name.strip_prefix(prefix.as_str()) else { continue };
        let in_scope = PACK_FOLDERS.iter().any(|folder| pack_path.starts_with(&format!("{folder}/")));
        if !in_scope || is_ignored(pack_path) {
            continue;
        }
        let pack_path = pack_path.to_string();
        let (size, bytes) = extract(&mut archive, &entry, &pack_path, &budget.limits)?;
        budget.add_bytes(&pack_path, size)?;
        // The archive as a whole must not be a bomb made of many modest entries.
        if budget.total_bytes() > budget.limits.expansion_limit(archive_bytes) {
            return Err(PackSourceError::ZipBomb { entry: archive_name, ratio: budget.limits.max_compression_ratio });
        }
        match bytes {
            Some(bytes) => files.insert_text(pack_path.clone(), bytes),
            None => files.insert_asset(pack_path.clone(), size),
        }
        index.insert(pack_path, entry.index);
    }
    Ok(ZipSource { path: path.to_path_buf(), archive, index })
}

/// Checks every entry's name and kind before anything is decompressed.
fn list(archive: &mut ZipArchive<File>, budget: &mut Budget) -> Result<Vec<Listed>, PackSourceError> {
    let mut listed = Vec::new();
    let mut seen = HashSet::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|source| PackSourceError::Archive { entry: format!("#{index}"), source })?;
        let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let name = normalise(&raw).map_err(|reason| PackSourceError::UnsafePath { entry: raw.clone(), reason })?;
        if entry.is_symlink() {
            return Err(PackSourceError::Symlink { entry: raw });
        }
        if entry.is_dir() {
            continue;
        }
        budget.count_file(&name)?;
        if !seen.insert(name.clone()) {
            return Err(PackSourceError::Duplicate { entry: name });
        }
        listed.push(Listed { index, name });
    }
    Ok(listed)
}

/// `""` when `courses/` is at the top, `"<folder>/"` when a single folder
/// wraps the pack (what zipping a pack folder usually makes).
fn pack_prefix(listed: &[Listed]) -> Option<String> {
    let names: Vec<&str> = listed.iter().map(|e| e.name.as_str()).filter(|n| !is_ignored(n)).collect();
    if names.iter().any(|n| n.starts_with("courses/")) {
        return Some(String::new());
    }
    let top = names.first()?.split_once('/')?.0;
    let prefix = format!("{top}/");
    let single = names.iter().all(|n| n.starts_with(&prefix));
    (single && names.iter().any(|n| n.starts_with(&format!("{prefix}courses/")))).then_some(prefix)
}

/// Decompresses one entry under its caps: text is kept, assets are only
/// measured. Returns the real size and, for text, the bytes.
fn extract(
    archive: &mut ZipArchive<File>,
    entry: &Listed,
    pack_path: &str,
    limits: &Limits,
) -> Result<(u64, Option<Vec<u8>>), PackSourceError> {
    let text = is_text_path(pack_path);
    let mut bytes = Vec::new();
    let size = if text {
        stream(archive, entry.index, pack_path, limits, &mut bytes)?
    } else {
        stream(archive, entry.index, pack_path, limits, &mut io::sink())?
    };
    Ok((size, text.then_some(bytes)))
}

/// Streams entry `index` into `out`, refusing it once it exceeds its file
/// limit or expands past the compression-ratio bound.
fn stream(
    archive: &mut ZipArchive<File>,
    index: usize,
    pack_path: &str,
    limits: &Limits,
    out: &mut impl Write,
) -> Result<u64, PackSourceError> {
    let archive_error = |source| PackSourceError::Archive { entry: pack_path.to_string(), source };
    let file = archive.by_index(index).map_err(archive_error)?;
    let file_limit = limits.file_limit(pack_path);
    let expansion_limit = limits.expansion_limit(file.compressed_size());
    let cap = file_limit.min(expansion_limit);
    let copied = copy_capped(file, out, cap).map_err(|e| archive_error(e.into()))?;
    copied.ok_or_else(|| {
        if cap == file_limit {
            PackSourceError::FileTooLarge { entry: pack_path.to_string(), limit: file_limit }
        } else {
            PackSourceError::ZipBomb { entry: pack_path.to_string(), ratio: limits.max_compression_ratio }
        }
    })
}

impl ZipSource {
    /// Streams the entry holding `pack_path` into `out`, under the same caps
    /// it was read with.
    pub(crate) fn copy_entry(
        &mut self,
        pack_path: &str,
        limits: &Limits,
        out: &mut impl Write,
    ) -> Result<(), PackSourceError> {
        let index = *self.index.get(pack_path).ok_or_else(|| PackSourceError::Io {
            path: self.path.join(pack_path),
            source: io::Error::new(io::ErrorKind::NotFound, "not in the archive"),
        })?;
        stream(&mut self.archive, index, pack_path, limits, out).map(|_| ())
    }
}
