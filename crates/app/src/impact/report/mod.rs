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
use qunxue_store::Store;
use rusqlite::Connection;
use serde::Serialize;

use super::authorise;
use super::studies::{load_view, StudyView, UnitKind};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectReport {
    pub study: StudyView,
    pub generated_at: String,
    pub reaction: ReactionLevel,
    pub knowledge: KnowledgeLevel,
    pub practical: PracticalLevel,
    pub business: BusinessLevel,
    pub conclusions: Vec<Conclusion>,
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
    let study = load_view(conn, study_id)?;
    let reaction = reaction::reaction_level(conn, &study.course_id)?;
    // Learners can be traced to profiles; teams and stores cannot.
    let cohort: Option<HashSet<String>> =
        (study.unit_kind == UnitKind::Learner).then(|| study.treatment.iter().cloned().collect());
    let knowledge = knowledge::knowledge_level(conn, &study.course_id, cohort.as_ref())?;
    let practical = practical::practical_level(conn, &study.course_id)?;
    let business = business::business_level(conn, &study, options)?;
    let conclusions = conclusions(
        study.unit_kind.label_zh(),
        &reaction,
        &knowledge,
        &practical,
        &business,
    );
    Ok(EffectReport {
        study,
        generated_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        reaction,
        knowledge,
        practical,
        business,
        conclusions,
    })
}
