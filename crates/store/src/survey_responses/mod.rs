//! Answers to a course's reaction survey (the first level of the
//! training-effect report): one row per respondent and survey item.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::Result;

/// One answer: a Likert `rating` or a free-text `answer_text`, never both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResponseRecord {
    /// The survey's id within the course.
    pub survey_id: String,
    /// Profile id of the learner who answered, or a label from an imported sheet.
    pub respondent: String,
    /// The survey item answered.
    pub item_id: String,
    /// A Likert item's rating, 1 to the item's scale; `None` for free-text items.
    pub rating: Option<i64>,
    /// A free-text item's answer; `None` for Likert items.
    pub answer_text: Option<String>,
    /// When the answer was given or imported: RFC 3339 UTC timestamp.
    pub submitted_at: String,
}

/// Writes the answers of one respondent, replacing earlier answers to the same items.
pub fn upsert(tx: &Transaction<'_>, course_id: &str, answers: &[ResponseRecord]) -> Result<()> {
    let mut stmt = tx.prepare_cached(include_str!("upsert.sql"))?;
    for a in answers {
        stmt.execute(params![
            course_id,
            a.survey_id,
            a.respondent,
            a.item_id,
            a.rating,
            a.answer_text,
            a.submitted_at
        ])?;
    }
    Ok(())
}

/// Every answer to the course's surveys, by survey, item and respondent.
pub fn for_course(conn: &Connection, course_id: &str) -> Result<Vec<ResponseRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("for_course.sql"))?;
    let rows = stmt.query_map([course_id], |r| {
        Ok(ResponseRecord {
            survey_id: r.get(0)?,
            respondent: r.get(1)?,
            item_id: r.get(2)?,
            rating: r.get(3)?,
            answer_text: r.get(4)?,
            submitted_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course_items::{replace_items, ItemKind, ItemRecord};
    use crate::courses::tests::install;
    use crate::{Store, StoreError};

    fn answer(respondent: &str, item: &str, rating: Option<i64>, text: Option<&str>) -> ResponseRecord {
        ResponseRecord {
            survey_id: "sat".into(),
            respondent: respondent.into(),
            item_id: item.into(),
            rating,
            answer_text: text.map(Into::into),
            submitted_at: "2026-04-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn answers_are_stored_replaced_and_must_name_a_survey_of_the_course() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[]);
        let survey = ItemRecord { id: "sat".into(), body: "{}".into() };
        store.transact(|tx| replace_items(tx, "c1", ItemKind::Survey, &[survey])).unwrap();
        store
            .transact(|tx| {
                upsert(
                    tx,
                    "c1",
                    &[answer("p1", "overall", Some(3), None), answer("p1", "useful", None, Some("排期表"))],
                )?;
                upsert(tx, "c1", &[answer("p1", "overall", Some(5), None)])
            })
            .unwrap();
        let stored = for_course(store.conn(), "c1").unwrap();
        assert_eq!(stored.len(), 2);
        assert_eq!(stored[0].rating, Some(5));
        let mut unknown = answer("p1", "overall", Some(4), None);
        unknown.survey_id = "nope".into();
        let refused = store.transact(|tx| upsert(tx, "c1", &[unknown]));
        assert!(matches!(refused, Err(StoreError::Sqlite(_))));
        let both = store.transact(|tx| upsert(tx, "c1", &[answer("p2", "overall", Some(4), Some("x"))]));
        assert!(both.is_err(), "a rating and a text in one answer must be refused");
    }
}
