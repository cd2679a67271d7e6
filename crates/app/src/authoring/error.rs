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
    /// Reading or writing a file failed.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file or folder being read or written.
        path: PathBuf,
        /// The operating system's error.
        error: std::io::Error,
    },
    /// `convert` was given something other than a Word document or a PowerPoint deck.
    #[error("{}: not a Word document (.docx) or PowerPoint deck (.pptx)", path.display())]
    NotOffice {
        /// The file given to convert.
        path: PathBuf,
    },
    /// An Office file or pack folder whose contents could not be read or converted.
    #[error("{}: {part}: {message}", path.display())]
    BadPackage {
        /// The file or folder being read.
        path: PathBuf,
        /// The part inside it at fault (e.g. `document`), or empty when it is the whole.
        part: String,
        /// What is wrong with it, in English.
        message: String,
    },
    /// `qunxue new` refuses a folder that already holds files.
    #[error("{}: the folder is not empty; choose an empty or new folder", path.display())]
    NotEmpty {
        /// The folder asked for.
        path: PathBuf,
    },
    /// The folder has no `courses/<slug>/course.toml` below it.
    #[error("{}: not a pack folder (no courses/<slug>/course.toml below it)", path.display())]
    NotAPack {
        /// The folder given.
        path: PathBuf,
    },
    /// The pack folder failed validation, so it is not packed.
    #[error("{}: the pack has {} error(s); run `qunxue validate` to see them", path.display(), .diagnostics.iter().filter(|d| d.is_error()).count())]
    Invalid {
        /// The pack folder.
        path: PathBuf,
        /// Everything validation found, warnings included.
        diagnostics: Vec<Diagnostic>,
    },
    /// A command-line option out of range; the text names the option and the value given.
    #[error("{0}")]
    Usage(String),
}

impl AuthoringError {
    /// The error for people, in English and Chinese. Details that come from
    /// a parser (`message`, a usage text) are in English in both.
    pub fn message(&self) -> crate::Message {
        use crate::msg;
        match self {
            AuthoringError::Io { path, error } => {
                let path = path.display();
                msg!("{path}: {error}", "{path}：读写失败（{error}）")
            }
            AuthoringError::NotOffice { path } => {
                let path = path.display();
                msg!(
                    "{path}: not a Word document (.docx) or PowerPoint deck (.pptx)",
                    "{path}：不是 Word 文档（.docx）或 PowerPoint 演示文稿（.pptx）"
                )
            }
            AuthoringError::BadPackage { path, part, message } => {
                let path = path.display();
                msg!("{path}: {part}: {message}", "{path}：{part} 无法读取或转换（{message}）")
            }
            AuthoringError::NotEmpty { path } => {
                let path = path.display();
                msg!(
                    "{path}: the folder is not empty; choose an empty or new folder",
                    "{path}：文件夹不是空的，请选择一个空文件夹或新文件夹"
                )
            }
            AuthoringError::NotAPack { path } => {
                let path = path.display();
                msg!(
                    "{path}: not a pack folder (no courses/<slug>/course.toml below it)",
                    "{path}：不是课程包文件夹（其中没有 courses/<slug>/course.toml）"
                )
            }
            AuthoringError::Invalid { path, diagnostics } => {
                let path = path.display();
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                msg!(
                    "{path}: the pack has {errors} error(s); run `qunxue validate` to see them",
                    "{path}：课程包有 {errors} 处错误，运行 `qunxue validate` 查看"
                )
            }
            AuthoringError::Usage(text) => msg!("{text}", "参数有误：{text}"),
        }
    }

    /// Wraps an I/O error with the path it happened at.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AuthoringError {
        let path = path.into();
        move |error| AuthoringError::Io { path, error }
    }
}
