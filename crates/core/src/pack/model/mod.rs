//! The serde models of a pack's assessment files, one file per kind. They
//! mirror the TOML shapes in `docs/pack-format.md` and reject unknown keys;
//! the checks that need more than one field (or more than one file) live in
//! [`check`](super::check), which reports every problem instead of the first.
//!
//! Ids are plain strings so the models round-trip through JSON (the store
//! keeps them that way); positions for diagnostics come from the spanned TOML
//! tree the file was parsed from.

pub mod bank;
pub mod glossary;
pub mod metric;
pub mod quiz;
pub mod rubric;
pub mod survey;
pub mod task;

pub use bank::{Answer, Bank, PartialAnswer, Question, QuestionType, BLANK_MARKER, COMMON_QUESTION_KEYS};
pub use glossary::{GlossaryFile, Term};
pub use metric::{Aggregation, Direction, MetricFile, MetricTemplate};
pub use quiz::{FeedbackMode, Quiz, QuizDraw, QuizFile, QuizPurpose};
pub use rubric::{Criterion, Gate, Level, Rubric, RubricFile};
pub use survey::{Survey, SurveyFile, SurveyItem, SurveyItemType};
pub use task::{Task, TaskFile, MAX_ATTACHMENT_MB};

/// `serde(default = …)` needs a function; several models default a flag to true.
pub(crate) fn yes() -> bool {
    true
}
