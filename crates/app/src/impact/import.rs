//! Importing business data from a CSV or spreadsheet in the long format
//! `learner,group,metric,period,value` (DESIGN.md §4), in two steps:
//!
//! 1. [`preview_import`] reads the file, shows its first rows and suggests
//!    which column holds what (by header name, English or Chinese);
//! 2. [`import_observations`] takes the caller's [`ColumnMapping`], checks
//!    every row and writes all of them in one transaction — or none, with
//!    one message per bad row naming the file, the row and the problem.
//!
//! Several rows for the same unit, metric and period (for example one per
//! week of the window) are combined with the metric's aggregation: `sum`
//! adds them (missing if any is missing, so a gap is never read as zero),
//! `mean` averages the values given, `last` keeps the last row's value.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_core::impact::Period;
use qunxue_core::pack::model::Aggregation;
use qunxue_core::{msg, Diagnostic, Message};
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use super::observations::{find_metric, write_entries, Entry, WriteSummary};
use super::studies::{load_view, MetricDefinition};
use super::table::{read_table, Table};
use super::{authorise, excerpt, parse_group_text, parse_period_text, parse_value_text, unit_problem};
use crate::{AppError, Result};

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 10;

/// Which column (0-based) holds each field. `group` may be absent when every
/// unit is already in the study.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    /// The column naming the unit (learner, team or store).
    pub learner: usize,
    /// The column naming the group (treatment or control); needed only for units not yet in the study.
    #[serde(default)]
    pub group: Option<usize>,
    /// The column naming the metric, by id or name.
    pub metric: usize,
    /// The column naming the period (before or after the training).
    pub period: usize,
    /// The column holding the value.
    pub value: usize,
}

/// The mapping guessed from the header; `None` where no header matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedMapping {
    /// The column that looks like the unit (learner, team or store).
    pub learner: Option<usize>,
    /// The column that looks like the group.
    pub group: Option<usize>,
    /// The column that looks like the metric.
    pub metric: Option<usize>,
    /// The column that looks like the period.
    pub period: Option<usize>,
    /// The column that looks like the value.
    pub value: Option<usize>,
}

/// What the mapping step shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// The file's name, as the mapping step shows it.
    pub file: String,
    /// The header row's cells, offered as the columns to map.
    pub headers: Vec<String>,
    /// The mapping guessed from the headers, preselected in the form.
    pub suggested: SuggestedMapping,
    /// The first [`PREVIEW_ROWS`] data rows as `(line, cells)`.
    pub rows: Vec<PreviewRow>,
    /// How many non-blank data rows the file has (the header not counted).
    pub total_rows: usize,
}

/// One data row of the import preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewRow {
    /// The row's 1-based line (or sheet row) in the file, as the admin's editor or spreadsheet shows it.
    pub line: usize,
    /// The row's cells as text, in column order.
    pub cells: Vec<String>,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// The imported file's name.
    pub file: String,
    /// How many data rows the file had, before rows of the same unit, metric and period were combined.
    pub rows_read: usize,
    /// What the import changed in the study (flattened into this object).
    #[serde(flatten)]
    pub written: WriteSummary,
}

/// Reads the file at `path` for the mapping step of an import into study `study_id`, writing nothing
/// (instructor or admin).
pub fn preview_import(store: &Store, profile: &str, study_id: &str, path: &Path) -> Result<ImportPreview> {
    authorise(store.conn(), profile)?;
    load_view(store.conn(), study_id)?;
    let table = read_table(path)?;
    Ok(ImportPreview {
        suggested: suggest_mapping(&table.headers),
        rows: table
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(line, cells)| PreviewRow { line: *line, cells: cells.clone() })
            .collect(),
        total_rows: table.rows.len(),
        file: table.file,
        headers: table.headers,
    })
}

/// Checks every row of the file at `path` under `mapping` and writes them all into study `study_id` in one transaction,
/// or none, with one message per bad cell (instructor or admin).
pub fn import_observations(
    store: &mut Store,
    profile: &str,
    study_id: &str,
    path: &Path,
    mapping: &ColumnMapping,
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    authorise(store.conn(), profile)?;
    let study = load_view(store.conn(), study_id)?;
    let table = read_table(path)?;
    let entries = parse_rows(&table, mapping, &study.metrics)?;
    let stamp = qunxue_store::time::stamp(now);
    let written = store.transact(|tx| write_entries(tx, study_id, &table.file, &entries, &table.file, &stamp))?;
    Ok(ImportSummary { file: table.file, rows_read: table.rows.len(), written })
}

/// Guesses the mapping from header names.
pub fn suggest_mapping(headers: &[String]) -> SuggestedMapping {
    let find = |names: &[&str]| {
        headers.iter().position(|h| {
            let h = h.trim().to_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    SuggestedMapping {
        learner: find(&["learner", "unit", "store", "team", "学员", "学员编号", "门店", "团队", "单位", "对象"]),
        group: find(&["group", "arm", "组别", "分组", "组"]),
        metric: find(&["metric", "指标", "指标编号", "指标名称"]),
        period: find(&["period", "phase", "阶段", "时期", "期间"]),
        value: find(&["value", "数值", "值", "取值"]),
    }
}

/// Checks every row; on any problem returns them all, one per bad cell.
fn parse_rows(table: &Table, mapping: &ColumnMapping, metrics: &[MetricDefinition]) -> Result<Vec<Entry>> {
    let columns =
        [Some(mapping.learner), mapping.group, Some(mapping.metric), Some(mapping.period), Some(mapping.value)];
    let width = table.headers.len();
    let file = &table.file;
    if let Some(bad) = columns.iter().flatten().find(|&&c| c >= width) {
        let column = bad + 1;
        return Err(AppError::Rejected(msg!(
            "{file}: column {column} is mapped but the file has {width} columns",
            "{file}：对应关系用到了第 {column} 列，但文件只有 {width} 列"
        )));
    }
    let mut mapped: Vec<usize> = columns.iter().flatten().copied().collect();
    mapped.sort_unstable();
    if mapped.windows(2).any(|w| w[0] == w[1]) {
        return Err(AppError::Rejected(msg!(
            "{file}: one column is mapped to two fields",
            "{file}：同一列对应了两个字段"
        )));
    }

    let mut problems = Vec::new();
    // Rows of the same unit, metric and period are combined (see the module doc).
    let mut cells: HashMap<(String, String, Period), usize> = HashMap::new();
    let mut combined: Vec<(Entry, Vec<Option<f64>>)> = Vec::new();
    for (line, row) in &table.rows {
        let line = *line;
        let cell = |c: usize| row.get(c).map_or("", String::as_str);
        let mut error =
            |col: usize, message: Message| problems.push(Diagnostic::error(&table.file, line, col + 1, message));
        let unit = cell(mapping.learner);
        if unit.is_empty() {
            error(mapping.learner, msg!("the unit (learner, team or store) is empty", "单位（学员、团队或门店）为空"));
            continue;
        }
        if let Some(problem) = unit_problem(unit) {
            error(mapping.learner, problem);
            continue;
        }
        let arm = match mapping.group.map(|c| (c, cell(c))) {
            None => None,
            Some((c, text)) => match parse_group_text(text) {
                Some(group) => Some(group),
                None => {
                    let shown = excerpt(text);
                    error(
                        c,
                        msg!(
                            "group {shown:?} is neither \"treatment\" nor \"control\" (\"训练组\" and \"对照组\" are accepted too)",
                            "组别 {shown:?} 既不是训练组（treatment）也不是对照组（control）"
                        ),
                    );
                    continue;
                }
            },
        };
        let Some(metric) = find_metric(metrics, cell(mapping.metric)) else {
            let known: Vec<&str> = metrics.iter().map(|m| m.id.as_str()).collect();
            let (shown, known_zh, known) = (excerpt(cell(mapping.metric)), known.join("、"), known.join(", "));
            error(
                mapping.metric,
                msg!(
                    "metric {shown:?} is not one of the study's metrics ({known})",
                    "指标 {shown:?} 不是本研究的指标（{known_zh}）"
                ),
            );
            continue;
        };
        let Some(period) = parse_period_text(cell(mapping.period)) else {
            let shown = excerpt(cell(mapping.period));
            error(
                mapping.period,
                msg!(
                    "period {shown:?} is neither \"before\" nor \"after\" (\"培训前\" and \"培训后\" are accepted too)",
                    "时期 {shown:?} 既不是培训前（before）也不是培训后（after）"
                ),
            );
            continue;
        };
        let value = match parse_value_text(cell(mapping.value)) {
            Ok(value) => value,
            Err(message) => {
                error(mapping.value, message);
                continue;
            }
        };
        let key = (unit.to_owned(), metric.id.clone(), period);
        match cells.get(&key) {
            Some(&index) => {
                let (entry, values) = &mut combined[index];
                if entry.arm.is_some() && arm.is_some() && entry.arm != arm {
                    let first = entry.origin.0;
                    error(
                        mapping.group.unwrap_or(0),
                        msg!("{unit:?} is in another group on line {first}", "{unit:?} 在第 {first} 行属于另一个组"),
                    );
                    continue;
                }
                values.push(value);
            }
            None => {
                cells.insert(key, combined.len());
                let entry = Entry {
                    unit: unit.to_owned(),
                    arm,
                    metric_id: metric.id.clone(),
                    period,
                    value: None,
                    origin: (line, mapping.learner + 1),
                };
                combined.push((entry, vec![value]));
            }
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    if combined.is_empty() {
        return Err(AppError::Rejected(msg!(
            "{file}: the file has a header but no data rows",
            "{file}：文件只有表头，没有数据行"
        )));
    }
    Ok(combined
        .into_iter()
        .map(|(mut entry, values)| {
            let aggregation =
                metrics.iter().find(|m| m.id == entry.metric_id).map_or(Aggregation::Last, |m| m.aggregation);
            entry.value = aggregate(aggregation, &values);
            entry
        })
        .collect())
}

/// Combines the values of one period (see the module doc for the rules).
fn aggregate(aggregation: Aggregation, values: &[Option<f64>]) -> Option<f64> {
    match aggregation {
        Aggregation::Sum => values.iter().copied().sum::<Option<f64>>(),
        Aggregation::Mean => {
            let given: Vec<f64> = values.iter().flatten().copied().collect();
            (!given.is_empty()).then(|| given.iter().sum::<f64>() / given.len() as f64)
        }
        Aggregation::Last => values.last().copied().flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_english_or_chinese_are_recognised() {
        let headers: Vec<String> = ["门店", "组别", "指标", "阶段", "数值"].map(String::from).to_vec();
        let s = suggest_mapping(&headers);
        assert_eq!((s.learner, s.group, s.metric, s.period, s.value), (Some(0), Some(1), Some(2), Some(3), Some(4)));
        let s = suggest_mapping(&["Value".into(), "learner".into(), "other".into()]);
        assert_eq!((s.learner, s.value, s.metric), (Some(1), Some(0), None));
    }

    #[test]
    fn aggregation_never_reads_a_gap_as_zero() {
        assert_eq!(aggregate(Aggregation::Sum, &[Some(1.0), Some(2.5)]), Some(3.5));
        assert_eq!(aggregate(Aggregation::Sum, &[Some(1.0), None]), None);
        assert_eq!(aggregate(Aggregation::Mean, &[Some(1.0), None, Some(3.0)]), Some(2.0));
        assert_eq!(aggregate(Aggregation::Last, &[Some(1.0), Some(4.0)]), Some(4.0));
        assert_eq!(aggregate(Aggregation::Last, &[Some(1.0), None]), None);
    }
}
