//! The services' error type. Its [`ErrorKind`] is what the UI switches on;
//! the message is written for people.

use std::path::PathBuf;

use qunxue_core::Diagnostic;
use qunxue_store::profiles::Role;
use qunxue_store::StoreError;

/// A stable, machine-readable error category sent to the UI as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    InvalidInput,
    Database,
    Io,
    Forbidden,
    /// The request clashes with what is installed (e.g. an older course version).
    Conflict,
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{}", format_diagnostics(.0))]
    Invalid(Vec<Diagnostic>),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// A request the rules refuse (e.g. a quiz whose attempts are used up).
    #[error("{0}")]
    Rejected(String),
    /// The caller's role does not allow the action (checked in the backend,
    /// whatever the UI shows).
    #[error("{action} needs the {required} role; the active profile is a {actual}")]
    Forbidden { action: String, required: Role, actual: Role },
    /// The profile holds the role, but its PIN has not been given in this
    /// session (the CLI without `--pin-stdin` or `QUNXUE_PIN`).
    #[error("{action}需要先输入这个档案的 PIN（闲置一段时间后会自动锁定，请在“档案”中重新输入）/ {action} needs this profile's PIN: the session locks itself when idle (enter it again under Profiles; on the command line, --pin-stdin or QUNXUE_PIN)")]
    Locked { action: String },
    /// A verified bundle signed by a key this machine has not trusted for
    /// that signer yet; someone must compare the fingerprint and trust it.
    #[error(
        "这个包由「{signer_name}」签名，但本机尚未信任它的密钥（指纹 {fingerprint}）。请向对方核对指纹，确认无误后选择“信任此密钥”再导入 / the bundle is signed by an untrusted key (fingerprint {fingerprint}); verify it with {signer_name} and trust it to import"
    )]
    UntrustedKey { signer_name: String, fingerprint: String },
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Store(StoreError::NotFound { .. }) | AppError::NotFound(_) => ErrorKind::NotFound,
            AppError::Store(_) => ErrorKind::Database,
            AppError::Read { .. } | AppError::Write { .. } => ErrorKind::Io,
            AppError::Invalid(_) | AppError::Rejected(_) => ErrorKind::InvalidInput,
            // Conflict: the bundle's key clashes with the keys trusted here.
            AppError::Conflict(_) | AppError::UntrustedKey { .. } => ErrorKind::Conflict,
            AppError::Forbidden { .. } | AppError::Locked { .. } => ErrorKind::Forbidden,
            AppError::Internal(_) => ErrorKind::Internal,
        }
    }

    /// Whether the refusal is only for want of the acting profile's PIN (a
    /// session that locked itself), so a front end can ask for it.
    pub fn is_locked(&self) -> bool {
        matches!(self, AppError::Locked { .. })
    }

    /// The diagnostics of an invalid pack (empty for every other error), for
    /// front ends that list them one by one.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            AppError::Invalid(diagnostics) => diagnostics,
            _ => &[],
        }
    }

    pub(crate) fn read(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
        move |source| AppError::Read { path: path.to_path_buf(), source }
    }

    pub(crate) fn write(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
        move |source| AppError::Write { path: path.to_path_buf(), source }
    }
}

fn format_diagnostics(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}
