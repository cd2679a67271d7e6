//! Writing business values into a study, whichever way they arrive (a file
//! import or the manual entry form): checks each value against the study —
//! known metric, one group per unit — and writes them all in one transaction.

use std::collections::HashMap;

use qunxue_core::impact::{Group, Period};
use qunxue_core::{msg, Diagnostic};
use qunxue_store::impact::{self as db, ObservationRecord, UnitRecord};
use qunxue_store::Transaction;
use serde::{Deserialize, Serialize};

use super::studies::MetricDefinition;
use super::{arm_str, parse_arm};
use crate::{AppError, Result};

/// One value to record, with where it came from for error messages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub unit: String,
    /// `None`: the unit must already be in the study.
    pub arm: Option<Group>,
    pub metric_id: String,
    pub period: Period,
    pub value: Option<f64>,
    /// `(line, column)` of the row in the source, for messages.
    pub origin: (usize, usize),
}

/// What an import or a manual entry changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WriteSummary {
    /// Values written (after combining rows of the same unit, metric and period).
    pub values_written: usize,
    /// Of those, values that replaced one already stored.
    pub values_replaced: usize,
    /// Units added to the study by this write.
    pub units_added: usize,
}

/// Looks a metric up by id or by name, as admins write either.
pub(crate) fn find_metric<'a>(metrics: &'a [MetricDefinition], text: &str) -> Option<&'a MetricDefinition> {
    metrics.iter().find(|m| m.id == text).or_else(|| metrics.iter().find(|m| m.name == text))
}

/// Writes `entries` into the study in `tx`; any entry whose unit would
/// change group makes the whole write fail with every such problem listed.
pub(crate) fn write_entries(
    tx: &Transaction<'_>,
    study_id: &str,
    file: &str,
    entries: &[Entry],
    source: &str,
    recorded_at: &str,
) -> Result<WriteSummary> {
    let mut arms: HashMap<String, (Group, Option<(usize, usize)>)> = db::list_units(tx, study_id)?
        .into_iter()
        .filter_map(|u| parse_arm(&u.arm).map(|arm| (u.label, (arm, None))))
        .collect();
    let existing: HashMap<(String, String, &'static str), ()> = db::list_observations(tx, study_id)?
        .into_iter()
        .map(|o| {
            let period = if o.period == "before" { "before" } else { "after" };
            ((o.unit, o.metric_id, period), ())
        })
        .collect();
    let mut problems = Vec::new();
    let mut summary = WriteSummary::default();
    for entry in entries {
        let (line, col) = entry.origin;
        match (arms.get(&entry.unit), entry.arm) {
            (Some(&(known, first)), Some(arm)) if known != arm => {
                let (whence, whence_zh) = match first {
                    None => ("in the study".to_owned(), "在本研究中".to_owned()),
                    Some((l, _)) => (format!("on line {l}"), format!("在第 {l} 行")),
                };
                let arm_zh = |group: Group| match group {
                    Group::Treatment => "训练组（treatment）",
                    Group::Control => "对照组（control）",
                };
                let (known_zh, arm_zh) = (arm_zh(known), arm_zh(arm));
                let (unit, known, arm) = (&entry.unit, arm_str(known), arm_str(arm));
                problems.push(Diagnostic::error(
                    file,
                    line,
                    col,
                    msg!(
                        "{unit:?} is in the {known} group {whence}, not the {arm} group; a unit belongs to one group",
                        "{unit:?} {whence_zh}属于{known_zh}，而不是{arm_zh}；一个单位只能属于一个组"
                    ),
                ));
                continue;
            }
            (Some(_), _) => {}
            (None, Some(arm)) => {
                arms.insert(entry.unit.clone(), (arm, Some(entry.origin)));
                db::upsert_unit(tx, study_id, &UnitRecord { label: entry.unit.clone(), arm: arm_str(arm).to_owned() })?;
                summary.units_added += 1;
            }
            (None, None) => {
                problems.push(Diagnostic::error(file, line, col, {
                    let unit = &entry.unit;
                    msg!(
                        "{unit:?} is not in the study; map a group column or add it to a group first",
                        "{unit:?} 不在本研究中；请先映射组别列，或先将其加入某个组"
                    )
                }));
                continue;
            }
        }
        if existing.contains_key(&(entry.unit.clone(), entry.metric_id.clone(), entry.period.as_str())) {
            summary.values_replaced += 1;
        }
        db::upsert_observation(
            tx,
            study_id,
            &ObservationRecord {
                unit: entry.unit.clone(),
                arm: String::new(),
                metric_id: entry.metric_id.clone(),
                period: entry.period.as_str().to_owned(),
                value: entry.value,
                source: source.to_owned(),
                recorded_at: recorded_at.to_owned(),
            },
        )?;
        summary.values_written += 1;
    }
    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(AppError::Invalid(problems))
    }
}
