//! Who did what as admin, and when: installs and removals of courses, role
//! changes, deleted profiles, restored backups. Kept in the database, so a
//! backup carries it.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::Result;

/// One row of the admin log: an action taken with admin rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminLogEntry {
    /// When the action was taken: RFC 3339 UTC timestamp.
    pub at: String,
    /// Profile id of the admin who acted; kept after that profile is deleted.
    pub actor_id: Option<String>,
    /// The admin's display name at the time, so the entry stays readable after a rename or deletion.
    pub actor_name: String,
    /// What was done, e.g. `import_pack`, `remove_course`, `set_role`, `delete_profile`, `restore_backup`.
    pub action: String,
    /// Free-text detail of the action (which course, profile or backup), shown in the log.
    pub detail: String,
}

/// Appends an entry to the admin log.
pub fn record(tx: &Transaction<'_>, entry: &AdminLogEntry) -> Result<()> {
    tx.execute(
        include_str!("record.sql"),
        params![entry.at, entry.actor_id, entry.actor_name, entry.action, entry.detail],
    )?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub fn newest(conn: &Connection, limit: usize) -> Result<Vec<AdminLogEntry>> {
    let mut stmt = conn.prepare_cached(include_str!("newest.sql"))?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
        Ok(AdminLogEntry {
            at: r.get(0)?,
            actor_id: r.get(1)?,
            actor_name: r.get(2)?,
            action: r.get(3)?,
            detail: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
