//! The full-text search index: one row in `search_docs` per searchable
//! document (module section, note, question) holding its original text, and
//! a row with the same id in the FTS5 table `search_fts` holding that text
//! as space-separated words, plus a `scope` word saying who may find it.
//! Segmenting Chinese into words is the app's job (jieba); this module only
//! stores what it is given and runs the query.
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
    /// A section of a module: the text under one heading.
    Module,
    /// A learner's note on a module.
    Note,
    /// A question from one of the course's banks.
    Question,
}

impl DocKind {
    /// The value of the `kind` column: `module`, `note` or `question`.
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
    /// What the document is.
    pub kind: DocKind,
    /// The course it belongs to.
    pub course_id: String,
    /// The module, for module sections and notes.
    pub module_id: Option<String>,
    /// Id of the heading to scroll to in the rendered module, if any.
    pub anchor: Option<String>,
    /// The note's or question's id; `None` for module sections.
    pub ref_id: Option<String>,
    /// Notes only: their author, the only profile that finds them.
    pub profile_id: Option<String>,
    /// A section of an instructor-only module: instructors find it, learners do not.
    pub instructor_only: bool,
    /// Module title (first section only), question stem or, for a note, its module's title.
    pub title: String,
    /// The section's heading or a question's tags; empty for notes.
    pub heading: String,
    /// The searchable text, as plain text.
    pub body: String,
}

/// The same fields as words separated by spaces, for the FTS table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocWords {
    /// `Doc::title` segmented into space-separated words.
    pub title: String,
    /// `Doc::heading` segmented into space-separated words.
    pub heading: String,
    /// `Doc::body` segmented into space-separated words.
    pub body: String,
}

/// One match, best first; `rank` is bm25 (lower is better).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// What the matched document is.
    pub kind: DocKind,
    /// The course it belongs to.
    pub course_id: String,
    /// The course's title.
    pub course_title: String,
    /// The module to open, for module sections and notes.
    pub module_id: Option<String>,
    /// Id of the heading to scroll to, if any.
    pub anchor: Option<String>,
    /// The note's or question's id; `None` for module sections.
    pub ref_id: Option<String>,
    /// The module's title for sections and notes, the stem for questions.
    pub title: String,
    /// The section's heading or the question's tags; empty for notes.
    pub heading: String,
    /// The document's original text, for the snippet.
    pub body: String,
    /// bm25 score weighted title > heading > body; lower is better.
    pub rank: f64,
}

/// Who is searching: notes are private to their author; questions and
/// instructor-only modules are shown to instructors and admins only.
#[derive(Debug, Clone, Copy)]
pub struct Visibility<'a> {
    /// The searcher, who finds their own notes only.
    pub profile_id: &'a str,
    /// Whether the searcher is an instructor or admin, who also finds questions and instructor-only modules.
    pub teaches: bool,
}

/// Indexes one document: its original text in `search_docs`, its `words` and scope in `search_fts`.
pub fn insert(tx: &Transaction<'_>, doc: &Doc, words: &DocWords) -> Result<()> {
    tx.prepare_cached(include_str!("insert_doc.sql"))?.execute(params![
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
    tx.prepare_cached(include_str!("insert_fts.sql"))?.execute(params![
        id,
        words.title,
        words.heading,
        words.body,
        doc_scope(doc)
    ])?;
    Ok(())
}

/// The word of an instructor-only module's sections in the `scope` column.
const INSTRUCTOR_SCOPE: &str = "instructor";

fn doc_scope(doc: &Doc) -> String {
    if doc.instructor_only {
        INSTRUCTOR_SCOPE.to_string()
    } else {
        scope_word(doc.kind, doc.profile_id.as_deref())
    }
}

/// The one word in a document's `scope` column: its kind, and for a note
/// its author's id in hex (any id becomes a single token of letters and
/// digits that unicode61 cannot split or fold).
fn scope_word(kind: DocKind, profile_id: Option<&str>) -> String {
    match (kind, profile_id) {
        (DocKind::Note, Some(profile)) => {
            let hex: String = profile.bytes().map(|b| format!("{b:02x}")).collect();
            format!("note{hex}")
        }
        (kind, _) => kind.as_str().to_string(),
    }
}

/// `terms` (an FTS5 expression over quoted words) limited to the text
/// columns, and to the documents `who` may see: module sections, their own
/// notes, and questions and instructor-only modules if they teach.
fn match_expression(terms: &str, who: Visibility<'_>) -> String {
    let mut scopes = vec![scope_word(DocKind::Module, None), scope_word(DocKind::Note, Some(who.profile_id))];
    if who.teaches {
        scopes.push(scope_word(DocKind::Question, None));
        scopes.push(INSTRUCTOR_SCOPE.to_string());
    }
    format!("{{title heading body}} : ({terms}) AND scope : ({})", scopes.join(" OR "))
}

/// Drops a course's module and question documents before they are indexed
/// again (its notes stay: they follow their own edits).
pub fn delete_course_content(tx: &Transaction<'_>, course_id: &str) -> Result<()> {
    tx.execute(include_str!("delete_course_content.sql"), [course_id])?;
    Ok(())
}

/// Drops the document of one note (before it is indexed again).
pub fn delete_note(tx: &Transaction<'_>, note_id: &str) -> Result<()> {
    tx.execute(include_str!("delete_note.sql"), [note_id])?;
    Ok(())
}

/// Empties the whole index, for a rebuild.
pub fn clear(tx: &Transaction<'_>) -> Result<()> {
    // FTS5's own bulk delete, rather than one tombstone per row from the
    // search_docs trigger (which then finds nothing left to delete).
    tx.execute(include_str!("clear_fts.sql"), [])?;
    tx.execute(include_str!("clear_docs.sql"), [])?;
    Ok(())
}

/// Runs an FTS5 match expression (built by the caller from quoted words)
/// and returns at most `limit` documents the searcher may see.
pub fn query(conn: &Connection, expression: &str, who: Visibility<'_>, limit: usize) -> Result<Vec<Hit>> {
    let sql = include_str!("query.sql").replace("{limit}", &limit.to_string());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![match_expression(expression, who)], hit_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The version of the rules the index was built with, if it was built.
pub fn index_version(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row(include_str!("index_version.sql"), [], |r| r.get(0))?)
}

/// Records the version of the segmentation rules the index was just built with.
pub fn set_index_version(tx: &Transaction<'_>, version: &str) -> Result<()> {
    tx.execute(include_str!("delete_index_version.sql"), [])?;
    tx.execute(include_str!("insert_index_version.sql"), [version])?;
    Ok(())
}

/// How many documents the index holds, by kind (for tests and diagnostics).
pub fn count(conn: &Connection, kind: DocKind) -> Result<i64> {
    Ok(conn.query_row(include_str!("count.sql"), [kind.as_str()], |r| r.get(0))?)
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
