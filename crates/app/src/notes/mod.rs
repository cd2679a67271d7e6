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
use crate::search::index_note;
use crate::{AppError, Result};

pub use export::export_notes_markdown;

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// Longest quoted passage, in characters.
pub const MAX_QUOTE_CHARS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    pub course_id: String,
    pub module_id: String,
    pub body: String,
    /// The passage the learner selected, if any.
    pub quote: Option<String>,
    /// The heading the note was written under (`qx-…`), if any.
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub id: String,
    pub course_id: String,
    pub module_id: String,
    pub module_title: String,
    pub anchor: Option<String>,
    pub quote: Option<String>,
    pub body: String,
    pub created_at: String,
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
    pub notes: Vec<NoteView>,
    pub bookmarked: bool,
}

pub fn module_notes(store: &Store, profile_id: &str, course_id: &str, module_id: &str) -> Result<ModuleNotes> {
    crate::reading::module_for(store.conn(), profile_id, course_id, module_id)?;
    Ok(ModuleNotes {
        notes: notes::for_module(store.conn(), profile_id, course_id, module_id)?.into_iter().map(Into::into).collect(),
        bookmarked: bookmarks::is_set(store.conn(), profile_id, course_id, module_id)?,
    })
}

pub fn add_note(store: &mut Store, profile_id: &str, new: &NewNote, now: DateTime<Utc>) -> Result<NoteView> {
    let body = note_body(&new.body)?;
    let quote = match new.quote.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) if q.chars().count() > MAX_QUOTE_CHARS => {
            return Err(AppError::Rejected(format!("摘录最多 {MAX_QUOTE_CHARS} 个字")));
        }
        other => other.map(str::to_string),
    };
    let anchor = new.anchor.as_deref().map(heading_anchor).transpose()?;
    let module = crate::reading::module_for(store.conn(), profile_id, &new.course_id, &new.module_id)?;
    let stamp = now.to_rfc3339();
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
        notes::update_body(tx, note_id, &body, &now.to_rfc3339())?;
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
    Ok(store.transact(|tx| bookmarks::set(tx, profile_id, course_id, module_id, on, &now.to_rfc3339()))?)
}

pub fn list_bookmarks(store: &Store, profile_id: &str) -> Result<Vec<Bookmark>> {
    Ok(bookmarks::for_profile(store.conn(), profile_id)?)
}

/// The note, if it belongs to `profile_id`. Someone else's note is reported
/// as not found, so its existence does not leak.
fn own_note(store: &Store, profile_id: &str, note_id: &str) -> Result<NoteRow> {
    let row = notes::get(store.conn(), note_id)?;
    if row.note.profile_id != profile_id {
        return Err(AppError::NotFound(format!("note {note_id}")));
    }
    Ok(row)
}

fn note_body(raw: &str) -> Result<String> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(AppError::Rejected("笔记内容不能为空".into()));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::Rejected(format!("笔记最多 {MAX_NOTE_CHARS} 个字")));
    }
    Ok(body.to_string())
}
