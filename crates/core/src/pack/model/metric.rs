//! Business-metric templates: `[[metric]]` tables in `quizzes/<slug>/metrics.toml`.

use serde::{Deserialize, Serialize};

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// How values within one period combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    Sum,
    Mean,
    Last,
}

/// `metrics.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricFile {
    #[serde(default, rename = "metric")]
    pub metrics: Vec<MetricTemplate>,
}

/// A business metric the impact report compares before and after training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricTemplate {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub direction: Direction,
    pub aggregation: Aggregation,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub formula: String,
}
