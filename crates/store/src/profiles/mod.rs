//! Learner profiles: several people can share one machine.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub id: String,
    pub display_name: String,
    pub created_at: String,
    pub last_used_at: String,
}

pub fn insert(tx: &Transaction<'_>, profile: &Profile) -> Result<()> {
    tx.execute(
        "INSERT INTO profiles (id, display_name, created_at, last_used_at) VALUES (?1, ?2, ?3, ?4)",
        params![profile.id, profile.display_name, profile.created_at, profile.last_used_at],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Profile> {
    conn.query_row(
        "SELECT id, display_name, created_at, last_used_at FROM profiles WHERE id = ?1",
        [id],
        |r| {
            Ok(Profile {
                id: r.get(0)?,
                display_name: r.get(1)?,
                created_at: r.get(2)?,
                last_used_at: r.get(3)?,
            })
        },
    )
    .or_not_found(|| format!("profile {id}"))
}

pub fn touch(tx: &Transaction<'_>, id: &str, now: &str) -> Result<()> {
    tx.execute("UPDATE profiles SET last_used_at = ?2 WHERE id = ?1", params![id, now])?;
    Ok(())
}
