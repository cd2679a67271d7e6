//! Learner profiles: several people can share one machine. Each profile has
//! a role; instructors and admins also have a PIN hash (set by the app layer,
//! never returned with the profile so it cannot leak to the UI).

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};
use serde::{Deserialize, Serialize};

use crate::{OptionalExt, Result};

/// Avatar colour given to a profile unless the user picks another.
pub const DEFAULT_AVATAR_COLOUR: &str = "#2f6f5e";

/// What a profile may do. Ordered: each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Studies courses: reads modules, takes quizzes, hands in practice tasks.
    Learner,
    /// Also marks work, runs classes and impact studies; switching to one asks for its PIN.
    Instructor,
    /// Also installs and removes courses and manages profiles and machine security; asks for its PIN.
    Admin,
}

impl Role {
    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::Learner, Role::Instructor, Role::Admin];

    /// The value of the `role` column: `learner`, `instructor` or `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Instructor => "instructor",
            Role::Admin => "admin",
        }
    }

    /// Whether switching to a profile with this role asks for its PIN.
    pub fn needs_pin(self) -> bool {
        self != Role::Learner
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not `learner`, `instructor` or `admin`; holds the name given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?} (expected learner, instructor or admin)")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| UnknownRole(s.to_string()))
    }
}

impl ToSql for Role {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Role {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str()?.parse().map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A person on this machine, as listed (without PIN or recovery hashes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// UUID of the profile; the same on every machine that knows the person.
    pub id: String,
    /// Name shown in the profile picker, records and reports.
    pub display_name: String,
    /// What the profile may do.
    pub role: Role,
    /// Colour of the avatar, `#rrggbb`.
    pub avatar_colour: String,
    /// When the profile was created: RFC 3339 UTC timestamp.
    pub created_at: String,
    /// When the profile was last used here (RFC 3339); the picker lists the latest first.
    pub last_used_at: String,
    /// Whether it has a PIN (the hash itself is read only where checked).
    pub has_pin: bool,
}

impl Profile {
    /// A learner profile with the default avatar colour, used or created `now`.
    pub fn learner(id: impl Into<String>, display_name: impl Into<String>, now: &str) -> Self {
        Profile {
            id: id.into(),
            display_name: display_name.into(),
            role: Role::Learner,
            avatar_colour: DEFAULT_AVATAR_COLOUR.to_string(),
            created_at: now.to_string(),
            last_used_at: now.to_string(),
            has_pin: false,
        }
    }
}

const COLUMNS: &str = "id, display_name, role, avatar_colour, created_at, last_used_at, pin_hash IS NOT NULL";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        id: r.get(0)?,
        display_name: r.get(1)?,
        role: r.get(2)?,
        avatar_colour: r.get(3)?,
        created_at: r.get(4)?,
        last_used_at: r.get(5)?,
        has_pin: r.get(6)?,
    })
}

/// Stores a new local profile (without a PIN).
pub fn insert(tx: &Transaction<'_>, profile: &Profile) -> Result<()> {
    tx.execute(
        include_str!("insert.sql"),
        params![
            profile.id,
            profile.display_name,
            profile.role,
            profile.avatar_colour,
            profile.created_at,
            profile.last_used_at
        ],
    )?;
    Ok(())
}

/// One profile by id, local or member; `NotFound` if there is none.
pub fn get(conn: &Connection, id: &str) -> Result<Profile> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM profiles WHERE id = ?1"), [id], from_row)
        .or_not_found(|| (format!("profile {id}"), format!("档案 {id}")))
}

/// Every local profile (one that can be picked on this machine), most
/// recently used first. Class members known only from their records are not
/// among them.
pub fn list(conn: &Connection) -> Result<Vec<Profile>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM profiles WHERE origin = 'local' ORDER BY last_used_at DESC, display_name"
    ))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether `id` is a class member known only from their records (not a
/// profile anyone can pick or act as here).
pub fn is_member(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(include_str!("is_member.sql"), [id], |r| r.get::<_, bool>(0)).optional()?.unwrap_or(false))
}

/// Records a person known from their records as a class member, unless a
/// profile with that id exists already (local or member). Returns whether
/// one was added. A member's name follows the newest record.
pub fn upsert_member(tx: &Transaction<'_>, id: &str, display_name: &str, now: &str) -> Result<bool> {
    let added =
        tx.execute(include_str!("insert_member.sql"), params![id, display_name, DEFAULT_AVATAR_COLOUR, now])? > 0;
    if !added {
        // A record without a name (one read from the LRS, which knows only
        // the id) never erases a name a bundle brought.
        tx.execute(include_str!("rename_member.sql"), params![id, display_name])?;
    }
    Ok(added)
}

/// Records that the profile was used at `now`.
pub fn touch(tx: &Transaction<'_>, id: &str, now: &str) -> Result<()> {
    tx.execute(include_str!("touch.sql"), params![id, now])?;
    Ok(())
}

/// Changes the profile's role.
pub fn set_role(tx: &Transaction<'_>, id: &str, role: Role) -> Result<()> {
    tx.execute(include_str!("set_role.sql"), params![id, role])?;
    Ok(())
}

/// The stored PIN hash (argon2 PHC string), if the profile has a PIN.
pub fn pin_hash(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row(include_str!("pin_hash.sql"), [id], |r| r.get::<_, Option<String>>(0)).optional()?.flatten())
}

/// Sets the profile's PIN hash (argon2 PHC string), or removes the PIN with `None`.
pub fn set_pin_hash(tx: &Transaction<'_>, id: &str, hash: Option<&str>) -> Result<()> {
    tx.execute(include_str!("set_pin_hash.sql"), params![id, hash])?;
    Ok(())
}

/// The hash of the admin's one-time recovery code, if one was issued.
pub fn recovery_hash(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row(include_str!("recovery_hash.sql"), [id], |r| r.get::<_, Option<String>>(0)).optional()?.flatten())
}

/// Sets the hash of the admin's one-time recovery code, or removes it with `None`.
pub fn set_recovery_hash(tx: &Transaction<'_>, id: &str, hash: Option<&str>) -> Result<()> {
    tx.execute(include_str!("set_recovery_hash.sql"), params![id, hash])?;
    Ok(())
}

/// Admins made before set-up existed: they hold no recovery code.
pub fn unconfirmed_admins(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(include_str!("unconfirmed_admins.sql"))?;
    let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Changes the profile's display name.
pub fn rename(tx: &Transaction<'_>, id: &str, display_name: &str) -> Result<()> {
    tx.execute(include_str!("rename.sql"), params![id, display_name])?;
    Ok(())
}

/// Changes the profile's avatar colour (`#rrggbb`).
pub fn set_avatar_colour(tx: &Transaction<'_>, id: &str, colour: &str) -> Result<()> {
    tx.execute(include_str!("set_avatar_colour.sql"), params![id, colour])?;
    Ok(())
}

/// Deletes a profile and, through the foreign keys, everything it owns.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete.sql"), [id])? > 0)
}

/// How many profiles hold `role`.
pub fn count_with_role(conn: &Connection, role: Role) -> Result<i64> {
    Ok(conn.query_row(include_str!("count_with_role.sql"), [role], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn roles_round_trip_and_order() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transact(|tx| -> Result<()> {
                insert(tx, &Profile::learner("a", "甲", "2026-01-01T00:00:00Z"))?;
                insert(tx, &Profile::learner("b", "乙", "2026-01-02T00:00:00Z"))?;
                set_role(tx, "a", Role::Instructor)?;
                set_pin_hash(tx, "a", Some("$argon2id$fake"))
            })
            .unwrap();
        let a = get(store.conn(), "a").unwrap();
        assert_eq!(a.role, Role::Instructor);
        assert_eq!(pin_hash(store.conn(), "a").unwrap().as_deref(), Some("$argon2id$fake"));
        assert_eq!(pin_hash(store.conn(), "b").unwrap(), None);
        let ids: Vec<_> = list(store.conn()).unwrap().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["b", "a"], "most recently used first");
        assert!(Role::Admin > Role::Instructor && Role::Instructor > Role::Learner);
        assert_eq!("admin".parse::<Role>().unwrap(), Role::Admin);
        assert!("teacher".parse::<Role>().is_err());
    }

    #[test]
    fn the_schema_rejects_an_unknown_role() {
        let mut store = Store::open_in_memory().unwrap();
        store.transact(|tx| insert(tx, &Profile::learner("a", "甲", "t0"))).unwrap();
        let err = store.conn().execute("UPDATE profiles SET role = 'teacher' WHERE id = 'a'", []);
        assert!(err.is_err());
    }
}
