//! Small key/value settings that belong to the database (e.g. the active profile).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// Id of the last active profile, reopened at start-up while it is a learner without a PIN.
pub const ACTIVE_PROFILE: &str = "active_profile";
/// Minutes an instructor's or admin's session may stay idle before it locks
/// itself (0: never).
pub const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
/// Who uses this computer: `personal` (one learner) or `shared` (a class or
/// company machine with an admin). Absent until the first-run question.
pub const MACHINE_USE: &str = "machine_use";
/// `1` when the admin requires every learner profile to have a PIN.
pub const LEARNER_PINS_REQUIRED: &str = "learner_pins_required";
/// How marks reach this machine's learners: `bundle` (private mode: the
/// instructor's grades bundle; the default) or `lrs` (company mode: read
/// back from the LRS). Docs: `docs/xapi.md`.
pub const MARKS_ARRIVE_BY: &str = "marks_arrive_by";

/// The value stored under `key`, or `None` if it was never set.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row(include_str!("settings/select.sql"), [key], |r| r.get(0)).optional()?)
}

/// Stores `value` under `key`, replacing any earlier value.
pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(include_str!("settings/upsert.sql"), params![key, value])?;
    Ok(())
}
