//! The manual entry form: an admin types values for a unit (and group),
//! metric and period. All values of one save are written together or not at all.

use chrono::{DateTime, Utc};
use qunxue_core::impact::{Group, Period};
use qunxue_core::{msg, Diagnostic};
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use super::authorise;
use super::observations::{find_metric, write_entries, Entry, WriteSummary};
use super::studies::load_view;
use crate::{AppError, Result};

/// How the form names the period and group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodInput {
    /// The baseline period, before the training.
    Before,
    /// The period after the training.
    After,
}

/// The study arm a unit belongs to, as the form names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupInput {
    /// Units that took the training.
    Treatment,
    /// Units that did not take it, kept for comparison.
    Control,
}

/// One row of the form. `value: None` records a value known to be missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservationInput {
    /// The learner, team or store the value is about, as the study names it.
    pub unit: String,
    /// Needed for a unit not yet in the study.
    #[serde(default)]
    pub group: Option<GroupInput>,
    /// The id of one of the study's metrics.
    pub metric_id: String,
    /// Whether the value belongs to the baseline or the post-training period.
    pub period: PeriodInput,
    /// The measured value in the metric's unit; `None` records it as missing.
    pub value: Option<f64>,
}

/// Where messages about the form point: "form row N".
const FORM: &str = "form";

/// Saves the form's rows into study `study_id` (instructor or admin); every row is checked first and nothing is
/// written unless all are valid, with at least one row.
pub fn record_observations(
    store: &mut Store,
    profile: &str,
    study_id: &str,
    rows: &[ObservationInput],
    now: DateTime<Utc>,
) -> Result<WriteSummary> {
    authorise(store.conn(), profile)?;
    let study = load_view(store.conn(), study_id)?;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let line = index + 1;
        let unit = row.unit.trim();
        if unit.is_empty() {
            problems.push(Diagnostic::error(
                FORM,
                line,
                1,
                msg!("the unit (learner, team or store) is empty", "单位（学员、团队或门店）为空"),
            ));
            continue;
        }
        if let Some(problem) = super::unit_problem(unit) {
            problems.push(Diagnostic::error(FORM, line, 1, problem));
            continue;
        }
        let Some(metric) = find_metric(&study.metrics, &row.metric_id) else {
            let metric = &row.metric_id;
            problems.push(Diagnostic::error(
                FORM,
                line,
                2,
                msg!("metric {metric:?} is not in the study", "指标 {metric:?} 不在本研究中"),
            ));
            continue;
        };
        if row.value.is_some_and(|v| !v.is_finite()) {
            problems.push(Diagnostic::error(
                FORM,
                line,
                4,
                msg!("the value must be a finite number", "值必须是有限数值"),
            ));
            continue;
        }
        entries.push(Entry {
            unit: unit.to_owned(),
            arm: row.group.map(|g| match g {
                GroupInput::Treatment => Group::Treatment,
                GroupInput::Control => Group::Control,
            }),
            metric_id: metric.id.clone(),
            period: match row.period {
                PeriodInput::Before => Period::Before,
                PeriodInput::After => Period::After,
            },
            value: row.value,
            origin: (line, 1),
        });
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    if entries.is_empty() {
        return Err(AppError::Rejected(msg!("enter at least one value", "请至少填写一个数值")));
    }
    let stamp = qunxue_store::time::stamp(now);
    store.transact(|tx| write_entries(tx, study_id, FORM, &entries, "manual", &stamp))
}
