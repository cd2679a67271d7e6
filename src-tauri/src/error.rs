//! Errors as the UI receives them: `{kind, message}`, never a stack trace.

use qunxue_app::domain::Diagnostic;
use qunxue_app::{AppError, ErrorKind, Remedy};
use serde::Serialize;

#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub(crate) struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
    /// Every problem of an invalid pack, for the UI to list one by one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// What the person can do about a refusal: enter the PIN, set up or
    /// confirm the admin. The UI offers it over whatever screen is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
}

impl CommandError {
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Internal, message: message.into(), diagnostics: Vec::new(), remedy: None }
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Forbidden, message: message.into(), diagnostics: Vec::new(), remedy: None }
    }
}

impl From<AppError> for CommandError {
    fn from(error: AppError) -> Self {
        Self {
            kind: error.kind(),
            message: error.to_string(),
            diagnostics: error.diagnostics().to_vec(),
            remedy: error.remedy(),
        }
    }
}

impl From<tokio::task::JoinError> for CommandError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::internal(format!("a background task failed: {error}"))
    }
}

pub(crate) type CommandResult<T> = Result<T, CommandError>;
