//! `qunxue pack DIR --out FILE.zip`: a pack folder as the one file an admin
//! imports. The folder is validated first and read by the same rules an
//! import uses (only `courses/`, `quizzes/` and `branding/`, no links), so
//! what is zipped is exactly what the import will see. Entries carry a fixed
//! date, so packing the same folder twice gives the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::import::validate_path;
use crate::pack_source;
use zip::write::SimpleFileOptions;

use crate::authoring::AuthoringError;

/// What was packed.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    /// The archive written (the `--out` path).
    pub zip: PathBuf,
    /// How many files the archive holds.
    pub files: usize,
    /// Their total size before compression, in bytes.
    pub bytes: u64,
    /// Warnings `validate` gave (errors stop packing).
    pub warnings: Vec<qunxue_core::Diagnostic>,
}

/// Zips the pack folder `dir` into `out`, replacing it only once the new
/// archive is complete.
pub fn pack(dir: &Path, out: &Path) -> crate::authoring::Result<Packed> {
    let outcome = validate_path(dir);
    if !outcome.valid {
        return Err(AuthoringError::Invalid { path: dir.to_path_buf(), diagnostics: outcome.diagnostics });
    }
    let opened = pack_source::open(dir).map_err(|e| AuthoringError::BadPackage {
        path: dir.to_path_buf(),
        part: String::new(),
        message: e.to_string(),
    })?;
    let root = opened.folder_root().ok_or_else(|| AuthoringError::NotAPack { path: dir.to_path_buf() })?.to_path_buf();
    let folder = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temporary =
        folder.join(format!(".{}.qunxue-tmp", out.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
    let file = std::fs::File::create(&temporary).map_err(AuthoringError::io(&temporary))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut files = 0;
    let mut bytes = 0;
    for path in opened.files().paths() {
        let entry = opened.files().get(path).expect("listed paths exist");
        let contents = match &entry.bytes {
            Some(text) => text.clone(),
            None => {
                let source = root.join(path);
                std::fs::read(&source).map_err(AuthoringError::io(&source))?
            }
        };
        zip.start_file(path, options).map_err(zip_error(&temporary))?;
        zip.write_all(&contents).map_err(AuthoringError::io(&temporary))?;
        files += 1;
        bytes += contents.len() as u64;
    }
    zip.finish().map_err(zip_error(&temporary))?.sync_all().map_err(AuthoringError::io(&temporary))?;
    std::fs::rename(&temporary, out).map_err(AuthoringError::io(out))?;
    Ok(Packed { zip: out.to_path_buf(), files, bytes, warnings: outcome.diagnostics })
}

fn zip_error(path: &Path) -> impl Fn(zip::result::ZipError) -> AuthoringError + '_ {
    move |e| AuthoringError::Io { path: path.to_path_buf(), error: std::io::Error::other(e) }
}
