//! Reaction surveys: `[[survey]]` tables in `quizzes/<slug>/surveys.toml`.

use serde::{Deserialize, Serialize};

/// `surveys.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyFile {
    /// The `[[survey]]` tables, in file order.
    #[serde(default, rename = "survey")]
    pub surveys: Vec<Survey>,
}

/// A questionnaire about the course itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Stable survey id, unique within the course; answers and `[completion]` refer to it.
    pub id: String,
    /// Title shown to learners, e.g. "课程满意度调查".
    pub title: String,
    /// The `[[survey.item]]` tables, in the order they are asked; at least one.
    #[serde(default, rename = "item")]
    pub items: Vec<SurveyItem>,
}

/// How a survey item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SurveyItemType {
    /// A rating from 1 to `scale`.
    Likert,
    /// Free text.
    Text,
}

/// One survey prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyItem {
    /// Unique within its survey.
    pub id: String,
    /// How the item is answered (`type` in TOML): a rating or free text.
    #[serde(rename = "type")]
    pub kind: SurveyItemType,
    /// `likert` only: the number of points, 2 … 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u8>,
    /// The question the learner answers.
    pub prompt: String,
}
