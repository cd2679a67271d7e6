//! The full-text search index: one row in `search_docs` per searchable
//! document (module section, note, question) holding its original text, and
//! a row with the same id in the FTS5 table `search_fts` holding that text
//! as space-separated words. Segmenting Chinese into words is the app's job
//! (jieba); this module only stores what it is given and runs the query.
//!
//! Deleting a module, question or note deletes its documents through
//! triggers (see migration 0005), so this module never has to chase
//! cascades.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Module,
    Note,
    Question,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Module => "module",
            DocKind::Note => "note",
            DocKind::Question => "question",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<Self> {
        match text {
            "module" => Ok(DocKind::Module),
            "note" => Ok(DocKind::Note),
            "question" => Ok(DocKind::Question),
            other => Err(rusqlite::Error::InvalidColumnType(
                1,
                format!("search doc kind {other:?}"),
                rusqlite::types::Type::Text,
            )),
        }
    }
}

/// A document to index: where it points and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub kind: DocKind,
    pub course_id: String,
    pub module_id: Option<String>,
    pub anchor: Option<String>,
    pub ref_id: Option<String>,
    /// Notes only: their author, the only profile that finds them.
    pub profile_id: Option<String>,
    pub title: String,
    pub heading: String,
    pub body: String,
}

/// The same fields as words separated by spaces, for the FTS table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocWords {
    pub title: String,
    pub heading: String,
    pub body: String,
}

/// One match, best first; `rank` is bm25 (lower is better).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: DocKind,
    pub course_id: String,
    pub course_title: String,
    pub module_id: Option<String>,
    pub anchor: Option<String>,
    pub ref_id: Option<String>,
    pub title: String,
    pub heading: String,
    pub body: String,
    pub rank: f64,
}

/// Who is searching: notes are private to their author and questions are
/// shown to instructors and admins only.
#[derive(Debug, Clone, Copy)]
pub struct Visibility<'a> {
    pub profile_id: &'a str,
    pub questions: bool,
}

pub fn insert(tx: &Transaction<'_>, doc: &Doc, words: &DocWords) -> Result<()> {
    tx.prepare_cached(include_str!("insert_doc.sql"))?
        .execute(params![
            doc.kind.as_str(),
            doc.course_id,
            doc.module_id,
            doc.anchor,
            doc.ref_id,
            doc.profile_id,
            doc.title,
            doc.heading,
            doc.body
        ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO search_fts (rowid, title, heading, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, words.title, words.heading, words.body])?;
    Ok(())
}

/// Drops a course's module and question documents before they are indexed
/// again (its notes stay: they follow their own edits).
pub fn delete_course_content(tx: &Transaction<'_>, course_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM search_docs WHERE course_id = ?1 AND kind IN ('module', 'question')",
        [course_id],
    )?;
    Ok(())
}

/// Drops the document of one note (before it is indexed again).
pub fn delete_note(tx: &Transaction<'_>, note_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM search_docs WHERE kind = 'note' AND ref_id = ?1",
        [note_id],
    )?;
    Ok(())
}

/// Empties the whole index, for a rebuild.
pub fn clear(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM search_docs", [])?;
    Ok(())
}

/// Runs an FTS5 match expression (built by the caller from quoted words)
/// and returns at most `limit` documents the searcher may see.
pub fn query(
    conn: &Connection,
    expression: &str,
    who: Visibility<'_>,
    limit: usize,
) -> Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(include_str!("query.sql"))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(
        params![expression, who.profile_id, who.questions, limit],
        hit_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The version of the rules the index was built with, if it was built.
pub fn index_version(conn: &Connection) -> Result<Option<String>> {
    Ok(
        conn.query_row("SELECT max(version) FROM search_index_state", [], |r| {
            r.get(0)
        })?,
    )
}

pub fn set_index_version(tx: &Transaction<'_>, version: &str) -> Result<()> {
    tx.execute("DELETE FROM search_index_state", [])?;
    tx.execute(
        "INSERT INTO search_index_state (version) VALUES (?1)",
        [version],
    )?;
    Ok(())
}

/// How many documents the index holds, by kind (for tests and diagnostics).
pub fn count(conn: &Connection, kind: DocKind) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM search_docs WHERE kind = ?1",
        [kind.as_str()],
        |r| r.get(0),
    )?)
}

fn hit_from_row(r: &Row<'_>) -> rusqlite::Result<Hit> {
    Ok(Hit {
        kind: DocKind::parse(&r.get::<_, String>("kind")?)?,
        course_id: r.get("course_id")?,
        course_title: r.get("course_title")?,
        module_id: r.get("module_id")?,
        anchor: r.get("anchor")?,
        ref_id: r.get("ref_id")?,
        title: r.get("title")?,
        heading: r.get("heading")?,
        body: r.get("body")?,
        rank: r.get("rank")?,
    })
}

#[cfg(test)]
mod tests;
