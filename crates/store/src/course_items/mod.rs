//! A course's quizzes, practice tasks, rubrics, metric templates and surveys:
//! each an id and the pack's model as JSON, told apart by [`ItemKind`].

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// Which kind of pack item a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A quiz: its questions, settings and pass mark.
    Quiz,
    /// A practice task learners hand in and markers grade.
    Task,
    /// A marking rubric: criteria and levels that practice tasks are graded with.
    Rubric,
    /// A business metric an impact study can copy (name, unit, direction, aggregation).
    MetricTemplate,
    /// A reaction survey learners answer about the course.
    Survey,
}

impl ItemKind {
    /// The kind's name in Chinese, for messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            ItemKind::Quiz => "测验",
            ItemKind::Task => "实操任务",
            ItemKind::Rubric => "评分标准",
            ItemKind::MetricTemplate => "业务指标模板",
            ItemKind::Survey => "问卷",
        }
    }

    /// Every kind, in the order the pack lists them.
    pub const ALL: [ItemKind; 5] =
        [ItemKind::Quiz, ItemKind::Task, ItemKind::Rubric, ItemKind::MetricTemplate, ItemKind::Survey];

    /// The value of the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Quiz => "quiz",
            ItemKind::Task => "task",
            ItemKind::Rubric => "rubric",
            ItemKind::MetricTemplate => "metric_template",
            ItemKind::Survey => "survey",
        }
    }
}

/// One stored item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRecord {
    /// The item's id within its course and kind, e.g. a quiz id.
    pub id: String,
    /// The pack's model as JSON.
    pub body: String,
}

/// Makes `items` the course's current pack items of `kind`: inserts new
/// ones, updates existing ones and archives those no longer in the pack.
/// Items an instructor added on this machine are not the pack's and are
/// left alone.
pub fn replace_items(tx: &Transaction<'_>, course_id: &str, kind: ItemKind, items: &[ItemRecord]) -> Result<()> {
    tx.execute(include_str!("archive_pack_items.sql"), [course_id, kind.as_str()])?;
    let mut upsert = tx.prepare_cached(include_str!("upsert.sql"))?;
    for item in items {
        upsert.execute(params![course_id, kind.as_str(), item.id, item.body])?;
    }
    Ok(())
}

/// Current (not archived) items of `kind`, by id.
pub fn list_items(conn: &Connection, course_id: &str, kind: ItemKind) -> Result<Vec<ItemRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{} AND archived = 0 ORDER BY id", include_str!("select.sql")))?;
    let rows = stmt.query_map([course_id, kind.as_str()], item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One item, archived or not.
pub fn get_item(conn: &Connection, course_id: &str, kind: ItemKind, id: &str) -> Result<ItemRecord> {
    conn.prepare_cached(&format!("{} AND id = ?3", include_str!("select.sql")))?
        .query_row([course_id, kind.as_str(), id], item_from_row)
        .or_not_found(|| {
            let (en, zh) = (kind.as_str().replace('_', " "), kind.name_zh());
            (format!("{en} {id} of course {course_id}"), format!("课程 {course_id} 中的{zh} {id}"))
        })
}

fn item_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ItemRecord> {
    Ok(ItemRecord { id: r.get("id")?, body: r.get("body")? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::{install, sample_module};
    use crate::{Store, StoreError};

    fn item(id: &str) -> ItemRecord {
        ItemRecord { id: id.into(), body: format!(r#"{{"id":"{id}"}}"#) }
    }

    #[test]
    fn kinds_are_kept_apart_and_missing_items_archived() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "theory")]);
        store
            .transact(|tx| {
                replace_items(tx, "c1", ItemKind::Quiz, &[item("x"), item("q")])?;
                replace_items(tx, "c1", ItemKind::Task, &[item("x")])
            })
            .unwrap();
        assert_eq!(list_items(store.conn(), "c1", ItemKind::Quiz).unwrap(), [item("q"), item("x")]);
        assert_eq!(list_items(store.conn(), "c1", ItemKind::Task).unwrap(), [item("x")]);

        store.transact(|tx| replace_items(tx, "c1", ItemKind::Quiz, &[item("q")])).unwrap();
        assert_eq!(list_items(store.conn(), "c1", ItemKind::Quiz).unwrap(), [item("q")]);
        assert_eq!(list_items(store.conn(), "c1", ItemKind::Task).unwrap(), [item("x")]);
        assert_eq!(get_item(store.conn(), "c1", ItemKind::Quiz, "x").unwrap(), item("x"));
        let missing = get_item(store.conn(), "c1", ItemKind::MetricTemplate, "x").unwrap_err();
        assert!(matches!(missing, StoreError::NotFound { .. }));
        assert_eq!(missing.to_string(), "metric template x of course c1 not found");
    }
}
