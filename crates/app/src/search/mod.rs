//! Chinese-aware full-text search over modules, the learner's own notes
//! and (for instructors and admins) questions.
//!
//! Text is segmented with jieba ([`segment`]) into an SQLite FTS5 table and
//! ranked with bm25 (title hits weigh most, then headings, then body). A hit
//! carries the course, module and heading anchor it was found under, so the
//! UI opens it at its place, and a snippet as plain-text segments with the
//! matches flagged (never HTML).

mod index;
mod sections;
mod segment;
mod snippet;
#[cfg(test)]
mod tests;

use qunxue_store::search::{self, DocKind, Visibility};
use qunxue_store::Store;
use serde::Serialize;

use crate::access::{self, Role};
use crate::{msg, AppError, Result};

pub(crate) use index::{index_course, index_note};
pub use segment::{warm_up, words};
pub use snippet::{Segment, Snippet};

/// Longest query accepted, in characters: a search box, not a document.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most hits returned for one query.
pub const MAX_HITS: usize = 50;

/// One search hit, with where to open it and the matched words marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// What was found: a module section, one of the learner's notes, or a question (instructors only).
    pub kind: DocKind,
    /// The course the hit belongs to.
    pub course_id: String,
    /// That course's title, shown with the hit.
    pub course_title: String,
    /// The module to open, for a module section or a note; `None` for a question.
    pub module_id: Option<String>,
    /// Heading id to scroll to in the module (`qx-…`).
    pub anchor: Option<String>,
    /// The note's or question's id.
    pub ref_id: Option<String>,
    /// The document's title with the searched words marked.
    pub title: Vec<Segment>,
    /// The heading the hit is under, with the searched words marked (empty when none).
    pub heading: Vec<Segment>,
    /// The passage around the searched words, as plain-text segments.
    pub snippet: Snippet,
}

/// What the search box shows for one query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as searched, trimmed.
    pub query: String,
    /// The words the query was cut into (empty: nothing searchable).
    pub terms: Vec<String>,
    /// True when no document held every word and the hits hold some of them.
    pub partial: bool,
    /// At most 50 hits, best first (bm25: title hits weigh most, then headings, then body).
    pub hits: Vec<SearchHit>,
}

/// Searches for `query` as `profile_id`. Every word must occur; when no
/// document holds them all, documents holding any of them are returned and
/// `partial` is set. A query with no words (only punctuation or spaces)
/// returns no hits rather than an error.
pub fn search(store: &mut Store, profile_id: &str, query: &str) -> Result<SearchResults> {
    let query = query.trim();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::Rejected(msg!(
            "the search text is too long: at most {MAX_QUERY_CHARS} characters",
            "搜索内容过长：最多 {MAX_QUERY_CHARS} 个字"
        )));
    }
    let caller = access::caller(store.conn(), profile_id)?;
    index::ensure_current(store)?;
    let mut terms = segment::words(query);
    let mut seen = std::collections::HashSet::new();
    terms.retain(|t| seen.insert(t.clone()));
    let empty = |partial| SearchResults { query: query.to_string(), terms: terms.clone(), partial, hits: Vec::new() };
    if terms.is_empty() {
        return Ok(empty(false));
    }
    let who = Visibility { profile_id, teaches: caller.has(Role::Instructor) };
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect();
    let mut partial = false;
    let mut found = search::query(store.conn(), &quoted.join(" AND "), who, MAX_HITS)?;
    if found.is_empty() && quoted.len() > 1 {
        partial = true;
        found = search::query(store.conn(), &quoted.join(" OR "), who, MAX_HITS)?;
    }
    if found.is_empty() {
        return Ok(empty(false));
    }
    let hits = found
        .into_iter()
        .map(|hit| SearchHit {
            title: snippet::mark_all(&hit.title, &terms),
            heading: snippet::mark_all(&hit.heading, &terms),
            snippet: snippet::snippet(&hit.body, &terms),
            kind: hit.kind,
            course_id: hit.course_id,
            course_title: hit.course_title,
            module_id: hit.module_id,
            anchor: hit.anchor,
            ref_id: hit.ref_id,
        })
        .collect();
    Ok(SearchResults { query: query.to_string(), terms, partial, hits })
}
