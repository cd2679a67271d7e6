//! The one way an instant is stored: UTC, RFC 3339 with milliseconds and
//! `Z` (`2026-03-02T23:30:00.000Z`). The text sorts in time order, so SQL
//! can compare and order these columns as text. Migration 0024 brought the
//! rows older versions wrote (nanoseconds and `+00:00`, or whole seconds)
//! to this form.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::StoreError;

/// `at` as stored.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A stored instant read back; any RFC 3339 form is accepted (what an older
/// version or another machine's bundle wrote), a text that is none fails.
pub fn parse(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("{text:?} is not a time: {e}")))
}

/// Whether `text` is in the stored form exactly.
pub fn is_stored_form(text: &str) -> bool {
    parse(text).is_ok_and(|at| stamp(at) == text)
}

/// Whether a column holds instants, by the schema's naming rule: `at`,
/// `…_at` or `…_until`.
pub fn is_time_column(name: &str) -> bool {
    name == "at" || name.ends_with("_at") || name.ends_with("_until")
}

/// Serde for instants that arrive from another machine (bundles): any RFC
/// 3339 text is read, and kept in the stored form, so that the SQL comparing
/// and ordering these columns as text stays right; a text that is no time
/// refuses the bundle.
pub mod arriving {
    use serde::{Deserialize, Deserializer};

    /// An instant in the stored form.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse(&text).map(super::stamp).map_err(serde::de::Error::custom)
    }

    /// An optional instant in the stored form (use with `#[serde(default)]`).
    pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => super::parse(&text).map(|at| Some(super::stamp(at))).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

/// An instant as a column value: written in the stored form, read from any
/// RFC 3339 text; anything else fails loudly rather than reading as a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<Utc>);

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(stamp(self.0)))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        parse(text).map(Timestamp).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn instants_are_stored_in_one_sortable_form_and_read_from_any_rfc3339() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap();
        assert_eq!(stamp(at), "2026-03-02T23:30:00.000Z");
        assert_eq!(parse("2026-03-03T07:30:00+08:00").unwrap(), at);
        assert_eq!(parse("2026-03-02T23:30:00.000000000+00:00").unwrap(), at);
        assert!(parse("yesterday").is_err());
        assert!(is_stored_form("2026-03-02T23:30:00.000Z"));
        assert!(!is_stored_form("2026-03-02T23:30:00Z"));
        // Text order is time order.
        let later = stamp(at + chrono::Duration::milliseconds(1));
        assert!(stamp(at) < later);
    }

    #[test]
    fn an_instant_from_another_machine_arrives_in_the_stored_form() {
        #[derive(serde::Deserialize)]
        struct Row {
            #[serde(deserialize_with = "arriving::deserialize")]
            at: String,
            #[serde(default, deserialize_with = "arriving::optional")]
            until: Option<String>,
        }
        let row: Row = serde_json::from_str(r#"{"at": "2026-03-03T07:30:00+08:00"}"#).unwrap();
        assert_eq!((row.at.as_str(), row.until), ("2026-03-02T23:30:00.000Z", None));
        let row: Row =
            serde_json::from_str(r#"{"at": "2026-03-02T23:30:00Z", "until": "2026-03-02T23:30:00.5Z"}"#).unwrap();
        assert_eq!(row.until.as_deref(), Some("2026-03-02T23:30:00.500Z"));
        assert!(serde_json::from_str::<Row>(r#"{"at": "soon"}"#).is_err());
    }

    #[test]
    fn a_column_reads_back_through_from_sql_and_refuses_what_is_not_a_time() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let at = Timestamp(Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap());
        let back: Timestamp = conn.query_row("SELECT ?1", [at], |r| r.get(0)).unwrap();
        assert_eq!(back, at);
        let stored: String = conn.query_row("SELECT ?1", [at], |r| r.get(0)).unwrap();
        assert_eq!(stored, "2026-03-02T23:30:00.000Z");
        assert!(conn.query_row("SELECT 'soon'", [], |r| r.get::<_, Timestamp>(0)).is_err());
    }
}
