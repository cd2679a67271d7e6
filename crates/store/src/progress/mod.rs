//! Reading progress per learner and module.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::Result;

/// A learner's reading progress in one module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleProgress {
    /// The module within the course.
    pub module_id: String,
    /// In progress or completed; modules never opened have no row.
    pub status: crate::status::ProgressStatus,
    /// When the learner first opened the module: RFC 3339 UTC timestamp.
    pub first_opened_at: String,
    /// When the learner last opened it: RFC 3339 UTC timestamp.
    pub last_opened_at: String,
    /// How many times the learner has opened it (at least 1).
    pub open_count: i64,
    /// When it was first marked completed (RFC 3339); `None` while in progress.
    pub completed_at: Option<String>,
}

/// Records that `profile` opened a module at `now`.
pub fn record_open(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    module: &str,
    now: &str,
) -> Result<ModuleProgress> {
    tx.execute(include_str!("record_open.sql"), params![profile, course, module, now])?;
    get(tx, profile, course, module)
}

/// Marks a module completed (opening it first if it never was).
pub fn mark_completed(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    module: &str,
    now: &str,
) -> Result<ModuleProgress> {
    tx.execute(include_str!("mark_completed.sql"), params![profile, course, module, now])?;
    get(tx, profile, course, module)
}

/// The learner's progress rows in a course, one per module they opened.
pub fn for_course(conn: &Connection, profile: &str, course: &str) -> Result<Vec<ModuleProgress>> {
    let mut stmt =
        conn.prepare_cached(&format!("{} WHERE profile_id = ?1 AND course_id = ?2", include_str!("select.sql")))?;
    let rows = stmt.query_map(params![profile, course], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn get(conn: &Connection, profile: &str, course: &str, module: &str) -> Result<ModuleProgress> {
    Ok(conn.query_row(
        &format!("{} WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3", include_str!("select.sql")),
        params![profile, course, module],
        from_row,
    )?)
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ModuleProgress> {
    Ok(ModuleProgress {
        module_id: r.get("module_id")?,
        status: r.get("status")?,
        first_opened_at: r.get("first_opened_at")?,
        last_opened_at: r.get("last_opened_at")?,
        open_count: r.get("open_count")?,
        completed_at: r.get("completed_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::{install, sample_module};
    use crate::{profiles, Store};

    fn setup() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        store.transact(|tx| profiles::insert(tx, &profiles::Profile::learner("p1", "学员", "t0"))).unwrap();
        store
    }

    #[test]
    fn opening_twice_counts_and_keeps_first_time() {
        let mut store = setup();
        store.transact(|tx| record_open(tx, "p1", "c1", "a", "t1")).unwrap();
        let p = store.transact(|tx| record_open(tx, "p1", "c1", "a", "t2")).unwrap();
        assert_eq!((p.status, p.open_count), (crate::status::ProgressStatus::InProgress, 2));
        assert_eq!((p.first_opened_at.as_str(), p.last_opened_at.as_str()), ("t1", "t2"));
    }

    #[test]
    fn completion_sticks_when_reopened() {
        let mut store = setup();
        let p = store.transact(|tx| mark_completed(tx, "p1", "c1", "a", "t1")).unwrap();
        assert_eq!(p.status, crate::status::ProgressStatus::Completed);
        let p = store.transact(|tx| record_open(tx, "p1", "c1", "a", "t2")).unwrap();
        assert_eq!((p.status, p.completed_at.as_deref()), (crate::status::ProgressStatus::Completed, Some("t1")));
        assert_eq!(for_course(store.conn(), "p1", "c1").unwrap().len(), 1);
    }

    #[test]
    fn progress_for_unknown_module_is_refused() {
        let mut store = setup();
        assert!(store.transact(|tx| record_open(tx, "p1", "c1", "zzz", "t1")).is_err());
    }
}
