//! Errors as the UI receives them: `{kind, message, message_zh}`, never a
//! stack trace. The UI shows the text of its interface language
//! (`ui/src/api/errors.ts`), as it does for a pack's diagnostics.

use qunxue_app::domain::Diagnostic;
use qunxue_app::{AppError, ErrorKind, Message, Remedy};
use serde::Serialize;

#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub(crate) struct CommandError {
    pub kind: ErrorKind,
    /// The English text.
    pub message: String,
    /// The Chinese text.
    pub message_zh: String,
    /// Every problem of an invalid pack, for the UI to list one by one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// What the person can do about a refusal: enter the PIN, set up or
    /// confirm the admin. The UI offers it over whatever screen is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
}

impl CommandError {
    /// An error of `kind` with no diagnostics and no remedy.
    pub(crate) fn new(kind: ErrorKind, message: Message) -> Self {
        Self { kind, message: message.en, message_zh: message.zh, diagnostics: Vec::new(), remedy: None }
    }

    /// A fault of the shell itself (a watcher, a background task).
    pub(crate) fn internal(message: Message) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// A request the shell refuses before any service sees it.
    pub(crate) fn forbidden(message: Message) -> Self {
        Self::new(ErrorKind::Forbidden, message)
    }
}

impl From<AppError> for CommandError {
    fn from(error: AppError) -> Self {
        let message = error.message();
        Self {
            kind: error.kind(),
            message: message.en,
            message_zh: message.zh,
            diagnostics: error.diagnostics().to_vec(),
            remedy: error.remedy(),
        }
    }
}

impl From<tokio::task::JoinError> for CommandError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::internal(qunxue_app::msg!("a background task failed: {error}", "后台任务失败：{error}"))
    }
}

pub(crate) type CommandResult<T> = Result<T, CommandError>;
