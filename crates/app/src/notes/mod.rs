//! A learner's notes and bookmarks on modules, and the export of all their
//! notes as one Markdown document. Notes are private: every service takes
//! the acting profile and only ever touches that profile's notes. Each
//! write updates the note's search document in the same transaction.

mod export;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use qunxue_store::bookmarks::{self, Bookmark};
use qunxue_store::notes::{self, NoteRecord, NoteRow};
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use crate::anchor::heading_anchor;
use crate::msg;
use crate::search::index_note;
use crate::{AppError, Result};

pub use export::export_notes_markdown;

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// Longest quoted passage, in characters.
pub const MAX_QUOTE_CHARS: usize = 1_000;

/// A note as the module's notes panel sends it when the learner saves a new one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    /// The course the note's module belongs to.
    pub course_id: String,
    /// The module the note is written on.
    pub module_id: String,
    /// The note's text; trimmed, 1–5,000 characters.
    pub body: String,
    /// The passage the learner selected, if any.
    pub quote: Option<String>,
    /// The heading the note was written under (`qx-…`), if any.
    pub anchor: Option<String>,
}

/// One of the learner's notes as the notes panel and the notes list show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    /// The note's id (a UUID), used to edit or delete it.
    pub id: String,
    /// The course of the note's module.
    pub course_id: String,
    /// The module the note is on.
    pub module_id: String,
    /// The module's title, shown with the note in the notes list.
    pub module_title: String,
    /// The heading the note was written under (`qx-…`), for jumping back to it.
    pub anchor: Option<String>,
    /// The passage the learner quoted, shown above the note.
    pub quote: Option<String>,
    /// The note's text.
    pub body: String,
    /// When the note was written (RFC 3339 timestamp).
    pub created_at: String,
    /// When the note was last edited (RFC 3339 timestamp); equals `created_at` until then.
    pub updated_at: String,
}

impl From<NoteRow> for NoteView {
    fn from(row: NoteRow) -> Self {
        let n = row.note;
        NoteView {
            id: n.id,
            course_id: n.course_id,
            module_id: n.module_id,
            module_title: row.module_title,
            anchor: n.anchor,
            quote: n.quote,
            body: n.body,
            created_at: n.created_at,
            updated_at: n.updated_at,
        }
    }
}

/// The module's notes panel: the learner's notes on it and its bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleNotes {
    /// The learner's own notes on the module.
    pub notes: Vec<NoteView>,
    /// The learner has bookmarked the module.
    pub bookmarked: bool,
}

/// The notes panel of a module for the learner `profile_id`: their notes on it and whether it is bookmarked.
pub fn module_notes(store: &Store, profile_id: &str, course_id: &str, module_id: &str) -> Result<ModuleNotes> {
    crate::reading::module_for(store.conn(), profile_id, course_id, module_id)?;
    Ok(ModuleNotes {
        notes: notes::for_module(store.conn(), profile_id, course_id, module_id)?.into_iter().map(Into::into).collect(),
        bookmarked: bookmarks::is_set(store.conn(), profile_id, course_id, module_id)?,
    })
}

/// Saves a new note by the learner `profile_id` on a module they can read, and indexes it for search.
pub fn add_note(store: &mut Store, profile_id: &str, new: &NewNote, now: DateTime<Utc>) -> Result<NoteView> {
    let body = note_body(&new.body)?;
    let quote = match new.quote.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) if q.chars().count() > MAX_QUOTE_CHARS => {
            return Err(AppError::Rejected(msg!(
                "a quote has at most {MAX_QUOTE_CHARS} characters",
                "摘录最多 {MAX_QUOTE_CHARS} 个字"
            )));
        }
        other => other.map(str::to_string),
    };
    let anchor = new.anchor.as_deref().map(heading_anchor).transpose()?;
    let module = crate::reading::module_for(store.conn(), profile_id, &new.course_id, &new.module_id)?;
    let stamp = qunxue_store::time::stamp(now);
    let note = NoteRecord {
        id: uuid::Uuid::new_v4().to_string(),
        profile_id: profile_id.to_string(),
        course_id: new.course_id.clone(),
        module_id: new.module_id.clone(),
        anchor,
        quote,
        body,
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    store.transact(|tx| -> Result<()> {
        notes::insert(tx, &note)?;
        index_note(tx, &note, &module.title)
    })?;
    Ok(notes::get(store.conn(), &note.id)?.into())
}

/// Replaces the text of one of the learner's own notes and re-indexes it; another's note is not found.
pub fn update_note(
    store: &mut Store,
    profile_id: &str,
    note_id: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<NoteView> {
    let body = note_body(body)?;
    let row = own_note(store, profile_id, note_id)?;
    store.transact(|tx| -> Result<()> {
        notes::update_body(tx, note_id, &body, &qunxue_store::time::stamp(now))?;
        let updated = notes::get(tx, note_id)?;
        index_note(tx, &updated.note, &row.module_title)
    })?;
    Ok(notes::get(store.conn(), note_id)?.into())
}

/// Deletes a note; its search document goes with it (trigger).
pub fn delete_note(store: &mut Store, profile_id: &str, note_id: &str) -> Result<()> {
    own_note(store, profile_id, note_id)?;
    store.transact(|tx| notes::delete(tx, note_id))?;
    Ok(())
}

/// Sets or clears the module's bookmark; returns the new state.
pub fn set_bookmark(
    store: &mut Store,
    profile_id: &str,
    course_id: &str,
    module_id: &str,
    on: bool,
    now: DateTime<Utc>,
) -> Result<bool> {
    crate::reading::module_for(store.conn(), profile_id, course_id, module_id)?;
    Ok(store
        .transact(|tx| bookmarks::set(tx, profile_id, course_id, module_id, on, &qunxue_store::time::stamp(now)))?)
}

/// The learner's bookmarked modules, across every course.
pub fn list_bookmarks(store: &Store, profile_id: &str) -> Result<Vec<Bookmark>> {
    Ok(bookmarks::for_profile(store.conn(), profile_id)?)
}

/// The note, if it belongs to `profile_id`. Someone else's note is reported
/// as not found, so its existence does not leak.
fn own_note(store: &Store, profile_id: &str, note_id: &str) -> Result<NoteRow> {
    let row = notes::get(store.conn(), note_id)?;
    if row.note.profile_id != profile_id {
        // Worded as the store words a missing note, so the two cannot be told apart.
        return Err(AppError::NotFound(msg!("note {note_id} not found", "找不到笔记 {note_id}")));
    }
    Ok(row)
}

fn note_body(raw: &str) -> Result<String> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(AppError::Rejected(msg!("the note cannot be empty", "笔记内容不能为空")));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::Rejected(msg!(
            "a note has at most {MAX_NOTE_CHARS} characters",
            "笔记最多 {MAX_NOTE_CHARS} 个字"
        )));
    }
    Ok(body.to_string())
}
