//! Bookmarked modules, one per learner and module.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::Result;

/// A module a learner bookmarked, with its title for the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bookmark {
    /// The course of the bookmarked module.
    pub course_id: String,
    /// The bookmarked module's id within the course.
    pub module_id: String,
    /// The module's current title, joined from `modules`.
    pub module_title: String,
    /// When the bookmark was set: RFC 3339 UTC timestamp.
    pub created_at: String,
}

/// Sets or clears a bookmark; returns whether the module is now bookmarked.
pub fn set(tx: &Transaction<'_>, profile: &str, course: &str, module: &str, on: bool, now: &str) -> Result<bool> {
    if on {
        tx.execute(include_str!("insert.sql"), params![profile, course, module, now])?;
    } else {
        tx.execute(include_str!("delete.sql"), params![profile, course, module])?;
    }
    Ok(on)
}

/// Whether the learner has bookmarked this module.
pub fn is_set(conn: &Connection, profile: &str, course: &str, module: &str) -> Result<bool> {
    Ok(conn.query_row(include_str!("is_set.sql"), params![profile, course, module], |r| r.get(0))?)
}

/// A learner's bookmarks, newest first.
pub fn for_profile(conn: &Connection, profile: &str) -> Result<Vec<Bookmark>> {
    let mut stmt = conn.prepare_cached(include_str!("for_profile.sql"))?;
    let rows = stmt.query_map([profile], |r| {
        Ok(Bookmark { course_id: r.get(0)?, module_id: r.get(1)?, module_title: r.get(2)?, created_at: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::{install, sample_module};
    use crate::profiles::{self, Profile};
    use crate::Store;

    #[test]
    fn toggling_is_idempotent() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        store.transact(|tx| profiles::insert(tx, &Profile::learner("p1", "甲", "t0"))).unwrap();
        store.transact(|tx| set(tx, "p1", "c1", "a", true, "t1")).unwrap();
        store.transact(|tx| set(tx, "p1", "c1", "a", true, "t2")).unwrap();
        assert!(is_set(store.conn(), "p1", "c1", "a").unwrap());
        let list = for_profile(store.conn(), "p1").unwrap();
        assert_eq!((list.len(), list[0].created_at.as_str()), (1, "t1"));
        store.transact(|tx| set(tx, "p1", "c1", "a", false, "t3")).unwrap();
        assert!(!is_set(store.conn(), "p1", "c1", "a").unwrap());
        assert!(store.transact(|tx| set(tx, "p1", "c1", "nope", true, "t4")).is_err());
    }
}
