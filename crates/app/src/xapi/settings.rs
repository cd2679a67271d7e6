//! Where the statements go: the LRS endpoint, its account and the IRI base
//! activity ids are built under; and how the outbox stands. The password is
//! write-only from a front end's point of view: it is saved, never returned;
//! and it is kept in the OS credential store ([`crate::secrets`]), never in
//! the database. It goes only over `https://` (plain `http://` only to this
//! computer), and it is forgotten when the endpoint changes, so a password
//! is never sent to a server it was not given for.

use qunxue_core::xapi::{Iris, XapiError};
use qunxue_store::profiles::Role;
use qunxue_store::{settings as keys, xapi as outbox, Store};
use serde::{Deserialize, Serialize};

use crate::msg;
use crate::secrets::Secrets;
use crate::{access, AppError, Result};

/// The secret's name in [`Secrets`].
pub(crate) const LRS_PASSWORD: &str = "lrs-password";

/// The settings as a front end sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct XapiSettings {
    /// The LRS's xAPI root URL, e.g. `https://lrs.example.com/xAPI`; empty while syncing is off.
    pub endpoint: String,
    /// User name for HTTP basic authentication with the LRS.
    pub username: String,
    /// Whether a password is stored; the password itself never leaves the backend.
    pub password_set: bool,
    /// Where this machine keeps it: the OS credential store, or an
    /// owner-only file beside the database where there is none.
    pub password_kept_in: crate::secrets::SecretStoreKind,
    /// Base of the IRIs the app's statements name activities with (`{base}/courses/{course}/…`).
    pub iri_base: String,
    /// How instructors' marks reach this machine's learners: by grades bundle or from the LRS.
    pub marks_arrive_by: MarksArriveBy,
}

/// How an instructor's marks reach this machine's learners. Which one an
/// LRS allows is the company's deployment choice (`docs/xapi.md`):
/// learner credentials that may read only their own statements (Ralph's
/// `statements/read/mine` with restriction by authority) never see a mark
/// the instructor wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MarksArriveBy {
    /// Private mode: by the instructor's signed grades bundle (#21).
    #[default]
    Bundle,
    /// Company mode: read back from the LRS, about this machine's profiles.
    Lrs,
}

impl MarksArriveBy {
    /// The mode as the settings table stores it: `bundle` or `lrs`.
    pub fn as_str(self) -> &'static str {
        match self {
            MarksArriveBy::Bundle => "bundle",
            MarksArriveBy::Lrs => "lrs",
        }
    }

    /// The mode in force on this machine.
    pub fn configured(conn: &qunxue_store::Connection) -> Result<Self> {
        Ok(match keys::get(conn, keys::MARKS_ARRIVE_BY)?.as_deref() {
            Some("lrs") => MarksArriveBy::Lrs,
            _ => MarksArriveBy::Bundle,
        })
    }
}

/// What an administrator submits. `password: None` keeps the stored one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsInput {
    /// The LRS's xAPI root URL: `https://`, or `http://` to this computer only; empty switches syncing off.
    pub endpoint: String,
    /// User name for HTTP basic authentication with the LRS (trimmed when saved).
    pub username: String,
    /// A new password, kept out of the database; `None` or empty keeps the stored one unless the endpoint changes.
    #[serde(default)]
    pub password: Option<String>,
    /// Base of the IRIs the app's statements name activities with.
    pub iri_base: String,
    /// `None` keeps the mode in force.
    #[serde(default)]
    pub marks_arrive_by: Option<MarksArriveBy>,
}

/// The outbox and the last sync, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct XapiStatus {
    /// Whether an LRS endpoint is set, i.e. syncing is on.
    pub configured: bool,
    /// Statements in the outbox not yet accepted by the LRS.
    pub pending: i64,
    /// Statements the LRS has accepted.
    pub sent: i64,
    /// When a sync last succeeded (RFC 3339); `None` if never.
    pub last_success_at: Option<String>,
    /// Why the last sync failed; cleared by the next success.
    pub last_error: Option<String>,
    /// When the last sync failed (RFC 3339); cleared by the next success.
    pub last_error_at: Option<String>,
}

/// The LRS connection settings as a front end may see them: whether a password is set, never the password itself.
pub fn settings(store: &Store, secrets: &Secrets) -> Result<XapiSettings> {
    let config = outbox::config(store.conn())?;
    Ok(XapiSettings {
        endpoint: config.endpoint,
        username: config.username,
        password_set: secrets.get(LRS_PASSWORD)?.is_some(),
        password_kept_in: secrets.kind(),
        iri_base: config.iri_base,
        marks_arrive_by: MarksArriveBy::configured(store.conn())?,
    })
}

/// Saves the connection settings (administrators only: they decide where
/// learning records go).
pub fn save_settings(
    store: &mut Store,
    secrets: &mut Secrets,
    profile: &str,
    input: &SettingsInput,
) -> Result<XapiSettings> {
    access::require(
        store.conn(),
        profile,
        Role::Admin,
        msg!("setting the learning record store", "设置学习记录服务器"),
    )?;
    let endpoint = check_endpoint(&input.endpoint)?;
    let iris = Iris::new(&input.iri_base).map_err(|e| {
        AppError::Rejected(match e {
            XapiError::BadIriBase(base) => msg!(
                "the xAPI IRI base `{base}` must start with http:// or https:// and name a host",
                "xAPI IRI 基址「{base}」必须以 http:// 或 https:// 开头，并写明主机名"
            ),
            XapiError::BadIriChars(base) => msg!(
                "the xAPI IRI base `{base}` must not contain spaces, `?` or `#`",
                "xAPI IRI 基址「{base}」不能包含空格、“?”或“#”"
            ),
        })
    })?;
    let password = input.password.as_deref().filter(|p| !p.is_empty());
    let moved = outbox::config(store.conn())?.endpoint != endpoint;
    match password {
        Some(password) => secrets.set(store, LRS_PASSWORD, password)?,
        // The old password was given for the old server.
        None if moved => secrets.delete(LRS_PASSWORD)?,
        None => {}
    }
    store.transact(|tx| -> Result<()> {
        // The database's own column stays empty (older versions kept it there).
        outbox::save_connection(tx, &endpoint, input.username.trim(), Some(""), iris.base())?;
        if let Some(mode) = input.marks_arrive_by {
            keys::set(tx, keys::MARKS_ARRIVE_BY, mode.as_str())?;
        }
        Ok(())
    })?;
    settings(store, secrets)
}

/// Moves a password an older version kept in the database into the
/// credential store, and wipes it from the file (and its log) for good.
pub(crate) fn move_password_out(store: &mut Store, data_dir: &std::path::Path) -> Result<()> {
    let legacy = outbox::config(store.conn())?.password;
    if legacy.is_empty() {
        return Ok(());
    }
    let mut secrets = Secrets::of(store, data_dir)?;
    if secrets.get(LRS_PASSWORD)?.is_none() {
        secrets.set(store, LRS_PASSWORD, &legacy)?;
    }
    Ok(outbox::wipe_stored_password(store.conn())?)
}

/// How the outbox and the last sync stand, for the status line; callers check the role.
pub fn status(store: &Store) -> Result<XapiStatus> {
    let config = outbox::config(store.conn())?;
    let counts = outbox::counts(store.conn())?;
    Ok(XapiStatus {
        configured: !config.endpoint.is_empty(),
        pending: counts.pending,
        sent: counts.sent,
        last_success_at: config.last_success_at,
        last_error: config.last_error,
        last_error_at: config.last_error_at,
    })
}

/// An empty endpoint switches syncing off; anything else must be an
/// `https://` URL (the LRS's xAPI root, e.g. `https://lrs.example.com/xAPI`),
/// or `http://` to this computer only: the password goes with every request.
/// Credentials written into the URL are refused (they would sit in the
/// database and in logs).
pub(crate) fn check_endpoint(endpoint: &str) -> Result<String> {
    let endpoint = endpoint.trim().trim_end_matches('/');
    if endpoint.is_empty() {
        return Ok(String::new());
    }
    let (secure, rest) = match (endpoint.strip_prefix("https://"), endpoint.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => {
            return Err(AppError::Rejected(msg!(
                "the LRS endpoint {endpoint} is not valid: it must be an https:// URL",
                "学习记录服务器地址「{endpoint}」无效，应以 https:// 开头"
            )))
        }
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || endpoint.contains(char::is_whitespace) {
        return Err(AppError::Rejected(msg!(
            "the LRS endpoint {endpoint} is not a valid URL",
            "学习记录服务器地址「{endpoint}」无效"
        )));
    }
    if authority.contains('@') {
        return Err(AppError::Rejected(msg!(
            "put the LRS account and password in their own fields, not in the URL",
            "学习记录服务器地址里不能包含账号或密码，请分别填写"
        )));
    }
    if !secure && !is_loopback(authority) {
        return Err(AppError::Rejected(msg!(
            "{endpoint} is not encrypted: the LRS password would cross the network in clear text; use https:// (http:// is allowed only to this computer)",
            "「{endpoint}」不加密，密码会以明文经过网络：请使用 https:// 地址（http:// 只能用于本机）"
        )));
    }
    Ok(endpoint.to_string())
}

/// Whether `authority` (host and optional port) is this computer.
fn is_loopback(authority: &str) -> bool {
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.rsplit_once(':').map_or(authority, |(host, _)| host),
    };
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_checked() {
        assert_eq!(check_endpoint(" https://lrs.example.com/xAPI/ ").unwrap(), "https://lrs.example.com/xAPI");
        assert_eq!(check_endpoint("").unwrap(), "");
        assert!(check_endpoint("lrs.example.com").is_err());
        assert!(check_endpoint("http:///x").is_err());
        // Clear text only to this computer.
        for local in
            ["http://127.0.0.1:8100/xAPI", "http://localhost/xAPI", "http://[::1]:8100/xAPI", "http://127.9.9.9"]
        {
            assert_eq!(check_endpoint(local).unwrap(), local);
        }
        let remote = check_endpoint("http://lrs.example.com/xAPI").unwrap_err().to_string();
        assert!(remote.contains("https://"), "{remote}");
        assert!(check_endpoint("http://localhost.evil.example/xAPI").is_err());
        assert!(check_endpoint("http://10.0.0.5:8100/xAPI").is_err());
        // No credentials in the URL, on either scheme.
        assert!(check_endpoint("https://user:secret@lrs.example.com/xAPI")
            .unwrap_err()
            .text(crate::Lang::Zh)
            .contains("账号或密码"));
        assert!(check_endpoint("http://user@127.0.0.1/xAPI").is_err());
    }
}
