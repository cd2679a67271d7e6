//! Errors as the UI receives them: `{kind, message}`, never a stack trace.

use qunxue_app::{AppError, ErrorKind};
use serde::Serialize;

#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Internal, message: message.into() }
    }
}

impl From<AppError> for CommandError {
    fn from(error: AppError) -> Self {
        Self { kind: error.kind(), message: error.to_string() }
    }
}

impl From<tokio::task::JoinError> for CommandError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::internal(format!("a background task failed: {error}"))
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
