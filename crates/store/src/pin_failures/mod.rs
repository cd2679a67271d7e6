//! Wrong-PIN counts per profile, kept in the database so that restarting
//! the app does not reset the wait after too many wrong PINs.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// A profile's wrong-PIN state; all zero and unlocked for a profile with no row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PinFailures {
    /// Wrong PINs since the last success or lock.
    pub failures: i64,
    /// RFC 3339; the profile cannot be unlocked before this time.
    pub locked_until: Option<String>,
    /// Runs of wrong PINs that ended in a lock since the last right PIN:
    /// each doubles the next lock.
    pub lockouts: i64,
}

/// The profile's wrong-PIN state (the default when it has none recorded).
pub fn get(conn: &Connection, profile: &str) -> Result<PinFailures> {
    Ok(conn
        .query_row(include_str!("select.sql"), [profile], |r| {
            Ok(PinFailures { failures: r.get(0)?, locked_until: r.get(1)?, lockouts: r.get(2)? })
        })
        .optional()?
        .unwrap_or_default())
}

/// Stores the profile's wrong-PIN state, replacing the earlier one.
pub fn set(tx: &Transaction<'_>, profile: &str, state: &PinFailures) -> Result<()> {
    tx.execute(include_str!("upsert.sql"), params![profile, state.failures, state.locked_until, state.lockouts])?;
    Ok(())
}

/// Forgets the profile's wrong PINs and lock, e.g. after a right PIN.
pub fn clear(tx: &Transaction<'_>, profile: &str) -> Result<()> {
    tx.execute(include_str!("delete.sql"), [profile])?;
    Ok(())
}
