//! Reports over released grades: per-criterion scores per learner (consumed
//! by the three-level effect report), level distributions per criterion,
//! per-marker statistics, and the grades-by-criterion table exported as CSV
//! (UTF-8 with BOM, so Excel and WPS read Chinese correctly) or XLSX through
//! the shared [`crate::export`] writer.

use std::collections::BTreeMap;
use std::path::Path;

use qunxue_core::grading::{level_distribution, Summary};
use qunxue_store::marks::{self, COMPLETE};
use qunxue_store::Connection;
use qunxue_store::{profiles, submissions, Store};
use serde::Serialize;

use super::common::{from_json, task_and_rubric, Levels};
use crate::access::{self, Role};
use crate::export::{write_tables, Cell, Sheet};
use crate::{msg, Result};

/// One learner's released level on one criterion of one task (their latest
/// released version of that task).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionScore {
    /// The learner's profile id.
    pub learner_id: String,
    /// The task's id within the course.
    pub task_id: String,
    /// The graded version (the learner's latest released one of the task).
    pub version_id: String,
    /// The rubric criterion's id.
    pub criterion_id: String,
    /// The released level, as a 0-based index into the criterion's levels (lowest first).
    pub level: usize,
    /// The points that level gives.
    pub points: f64,
    /// The criterion's highest possible points.
    pub max_points: f64,
    /// The task grade of that version, for convenience.
    pub grade: f64,
    /// The task's highest possible grade when the result was released.
    pub grade_max: f64,
}

/// Released per-criterion scores of every learner in a course. No role check:
/// callers (reports) check their own.
pub fn criterion_scores(conn: &Connection, course: &str) -> Result<Vec<CriterionScore>> {
    // The latest released version wins per learner and task.
    let mut latest: BTreeMap<(String, String), (i64, String, qunxue_store::marks::ResultRecord)> = BTreeMap::new();
    for r in marks::results_of_course(conn, course)? {
        let v = submissions::version(conn, &r.version_id)?;
        let key = (v.profile_id.clone(), v.task_id.clone());
        if latest.get(&key).is_none_or(|(number, _, _)| v.number > *number) {
            latest.insert(key, (v.number, v.id, r));
        }
    }
    let mut out = Vec::new();
    for ((learner, task_id), (_, version_id, r)) in latest {
        let (_, rubric) = task_and_rubric(conn, course, &task_id)?;
        let levels: Levels = from_json(&r.levels, msg!("levels", "评分档位"))?;
        for c in &rubric.criteria {
            let Some(level) = levels.get(&c.id).and_then(|&i| c.levels.get(i).map(|l| (i, l.points))) else { continue };
            out.push(CriterionScore {
                learner_id: learner.clone(),
                task_id: task_id.clone(),
                version_id: version_id.clone(),
                criterion_id: c.id.clone(),
                level: level.0,
                points: level.1,
                max_points: c.levels.iter().map(|l| l.points).fold(0.0, f64::max),
                grade: r.grade,
                grade_max: r.grade_max,
            });
        }
    }
    Ok(out)
}

/// How often each level of a criterion was released.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionDistribution {
    /// The task's id within the course.
    pub task_id: String,
    /// The rubric criterion's id.
    pub criterion_id: String,
    /// The criterion's title, as the chart names it.
    pub title: String,
    /// Level labels, lowest first.
    pub labels: Vec<String>,
    /// How many released results chose each level, in the order of `labels`.
    pub counts: Vec<usize>,
}

/// How often each level of every criterion was released in `course`, per task (instructor or admin).
pub fn criterion_distributions(store: &Store, profile: &str, course: &str) -> Result<Vec<CriterionDistribution>> {
    let conn = store.conn();
    access::require(conn, profile, Role::Instructor, msg!("viewing grading analytics", "查看评分分析"))?;
    let scores = criterion_scores(conn, course)?;
    let mut tasks: Vec<&str> = scores.iter().map(|s| s.task_id.as_str()).collect();
    tasks.dedup();
    let mut out = Vec::new();
    for task_id in tasks {
        let (_, rubric) = task_and_rubric(conn, course, task_id)?;
        for c in &rubric.criteria {
            let ratings: Vec<usize> =
                scores.iter().filter(|s| s.task_id == task_id && s.criterion_id == c.id).map(|s| s.level).collect();
            out.push(CriterionDistribution {
                task_id: task_id.to_string(),
                criterion_id: c.id.clone(),
                title: c.title.clone(),
                labels: c.levels.iter().map(|l| l.label.clone()).collect(),
                counts: level_distribution(&ratings, c.levels.len()),
            });
        }
    }
    Ok(out)
}

/// One marker's complete marks in a course, summarised.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraderStats {
    /// The marker's profile id.
    pub marker_id: String,
    /// The marker's display name.
    pub marker_name: String,
    /// Count, mean, standard deviation, minimum and maximum of the grades in their complete marks.
    pub grades: Summary,
}

/// Per-marker statistics of the complete marks in `course`, ordered by marker id (instructor or admin).
pub fn grader_stats(store: &Store, profile: &str, course: &str) -> Result<Vec<GraderStats>> {
    let conn = store.conn();
    access::require(conn, profile, Role::Instructor, msg!("viewing grading analytics", "查看评分分析"))?;
    let mut by_marker: BTreeMap<String, (String, Vec<f64>)> = BTreeMap::new();
    for m in marks::marks_of_course(conn, course)?.into_iter().filter(|m| m.status == COMPLETE) {
        let entry = by_marker.entry(m.marker_id).or_insert_with(|| (m.marker_name.clone(), Vec::new()));
        entry.1.extend(m.grade);
    }
    Ok(by_marker
        .into_iter()
        .map(|(marker_id, (marker_name, grades))| GraderStats { marker_id, marker_name, grades: Summary::of(&grades) })
        .collect())
}

/// One learner's row for one task: name, grade, grade max and points per (task, criterion).
type GradeRow = (String, f64, f64, BTreeMap<(String, String), f64>);

/// Grades by criterion: one row per learner and task, one column per
/// criterion (points), then the grade. Tasks with different rubrics share
/// the table, so criterion columns are `task / criterion`.
fn grades_sheet(conn: &Connection, course: &str) -> Result<Sheet> {
    let scores = criterion_scores(conn, course)?;
    let mut columns: Vec<(String, String, String)> = Vec::new();
    let mut rows: BTreeMap<(String, String), GradeRow> = BTreeMap::new();
    for s in &scores {
        let (_, rubric) = task_and_rubric(conn, course, &s.task_id)?;
        let title =
            rubric.criteria.iter().find(|c| c.id == s.criterion_id).map(|c| c.title.clone()).unwrap_or_default();
        let key = (s.task_id.clone(), s.criterion_id.clone());
        if !columns.iter().any(|(t, c, _)| (t, c) == (&key.0, &key.1)) {
            columns.push((key.0.clone(), key.1.clone(), format!("{} / {title}", s.task_id)));
        }
        let row = rows
            .entry((s.learner_id.clone(), s.task_id.clone()))
            .or_insert_with(|| (s.version_id.clone(), s.grade, s.grade_max, BTreeMap::new()));
        row.3.insert(key, s.points);
    }
    let mut header = vec!["学员ID".to_string(), "学员".to_string(), "作业".to_string(), "版本".to_string()];
    header.extend(columns.iter().map(|c| c.2.clone()));
    header.extend(["成绩".to_string(), "满分".to_string()]);
    let mut table = Vec::new();
    for ((learner, task_id), (version_id, grade, grade_max, points)) in rows {
        let name = profiles::get(conn, &learner).map(|p| p.display_name).unwrap_or_default();
        let mut row: Vec<Cell> = vec![learner.into(), name.into(), task_id.into(), version_id.into()];
        row.extend(columns.iter().map(|(t, c, _)| Cell::from(points.get(&(t.clone(), c.clone())).copied())));
        row.extend([Cell::Number(grade), Cell::Number(grade_max)]);
        table.push(row);
    }
    Ok(Sheet { name: "作业成绩".into(), header, rows: table })
}

/// Writes the grades-by-criterion table as CSV (UTF-8 with BOM) or XLSX,
/// chosen by `out`'s extension; returns the number of data rows.
pub fn export_grades_table(store: &Store, profile: &str, course: &str, out: &Path) -> Result<usize> {
    access::require(store.conn(), profile, Role::Instructor, msg!("exporting grades", "导出成绩"))?;
    let sheet = grades_sheet(store.conn(), course)?;
    write_tables(out, std::slice::from_ref(&sheet))?;
    Ok(sheet.rows.len())
}
