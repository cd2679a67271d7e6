//! Keeping the search index in step with its sources: a course's modules
//! and questions are indexed again whenever the course is saved, a note
//! whenever it is written. Deletions need nothing here: triggers remove the
//! documents of whatever is deleted (migration 0005).
//!
//! The index records the version of the segmentation it was built with; a
//! database built before the index existed, or with older rules, is
//! rebuilt from its sources on the first search.

use qunxue_core::pack::model::bank::Question;
use qunxue_store::notes::{self, NoteRecord};
use qunxue_store::search::{self, Doc, DocKind, DocWords};
use qunxue_store::Transaction;
use qunxue_store::{courses, questions, Store};
use rayon::prelude::*;

use super::sections::sections;
use super::segment::joined;
use crate::{msg, AppError, Result};

/// Bump when segmentation or document layout changes: every database then
/// rebuilds its index once. The migration that last changed the layout
/// (0013, the scope column) writes "2" into a database whose index is empty,
/// so its first search does not rebuild an index that is current.
pub(crate) const INDEX_VERSION: &str = "2";

/// Indexes a course's current modules (one document per section) and
/// questions, replacing what the index held for it. Splitting and word
/// segmentation run on every core (they are most of the work and need no
/// database); the rows are then written in order inside `tx`.
pub(crate) fn index_course(tx: &Transaction<'_>, course_id: &str) -> Result<()> {
    search::delete_course_content(tx, course_id)?;
    let modules = courses::list_modules_for(tx, course_id, courses::Readers::Instructors)?
        .iter()
        .map(|summary| courses::get_module(tx, course_id, &summary.id))
        .collect::<qunxue_store::Result<Vec<_>>>()?;
    let mut docs: Vec<Doc> = modules
        .par_iter()
        .flat_map_iter(|module| {
            sections(&module.markdown).into_iter().enumerate().map(|(index, section)| Doc {
                kind: DocKind::Module,
                course_id: course_id.to_string(),
                module_id: Some(module.id.clone()),
                anchor: section.anchor,
                ref_id: None,
                profile_id: None,
                instructor_only: module.is_instructor_only(),
                // The module title belongs to its first section only, so a
                // title hit lifts the module once rather than every section.
                title: if index == 0 { module.title.clone() } else { String::new() },
                heading: section.heading,
                body: section.text,
            })
        })
        .collect();
    for record in questions::list_questions(tx, course_id)? {
        let question: Question = serde_json::from_str(&record.body).map_err(|e| {
            let id = &record.id;
            AppError::Internal(msg!("stored question {id} is unreadable: {e}", "保存的题目 {id} 无法读取：{e}"))
        })?;
        docs.push(Doc {
            kind: DocKind::Question,
            course_id: course_id.to_string(),
            module_id: None,
            anchor: None,
            ref_id: Some(record.id.clone()),
            profile_id: None,
            instructor_only: false,
            title: question.stem.clone(),
            heading: record.tags.join(" "),
            body: question_text(&question),
        });
    }
    let words: Vec<DocWords> = docs.par_iter().map(doc_words).collect();
    for (doc, words) in docs.iter().zip(&words) {
        search::insert(tx, doc, words)?;
    }
    Ok(())
}

/// Indexes one note (again, after an edit).
pub(crate) fn index_note(tx: &Transaction<'_>, note: &NoteRecord, module_title: &str) -> Result<()> {
    search::delete_note(tx, &note.id)?;
    let body = match &note.quote {
        Some(quote) => format!("{}\n{quote}", note.body),
        None => note.body.clone(),
    };
    let doc = Doc {
        kind: DocKind::Note,
        course_id: note.course_id.clone(),
        module_id: Some(note.module_id.clone()),
        anchor: note.anchor.clone(),
        ref_id: Some(note.id.clone()),
        profile_id: Some(note.profile_id.clone()),
        instructor_only: false,
        title: module_title.to_string(),
        heading: String::new(),
        body,
    };
    insert(tx, &doc)
}

/// Rebuilds the whole index if it was built by other rules (or never).
pub(crate) fn ensure_current(store: &mut Store) -> Result<()> {
    if search::index_version(store.conn())?.as_deref() == Some(INDEX_VERSION) {
        return Ok(());
    }
    store.transact(rebuild)
}

/// Empties the index and indexes every course and note again.
pub(crate) fn rebuild(tx: &Transaction<'_>) -> Result<()> {
    search::clear(tx)?;
    for course in courses::list_courses(tx)? {
        index_course(tx, &course.id)?;
    }
    for row in notes::all(tx)? {
        index_note(tx, &row.note, &row.module_title)?;
    }
    search::set_index_version(tx, INDEX_VERSION)?;
    Ok(())
}

fn insert(tx: &Transaction<'_>, doc: &Doc) -> Result<()> {
    search::insert(tx, doc, &doc_words(doc))?;
    Ok(())
}

/// The segmented words of a document's fields, as the index stores them.
fn doc_words(doc: &Doc) -> DocWords {
    DocWords { title: joined(&doc.title), heading: joined(&doc.heading), body: joined(&doc.body) }
}

/// The searchable words of a question besides its stem: the choices, the
/// items to match or order, the model answer and the explanation.
fn question_text(q: &Question) -> String {
    let mut parts: Vec<&str> = q.choice_texts().collect();
    parts.extend(q.reference.as_deref());
    parts.push(&q.explanation);
    parts.join("\n")
}
