//! Business-impact studies and the three-level training-effect report.
//!
//! An instructor or admin sets up a study ([`studies`]): a trained cohort of
//! learners, teams or stores, an optional control group, a baseline and a
//! post-training window, the metrics to compare and the ROI inputs. Values
//! arrive from a CSV/XLSX file ([`import`], with a column-mapping preview)
//! or the manual form ([`entry`]). The statistics are
//! `qunxue_core::impact`; this module adds the database, files and roles.
//! Every service checks the caller's role in the backend.

mod entry;
pub mod export;
#[doc(hidden)]
#[cfg(any(test, feature = "test-support"))]
pub mod fixture;
mod import;
mod observations;
pub mod report;
mod sheet_extent;
mod studies;
mod survey;
mod table;
#[cfg(test)]
mod tests;

pub use entry::{record_observations, GroupInput, ObservationInput, PeriodInput};
pub use import::{
    import_observations, preview_import, suggest_mapping, ColumnMapping, ImportPreview, ImportSummary, PreviewRow,
    SuggestedMapping, PREVIEW_ROWS,
};
pub use observations::WriteSummary;
pub use studies::{
    create_study, delete_study, get_study, list_studies, metric_templates, update_study, MetricDefinition, StudyInput,
    StudyView, UnitKind,
};
pub use survey::{submit_survey, survey_forms, SurveyAnswer, SurveyForm, MAX_TEXT_CHARS};
pub use table::{read_table, Table, MAX_FILE_BYTES};

use qunxue_core::impact::{Group, Period};
use qunxue_core::pack::model::MetricTemplate;
use qunxue_store::course_items::ItemRecord;
use qunxue_store::Connection;

use crate::access::{self, Role};
use crate::{msg, AppError, Result};

/// Studies and reports hold business figures: instructors and admins only.
fn authorise(conn: &Connection, profile: &str) -> Result<()> {
    access::require(
        conn,
        profile,
        Role::Instructor,
        msg!("managing impact studies and reports", "管理效果评估研究和报告"),
    )
    .map(drop)
}

fn arm_str(group: Group) -> &'static str {
    group.as_str()
}

fn parse_arm(text: &str) -> Option<Group> {
    match text {
        "treatment" => Some(Group::Treatment),
        "control" => Some(Group::Control),
        _ => None,
    }
}

fn parse_template(course_id: &str, item: &ItemRecord) -> Result<MetricTemplate> {
    serde_json::from_str(&item.body).map_err(|e| {
        let id = &item.id;
        AppError::Internal(msg!(
            "metric template {id} of course {course_id} is corrupt: {e}",
            "课程 {course_id} 的指标模板 {id} 已损坏：{e}"
        ))
    })
}

/// A group as admins write it in a sheet, in English or Chinese.
fn parse_group_text(text: &str) -> Option<Group> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "treatment" | "trained" | "t" | "训练组" | "实验组" | "培训组" | "受训组" => Some(Group::Treatment),
        "control" | "c" | "对照组" | "控制组" | "未培训组" => Some(Group::Control),
        _ => None,
    }
}

/// A period as admins write it, in English or Chinese.
fn parse_period_text(text: &str) -> Option<Period> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "before" | "pre" | "baseline" | "培训前" | "训练前" | "前测" | "基线" | "前" => Some(Period::Before),
        "after" | "post" | "培训后" | "训练后" | "后测" | "后" => Some(Period::After),
        _ => None,
    }
}

/// Longest unit (learner, team or store) name, in characters.
pub const MAX_UNIT_CHARS: usize = 120;

/// Why `unit` cannot name a unit: too long for a report row, or holding
/// control characters (NUL, escapes) that no name has and that break exports.
fn unit_problem(unit: &str) -> Option<qunxue_core::Message> {
    let chars = unit.chars().count();
    if chars > MAX_UNIT_CHARS {
        return Some(qunxue_core::msg!(
            "the unit name is {chars} characters long; at most {MAX_UNIT_CHARS} are allowed",
            "单位名称长 {chars} 个字符；最多允许 {MAX_UNIT_CHARS} 个字符"
        ));
    }
    unit.chars().any(char::is_control).then(|| {
        qunxue_core::msg!(
            "the unit name contains control characters (such as NUL or a line break)",
            "单位名称包含控制字符（如 NUL 或换行符）"
        )
    })
}

/// At most 40 characters of a cell, for quoting it in a message.
fn excerpt(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}

/// Tokens that mean "known to be missing".
const MISSING: [&str; 8] = ["", "na", "n/a", "nan", "null", "-", "缺失", "无"];

/// A value cell: a finite number (thousands separators and a trailing `%`
/// allowed — rates are stored as the number before the `%`), or a missing token.
fn parse_value_text(text: &str) -> std::result::Result<Option<f64>, qunxue_core::Message> {
    let t = text.trim();
    if MISSING.iter().any(|m| t.eq_ignore_ascii_case(m)) {
        return Ok(None);
    }
    let cleaned: String = t.trim_end_matches(['%', '％']).chars().filter(|c| *c != ',' && *c != '，').collect();
    match cleaned.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => {
            let shown = excerpt(t);
            Err(qunxue_core::msg!(
                "value {shown:?} is not a number (leave it empty or write NA if it is missing)",
                "值 {shown:?} 不是数字（如果缺失，请留空或填写 NA）"
            ))
        }
    }
}
