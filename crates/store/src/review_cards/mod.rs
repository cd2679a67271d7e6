//! Spaced-review cards: one per learner and missed question, holding the
//! scheduler's state as JSON and the time it is next due.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// A learner's spaced-review card for one question they missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCardRecord {
    /// The learner who reviews the card.
    pub profile_id: String,
    /// The question's course.
    pub course_id: String,
    /// The missed question the card asks again.
    pub question_id: String,
    /// JSON: the scheduler's card state.
    pub card: String,
    /// RFC 3339 UTC, in one fixed format so it sorts as text.
    pub due_at: String,
    /// When the learner last reviewed the card (RFC 3339); `None` if never.
    pub last_reviewed_at: Option<String>,
}

/// Saves a card, replacing the learner's card for that question.
pub fn upsert(tx: &Transaction<'_>, c: &ReviewCardRecord) -> Result<()> {
    tx.prepare_cached(include_str!("upsert.sql"))?.execute(params![
        c.profile_id,
        c.course_id,
        c.question_id,
        c.card,
        c.due_at,
        c.last_reviewed_at
    ])?;
    Ok(())
}

/// The learner's card for one question, if they have one.
pub fn get(conn: &Connection, profile: &str, course: &str, question: &str) -> Result<Option<ReviewCardRecord>> {
    let sql = format!("{} WHERE profile_id = ?1 AND course_id = ?2 AND question_id = ?3", include_str!("select.sql"));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query_map(params![profile, course, question], from_row)?;
    Ok(rows.next().transpose()?)
}

/// Cards due at or before `now`, most overdue first.
pub fn due(conn: &Connection, profile: &str, now: &str) -> Result<Vec<ReviewCardRecord>> {
    let sql = format!(
        "{} WHERE profile_id = ?1 AND due_at <= ?2 ORDER BY due_at, course_id, question_id",
        include_str!("select.sql")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![profile, now], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When the learner's next card after `now` falls due.
pub fn next_due_after(conn: &Connection, profile: &str, now: &str) -> Result<Option<String>> {
    Ok(conn.query_row(include_str!("next_due_after.sql"), params![profile, now], |r| r.get(0))?)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ReviewCardRecord> {
    Ok(ReviewCardRecord {
        profile_id: r.get("profile_id")?,
        course_id: r.get("course_id")?,
        question_id: r.get("question_id")?,
        card: r.get("card")?,
        due_at: r.get("due_at")?,
        last_reviewed_at: r.get("last_reviewed_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempts::tests::setup;
    use crate::questions::{self, QuestionRecord};

    fn card(question: &str, due_at: &str) -> ReviewCardRecord {
        ReviewCardRecord {
            profile_id: "p1".into(),
            course_id: "c1".into(),
            question_id: question.into(),
            card: "{}".into(),
            due_at: due_at.into(),
            last_reviewed_at: None,
        }
    }

    #[test]
    fn due_cards_come_most_overdue_first() {
        let mut store = setup();
        let q = |id: &str| QuestionRecord {
            id: id.into(),
            bank_id: "b".into(),
            kind: "single".into(),
            difficulty: 1,
            tags: vec![],
            body: "{}".into(),
        };
        store.transact(|tx| questions::replace_questions(tx, "c1", &[q("x"), q("y"), q("z")])).unwrap();
        store.transact(|tx| upsert(tx, &card("x", "2026-01-02T00:00:00.000Z"))).unwrap();
        store.transact(|tx| upsert(tx, &card("y", "2026-01-01T00:00:00.000Z"))).unwrap();
        store.transact(|tx| upsert(tx, &card("z", "2026-01-09T00:00:00.000Z"))).unwrap();
        let now = "2026-01-03T00:00:00.000Z";
        let ids: Vec<_> = due(store.conn(), "p1", now).unwrap().into_iter().map(|c| c.question_id).collect();
        assert_eq!(ids, ["y", "x"]);
        assert_eq!(next_due_after(store.conn(), "p1", now).unwrap().as_deref(), Some("2026-01-09T00:00:00.000Z"));
        store.transact(|tx| upsert(tx, &card("y", "2026-02-01T00:00:00.000Z"))).unwrap();
        assert_eq!(get(store.conn(), "p1", "c1", "y").unwrap().unwrap().due_at, "2026-02-01T00:00:00.000Z");
        assert!(get(store.conn(), "p1", "c1", "nope").unwrap().is_none());
    }
}
