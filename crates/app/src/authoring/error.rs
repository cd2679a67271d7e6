//! What can go wrong while making a pack, each naming the file involved.

use std::path::PathBuf;

use qunxue_core::Diagnostic;

/// An authoring step that could not be done. No file is ever left
/// half-written (each is written beside its place and renamed); a step that
/// fails part-way through a conversion leaves the files written so far and
/// the previous record, so running it again finishes the job.
#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    // `error` rather than `source`, so the cause is said once, not again
    // as a source by `{:#}` printing.
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
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
        move |error| AuthoringError::Io { path, error }
    }
}
