//! Questions from a course's banks. The whole question is kept as JSON; bank,
//! type, difficulty and tags sit beside it because quizzes draw by them.

use rusqlite::types::Type;
use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// A question as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionRecord {
    /// The question's id, unique within the course.
    pub id: String,
    /// The question bank it belongs to (for a local quiz, the quiz id).
    pub bank_id: String,
    /// The question type as the pack spells it (`single`, `matching`, …).
    pub kind: String,
    /// 1 (easy) … 5 (hard); quizzes may draw only a range.
    pub difficulty: i64,
    /// Tags quizzes can draw by (stored as a JSON array).
    pub tags: Vec<String>,
    /// The pack's question model as JSON.
    pub body: String,
}

/// Makes `questions` the course's current pack questions: inserts new ones,
/// updates existing ones and archives those no longer in the pack (attempts
/// keep pointing at them). Questions imported locally by an instructor are
/// not the pack's and are left alone.
pub fn replace_questions(tx: &Transaction<'_>, course_id: &str, questions: &[QuestionRecord]) -> Result<()> {
    tx.execute(include_str!("archive_pack_questions.sql"), [course_id])?;
    let mut upsert = tx.prepare_cached(include_str!("upsert.sql"))?;
    for q in questions {
        let tags = serde_json::to_string(&q.tags).expect("a list of strings always serialises");
        upsert.execute(params![course_id, q.id, q.bank_id, q.kind, q.difficulty, tags, q.body])?;
    }
    Ok(())
}

/// Current (not archived) questions, by bank then id.
pub fn list_questions(conn: &Connection, course_id: &str) -> Result<Vec<QuestionRecord>> {
    let mut stmt =
        conn.prepare_cached(&format!("{} AND archived = 0 ORDER BY bank_id, id", include_str!("select.sql")))?;
    let rows = stmt.query_map([course_id], question_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Current questions of the `banks` plus those with the given `ids`, by bank
/// then id: the pool one quiz draws from, without reading the rest of a
/// course that may hold thousands.
pub fn questions_for(conn: &Connection, course_id: &str, banks: &[&str], ids: &[&str]) -> Result<Vec<QuestionRecord>> {
    let sql = format!(
        "{} AND archived = 0 AND (bank_id IN (SELECT value FROM json_each(?2)) OR id IN (SELECT value FROM json_each(?3)))
         ORDER BY bank_id, id",
        include_str!("select.sql")
    );
    let as_json = |list: &[&str]| serde_json::to_string(list).expect("a list of strings always serialises");
    let (banks, ids) = (as_json(banks), as_json(ids));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![course_id, banks, ids], question_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One question, archived or not.
pub fn get_question(conn: &Connection, course_id: &str, question_id: &str) -> Result<QuestionRecord> {
    conn.prepare_cached(&format!("{} AND id = ?2", include_str!("select.sql")))?
        .query_row([course_id, question_id], question_from_row)
        .or_not_found(|| {
            (format!("question {question_id} of course {course_id}"), format!("课程 {course_id} 的题目 {question_id}"))
        })
}

fn question_from_row(r: &Row<'_>) -> rusqlite::Result<QuestionRecord> {
    let tags: String = r.get("tags")?;
    // Tags are written by `replace_questions` as a JSON list; anything else
    // is a damaged row, reported as a conversion failure of that column.
    let tags = serde_json::from_str(&tags)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(4, Type::Text, Box::new(e)))?;
    Ok(QuestionRecord {
        id: r.get("id")?,
        bank_id: r.get("bank_id")?,
        kind: r.get("type")?,
        difficulty: r.get("difficulty")?,
        tags,
        body: r.get("body")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::{install, sample_module};
    use crate::Store;

    #[test]
    fn a_quiz_pool_holds_its_banks_and_its_named_questions_only() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("m1", 1, "theory")]);
        let questions = [question("q1", "b1"), question("q2", "b1"), question("q3", "b2"), question("q4", "b3")];
        store.transact(|tx| replace_questions(tx, "c1", &questions)).unwrap();
        let ids = |rows: Vec<QuestionRecord>| rows.into_iter().map(|q| q.id).collect::<Vec<_>>();
        assert_eq!(ids(questions_for(store.conn(), "c1", &["b1"], &["q4"]).unwrap()), ["q1", "q2", "q4"]);
        assert_eq!(ids(questions_for(store.conn(), "c1", &[], &["q3"]).unwrap()), ["q3"]);
        assert!(questions_for(store.conn(), "other", &["b1"], &[]).unwrap().is_empty());
        store.transact(|tx| replace_questions(tx, "c1", &questions[..1])).unwrap();
        assert_eq!(
            ids(questions_for(store.conn(), "c1", &["b1"], &["q4"]).unwrap()),
            ["q1"],
            "archived ones are not drawn"
        );
    }

    fn question(id: &str, bank: &str) -> QuestionRecord {
        QuestionRecord {
            id: id.into(),
            bank_id: bank.into(),
            kind: "single".into(),
            difficulty: 2,
            tags: vec!["概念".into()],
            body: format!(r#"{{"id":"{id}"}}"#),
        }
    }

    fn replace(store: &mut Store, questions: &[QuestionRecord]) {
        store.transact(|tx| replace_questions(tx, "c1", questions)).unwrap();
    }

    #[test]
    fn stores_lists_and_archives_questions() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        replace(&mut store, &[question("q2", "b1"), question("q1", "b1"), question("q3", "b0")]);
        let ids: Vec<_> = list_questions(store.conn(), "c1").unwrap().into_iter().map(|q| q.id).collect();
        assert_eq!(ids, ["q3", "q1", "q2"]);
        assert_eq!(get_question(store.conn(), "c1", "q1").unwrap(), question("q1", "b1"));

        replace(&mut store, &[question("q1", "b1")]);
        assert_eq!(list_questions(store.conn(), "c1").unwrap().len(), 1);
        // Archived questions are still there for the attempts that point at them.
        assert_eq!(get_question(store.conn(), "c1", "q2").unwrap().id, "q2");
        assert!(matches!(get_question(store.conn(), "c1", "zz"), Err(crate::StoreError::NotFound { .. })));
    }
}
