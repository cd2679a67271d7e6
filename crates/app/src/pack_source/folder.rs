//! Reading a pack from a folder. Only the pack's own top-level folders are
//! walked, so a pack may sit in a larger tree (the source repository is one);
//! links are refused rather than followed, so nothing outside can be pulled in.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use qunxue_core::pack::{is_text_path, PackFiles};

use super::budget::{copy_capped, read_capped, Budget, Limits};
use super::entry_path::{is_ignored, normalise};
use super::error::UnsafeReason;
use super::{PackSourceError, PACK_FOLDERS};

/// Where a pack's files are, and which of its folders to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FolderRoot {
    pub root: PathBuf,
    /// Pack paths of the folders to read (`courses`, or `courses/<slug>` when
    /// one course folder was given).
    pub scope: Vec<String>,
}

/// Accepts the pack folder itself, its `courses/` folder, one course folder
/// inside it (`<pack>/courses/<slug>`, whose assessment material is then read
/// from `<pack>/quizzes/<slug>`), or a folder wrapping a pack (an unzipped
/// archive).
pub(crate) fn resolve_root(path: &Path) -> Result<FolderRoot, PackSourceError> {
    let whole = |root: &Path| FolderRoot { root: root.to_path_buf(), scope: PACK_FOLDERS.map(String::from).to_vec() };
    if path.join("courses").is_dir() {
        return Ok(whole(path));
    }
    if let Some(pack) = path.parent().filter(|_| path.file_name().is_some_and(|n| n == "courses")) {
        return Ok(whole(pack));
    }
    let slug = path.file_name().and_then(|n| n.to_str());
    let pack = path.parent().filter(|p| p.file_name().is_some_and(|n| n == "courses")).and_then(Path::parent);
    if let (Some(slug), Some(pack), true) = (slug, pack, path.join("course.toml").is_file()) {
        return Ok(FolderRoot {
            root: pack.to_path_buf(),
            scope: vec![format!("courses/{slug}"), format!("quizzes/{slug}")],
        });
    }
    let children: Vec<PathBuf> = fs::read_dir(path)
        .map_err(PackSourceError::io(path))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && !p.file_name().and_then(|n| n.to_str()).is_some_and(is_ignored))
        .collect();
    match children.as_slice() {
        [only] if only.join("courses").is_dir() => Ok(whole(only)),
        _ => Err(PackSourceError::NotAPack { path: path.to_path_buf() }),
    }
}

/// Reads every file under the scope folders into `files`.
pub(crate) fn read(root: &FolderRoot, budget: &mut Budget, files: &mut PackFiles) -> Result<(), PackSourceError> {
    for folder in &root.scope {
        let dir = root.root.join(folder);
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(PackSourceError::Symlink { entry: folder.clone() })
            }
            Ok(meta) if meta.is_dir() => walk(&dir, folder, budget, files)?,
            _ => {}
        }
    }
    Ok(())
}

fn walk(dir: &Path, prefix: &str, budget: &mut Budget, files: &mut PackFiles) -> Result<(), PackSourceError> {
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(dir)
        .map_err(PackSourceError::io(dir))?
        .collect::<Result<_, _>>()
        .map_err(PackSourceError::io(dir))?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            let entry = format!("{prefix}/{}", name.to_string_lossy());
            return Err(PackSourceError::UnsafePath { entry, reason: UnsafeReason::NotUtf8 });
        };
        let raw = format!("{prefix}/{name}");
        let path = normalise(&raw).map_err(|reason| PackSourceError::UnsafePath { entry: raw.clone(), reason })?;
        if is_ignored(&path) {
            continue;
        }
        let meta = fs::symlink_metadata(entry.path()).map_err(PackSourceError::io(&entry.path()))?;
        let file_type = meta.file_type();
        if file_type.is_symlink() {
            return Err(PackSourceError::Symlink { entry: path });
        } else if file_type.is_dir() {
            walk(&entry.path(), &path, budget, files)?;
        } else if file_type.is_file() {
            read_file(&entry.path(), path, meta.len(), budget, files)?;
        } else {
            // FIFOs and devices would block or never end when read.
            return Err(PackSourceError::NotAFile { entry: path });
        }
    }
    Ok(())
}

fn read_file(
    file: &Path,
    path: String,
    size: u64,
    budget: &mut Budget,
    files: &mut PackFiles,
) -> Result<(), PackSourceError> {
    budget.count_file(&path)?;
    let limit = budget.limits.file_limit(&path);
    let too_large = || PackSourceError::FileTooLarge { entry: path.clone(), limit };
    if size > limit {
        return Err(too_large());
    }
    if is_text_path(&path) {
        let bytes = read_capped(File::open(file).map_err(PackSourceError::io(file))?, limit)
            .map_err(PackSourceError::io(file))?
            .ok_or_else(too_large)?;
        budget.add_bytes(&path, bytes.len() as u64)?;
        files.insert_text(path, bytes);
    } else {
        budget.add_bytes(&path, size)?;
        files.insert_asset(path, size);
    }
    Ok(())
}

/// Streams one asset into `out`, checking again that it is a plain file
/// within its limit: the folder may have changed since it was read.
pub(crate) fn copy_asset(
    root: &Path,
    path: &str,
    limits: &Limits,
    out: &mut impl Write,
) -> Result<(), PackSourceError> {
    let file = root.join(path);
    let meta = fs::symlink_metadata(&file).map_err(PackSourceError::io(&file))?;
    if meta.file_type().is_symlink() {
        return Err(PackSourceError::Symlink { entry: path.to_string() });
    }
    if !meta.is_file() {
        return Err(PackSourceError::NotAFile { entry: path.to_string() });
    }
    let limit = limits.file_limit(path);
    copy_capped(File::open(&file).map_err(PackSourceError::io(&file))?, out, limit)
        .map_err(PackSourceError::io(&file))?
        .ok_or_else(|| PackSourceError::FileTooLarge { entry: path.to_string(), limit })?;
    Ok(())
}
