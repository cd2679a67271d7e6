//! Practice tasks: `[[task]]` tables in `quizzes/<slug>/tasks.toml`.

use serde::{Deserialize, Serialize};

use super::yes;

/// `tasks.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskFile {
    /// The `[[task]]` tables, in file order.
    #[serde(default, rename = "task")]
    pub tasks: Vec<Task>,
}

/// A piece of practical work, graded by hand against a rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable task id, unique within the course; submissions and grades are keyed on it.
    pub id: String,
    /// The module it belongs to, normally a `practice` one.
    pub module: String,
    /// Title shown to learners and graders.
    pub title: String,
    /// Id of the rubric (in `rubrics.toml`) the work is graded with.
    pub rubric: String,
    /// Markdown.
    pub instructions: String,
    /// File extensions a learner may attach, lower case without the dot.
    #[serde(default)]
    pub attachment_types: Vec<String>,
    /// Largest size of one attachment in MiB, 1 to 100 (`MAX_ATTACHMENT_MB`); default 20.
    #[serde(default = "default_max_attachment_mb")]
    pub max_attachment_mb: u32,
    /// The rubric score is scaled to 0 … `grade_max`.
    #[serde(default = "default_grade_max")]
    pub grade_max: f64,
    /// Whether the learner may hand in a new version after the first; default true.
    #[serde(default = "yes")]
    pub allow_resubmit: bool,
}

/// The most a task may allow per attachment: a bundle carries every
/// attachment of a class, and a learner's laptop has finite memory and disk.
pub const MAX_ATTACHMENT_MB: u32 = 100;

fn default_max_attachment_mb() -> u32 {
    20
}

fn default_grade_max() -> f64 {
    100.0
}
