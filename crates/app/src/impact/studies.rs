//! Setting up a study: its cohort kind, windows, ROI inputs, metrics (copied
//! from the course's metric templates or custom) and the members of the
//! trained and control groups.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use qunxue_core::pack::model::{Aggregation, Direction, MetricTemplate};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::impact::{self as db, MetricRecord, StudyRecord, UnitRecord};
use qunxue_store::{courses, Store};
use serde::{Deserialize, Serialize};

use super::{arm_str, authorise, parse_arm, parse_template};
use crate::{msg, AppError, Lang, Message, Result};

/// What a study's units are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// Each unit is one learner (a profile id or display name), so the knowledge level can follow the same people.
    Learner,
    /// Each unit is a team.
    Team,
    /// Each unit is a store.
    Store,
}

impl UnitKind {
    /// The kind as stored and serialised: `learner`, `team` or `store`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Learner => "learner",
            UnitKind::Team => "team",
            UnitKind::Store => "store",
        }
    }

    /// The Chinese noun used in reports.
    pub fn label_zh(self) -> &'static str {
        match self {
            UnitKind::Learner => "学员",
            UnitKind::Team => "团队",
            UnitKind::Store => "门店",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "learner" => Ok(UnitKind::Learner),
            "team" => Ok(UnitKind::Team),
            "store" => Ok(UnitKind::Store),
            other => Err(AppError::Internal(msg!(
                "stored study has unknown unit kind {other:?}",
                "保存的研究中有未知的评估对象类型 {other:?}"
            ))),
        }
    }
}

/// A metric as the study defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricDefinition {
    /// What import files write in their `metric` column (the name works too).
    pub id: String,
    /// The metric's display name; import files may name the metric by it instead of the id.
    pub name: String,
    /// The unit its values are measured in, shown beside them (e.g. `days`, `%`); may be empty.
    #[serde(default)]
    pub unit: String,
    /// Which way is an improvement: up (more is better) or down (less is better).
    pub direction: Direction,
    /// How several values of one unit and period combine: `sum`, `mean` or `last`.
    pub aggregation: Aggregation,
    /// The course template it came from; `None` for a custom metric.
    #[serde(default)]
    pub template_id: Option<String>,
}

/// The set-up form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StudyInput {
    /// The course the study evaluates; it cannot change once the study exists.
    pub course_id: String,
    /// The study's name, shown in the study list and the report header; must not be blank.
    pub name: String,
    /// What the study's units are: learners, teams or stores.
    pub unit_kind: UnitKind,
    /// First day of the baseline (before-training) window.
    pub baseline_start: NaiveDate,
    /// Last day of the baseline window; it must end before the post-training window starts.
    pub baseline_end: NaiveDate,
    /// First day of the post-training window.
    pub post_start: NaiveDate,
    /// Last day of the post-training window.
    pub post_end: NaiveDate,
    /// What the training programme cost, in yuan (greater than 0); needed for the ROI.
    #[serde(default)]
    pub programme_cost: Option<f64>,
    /// The training's benefit expressed in money, in yuan; needed for the ROI.
    #[serde(default)]
    pub monetised_benefit: Option<f64>,
    /// The business metrics measured; at least one.
    pub metrics: Vec<MetricDefinition>,
    /// Labels of the trained cohort's units.
    #[serde(default)]
    pub treatment: Vec<String>,
    /// Labels of the control group's units; empty = no control group.
    #[serde(default)]
    pub control: Vec<String>,
}

/// A study with its metrics, units and how many values it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StudyView {
    /// The study's id (a UUID).
    pub id: String,
    /// The course the study evaluates.
    pub course_id: String,
    /// The course's title, for display.
    pub course_title: String,
    /// The study's name.
    pub name: String,
    /// What the study's units are: learners, teams or stores.
    pub unit_kind: UnitKind,
    /// The Chinese noun of the unit kind (学员, 团队, 门店), for display.
    pub unit_kind_zh: &'static str,
    /// First day of the baseline (before-training) window.
    pub baseline_start: NaiveDate,
    /// Last day of the baseline window.
    pub baseline_end: NaiveDate,
    /// First day of the post-training window.
    pub post_start: NaiveDate,
    /// Last day of the post-training window.
    pub post_end: NaiveDate,
    /// What the training programme cost, in yuan; `None` when not entered.
    pub programme_cost: Option<f64>,
    /// The training's benefit expressed in money, in yuan; `None` when not entered.
    pub monetised_benefit: Option<f64>,
    /// The business metrics measured, in the study's order.
    pub metrics: Vec<MetricDefinition>,
    /// Labels of the trained cohort's units.
    pub treatment: Vec<String>,
    /// Labels of the control group's units; empty when there is no control group.
    pub control: Vec<String>,
    /// How many values (observations) the study holds.
    pub observation_count: usize,
    /// When the study was created: RFC 3339 UTC timestamp.
    pub created_at: String,
    /// When its settings were last saved: RFC 3339 UTC timestamp.
    pub updated_at: String,
}

/// The course's metric templates, offered when setting up a study.
pub fn metric_templates(store: &Store, profile: &str, course_id: &str) -> Result<Vec<MetricDefinition>> {
    authorise(store.conn(), profile)?;
    courses::get_course(store.conn(), course_id)?;
    course_items::list_items(store.conn(), course_id, ItemKind::MetricTemplate)?
        .iter()
        .map(|item| parse_template(course_id, item).map(MetricDefinition::from))
        .collect()
}

/// Creates a study from the set-up form (instructor or admin); every problem with the form is reported at once.
pub fn create_study(store: &mut Store, profile: &str, input: &StudyInput, now: DateTime<Utc>) -> Result<StudyView> {
    authorise(store.conn(), profile)?;
    courses::get_course(store.conn(), &input.course_id)?;
    validate(input)?;
    let id = uuid::Uuid::new_v4().to_string();
    let stamp = qunxue_store::time::stamp(now);
    store.transact(|tx| write(tx, &id, input, &stamp, &stamp))?;
    get_study(store, profile, &id)
}

/// Replaces the study's settings, metrics and group members. Metrics and
/// units no longer listed are removed together with their values.
pub fn update_study(
    store: &mut Store,
    profile: &str,
    id: &str,
    input: &StudyInput,
    now: DateTime<Utc>,
) -> Result<StudyView> {
    authorise(store.conn(), profile)?;
    let existing = db::get_study(store.conn(), id)?;
    if existing.course_id != input.course_id {
        return Err(AppError::Rejected(msg!(
            "a study cannot move to another course; create a new study",
            "研究不能改到另一门课程下，请新建一个研究"
        )));
    }
    validate(input)?;
    let stamp = qunxue_store::time::stamp(now);
    store.transact(|tx| {
        let keep_metrics: HashSet<&str> = input.metrics.iter().map(|m| m.id.as_str()).collect();
        for metric in db::list_metrics(tx, id)? {
            if !keep_metrics.contains(metric.id.as_str()) {
                db::delete_metric(tx, id, &metric.id)?;
            }
        }
        let keep_units: HashSet<&str> = input.treatment.iter().chain(&input.control).map(String::as_str).collect();
        for unit in db::list_units(tx, id)? {
            if !keep_units.contains(unit.label.as_str()) {
                db::delete_unit(tx, id, &unit.label)?;
            }
        }
        write(tx, id, input, &existing.created_at, &stamp)
    })?;
    get_study(store, profile, id)
}

/// The study `id` with its metrics and units (instructor or admin).
pub fn get_study(store: &Store, profile: &str, id: &str) -> Result<StudyView> {
    authorise(store.conn(), profile)?;
    load_view(store.conn(), id)
}

/// Every study (of one course, when given), newest first.
pub fn list_studies(store: &Store, profile: &str, course_id: Option<&str>) -> Result<Vec<StudyView>> {
    authorise(store.conn(), profile)?;
    db::list_studies(store.conn(), course_id)?.iter().map(|s| load_view(store.conn(), &s.id)).collect()
}

/// Deletes the study `id` with all its metrics, units and values (instructor or admin).
pub fn delete_study(store: &mut Store, profile: &str, id: &str) -> Result<()> {
    authorise(store.conn(), profile)?;
    if store.transact(|tx| db::delete_study(tx, id))? {
        Ok(())
    } else {
        Err(AppError::NotFound(msg!("impact study {id} not found", "找不到效果评估 {id}")))
    }
}

/// The study as the report and the UI see it. No role check: callers have
/// done it (or, for the CLI, own the database file).
pub(crate) fn load_view(conn: &qunxue_store::Connection, id: &str) -> Result<StudyView> {
    let s = db::get_study(conn, id)?;
    let course = courses::get_course(conn, &s.course_id)?;
    let metrics = db::list_metrics(conn, id)?.into_iter().map(MetricDefinition::try_from).collect::<Result<_>>()?;
    let (mut treatment, mut control) = (Vec::new(), Vec::new());
    for unit in db::list_units(conn, id)? {
        match parse_arm(&unit.arm) {
            Some(qunxue_core::impact::Group::Control) => control.push(unit.label),
            _ => treatment.push(unit.label),
        }
    }
    let observation_count = db::count_observations(conn, id)?;
    let date = |text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            AppError::Internal(msg!("study {id} has a malformed date {text:?}", "研究 {id} 中的日期 {text:?} 格式有误"))
        })
    };
    let unit_kind = UnitKind::parse(&s.unit_kind)?;
    Ok(StudyView {
        id: s.id.clone(),
        course_id: s.course_id.clone(),
        course_title: course.title,
        name: s.name.clone(),
        unit_kind,
        unit_kind_zh: unit_kind.label_zh(),
        baseline_start: date(&s.baseline_start)?,
        baseline_end: date(&s.baseline_end)?,
        post_start: date(&s.post_start)?,
        post_end: date(&s.post_end)?,
        programme_cost: s.programme_cost,
        monetised_benefit: s.monetised_benefit,
        metrics,
        treatment,
        control,
        observation_count,
        created_at: s.created_at,
        updated_at: s.updated_at,
    })
}

fn write(
    tx: &qunxue_store::Transaction<'_>,
    id: &str,
    input: &StudyInput,
    created_at: &str,
    updated_at: &str,
) -> Result<()> {
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    db::upsert_study(
        tx,
        &StudyRecord {
            id: id.to_owned(),
            course_id: input.course_id.clone(),
            name: input.name.trim().to_owned(),
            unit_kind: input.unit_kind.as_str().to_owned(),
            baseline_start: date(input.baseline_start),
            baseline_end: date(input.baseline_end),
            post_start: date(input.post_start),
            post_end: date(input.post_end),
            programme_cost: input.programme_cost,
            monetised_benefit: input.monetised_benefit,
            created_at: created_at.to_owned(),
            updated_at: updated_at.to_owned(),
        },
    )?;
    for (position, m) in input.metrics.iter().enumerate() {
        db::upsert_metric(tx, id, &m.to_record(position as i64))?;
    }
    for (labels, arm) in [
        (&input.treatment, qunxue_core::impact::Group::Treatment),
        (&input.control, qunxue_core::impact::Group::Control),
    ] {
        for label in labels {
            db::upsert_unit(tx, id, &UnitRecord { label: label.trim().to_owned(), arm: arm_str(arm).to_owned() })?;
        }
    }
    Ok(())
}

/// Checks the form; every problem is listed, not just the first.
fn validate(input: &StudyInput) -> Result<()> {
    let mut problems: Vec<Message> = Vec::new();
    if input.name.trim().is_empty() {
        problems.push(msg!("the study needs a name", "请填写研究名称"));
    }
    if input.baseline_start > input.baseline_end {
        problems.push(msg!("the baseline window ends before it starts", "基线期的结束日期早于开始日期"));
    }
    if input.post_start > input.post_end {
        problems.push(msg!("the post-training window ends before it starts", "观察期的结束日期早于开始日期"));
    }
    if input.baseline_end >= input.post_start {
        problems.push(msg!(
            "the baseline window must end before the post-training window starts",
            "基线期必须在观察期开始之前结束"
        ));
    }
    for (what, what_zh, value) in [
        ("programme cost", "培训项目成本", input.programme_cost),
        ("monetised benefit", "货币化收益", input.monetised_benefit),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            problems.push(msg!("the {what} must be a number", "{what_zh}必须是数字"));
        }
    }
    if input.programme_cost.is_some_and(|c| c <= 0.0) {
        problems.push(msg!(
            "the programme cost must be greater than 0 (ROI divides by it)",
            "培训项目成本必须大于 0（计算投资回报时要除以它）"
        ));
    }
    if input.metrics.is_empty() {
        problems.push(msg!("choose at least one metric", "请至少选择一个指标"));
    }
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for m in &input.metrics {
        let id = m.id.trim();
        let name = m.name.trim();
        if id.is_empty() || id.contains(',') {
            let name = &m.name;
            problems.push(msg!(
                "metric {name:?}: the id must be non-empty and contain no comma",
                "指标 {name:?}：编号不能为空，也不能包含逗号"
            ));
        }
        if name.is_empty() {
            problems.push(msg!("metric {id:?} needs a name", "指标 {id:?} 需要名称"));
        }
        if !ids.insert(id) {
            problems.push(msg!("metric id {id:?} is used twice", "指标编号 {id:?} 用了两次"));
        }
        if !names.insert(name) {
            problems.push(msg!("metric name {name:?} is used twice", "指标名称 {name:?} 用了两次"));
        }
    }
    let mut seen = HashSet::new();
    for label in input.treatment.iter().chain(&input.control) {
        let label = label.trim();
        if label.is_empty() {
            problems.push(msg!("a group member has an empty name", "训练组或对照组中有名称为空的对象"));
        } else if !seen.insert(label) {
            problems.push(msg!(
                "{label:?} is listed twice (a unit belongs to one group, once)",
                "{label:?} 列出了两次（每个对象只能属于一个组，且只列一次）"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let join =
            |lang: Lang, separator: &str| problems.iter().map(|p| p.in_lang(lang)).collect::<Vec<_>>().join(separator);
        Err(AppError::Rejected(Message { en: join(Lang::En, "; "), zh: join(Lang::Zh, "；") }))
    }
}

impl From<MetricTemplate> for MetricDefinition {
    fn from(t: MetricTemplate) -> Self {
        Self {
            id: t.id.clone(),
            name: t.name,
            unit: t.unit,
            direction: t.direction,
            aggregation: t.aggregation,
            template_id: Some(t.id),
        }
    }
}

impl MetricDefinition {
    fn to_record(&self, position: i64) -> MetricRecord {
        MetricRecord {
            id: self.id.trim().to_owned(),
            name: self.name.trim().to_owned(),
            unit: self.unit.trim().to_owned(),
            direction: match self.direction {
                Direction::Up => "up",
                Direction::Down => "down",
            }
            .to_owned(),
            aggregation: match self.aggregation {
                Aggregation::Sum => "sum",
                Aggregation::Mean => "mean",
                Aggregation::Last => "last",
            }
            .to_owned(),
            template_id: self.template_id.clone(),
            position,
        }
    }
}

impl TryFrom<MetricRecord> for MetricDefinition {
    type Error = AppError;

    fn try_from(r: MetricRecord) -> Result<Self> {
        let direction = match r.direction.as_str() {
            "up" => Direction::Up,
            "down" => Direction::Down,
            other => {
                let id = &r.id;
                return Err(AppError::Internal(msg!(
                    "metric {id} has unknown direction {other:?}",
                    "指标 {id} 的方向 {other:?} 无法识别"
                )));
            }
        };
        let aggregation = match r.aggregation.as_str() {
            "sum" => Aggregation::Sum,
            "mean" => Aggregation::Mean,
            "last" => Aggregation::Last,
            other => {
                let id = &r.id;
                return Err(AppError::Internal(msg!(
                    "metric {id} has unknown aggregation {other:?}",
                    "指标 {id} 的汇总方式 {other:?} 无法识别"
                )));
            }
        };
        Ok(Self { id: r.id, name: r.name, unit: r.unit, direction, aggregation, template_id: r.template_id })
    }
}
