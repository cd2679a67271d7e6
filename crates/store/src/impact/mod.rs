//! Business-impact studies: the study itself (cohort kind, windows, ROI
//! inputs), its metric definitions, the units of its trained and control
//! groups, and one aggregated value per unit, metric and period.
//!
//! Values are plain strings at this layer (`"treatment"`, `"before"`, …);
//! the app layer owns their meaning and validates them before writing.

use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// One study as stored. Dates are `YYYY-MM-DD`, times RFC 3339 UTC.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyRecord {
    /// UUID of the study.
    pub id: String,
    /// The course whose training the study evaluates.
    pub course_id: String,
    /// Name the admin gave the study.
    pub name: String,
    /// `learner`, `team` or `store`.
    pub unit_kind: String,
    /// First day of the baseline window (before training), inclusive.
    pub baseline_start: String,
    /// Last day of the baseline window, inclusive; before `post_start`.
    pub baseline_end: String,
    /// First day of the post-training window, inclusive.
    pub post_start: String,
    /// Last day of the post-training window, inclusive.
    pub post_end: String,
    /// Phillips ROI input: what the programme cost, in yuan; `None` until entered.
    pub programme_cost: Option<f64>,
    /// Phillips ROI input: the training's benefit in money, in yuan; `None` until entered.
    pub monetised_benefit: Option<f64>,
    /// When the study was created.
    pub created_at: String,
    /// When the study was last edited.
    pub updated_at: String,
}

/// A metric of a study.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricRecord {
    /// The metric's id within the study; the `metric` column of imported files.
    pub id: String,
    /// Name shown in the report.
    pub name: String,
    /// Unit of the values, e.g. `%` or `人`; empty when they have none.
    pub unit: String,
    /// `up` or `down`.
    pub direction: String,
    /// `sum`, `mean` or `last`.
    pub aggregation: String,
    /// The course's metric template it was copied from; `None` = custom.
    pub template_id: Option<String>,
    /// Place in the display order of the study's metrics.
    pub position: i64,
}

/// A member of the trained (`treatment`) or `control` group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitRecord {
    /// The learner id, team or store name that identifies the unit within the study.
    pub label: String,
    /// `treatment` (the trained group) or `control`.
    pub arm: String,
}

/// One stored value; `value: None` was entered as missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObservationRecord {
    /// Label of the unit the value belongs to.
    pub unit: String,
    /// The unit's group, `treatment` or `control` (read from the unit, not stored with the value).
    pub arm: String,
    /// The metric the value measures.
    pub metric_id: String,
    /// `before` (the baseline window) or `after` (the post-training window).
    pub period: String,
    /// The value aggregated over the period's window, in the metric's unit; `None` = missing.
    pub value: Option<f64>,
    /// `manual`, or the name of the file it was imported from.
    pub source: String,
    /// When the value was written.
    pub recorded_at: String,
}

/// Inserts the study or updates its editable fields (course and creation
/// time never change).
pub fn upsert_study(tx: &Transaction<'_>, s: &StudyRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_study.sql"),
        params![
            s.id,
            s.course_id,
            s.name,
            s.unit_kind,
            s.baseline_start,
            s.baseline_end,
            s.post_start,
            s.post_end,
            s.programme_cost,
            s.monetised_benefit,
            s.created_at,
            s.updated_at
        ],
    )?;
    Ok(())
}

/// One study by id; `NotFound` if there is none.
pub fn get_study(conn: &Connection, id: &str) -> Result<StudyRecord> {
    conn.prepare_cached(&format!("{} WHERE id = ?1", include_str!("select_study.sql")))?
        .query_row([id], study_from_row)
        .or_not_found(|| (format!("impact study {id}"), format!("效果评估 {id}")))
}

/// Every study, newest first; only those of `course_id` when given.
pub fn list_studies(conn: &Connection, course_id: Option<&str>) -> Result<Vec<StudyRecord>> {
    let sql =
        format!("{} WHERE ?1 IS NULL OR course_id = ?1 ORDER BY created_at DESC, id", include_str!("select_study.sql"));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([course_id], study_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Deletes a study with its metrics, units and values; false if it did not exist.
pub fn delete_study(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete_study.sql"), [id])? > 0)
}

/// Adds a metric to the study, or updates the one with the same id.
pub fn upsert_metric(tx: &Transaction<'_>, study_id: &str, m: &MetricRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_metric.sql"),
        params![study_id, m.id, m.name, m.unit, m.direction, m.aggregation, m.template_id, m.position],
    )?;
    Ok(())
}

/// Removes a metric and its values; false if it did not exist.
pub fn delete_metric(tx: &Transaction<'_>, study_id: &str, metric_id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete_metric.sql"), [study_id, metric_id])? > 0)
}

/// The study's metrics in display order.
pub fn list_metrics(conn: &Connection, study_id: &str) -> Result<Vec<MetricRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("select_metrics.sql"))?;
    let rows = stmt.query_map([study_id], |r| {
        Ok(MetricRecord {
            id: r.get("id")?,
            name: r.get("name")?,
            unit: r.get("unit")?,
            direction: r.get("direction")?,
            aggregation: r.get("aggregation")?,
            template_id: r.get("template_id")?,
            position: r.get("position")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a unit to the study, or moves an existing one to `unit.arm`.
pub fn upsert_unit(tx: &Transaction<'_>, study_id: &str, unit: &UnitRecord) -> Result<()> {
    tx.prepare_cached(include_str!("upsert_unit.sql"))?.execute(params![study_id, unit.label, unit.arm])?;
    Ok(())
}

/// Removes a unit and its values; false if it did not exist.
pub fn delete_unit(tx: &Transaction<'_>, study_id: &str, label: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete_unit.sql"), [study_id, label])? > 0)
}

/// The study's units, trained group first, then by label.
pub fn list_units(conn: &Connection, study_id: &str) -> Result<Vec<UnitRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("select_units.sql"))?;
    let rows = stmt.query_map([study_id], |r| Ok(UnitRecord { label: r.get(0)?, arm: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes one value, replacing an earlier value of the same unit, metric and period.
pub fn upsert_observation(tx: &Transaction<'_>, study_id: &str, o: &ObservationRecord) -> Result<()> {
    tx.prepare_cached(include_str!("upsert_observation.sql"))?.execute(params![
        study_id,
        o.unit,
        o.metric_id,
        o.period,
        o.value,
        o.source,
        o.recorded_at
    ])?;
    Ok(())
}

/// How many values the study holds (every metric, unit and period).
pub fn count_observations(conn: &Connection, study_id: &str) -> Result<usize> {
    let count: i64 = conn.query_row(include_str!("count_observations.sql"), [study_id], |r| r.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Every value of the study, by metric position, unit and period (before first).
pub fn list_observations(conn: &Connection, study_id: &str) -> Result<Vec<ObservationRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("select_observations.sql"))?;
    let rows = stmt.query_map([study_id], |r| {
        Ok(ObservationRecord {
            unit: r.get(0)?,
            arm: r.get(1)?,
            metric_id: r.get(2)?,
            period: r.get(3)?,
            value: r.get(4)?,
            source: r.get(5)?,
            recorded_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn study_from_row(r: &Row<'_>) -> rusqlite::Result<StudyRecord> {
    Ok(StudyRecord {
        id: r.get("id")?,
        course_id: r.get("course_id")?,
        name: r.get("name")?,
        unit_kind: r.get("unit_kind")?,
        baseline_start: r.get("baseline_start")?,
        baseline_end: r.get("baseline_end")?,
        post_start: r.get("post_start")?,
        post_end: r.get("post_end")?,
        programme_cost: r.get("programme_cost")?,
        monetised_benefit: r.get("monetised_benefit")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::tests::install;
    use crate::{Store, StoreError};

    pub(crate) fn study(id: &str) -> StudyRecord {
        StudyRecord {
            id: id.into(),
            course_id: "c1".into(),
            name: "三月门店社群".into(),
            unit_kind: "store".into(),
            baseline_start: "2026-01-01".into(),
            baseline_end: "2026-01-31".into(),
            post_start: "2026-03-01".into(),
            post_end: "2026-03-31".into(),
            programme_cost: Some(20_000.0),
            monetised_benefit: None,
            created_at: "2026-04-01T00:00:00Z".into(),
            updated_at: "2026-04-01T00:00:00Z".into(),
        }
    }

    fn metric(id: &str, position: i64) -> MetricRecord {
        MetricRecord {
            id: id.into(),
            name: id.into(),
            unit: "%".into(),
            direction: "up".into(),
            aggregation: "mean".into(),
            template_id: None,
            position,
        }
    }

    fn obs(unit: &str, metric: &str, period: &str, value: Option<f64>) -> ObservationRecord {
        ObservationRecord {
            unit: unit.into(),
            arm: String::new(),
            metric_id: metric.into(),
            period: period.into(),
            value,
            source: "manual".into(),
            recorded_at: "2026-04-02T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_study_round_trips_and_deleting_it_removes_its_data() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[]);
        store
            .transact(|tx| {
                upsert_study(tx, &study("s1"))?;
                upsert_metric(tx, "s1", &metric("active_rate", 1))?;
                upsert_metric(tx, "s1", &metric("sales", 0))?;
                upsert_unit(tx, "s1", &UnitRecord { label: "北店".into(), arm: "treatment".into() })?;
                upsert_unit(tx, "s1", &UnitRecord { label: "南店".into(), arm: "control".into() })?;
                upsert_observation(tx, "s1", &obs("北店", "active_rate", "after", Some(20.5)))?;
                upsert_observation(tx, "s1", &obs("北店", "active_rate", "before", Some(18.0)))?;
                upsert_observation(tx, "s1", &obs("南店", "sales", "before", None))?;
                // A second value for the same cell replaces the first.
                upsert_observation(tx, "s1", &obs("北店", "active_rate", "before", Some(17.0)))?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
        assert_eq!(get_study(store.conn(), "s1").unwrap(), study("s1"));
        let ids: Vec<String> = list_metrics(store.conn(), "s1").unwrap().into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["sales", "active_rate"]);
        assert_eq!(list_units(store.conn(), "s1").unwrap()[0].arm, "treatment");
        let values: Vec<(String, String, Option<f64>)> = list_observations(store.conn(), "s1")
            .unwrap()
            .into_iter()
            .map(|o| (o.metric_id, o.period, o.value))
            .collect();
        assert_eq!(
            values,
            [
                ("sales".into(), "before".into(), None),
                ("active_rate".into(), "before".into(), Some(17.0)),
                ("active_rate".into(), "after".into(), Some(20.5)),
            ]
        );
        store.transact(|tx| delete_study(tx, "s1")).unwrap();
        let left: i64 = store.conn().query_row("SELECT count(*) FROM impact_observations", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
        assert!(matches!(get_study(store.conn(), "s1"), Err(StoreError::NotFound { .. })));
    }

    #[test]
    fn the_schema_refuses_overlapping_windows_and_unknown_units() {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[]);
        let mut bad = study("s2");
        bad.post_start = "2026-01-15".into();
        assert!(store.transact(|tx| upsert_study(tx, &bad)).is_err());
        store.transact(|tx| upsert_study(tx, &study("s1"))).unwrap();
        store.transact(|tx| upsert_metric(tx, "s1", &metric("sales", 0))).unwrap();
        let orphan = store.transact(|tx| upsert_observation(tx, "s1", &obs("无此店", "sales", "before", Some(1.0))));
        assert!(orphan.is_err(), "a value for a unit outside the study must be refused");
    }
}
