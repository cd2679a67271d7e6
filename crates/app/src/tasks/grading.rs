//! The instructor's workbench: the queue, grading one version against its
//! rubric (draft or complete marks), releasing a grade, classroom
//! observation, and double marking with blind second markers and
//! moderation. Every function here asks [`access::require`] first.
//!
//! Blindness: a marker's views contain only their own mark. Other marks
//! become visible only in the moderation view, which opens once two markers
//! have completed theirs — so a second marker never sees the first grade
//! before committing their own.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use qunxue_core::grading::{agreement, check_partial, rubric_grade, Agreement, GradeError};
use qunxue_core::pack::model::Rubric;
use qunxue_core::xapi::{Event, Named, Points};
use qunxue_store::marks::{self, MarkRecord, ResultRecord, COMPLETE, DRAFT};
use qunxue_store::submissions::{self, VersionRecord, SOURCE_OBSERVATION};
use qunxue_store::Connection;
use qunxue_store::{profiles, Store};
use serde::{Deserialize, Serialize};

use super::common::{
    from_json, result_view, stamp, task_and_rubric, task_view, to_json, version_view, Comments, Levels, ResultView,
    TaskView, VersionView,
};
use super::queue::{queue_status, QueueStatus};
use crate::access::{self, Caller, Role};
use crate::msg;
use crate::{AppError, Result};

fn status_of(conn: &Connection, v: &VersionRecord) -> Result<QueueStatus> {
    let complete = marks::marks_of(conn, &v.id)?.iter().filter(|m| m.status == COMPLETE).count();
    Ok(queue_status(
        marks::result(conn, &v.id)?.is_some(),
        complete,
        marks::is_double_marked(conn, &v.course_id, &v.task_id)?,
    ))
}

/// A mark as its marker sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarkView {
    /// The marker's profile id.
    pub marker_id: String,
    /// The marker's display name.
    pub marker_name: String,
    /// The level chosen for each criterion so far (0-based index, lowest first).
    pub levels: Levels,
    /// The marker's comment on each criterion, where there is one.
    pub comments: Comments,
    /// Overall feedback for the learner.
    pub feedback: String,
    /// Sum of the chosen levels' points; `None` while a criterion has no level yet.
    pub points: Option<f64>,
    /// The grade on the task's scale up to its `grade_max`; `None` while a criterion has no level yet.
    pub grade: Option<f64>,
    /// `draft` or `complete`.
    pub status: qunxue_store::marks::MarkStatus,
    /// When the mark was last saved: RFC 3339 UTC timestamp.
    pub updated_at: String,
}

fn mark_view(m: &MarkRecord) -> Result<MarkView> {
    Ok(MarkView {
        marker_id: m.marker_id.clone(),
        marker_name: m.marker_name.clone(),
        levels: from_json(&m.levels, msg!("levels", "评分档位"))?,
        comments: from_json(&m.comments, msg!("comments", "评语"))?,
        feedback: m.feedback.clone(),
        points: m.points,
        grade: m.grade,
        status: m.status,
        updated_at: m.updated_at.clone(),
    })
}

/// The grading screen: the work beside the rubric and the caller's own mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradingView {
    /// The task, with its rubric.
    pub task: TaskView,
    /// The version being graded.
    pub version: VersionView,
    /// Display name of the learner whose work it is.
    pub learner_name: String,
    /// The caller's own mark of this version, if they have saved one; other markers' marks are never shown here.
    pub my_mark: Option<MarkView>,
    /// Whether the task is double-marked, so the grade comes from moderation rather than a release.
    pub double_marked: bool,
    /// Where the version stands in the queue.
    pub status: QueueStatus,
}

/// The grading screen for version `version_id`: the work, the task's rubric and the caller's own mark (instructor or
/// admin).
pub fn grading_view(store: &Store, profile: &str, version_id: &str) -> Result<GradingView> {
    let conn = store.conn();
    let caller = access::require(conn, profile, Role::Instructor, msg!("grading a submission", "批改作业"))?;
    let v = submissions::version(conn, version_id)?;
    let (task, rubric) = task_and_rubric(conn, &v.course_id, &v.task_id)?;
    let my_mark = marks::marks_of(conn, version_id)?
        .iter()
        .find(|m| m.marker_id == caller.profile_id)
        .map(mark_view)
        .transpose()?;
    Ok(GradingView {
        double_marked: marks::is_double_marked(conn, &v.course_id, &v.task_id)?,
        status: status_of(conn, &v)?,
        learner_name: profiles::get(conn, &v.profile_id)?.display_name,
        version: version_view(&v)?,
        task: task_view(&v.course_id, task, rubric),
        my_mark,
    })
}

/// What a marker sends when saving.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MarkInput {
    /// The level chosen for each criterion so far (0-based index, lowest first).
    pub levels: Levels,
    /// The marker's comment on each criterion, where there is one.
    #[serde(default)]
    pub comments: Comments,
    /// Overall feedback for the learner.
    #[serde(default)]
    pub feedback: String,
    /// False = save as draft; true = the mark is finished (every criterion needs a level).
    #[serde(default)]
    pub complete: bool,
}

/// Checks levels and comments against the rubric and scores them if every
/// criterion has a level.
fn score_input(rubric: &Rubric, grade_max: f64, input: &MarkInput) -> Result<Option<(f64, f64)>> {
    if let Some(id) = input.comments.keys().find(|id| !rubric.criteria.iter().any(|c| &c.id == *id)) {
        return Err(refused_mark(rubric, GradeError::UnknownCriterion(id.clone(), rubric.id.clone())));
    }
    // Core checks the levels; a draft may leave criteria without one.
    let missing = check_partial(rubric, &input.levels).map_err(|e| refused_mark(rubric, e))?;
    if !missing.is_empty() {
        if input.complete {
            let titles: Vec<_> = missing.iter().map(|c| c.title.as_str()).collect();
            let (missing_en, missing_zh) = (titles.join(", "), titles.join("、"));
            return Err(AppError::Rejected(msg!(
                "every criterion needs a level; still without one: {missing_en}",
                "还有评分项没有选档：{missing_zh}"
            )));
        }
        return Ok(None);
    }
    let scored = rubric_grade(rubric, &input.levels, 0.0, grade_max).map_err(|e| refused_mark(rubric, e))?;
    Ok(Some((scored.points, scored.grade)))
}

/// Core's reason a mark cannot be scored, told with the rubric's titles.
fn refused_mark(rubric: &Rubric, error: GradeError) -> AppError {
    match error {
        GradeError::UnknownCriterion(id, _) => {
            let title = &rubric.title;
            AppError::Rejected(msg!(
                "unknown criterion `{id}`: the rubric “{title}” has no such criterion",
                "评分标准「{title}」中没有评分项 `{id}`"
            ))
        }
        GradeError::NoSuchLevel { criterion, index, count } => {
            let title = rubric.criteria.iter().find(|c| c.id == criterion).map_or(criterion.as_str(), |c| &c.title);
            let level = index + 1;
            AppError::Rejected(msg!(
                "no such level: criterion “{title}” has {count} levels, not a level {level}",
                "评分项「{title}」只有 {count} 档，没有第 {level} 档"
            ))
        }
        other => AppError::Rejected(msg!("the mark cannot be scored: {other}", "无法按评分标准计分：{other}")),
    }
}

/// Saves the caller's mark of a version (draft or complete).
pub fn save_mark(
    store: &mut Store,
    profile: &str,
    version_id: &str,
    input: &MarkInput,
    now: DateTime<Utc>,
) -> Result<MarkView> {
    let caller = access::require(store.conn(), profile, Role::Instructor, msg!("saving a mark", "保存评分"))?;
    let v = submissions::version(store.conn(), version_id)?;
    if v.profile_id == caller.profile_id {
        return Err(AppError::Rejected(msg!("you cannot grade your own work", "不能给自己的作业评分")));
    }
    let (task, rubric) = task_and_rubric(store.conn(), &v.course_id, &v.task_id)?;
    let scored = score_input(&rubric, task.grade_max, input)?;
    let record = MarkRecord {
        version_id: version_id.to_string(),
        marker_id: caller.profile_id.clone(),
        marker_name: profiles::get(store.conn(), &caller.profile_id)?.display_name,
        levels: to_json(&input.levels),
        comments: to_json(&input.comments),
        feedback: input.feedback.clone(),
        points: scored.map(|s| s.0),
        grade: scored.map(|s| s.1),
        status: if input.complete { COMPLETE } else { DRAFT },
        updated_at: stamp(now),
    };
    store.transact(|tx| marks::save_mark(tx, &record))?;
    mark_view(&record)
}

fn write_result(
    store: &mut Store,
    caller: &Caller,
    v: &VersionRecord,
    input: &MarkInput,
    method: &str,
    now: DateTime<Utc>,
) -> Result<ResultView> {
    let (task, rubric) = task_and_rubric(store.conn(), &v.course_id, &v.task_id)?;
    let (points, grade) = score_input(&rubric, task.grade_max, &MarkInput { complete: true, ..input.clone() })?
        .expect("complete marks are scored");
    let record = ResultRecord {
        version_id: v.id.clone(),
        levels: to_json(&input.levels),
        comments: to_json(&input.comments),
        feedback: input.feedback.clone(),
        points,
        grade,
        grade_max: task.grade_max,
        method: method.to_string(),
        released_by: profiles::get(store.conn(), &caller.profile_id)?.display_name,
        released_at: stamp(now),
    };
    let view = result_view(&record, &rubric)?;
    let rubric_result = serde_json::to_value(&view).map_err(|e| {
        AppError::internal(msg!("recording the result for the learning record", "为学习记录保存评分结果"), e)
    })?;
    store.transact(|tx| -> Result<()> {
        marks::save_result(tx, &record)?;
        let scored = Event::TaskScored {
            task: Named::new(task.id.as_str(), task.title.as_str()),
            module_id: Some(task.module.clone()),
            version_id: v.id.clone(),
            points: Points { raw: record.grade, max: record.grade_max },
            instructor: caller.profile_id.clone(),
            rubric_result,
        };
        crate::xapi::record::record(tx, &v.profile_id, &v.course_id, &scored, now)
    })?;
    Ok(view)
}

/// Releases the caller's complete mark to the learner. Refused for
/// double-marked tasks, whose grade comes from moderation.
pub fn release(store: &mut Store, profile: &str, version_id: &str, now: DateTime<Utc>) -> Result<ResultView> {
    let caller = access::require(store.conn(), profile, Role::Instructor, msg!("releasing a grade", "发布成绩"))?;
    let v = submissions::version(store.conn(), version_id)?;
    if marks::is_double_marked(store.conn(), &v.course_id, &v.task_id)? {
        return Err(AppError::Rejected(msg!(
            "this task is double-marked: moderate the two marks to set the final grade instead",
            "该作业采用双人评分，请在审核环节确定最终成绩"
        )));
    }
    let mark = marks::marks_of(store.conn(), version_id)?
        .into_iter()
        .find(|m| m.marker_id == caller.profile_id && m.status == COMPLETE)
        .ok_or_else(|| {
            AppError::Rejected(msg!(
                "complete your mark first (a level for every criterion), then release it",
                "请先完成评分（每个评分项都选档）再发布"
            ))
        })?;
    let input = MarkInput {
        levels: from_json(&mark.levels, msg!("levels", "评分档位"))?,
        comments: from_json(&mark.comments, msg!("comments", "评语"))?,
        feedback: mark.feedback,
        complete: true,
    };
    write_result(store, &caller, &v, &input, "single", now)
}

/// Puts a task under double marking (or takes it off).
pub fn set_double_marking(store: &mut Store, profile: &str, course: &str, task_id: &str, on: bool) -> Result<()> {
    access::require(store.conn(), profile, Role::Instructor, msg!("setting double marking", "设置双人评分"))?;
    task_and_rubric(store.conn(), course, task_id)?;
    store.transact(|tx| marks::set_double_marked(tx, course, task_id, on))?;
    Ok(())
}

/// Both (or all) complete marks side by side, with their agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModerationView {
    /// The task, with its rubric.
    pub task: TaskView,
    /// The version being moderated.
    pub version: VersionView,
    /// Display name of the learner whose work it is.
    pub learner_name: String,
    /// The complete marks, at least two, in the order they were made.
    pub marks: Vec<MarkView>,
    /// Criterion id → whether the first two markers chose the same level.
    pub agreed: BTreeMap<String, bool>,
    /// The released result, once moderation has set it.
    pub result: Option<ResultView>,
}

fn complete_marks(conn: &Connection, version_id: &str) -> Result<Vec<MarkRecord>> {
    let complete: Vec<_> = marks::marks_of(conn, version_id)?.into_iter().filter(|m| m.status == COMPLETE).collect();
    if complete.len() < 2 {
        return Err(AppError::Rejected(msg!("moderation needs two complete marks", "审核需要两位评分人都完成评分")));
    }
    Ok(complete)
}

/// The complete marks of a double-marked version side by side, once two markers have finished (instructor or admin).
pub fn moderation_view(store: &Store, profile: &str, version_id: &str) -> Result<ModerationView> {
    let conn = store.conn();
    access::require(conn, profile, Role::Instructor, msg!("moderating marks", "审核双人评分"))?;
    let v = submissions::version(conn, version_id)?;
    let marks = complete_marks(conn, version_id)?.iter().map(mark_view).collect::<Result<Vec<_>>>()?;
    let (task, rubric) = task_and_rubric(conn, &v.course_id, &v.task_id)?;
    let agreed = rubric
        .criteria
        .iter()
        .map(|c| (c.id.clone(), marks[0].levels.get(&c.id) == marks[1].levels.get(&c.id)))
        .collect();
    let result = marks::result(conn, version_id)?.as_ref().map(|r| result_view(r, &rubric)).transpose()?;
    Ok(ModerationView {
        learner_name: profiles::get(conn, &v.profile_id)?.display_name,
        version: version_view(&v)?,
        task: task_view(&v.course_id, task, rubric),
        result,
        marks,
        agreed,
    })
}

/// Sets the final grade of a double-marked version and releases it.
pub fn moderate(
    store: &mut Store,
    profile: &str,
    version_id: &str,
    input: &MarkInput,
    now: DateTime<Utc>,
) -> Result<ResultView> {
    let caller = access::require(store.conn(), profile, Role::Instructor, msg!("moderating marks", "审核双人评分"))?;
    let v = submissions::version(store.conn(), version_id)?;
    complete_marks(store.conn(), version_id)?;
    write_result(store, &caller, &v, input, "moderated", now)
}

/// Records that the instructor observed a learner's live practice, as a
/// version without written work, ready to be graded like any other.
pub fn record_observation(
    store: &mut Store,
    profile: &str,
    course: &str,
    task_id: &str,
    learner_id: &str,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<VersionView> {
    let action = msg!("recording an observation", "记录课堂观察");
    let caller = access::require(store.conn(), profile, Role::Instructor, action)?;
    task_and_rubric(store.conn(), course, task_id)?;
    profiles::get(store.conn(), learner_id)?;
    if learner_id == caller.profile_id {
        return Err(AppError::Rejected(msg!("you cannot record an observation of yourself", "不能给自己记录课堂观察")));
    }
    let version = VersionRecord {
        id: uuid::Uuid::new_v4().to_string(),
        profile_id: learner_id.to_string(),
        course_id: course.to_string(),
        task_id: task_id.to_string(),
        number: submissions::next_number(store.conn(), learner_id, course, task_id)?,
        source: SOURCE_OBSERVATION,
        markdown: notes.to_string(),
        attachments: "[]".to_string(),
        submitted_at: stamp(now),
    };
    store.transact(|tx| submissions::insert_version(tx, &version))?;
    version_view(&version)
}

/// Agreement between the first two complete marks of every double-marked
/// version of a task, per criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionAgreement {
    /// The rubric criterion's id.
    pub criterion_id: String,
    /// The criterion's title, as the agreement panel names it.
    pub title: String,
    /// Exact and adjacent agreement and Cohen's kappa over the pairs (flattened into this object).
    #[serde(flatten)]
    pub agreement: Agreement,
    /// The pairs of marks behind the figures, for the agreement panel.
    pub pairs_behind: Vec<MarkPair>,
}

/// One double-marked submission: who wrote it, who marked it, which level
/// each marker chose on the criterion (0 = the lowest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarkPair {
    /// The double-marked version.
    pub version_id: String,
    /// Display name of the learner whose work it is.
    pub learner_name: String,
    /// Display name of the first marker to complete a mark.
    pub first_marker: String,
    /// Display name of the second.
    pub second_marker: String,
    /// The level the first marker chose (0-based index).
    pub first_level: usize,
    /// The level the second marker chose (0-based index).
    pub second_level: usize,
}

/// How far the first two markers agree on each criterion of task `task_id`, over its double-marked versions
/// (instructor or admin).
pub fn agreement_report(store: &Store, profile: &str, course: &str, task_id: &str) -> Result<Vec<CriterionAgreement>> {
    let conn = store.conn();
    access::require(conn, profile, Role::Instructor, msg!("viewing marker agreement", "查看评分一致性"))?;
    let (_, rubric) = task_and_rubric(conn, course, task_id)?;
    // (version, learner, first marker, second marker, first levels, second levels)
    let mut pairs: Vec<(String, String, String, String, Levels, Levels)> = Vec::new();
    for v in submissions::versions_of_course(conn, course)?.iter().filter(|v| v.task_id == task_id) {
        let complete: Vec<_> = marks::marks_of(conn, &v.id)?.into_iter().filter(|m| m.status == COMPLETE).collect();
        if complete.len() >= 2 {
            let learner = profiles::get(conn, &v.profile_id).map(|p| p.display_name).unwrap_or_default();
            pairs.push((
                v.id.clone(),
                learner,
                complete[0].marker_name.clone(),
                complete[1].marker_name.clone(),
                from_json(&complete[0].levels, msg!("levels", "评分档位"))?,
                from_json(&complete[1].levels, msg!("levels", "评分档位"))?,
            ));
        }
    }
    Ok(rubric
        .criteria
        .iter()
        .map(|c| {
            let behind: Vec<MarkPair> = pairs
                .iter()
                .filter_map(|(version, learner, first, second, a, b)| {
                    let (a, b) = (*a.get(&c.id)?, *b.get(&c.id)?);
                    (a < c.levels.len() && b < c.levels.len()).then(|| MarkPair {
                        version_id: version.clone(),
                        learner_name: learner.clone(),
                        first_marker: first.clone(),
                        second_marker: second.clone(),
                        first_level: a,
                        second_level: b,
                    })
                })
                .collect();
            let ratings: Vec<(usize, usize)> = behind.iter().map(|p| (p.first_level, p.second_level)).collect();
            CriterionAgreement {
                criterion_id: c.id.clone(),
                title: c.title.clone(),
                agreement: agreement(&ratings, c.levels.len()),
                pairs_behind: behind,
            }
        })
        .collect())
}
