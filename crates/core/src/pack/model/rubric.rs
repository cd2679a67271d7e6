//! Rubrics: `[[rubric]]` tables in `quizzes/<slug>/rubrics.toml`.

use serde::{Deserialize, Serialize};

/// `rubrics.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RubricFile {
    /// The `[[rubric]]` tables, in file order.
    #[serde(default, rename = "rubric")]
    pub rubrics: Vec<Rubric>,
}

/// A scoring guide: criteria, each with ascending levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Stable rubric id, unique within the course; tasks name it.
    pub id: String,
    /// Title shown to graders and learners, e.g. "账号搭建评分标准".
    pub title: String,
    /// The `[[rubric.criterion]]` tables, in the order they are shown; at least one.
    #[serde(default, rename = "criterion")]
    pub criteria: Vec<Criterion>,
}

/// One aspect of the work that is judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique within its rubric.
    pub id: String,
    /// What is judged, as graders and learners read it.
    pub title: String,
    /// A gate: choosing this criterion's lowest level caps the whole grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<Gate>,
    /// The `[[rubric.criterion.level]]` tables, lowest first; at least two.
    #[serde(default, rename = "level")]
    pub levels: Vec<Level>,
}

/// `[rubric.criterion.gate]`: work at the criterion's lowest level (a leaked
/// password, an unlawful promotion) cannot score above `cap_percent` of the
/// task's grade range, however good the rest is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// 0 (the work fails outright) up to, not including, 100.
    pub cap_percent: f64,
    /// Why, as the learner reads it with their grade.
    pub reason: String,
}

/// One achievement level of a criterion; points ascend from the first level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Points for reaching this level; 0 or more, strictly ascending within the criterion.
    pub points: f64,
    /// Short name of the level, e.g. "优秀".
    pub label: String,
    /// Concrete, observable description of work at this level.
    pub descriptor: String,
}
