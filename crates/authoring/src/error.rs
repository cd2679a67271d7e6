//! What can go wrong while making a pack, each naming the file involved.

use std::path::PathBuf;

use qunxue_core::Diagnostic;

/// An authoring step that could not be done. Nothing already on disk is
/// left half-written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: not a Word document (.docx) or PowerPoint deck (.pptx)", path.display())]
    NotOffice { path: PathBuf },
    #[error("{}: {part}: {message}", path.display())]
    BadPackage { path: PathBuf, part: String, message: String },
    #[error("{}: the folder is not empty; choose an empty or new folder", path.display())]
    NotEmpty { path: PathBuf },
    #[error("{}: not a pack folder (no courses/<slug>/course.toml below it)", path.display())]
    NotAPack { path: PathBuf },
    #[error("{}: the pack has {} error(s); run `qunxue validate` to see them", path.display(), .diagnostics.iter().filter(|d| d.is_error()).count())]
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error("{0}")]
    Usage(String),
}

impl AuthoringError {
    /// Wraps an I/O error with the path it happened at.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AuthoringError {
        let path = path.into();
        move |source| AuthoringError::Io { path, source }
    }
}
