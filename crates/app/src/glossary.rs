//! A course's glossary as the reader sees it: every term with its
//! definition rendered, its formula and unit, in the course's order. Module
//! links (`[[流失率]]`) point at `#qx-term-<id>`, the anchor each term has.

use qunxue_core::markdown::{self, RenderOptions, TERM_ANCHOR_PREFIX};
use qunxue_core::pack::model::Term;
use qunxue_store::{courses, Store};
use serde::Serialize;

use crate::{msg, AppError, Result};

/// One glossary term as the reader's glossary panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryTerm {
    /// The term's id in the course pack.
    pub id: String,
    /// The anchor module links point at (`qx-term-<id>`).
    pub anchor: String,
    /// The term as it is written in the course.
    pub name: String,
    /// Other names for the term, listed under it.
    pub aliases: Vec<String>,
    /// Sanitised HTML.
    pub definition_html: String,
    /// How the term is computed, as plain text (e.g. a ratio of two counts), if the pack gives one.
    pub formula: Option<String>,
    /// The unit the term is measured in (e.g. `%`, `元`), if any.
    pub unit: Option<String>,
}

/// The course's terms in the order its glossary lists them (empty without one).
pub fn glossary(store: &Store, course_id: &str) -> Result<Vec<GlossaryTerm>> {
    courses::get_course(store.conn(), course_id)?;
    courses::glossary(store.conn(), course_id)?
        .iter()
        .map(|json| {
            let term: Term = serde_json::from_str(json).map_err(|e| {
                AppError::Internal(msg!(
                    "a stored glossary term of {course_id} is unreadable: {e}",
                    "课程 {course_id} 保存的术语表词条无法读取：{e}"
                ))
            })?;
            Ok(GlossaryTerm {
                anchor: format!("{TERM_ANCHOR_PREFIX}{}", term.id),
                definition_html: markdown::render(&term.definition, &RenderOptions::default()).html,
                id: term.id,
                name: term.name,
                aliases: term.aliases,
                formula: term.formula,
                unit: term.unit,
            })
        })
        .collect()
}
