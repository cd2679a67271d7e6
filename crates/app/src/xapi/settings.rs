//! Where the statements go: the LRS endpoint, its account and the IRI base
//! activity ids are built under; and how the outbox stands. The password is
//! write-only from a front end's point of view: it is saved, never returned.

use qunxue_core::xapi::Iris;
use qunxue_store::profiles::Role;
use qunxue_store::{settings as keys, xapi as outbox, Store};
use serde::{Deserialize, Serialize};

use crate::{access, AppError, Result};

/// The settings as a front end sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct XapiSettings {
    pub endpoint: String,
    pub username: String,
    /// Whether a password is stored; the password itself never leaves the backend.
    pub password_set: bool,
    pub iri_base: String,
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
    fn as_str(self) -> &'static str {
        match self {
            MarksArriveBy::Bundle => "bundle",
            MarksArriveBy::Lrs => "lrs",
        }
    }

    /// The mode in force on this machine.
    pub fn configured(conn: &rusqlite::Connection) -> Result<Self> {
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
    pub endpoint: String,
    pub username: String,
    #[serde(default)]
    pub password: Option<String>,
    pub iri_base: String,
    /// `None` keeps the mode in force.
    #[serde(default)]
    pub marks_arrive_by: Option<MarksArriveBy>,
}

/// The outbox and the last sync, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct XapiStatus {
    pub configured: bool,
    pub pending: i64,
    pub sent: i64,
    pub last_success_at: Option<String>,
    pub last_error: Option<String>,
    pub last_error_at: Option<String>,
}

pub fn settings(store: &Store) -> Result<XapiSettings> {
    let config = outbox::config(store.conn())?;
    Ok(XapiSettings {
        endpoint: config.endpoint,
        username: config.username,
        password_set: !config.password.is_empty(),
        iri_base: config.iri_base,
        marks_arrive_by: MarksArriveBy::configured(store.conn())?,
    })
}

/// Saves the connection settings (administrators only: they decide where
/// learning records go).
pub fn save_settings(store: &mut Store, profile: &str, input: &SettingsInput) -> Result<XapiSettings> {
    access::require(store.conn(), profile, Role::Admin, "设置学习记录服务器 / setting the learning record store")?;
    let endpoint = check_endpoint(&input.endpoint)?;
    let iris = Iris::new(&input.iri_base).map_err(|e| AppError::Rejected(e.to_string()))?;
    let password = input.password.as_deref().filter(|p| !p.is_empty());
    store.transact(|tx| -> Result<()> {
        outbox::save_connection(tx, &endpoint, input.username.trim(), password, iris.base())?;
        if let Some(mode) = input.marks_arrive_by {
            keys::set(tx, keys::MARKS_ARRIVE_BY, mode.as_str())?;
        }
        Ok(())
    })?;
    settings(store)
}

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
/// http(s) URL (the LRS's xAPI root, e.g. `https://lrs.example.com/xAPI`).
pub(crate) fn check_endpoint(endpoint: &str) -> Result<String> {
    let endpoint = endpoint.trim().trim_end_matches('/');
    if endpoint.is_empty() {
        return Ok(String::new());
    }
    let rest = endpoint.strip_prefix("https://").or_else(|| endpoint.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !endpoint.contains(char::is_whitespace) => {
            Ok(endpoint.to_string())
        }
        _ => Err(AppError::Rejected(format!(
            "学习记录服务器地址「{endpoint}」无效，应以 http:// 或 https:// 开头 / the LRS endpoint must be an http(s) URL"
        ))),
    }
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
    }
}
