//! The glossary: `courses/<slug>/glossary.toml`, one `[[term]]` per term or
//! metric, so a course defines each of them once. Modules link to a term
//! with `[[name]]` or `[[name|text]]`; metric templates name theirs.

use serde::{Deserialize, Serialize};

/// `glossary.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// The `[[term]]` tables, in file order (the order learners read them in).
    #[serde(default, rename = "term")]
    pub terms: Vec<Term>,
}

/// One term: what it means and, for a metric, how it is computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable term id, unique within the glossary; `[[…]]` links open the glossary at it.
    pub id: String,
    /// The name modules link with: `[[流失率]]`.
    pub name: String,
    /// Other names a link may use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Inline Markdown.
    pub definition: String,
    /// How a metric is computed, as plain text (e.g. "期内流失去重人数 ÷ 期初成员数 × 100%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// Unit of a metric's values, e.g. "%" or "人".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Term {
    /// The name and every alias: what a link may say.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
