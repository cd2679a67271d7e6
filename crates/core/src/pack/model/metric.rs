//! Business-metric templates: `[[metric]]` tables in `quizzes/<slug>/metrics.toml`.

use serde::{Deserialize, Serialize};

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher values are better (new fans, sales).
    Up,
    /// Lower values are better (churn, complaints).
    Down,
}

/// How values within one period combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    /// Add the values up (counts such as new fans).
    Sum,
    /// Average the values (rates and ratios).
    Mean,
    /// Keep the latest value (levels such as group size).
    Last,
}

/// `metrics.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricFile {
    /// The `[[metric]]` tables, in file order.
    #[serde(default, rename = "metric")]
    pub metrics: Vec<MetricTemplate>,
}

/// A business metric the impact report compares before and after training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricTemplate {
    /// Stable metric id, unique within the course; impact data name metrics by it.
    pub id: String,
    /// Display name; with a glossary, the name or an alias of one of its terms.
    pub name: String,
    /// Unit of the values, e.g. "人" or "%"; empty when not given.
    #[serde(default)]
    pub unit: String,
    /// Whether a rise or a fall is an improvement.
    pub direction: Direction,
    /// How values within one period are combined.
    pub aggregation: Aggregation,
    /// What the metric counts; must equal the glossary term's definition when both give one.
    #[serde(default)]
    pub definition: String,
    /// How the metric is computed, as plain text; must equal the glossary term's formula when both give one.
    #[serde(default)]
    pub formula: String,
}
