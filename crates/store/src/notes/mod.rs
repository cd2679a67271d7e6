//! Learners' notes on modules: the note, an optional quoted passage and the
//! heading it belongs to. Notes are private to the profile that wrote them.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// A learner's note on a module, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRecord {
    /// UUID of the note.
    pub id: String,
    /// The learner who wrote it; only they can find it.
    pub profile_id: String,
    /// The course of the annotated module.
    pub course_id: String,
    /// The annotated module.
    pub module_id: String,
    /// Id (`qx-…`) of the heading in the rendered module the note was written under, if any.
    pub anchor: Option<String>,
    /// The passage the learner highlighted, as plain text, if any.
    pub quote: Option<String>,
    /// The note's text, trimmed and never empty.
    pub body: String,
    /// When the note was written: RFC 3339 UTC timestamp.
    pub created_at: String,
    /// When its text was last changed: RFC 3339 UTC timestamp.
    pub updated_at: String,
}

/// A note with the module it belongs to, for lists and exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    /// The note itself.
    pub note: NoteRecord,
    /// The annotated module's title.
    pub module_title: String,
    /// The module's place in its course's reading order.
    pub module_position: i64,
}

/// Stores a new note.
pub fn insert(tx: &Transaction<'_>, n: &NoteRecord) -> Result<()> {
    tx.prepare_cached(include_str!("insert.sql"))?.execute(params![
        n.id,
        n.profile_id,
        n.course_id,
        n.module_id,
        n.anchor,
        n.quote,
        n.body,
        n.created_at,
        n.updated_at
    ])?;
    Ok(())
}

/// Replaces a note's text; the quote and anchor stay where it was written.
pub fn update_body(tx: &Transaction<'_>, id: &str, body: &str, now: &str) -> Result<()> {
    tx.execute(include_str!("update_body.sql"), params![id, body, now])?;
    Ok(())
}

/// Deletes a note (and its search document); false if there was no such note.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete.sql"), [id])? > 0)
}

/// One note with its module by id; `NotFound` if there is none.
pub fn get(conn: &Connection, id: &str) -> Result<NoteRow> {
    conn.query_row(&format!("{} WHERE n.id = ?1", include_str!("select.sql")), [id], from_row)
        .or_not_found(|| (format!("note {id}"), format!("笔记 {id}")))
}

/// A learner's notes on one module, oldest first.
pub fn for_module(conn: &Connection, profile: &str, course: &str, module: &str) -> Result<Vec<NoteRow>> {
    let sql = format!(
        "{} WHERE n.profile_id = ?1 AND n.course_id = ?2 AND n.module_id = ?3 ORDER BY n.created_at, n.id",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![profile, course, module], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All of a learner's notes, by course, then module order, then time.
pub fn for_profile(conn: &Connection, profile: &str) -> Result<Vec<NoteRow>> {
    let sql = format!(
        "{} WHERE n.profile_id = ?1 ORDER BY n.course_id, m.position, n.created_at, n.id",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([profile], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every note of every learner, for rebuilding the search index.
pub fn all(conn: &Connection) -> Result<Vec<NoteRow>> {
    let mut stmt = conn.prepare_cached(include_str!("select.sql"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<NoteRow> {
    Ok(NoteRow {
        note: NoteRecord {
            id: r.get("id")?,
            profile_id: r.get("profile_id")?,
            course_id: r.get("course_id")?,
            module_id: r.get("module_id")?,
            anchor: r.get("anchor")?,
            quote: r.get("quote")?,
            body: r.get("body")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
        },
        module_title: r.get("module_title")?,
        module_position: r.get("module_position")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::{install, sample_module};
    use crate::profiles::{self, Profile};
    use crate::Store;

    fn note(id: &str, module: &str, at: &str) -> NoteRecord {
        NoteRecord {
            id: id.into(),
            profile_id: "p1".into(),
            course_id: "c1".into(),
            module_id: module.into(),
            anchor: Some("qx-定义".into()),
            quote: Some("社群是一群人".into()),
            body: "要记住三个要素".into(),
            created_at: at.into(),
            updated_at: at.into(),
        }
    }

    fn setup() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory"), sample_module("b", 2, "case")]);
        store.transact(|tx| profiles::insert(tx, &Profile::learner("p1", "甲", "t0"))).unwrap();
        store
    }

    #[test]
    fn notes_list_in_module_order_and_follow_edits() {
        let mut store = setup();
        store
            .transact(|tx| {
                insert(tx, &note("n2", "b", "t1"))?;
                insert(tx, &note("n1", "a", "t2"))?;
                update_body(tx, "n1", "改过的笔记", "t3")
            })
            .unwrap();
        let all: Vec<_> = for_profile(store.conn(), "p1").unwrap().into_iter().map(|r| r.note.id).collect();
        assert_eq!(all, ["n1", "n2"]);
        let n1 = get(store.conn(), "n1").unwrap();
        assert_eq!(
            (n1.note.body.as_str(), n1.note.updated_at.as_str(), n1.module_title.as_str()),
            ("改过的笔记", "t3", "模块 a")
        );
        assert_eq!(for_module(store.conn(), "p1", "c1", "b").unwrap().len(), 1);
    }

    #[test]
    fn a_note_on_an_unknown_module_is_refused_and_deleting_a_profile_drops_its_notes() {
        let mut store = setup();
        assert!(store.transact(|tx| insert(tx, &note("n1", "zzz", "t1"))).is_err());
        store.transact(|tx| insert(tx, &note("n1", "a", "t1"))).unwrap();
        store.transact(|tx| profiles::delete(tx, "p1")).unwrap();
        assert!(all(store.conn()).unwrap().is_empty());
    }
}
