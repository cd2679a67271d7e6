//! The practical-ability level: released rubric scores per task criterion.
//!
//! The grading service does not yet expose released scores per criterion,
//! so this level reports plainly that no graded tasks exist rather than
//! showing anything made up. The shape below is what the report, charts and
//! exports already render once scores are available.

use rusqlite::Connection;
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticalLevel {
    pub criteria: Vec<CriterionSummary>,
    /// Why the level is empty, when it is.
    pub note: Option<String>,
}

/// Mean released score of one rubric criterion of one task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionSummary {
    pub task: String,
    pub criterion: String,
    pub n: usize,
    pub mean: f64,
    pub max_points: f64,
}

pub(super) fn practical_level(_conn: &Connection, _course_id: &str) -> Result<PracticalLevel> {
    Ok(PracticalLevel {
        criteria: Vec::new(),
        note: Some(
            "本课程尚无已发布评分的实操任务，因此本报告暂不包含实操能力（评分量规）数据。"
                .to_owned(),
        ),
    })
}
