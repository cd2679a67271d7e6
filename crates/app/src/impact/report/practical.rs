//! The practical-ability level: released rubric scores per task criterion,
//! from `tasks::analytics::criterion_scores` (each learner's latest released
//! grade per task). With no released grade the level says so plainly rather
//! than showing anything made up.

use std::collections::{BTreeMap, HashSet};

use qunxue_store::Connection;
use serde::Serialize;

use crate::tasks::analytics::criterion_scores;
use crate::tasks::common::task_and_rubric;
use crate::Result;

/// The practical-ability level of the report: released rubric scores per task criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticalLevel {
    /// One entry per criterion with a released score, ordered by task and criterion id.
    pub criteria: Vec<CriterionSummary>,
    /// Why the level is empty, when it is.
    pub note: Option<String>,
}

/// Mean released score of one rubric criterion of one task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionSummary {
    /// The task's title.
    pub task: String,
    /// The criterion's title (its id when the rubric no longer has it).
    pub criterion: String,
    /// How many learners have a released score for it.
    pub n: usize,
    /// Their mean score, in points.
    pub mean: f64,
    /// The most points the criterion gives.
    pub max_points: f64,
}

/// `people`: only their scores, or `None` for every learner of the course.
pub(super) fn practical_level(
    conn: &Connection,
    course_id: &str,
    people: Option<&HashSet<String>>,
) -> Result<PracticalLevel> {
    // (task id, criterion id) → (points of each learner, criterion maximum).
    let mut by_criterion: BTreeMap<(String, String), (Vec<f64>, f64)> = BTreeMap::new();
    for score in
        criterion_scores(conn, course_id)?.into_iter().filter(|s| people.is_none_or(|p| p.contains(&s.learner_id)))
    {
        let entry = by_criterion.entry((score.task_id, score.criterion_id)).or_insert((Vec::new(), score.max_points));
        entry.0.push(score.points);
    }
    if by_criterion.is_empty() {
        return Ok(PracticalLevel {
            criteria: Vec::new(),
            note: Some("本课程尚无已发布评分的实操任务，因此本报告暂不包含实操能力（评分量规）数据。".to_owned()),
        });
    }
    let mut criteria = Vec::with_capacity(by_criterion.len());
    for ((task_id, criterion_id), (points, max_points)) in by_criterion {
        let (task, rubric) = task_and_rubric(conn, course_id, &task_id)?;
        let criterion = rubric.criteria.iter().find(|c| c.id == criterion_id).map_or(criterion_id, |c| c.title.clone());
        criteria.push(CriterionSummary {
            task: task.title,
            criterion,
            n: points.len(),
            mean: points.iter().sum::<f64>() / points.len() as f64,
            max_points,
        });
    }
    Ok(PracticalLevel { criteria, note: None })
}
