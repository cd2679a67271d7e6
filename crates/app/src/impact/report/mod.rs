//! The three-level training-effect report of one study: reaction (survey),
//! knowledge (pre/post tests), practical ability (rubric scores) and
//! business impact (the study's metrics, with ROI), plus plain-language
//! conclusions. Assembling it reads the database; the statistics and the
//! wording are pure functions of the numbers.

mod business;
mod conclusions;
pub mod format;
mod knowledge;
mod practical;
mod reaction;

pub use business::{BusinessLevel, BusinessMetric, UnitValues};
pub use conclusions::{conclusions, Conclusion, ALPHA};
pub use knowledge::{KnowledgeLevel, KnowledgePair, LearnerScores};
pub use practical::{CriterionSummary, PracticalLevel};
pub use reaction::{Comment, LikertSummary, ReactionLevel, SurveySummary};

use std::collections::HashSet;

use chrono::{DateTime, SecondsFormat, Utc};
use qunxue_core::impact::AnalysisOptions;
use qunxue_store::Connection;
use qunxue_store::Store;
use serde::Serialize;

use super::authorise;
use super::studies::{load_view, StudyView, UnitKind};
use crate::Result;

/// The whole training-effect report of one study, as the report view shows it and every export renders it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectReport {
    /// The study the report is about.
    pub study: StudyView,
    /// When the report was built: RFC 3339 UTC timestamp, to the second.
    pub generated_at: String,
    /// Level 1: the course's satisfaction surveys.
    pub reaction: ReactionLevel,
    /// Level 2: pre-test against post-test scores.
    pub knowledge: KnowledgeLevel,
    /// Level 3: released rubric scores of the course's tasks.
    pub practical: PracticalLevel,
    /// Level 4: the study's business metrics and the ROI.
    pub business: BusinessLevel,
    /// Plain-language Chinese conclusions drawn from the figures, level by level.
    pub conclusions: Vec<Conclusion>,
    /// The classes (join codes) the learner-level figures are narrowed to;
    /// empty = every learner of the course. Business metrics are per unit
    /// (store, team), not per class, and are never narrowed.
    pub classes: Vec<String>,
}

/// The report, for an instructor or admin.
pub fn study_report(
    store: &Store,
    profile: &str,
    study_id: &str,
    options: &AnalysisOptions,
    now: DateTime<Utc>,
) -> Result<EffectReport> {
    authorise(store.conn(), profile)?;
    build_report(store.conn(), study_id, options, now)
}

/// The report without a role check: for the `qunxue report` command, whose
/// user already holds the database file itself (and so everything in it).
pub fn build_report(
    conn: &Connection,
    study_id: &str,
    options: &AnalysisOptions,
    now: DateTime<Utc>,
) -> Result<EffectReport> {
    build_report_for_classes(conn, study_id, options, &[], now)
}

/// [`build_report`] with the survey, test and rubric figures narrowed to the
/// members of `classes` (all learners when empty).
pub fn build_report_for_classes(
    conn: &Connection,
    study_id: &str,
    options: &AnalysisOptions,
    classes: &[String],
    now: DateTime<Utc>,
) -> Result<EffectReport> {
    let study = load_view(conn, study_id)?;
    let people = (!classes.is_empty()).then(|| qunxue_store::classes::members_of(conn, classes)).transpose()?;
    let reaction = reaction::reaction_level(conn, &study.course_id, people.as_ref())?;
    // Learners can be traced to profiles; teams and stores cannot.
    let cohort: Option<HashSet<String>> =
        (study.unit_kind == UnitKind::Learner).then(|| study.treatment.iter().cloned().collect());
    let knowledge = knowledge::knowledge_level(conn, &study.course_id, cohort.as_ref(), people.as_ref())?;
    let practical = practical::practical_level(conn, &study.course_id, people.as_ref())?;
    let business = business::business_level(conn, &study, options)?;
    let conclusions = conclusions(study.unit_kind.label_zh(), &reaction, &knowledge, &practical, &business);
    Ok(EffectReport {
        study,
        generated_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        reaction,
        knowledge,
        practical,
        business,
        conclusions,
        classes: classes.to_vec(),
    })
}
