//! The glossary: `courses/<slug>/glossary.toml`, one `[[term]]` per term or
//! metric, so a course defines each of them once. Modules link to a term
//! with `[[name]]` or `[[name|text]]`; metric templates name theirs.

use serde::{Deserialize, Serialize};

/// `glossary.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default, rename = "term")]
    pub terms: Vec<Term>,
}

/// One term: what it means and, for a metric, how it is computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    /// The name modules link with: `[[流失率]]`.
    pub name: String,
    /// Other names a link may use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Inline Markdown.
    pub definition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Term {
    /// The name and every alias: what a link may say.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
