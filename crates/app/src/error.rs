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

/// The way out of a refusal that the person at the machine can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// Enter the acting profile's PIN (a PIN-protected profile not unlocked
    /// in this session, or one that locked itself when idle).
    Unlock,
    /// Set up the machine's first admin.
    SetUpAdmin,
    /// Confirm the admin made by an older version, or set up a new one.
    ConfirmAdmin,
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
    /// An admin-only action on a machine that has no admin yet: one must be
    /// set up (name, PIN, recovery code) first, never "whoever comes first".
    #[error("{action}需要管理员，但这台电脑还没有管理员：请先设置管理员（姓名、PIN 和恢复码）/ {action} needs an admin and this computer has none yet: set one up first (name, PIN and recovery code)")]
    NoAdmin { action: String },
    /// The acting admin was made before admin set-up existed: they confirm
    /// (and get a recovery code) or hand over to a new admin first.
    #[error("本机管理员是旧版本中设置的，请先确认管理员（获取恢复码）或重新设置管理员，再{action} / this computer's admin was made by an older version: confirm it (and get a recovery code) or set up a new admin before {action}")]
    AdminUnconfirmed { action: String },
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
            AppError::NoAdmin { .. } | AppError::AdminUnconfirmed { .. } => ErrorKind::Forbidden,
            AppError::Internal(_) => ErrorKind::Internal,
        }
    }

    /// What the person can do about a refusal, so a front end can offer it
    /// where it happened (ask for the PIN, set up or confirm the admin).
    pub fn remedy(&self) -> Option<Remedy> {
        match self {
            AppError::Locked { .. } => Some(Remedy::Unlock),
            AppError::NoAdmin { .. } => Some(Remedy::SetUpAdmin),
            AppError::AdminUnconfirmed { .. } => Some(Remedy::ConfirmAdmin),
            _ => None,
        }
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
