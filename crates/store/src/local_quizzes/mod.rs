//! Practice quizzes an instructor made on this machine from a GIFT or Aiken
//! file: the questions (kept in a bank of their own, named after the quiz),
//! the quiz that asks them, and where they came from. Everything here has
//! `origin = 'local'`, which pack updates never archive.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::course_items::ItemRecord;
use crate::questions::QuestionRecord;
use crate::{Result, StoreError};

/// Where a local quiz came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalQuizSource {
    /// The imported file's name (not its full path: that is the instructor's business).
    pub file_name: String,
    /// `gift` or `aiken`.
    pub format: String,
    /// The profile that imported it.
    pub imported_by: String,
    /// When it was imported: RFC 3339 UTC timestamp.
    pub imported_at: String,
}

/// A local quiz as listed for a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalQuizRecord {
    /// The quiz item: its id and body as JSON.
    pub quiz: ItemRecord,
    /// Who imported it, from which file and when.
    pub source: LocalQuizSource,
    /// Questions in its bank that are not archived.
    pub question_count: i64,
}

/// Stores a new local quiz with its questions, all in the caller's
/// transaction. Every question must carry the quiz's id as its bank. An id
/// that already exists is an error, never an overwrite.
pub fn insert_local_quiz(
    tx: &Transaction<'_>,
    course_id: &str,
    quiz: &ItemRecord,
    questions: &[QuestionRecord],
    source: &LocalQuizSource,
) -> Result<()> {
    let mut insert = tx.prepare_cached(include_str!("insert_question.sql"))?;
    for q in questions {
        debug_assert_eq!(q.bank_id, quiz.id, "a local quiz asks only its own bank");
        let tags = serde_json::to_string(&q.tags).expect("a list of strings always serialises");
        insert.execute(params![course_id, q.id, q.bank_id, q.kind, q.difficulty, tags, q.body])?;
    }
    tx.execute(include_str!("insert_quiz.sql"), params![course_id, quiz.id, quiz.body])?;
    tx.execute(
        include_str!("insert_source.sql"),
        params![course_id, quiz.id, source.file_name, source.format, source.imported_by, source.imported_at],
    )?;
    Ok(())
}

/// The course's local quizzes that are not archived, newest first.
pub fn list_local_quizzes(conn: &Connection, course_id: &str) -> Result<Vec<LocalQuizRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("list.sql"))?;
    let rows = stmt.query_map([course_id], |r| {
        Ok(LocalQuizRecord {
            quiz: ItemRecord { id: r.get("id")?, body: r.get("body")? },
            source: LocalQuizSource {
                file_name: r.get("file_name")?,
                format: r.get("format")?,
                imported_by: r.get("imported_by")?,
                imported_at: r.get("imported_at")?,
            },
            question_count: r.get("question_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Withdraws a local quiz and its questions. They are archived, not deleted,
/// so attempts already made keep their questions and can still be reviewed.
pub fn archive_local_quiz(tx: &Transaction<'_>, course_id: &str, quiz_id: &str) -> Result<()> {
    let changed = tx.execute(include_str!("archive_quiz.sql"), [course_id, quiz_id])?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: format!("local quiz {quiz_id} of course {course_id}"),
            what_zh: format!("课程 {course_id} 的本机测验 {quiz_id}"),
        });
    }
    tx.execute(include_str!("archive_questions.sql"), [course_id, quiz_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course_items::{list_items, replace_items, ItemKind};
    use crate::courses::tests::{install, sample_module};
    use crate::questions::{list_questions, replace_questions};
    use crate::Store;

    fn question(id: &str, bank: &str) -> QuestionRecord {
        QuestionRecord {
            id: id.into(),
            bank_id: bank.into(),
            kind: "single".into(),
            difficulty: 3,
            tags: vec![],
            body: format!(r#"{{"id":"{id}"}}"#),
        }
    }

    fn source() -> LocalQuizSource {
        LocalQuizSource {
            file_name: "第三章.gift".into(),
            format: "gift".into(),
            imported_by: "p1".into(),
            imported_at: "2026-12-01T10:00:00Z".into(),
        }
    }

    fn store_with_local_quiz() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        let quiz = ItemRecord { id: "local-1".into(), body: "{}".into() };
        let questions = [question("local-1-gift-001", "local-1"), question("local-1-gift-002", "local-1")];
        store.transact(|tx| insert_local_quiz(tx, "c1", &quiz, &questions, &source())).unwrap();
        store
    }

    #[test]
    fn a_pack_update_leaves_local_quizzes_and_questions_in_place() {
        let mut store = store_with_local_quiz();
        store
            .transact(|tx| {
                replace_questions(tx, "c1", &[question("p-q1", "pack-bank")])?;
                replace_items(tx, "c1", ItemKind::Quiz, &[ItemRecord { id: "pack-quiz".into(), body: "{}".into() }])
            })
            .unwrap();
        let ids: Vec<String> = list_questions(store.conn(), "c1").unwrap().into_iter().map(|q| q.id).collect();
        assert_eq!(ids, ["local-1-gift-001", "local-1-gift-002", "p-q1"]);
        let quizzes: Vec<String> =
            list_items(store.conn(), "c1", ItemKind::Quiz).unwrap().into_iter().map(|q| q.id).collect();
        assert_eq!(quizzes, ["local-1", "pack-quiz"]);
        let listed = list_local_quizzes(store.conn(), "c1").unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].question_count, 2);
        assert_eq!(listed[0].source, source());
    }

    #[test]
    fn archiving_withdraws_the_quiz_and_its_bank_but_keeps_the_rows() {
        let mut store = store_with_local_quiz();
        store.transact(|tx| archive_local_quiz(tx, "c1", "local-1")).unwrap();
        assert!(list_local_quizzes(store.conn(), "c1").unwrap().is_empty());
        assert!(list_questions(store.conn(), "c1").unwrap().is_empty());
        assert!(crate::questions::get_question(store.conn(), "c1", "local-1-gift-001").is_ok());
        let again = store.transact(|tx| archive_local_quiz(tx, "c1", "local-1")).unwrap_err();
        assert_eq!(again.to_string(), "local quiz local-1 of course c1 not found");
    }

    #[test]
    fn an_existing_id_is_refused_and_nothing_is_written() {
        let mut store = store_with_local_quiz();
        let quiz = ItemRecord { id: "local-2".into(), body: "{}".into() };
        // The second question reuses an id that is already stored.
        let questions = [question("local-2-gift-001", "local-2"), question("local-1-gift-001", "local-2")];
        assert!(store.transact(|tx| insert_local_quiz(tx, "c1", &quiz, &questions, &source())).is_err());
        assert_eq!(list_local_quizzes(store.conn(), "c1").unwrap().len(), 1);
        assert_eq!(list_questions(store.conn(), "c1").unwrap().len(), 2);
    }

    #[test]
    fn pack_items_cannot_be_archived_as_local_ones() {
        let mut store = store_with_local_quiz();
        store
            .transact(|tx| {
                replace_items(tx, "c1", ItemKind::Quiz, &[ItemRecord { id: "pack-quiz".into(), body: "{}".into() }])
            })
            .unwrap();
        assert!(store.transact(|tx| archive_local_quiz(tx, "c1", "pack-quiz")).is_err());
        assert_eq!(list_items(store.conn(), "c1", ItemKind::Quiz).unwrap().len(), 2);
    }
}
