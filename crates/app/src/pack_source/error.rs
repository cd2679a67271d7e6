//! Why a pack could not be read. Every variant names the entry (a path
//! inside the pack or the archive) so people can find and fix it.

use std::path::PathBuf;

use qunxue_core::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum PackSourceError {
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{} is not a pack: expected a folder or a .zip holding courses/<slug>/course.toml", path.display())]
    NotAPack { path: PathBuf },
    #[error("unsafe path {entry:?}: {reason}")]
    UnsafePath { entry: String, reason: UnsafeReason },
    #[error("{entry} is a symbolic link; packs may not contain links")]
    Symlink { entry: String },
    #[error("{entry} is not a regular file")]
    NotAFile { entry: String },
    #[error("{entry} appears twice in the archive")]
    Duplicate { entry: String },
    #[error("{entry} is larger than the limit of {limit} bytes for this kind of file")]
    FileTooLarge { entry: String, limit: u64 },
    #[error("the pack is larger than the limit of {limit} bytes (reached at {entry})")]
    PackTooLarge { entry: String, limit: u64 },
    #[error("the pack holds more than {limit} files (reached at {entry})")]
    TooManyFiles { entry: String, limit: usize },
    #[error("{entry} expands more than {ratio} times its compressed size; this looks like a zip bomb")]
    ZipBomb { entry: String, ratio: u64 },
    #[error("cannot read {entry} from the archive: {source}")]
    Archive { entry: String, source: zip::result::ZipError },
}

/// What makes an entry name unsafe to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeReason {
    #[error("it climbs out of the pack with `..`")]
    ParentDir,
    #[error("it is an absolute path")]
    Absolute,
    #[error("it names a drive or device (`:`)")]
    Drive,
    #[error("it contains control characters")]
    ControlCharacter,
    #[error("it is not valid UTF-8")]
    NotUtf8,
}

impl PackSourceError {
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| Self::Io { path: path.to_path_buf(), source }
    }

    /// The file the problem is about, as the diagnostic's file name.
    pub fn entry(&self) -> String {
        match self {
            Self::Io { path, .. } | Self::NotAPack { path } => path.display().to_string(),
            Self::UnsafePath { entry, .. }
            | Self::Symlink { entry }
            | Self::NotAFile { entry }
            | Self::Duplicate { entry }
            | Self::FileTooLarge { entry, .. }
            | Self::PackTooLarge { entry, .. }
            | Self::TooManyFiles { entry, .. }
            | Self::ZipBomb { entry, .. }
            | Self::Archive { entry, .. } => entry.clone(),
        }
    }

    /// The error as a diagnostic, so the CLI and the UI list it like any
    /// other problem. Reading problems concern a whole file: line 1, column 1.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::error(self.entry(), 1, 1, self.to_string())
    }
}
