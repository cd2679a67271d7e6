//! Status columns as enums. Each is stored as its text (`in_progress`, …),
//! written through `ToSql` and read through `FromSql`, which refuses a text it
//! does not know: an unknown status fails loudly instead of reading as a
//! default. Serde uses the same texts, so the UI and bundles see what the
//! database holds.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A status stored as text that names none of the enum's values.
#[derive(Debug, thiserror::Error)]
#[error("unknown {what} {text:?} in the database")]
pub struct UnknownStatus {
    /// The enum (e.g. "attempt status").
    pub what: &'static str,
    /// The text found.
    pub text: String,
}

/// Declares a status enum with its stored texts, `as_str`, `parse`, `ALL`,
/// `Display`, serde and the SQL conversions.
macro_rules! stored_status {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored text.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The value a stored text names, if any.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| {
                    FromSqlError::Other(Box::new(UnknownStatus { what: $what, text: text.to_string() }))
                })
            }
        }
    };
}

stored_status! {
    /// Where a quiz attempt stands.
    AttemptStatus ("attempt status") {
        /// Open: the learner is still answering.
        InProgress = "in_progress",
        /// Handed in by the learner.
        Submitted = "submitted",
        /// Handed in by the backend because the deadline passed.
        Expired = "expired",
    }
}

stored_status! {
    /// Where a learner stands with a module.
    ProgressStatus ("module progress status") {
        /// Opened, not finished.
        InProgress = "in_progress",
        /// Finished.
        Completed = "completed",
    }
}

stored_status! {
    /// Whether a marker's judgement is finished.
    MarkStatus ("mark status") {
        /// Saved but not finished; never released.
        Draft = "draft",
        /// Finished: ready for release or moderation.
        Complete = "complete",
    }
}

stored_status! {
    /// How a practice-task version came to be.
    VersionSource ("submission source") {
        /// The learner handed it in.
        Submission = "submission",
        /// An instructor recorded an observation of the learner's practice.
        Observation = "observation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_and_an_unknown_text_fails_loudly() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for status in AttemptStatus::ALL {
            let back: AttemptStatus = conn.query_row("SELECT ?1", [status], |r| r.get(0)).unwrap();
            assert_eq!(back, *status);
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
        let unknown = conn.query_row("SELECT 'finished'", [], |r| r.get::<_, AttemptStatus>(0)).unwrap_err();
        assert!(unknown.to_string().contains("unknown attempt status \"finished\""), "{unknown}");
        assert_eq!(ProgressStatus::parse("completed"), Some(ProgressStatus::Completed));
        assert_eq!(MarkStatus::ALL.len(), 2);
        assert_eq!(VersionSource::Observation.to_string(), "observation");
    }
}
