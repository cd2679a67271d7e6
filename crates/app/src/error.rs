//! The services' error type. Its [`ErrorKind`] is what the UI switches on;
//! its [`Message`] is written for people, in English and in Chinese side by
//! side where the error is raised, so neither language falls behind. Front
//! ends pick the language: the UI its interface language, the CLI the locale.
//! `Display` is the English text (logs and developers read it).

use std::path::PathBuf;

pub use qunxue_core::diagnostic::{Lang, Message};
use qunxue_core::msg;
use qunxue_core::Diagnostic;
use qunxue_store::profiles::Role;
use qunxue_store::StoreError;

/// A stable, machine-readable error category sent to the UI as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// What was asked for does not exist (a course, profile, attempt…).
    NotFound,
    /// The request itself is wrong: a bad pack, a rule refusing it.
    InvalidInput,
    /// The database failed (full disk, read-only file, corrupt data).
    Database,
    /// A file could not be read or written.
    Io,
    /// The acting profile may not do this, or must unlock first.
    Forbidden,
    /// The request clashes with what is installed (e.g. an older course version).
    Conflict,
    /// A fault of the app itself; the message says what failed.
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

/// Every failure of a service. Variants that carry text carry a [`Message`]
/// (never a bare `String`), so every error reaches people in their language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message().en)]
pub enum AppError {
    /// The store failed; [`AppError::message`] translates it.
    Store(#[from] StoreError),
    /// A file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why the OS refused.
        source: std::io::Error,
    },
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// Why the OS refused.
        source: std::io::Error,
    },
    /// A pack with problems; each diagnostic names its file, line and column.
    Invalid(Vec<Diagnostic>),
    /// What was asked for does not exist.
    NotFound(Message),
    /// The request clashes with what is there already.
    Conflict(Message),
    /// A request the rules refuse (e.g. a quiz whose attempts are used up).
    Rejected(Message),
    /// The caller's role does not allow the action (checked in the backend,
    /// whatever the UI shows).
    Forbidden {
        /// The action refused, as a phrase ("exporting grades" / "导出成绩包").
        action: Message,
        /// The least role the action needs.
        required: Role,
        /// The acting profile's role.
        actual: Role,
    },
    /// The profile holds the role, but its PIN has not been given in this
    /// session (the CLI without `--pin-stdin` or `QUNXUE_PIN`).
    Locked {
        /// The action that needs the PIN.
        action: Message,
    },
    /// An admin-only action on a machine that has no admin yet: one must be
    /// set up (name, PIN, recovery code) first, never "whoever comes first".
    NoAdmin {
        /// The action that needs an admin.
        action: Message,
    },
    /// The acting admin was made before admin set-up existed: they confirm
    /// (and get a recovery code) or hand over to a new admin first.
    AdminUnconfirmed {
        /// The action waiting for the confirmation.
        action: Message,
    },
    /// A verified bundle signed by a key this machine has not trusted for
    /// that signer yet; someone must compare the fingerprint and trust it.
    UntrustedKey {
        /// The signer's name as the bundle gives it.
        signer_name: String,
        /// The key's fingerprint, to compare with the signer's.
        fingerprint: String,
    },
    /// A fault of the app itself.
    Internal(Message),
}

impl AppError {
    /// The category the UI switches on.
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

    /// The error for people, in both languages.
    pub fn message(&self) -> Message {
        match self {
            AppError::Store(error) => store_message(error),
            AppError::Read { path, source } => {
                let path = path.display();
                msg!("cannot read {path}: {source}", "无法读取 {path}：{source}")
            }
            AppError::Write { path, source } => {
                let path = path.display();
                msg!("cannot write {path}: {source}", "无法写入 {path}：{source}")
            }
            AppError::Invalid(diagnostics) => Message {
                en: diagnostics.iter().map(|d| d.line_in(Lang::En)).collect::<Vec<_>>().join("\n"),
                zh: diagnostics.iter().map(|d| d.line_in(Lang::Zh)).collect::<Vec<_>>().join("\n"),
            },
            AppError::NotFound(message)
            | AppError::Conflict(message)
            | AppError::Rejected(message)
            | AppError::Internal(message) => message.clone(),
            AppError::Forbidden { action, required, actual } => {
                let (action_en, action_zh) = (&action.en, &action.zh);
                let (required_en, required_zh) = (required.as_str(), role_zh(*required));
                let (actual_en, actual_zh) = (actual.as_str(), role_zh(*actual));
                msg!(
                    "{action_en} needs the {required_en} role; the active profile is a {actual_en}",
                    "{action_zh}需要{required_zh}身份，当前档案是{actual_zh}"
                )
            }
            AppError::Locked { action } => {
                let (action_en, action_zh) = (&action.en, &action.zh);
                msg!(
                    "{action_en} needs this profile's PIN: the session locks itself when idle (enter it again under Profiles; on the command line, --pin-stdin or QUNXUE_PIN)",
                    "{action_zh}需要先输入这个档案的 PIN（闲置一段时间后会自动锁定，请在“档案”中重新输入；命令行用 --pin-stdin 或 QUNXUE_PIN）"
                )
            }
            AppError::NoAdmin { action } => {
                let (action_en, action_zh) = (&action.en, &action.zh);
                msg!(
                    "{action_en} needs an admin and this computer has none yet: set one up first (name, PIN and recovery code)",
                    "{action_zh}需要管理员，但这台电脑还没有管理员：请先设置管理员（姓名、PIN 和恢复码）"
                )
            }
            AppError::AdminUnconfirmed { action } => {
                let (action_en, action_zh) = (&action.en, &action.zh);
                msg!(
                    "this computer's admin was made by an older version: confirm it (and get a recovery code) or set up a new admin before {action_en}",
                    "本机管理员是旧版本中设置的，请先确认管理员（获取恢复码）或重新设置管理员，再{action_zh}"
                )
            }
            AppError::UntrustedKey { signer_name, fingerprint } => msg!(
                "the bundle is signed by an untrusted key (fingerprint {fingerprint}); verify it with {signer_name} and trust it to import",
                "这个包由「{signer_name}」签名，但本机尚未信任它的密钥（指纹 {fingerprint}）。请向对方核对指纹，确认无误后选择“信任并导入”"
            ),
        }
    }

    /// The error's text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let message = self.message();
        match lang {
            Lang::En => message.en,
            Lang::Zh => message.zh,
        }
    }

    /// An internal fault: `what` failed (in both languages) because of `error`.
    pub fn internal(what: Message, error: impl std::fmt::Display) -> AppError {
        let (what_en, what_zh) = (what.en, what.zh);
        AppError::Internal(msg!("{what_en}: {error}", "{what_zh}：{error}"))
    }

    pub(crate) fn read(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
        move |source| AppError::Read { path: path.to_path_buf(), source }
    }

    pub(crate) fn write(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
        move |source| AppError::Write { path: path.to_path_buf(), source }
    }
}

/// A role's name in Chinese, as the profile screens call it.
pub fn role_zh(role: Role) -> &'static str {
    match role {
        Role::Learner => "学员",
        Role::Instructor => "讲师",
        Role::Admin => "管理员",
    }
}

/// The store's errors for people. SQLite's own text stays as it is (it names
/// the failing constraint or file); what to do about it is in both languages.
fn store_message(error: &StoreError) -> Message {
    match error {
        StoreError::Open { path, source } => {
            let path = path.display();
            msg!("cannot open the database {path}: {source}", "无法打开数据库 {path}：{source}")
        }
        StoreError::TooNew { path, found, known } => {
            let path = path.display();
            msg!(
                "the database {path} was written by a newer Qunxue (schema {found}, this build knows {known}); update the app",
                "数据库 {path} 由更新版本的群学写入（结构版本 {found}，本程序只认识到 {known}），请先升级应用"
            )
        }
        StoreError::NotFound { what, what_zh } => msg!("{what} not found", "找不到{what_zh}"),
        StoreError::Sqlite(source) => {
            let advice = qunxue_store::sqlite_advice(source);
            let (advice_en, advice_zh) = advice.map_or(("", ""), |(en, zh)| (en, zh));
            let sep_en = if advice_en.is_empty() { "" } else { " — " };
            let sep_zh = if advice_zh.is_empty() { "" } else { "——" };
            msg!("database error: {source}{sep_en}{advice_en}", "数据库出错：{source}{sep_zh}{advice_zh}")
        }
        StoreError::Corrupt(what) => msg!("stored data is corrupt: {what}", "保存的数据已损坏：{what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_in_one_language_at_a_time() {
        let action = msg!("exporting grades", "导出成绩包");
        let errors = [
            AppError::Forbidden { action: action.clone(), required: Role::Instructor, actual: Role::Learner },
            AppError::Locked { action: action.clone() },
            AppError::NoAdmin { action: action.clone() },
            AppError::AdminUnconfirmed { action },
            AppError::UntrustedKey { signer_name: "李老师".into(), fingerprint: "AB12 CD34".into() },
            AppError::Store(StoreError::NotFound { what: "profile p1".into(), what_zh: "档案 p1".into() }),
        ];
        for error in errors {
            let (en, zh) = (error.text(Lang::En), error.text(Lang::Zh));
            assert!(!en.chars().any(is_cjk) || en.contains("李老师"), "English text with Chinese in it: {en}");
            assert!(zh.chars().any(is_cjk), "Chinese text without Chinese: {zh}");
            assert!(!zh.contains(" / "), "two languages glued together: {zh}");
            assert_eq!(error.to_string(), en);
        }
    }

    fn is_cjk(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }
}
