//! Errors as the UI receives them: `{kind, message}`, never a stack trace.

use qunxue_app::domain::Diagnostic;
use qunxue_app::{AppError, ErrorKind};
use serde::Serialize;

#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
    /// Every problem of an invalid pack, for the UI to list one by one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// The acting profile's session locked itself: the UI asks for its PIN.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Internal, message: message.into(), diagnostics: Vec::new(), locked: false }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Forbidden, message: message.into(), diagnostics: Vec::new(), locked: false }
    }
}

impl From<AppError> for CommandError {
    fn from(error: AppError) -> Self {
        Self {
            kind: error.kind(),
            message: error.to_string(),
            diagnostics: error.diagnostics().to_vec(),
            locked: error.is_locked(),
        }
    }
}

impl From<tokio::task::JoinError> for CommandError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::internal(format!("a background task failed: {error}"))
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
