//! Who did what as admin, and when: installs and removals of courses, role
//! changes, deleted profiles, restored backups. Kept in the database, so a
//! backup carries it.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminLogEntry {
    pub at: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub action: String,
    pub detail: String,
}

pub fn record(tx: &Transaction<'_>, entry: &AdminLogEntry) -> Result<()> {
    tx.execute(
        "INSERT INTO admin_log (at, actor_id, actor_name, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entry.at, entry.actor_id, entry.actor_name, entry.action, entry.detail],
    )?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub fn newest(conn: &Connection, limit: usize) -> Result<Vec<AdminLogEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor_id, actor_name, action, detail FROM admin_log ORDER BY at DESC, id DESC LIMIT ?1",
    )?;
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
