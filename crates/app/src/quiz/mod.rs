//! The quiz engine's services: starting or resuming an attempt, saving each
//! answer the moment it is given, handing in, results, and the spaced-review
//! queue of missed questions. Scoring and presentation are `qunxue_core::quiz`;
//! this module adds the database and the clock (always passed in as `now`).
//!
//! An attempt's deadline is stored when it starts, so the time keeps running
//! while the app is closed; an attempt found past its deadline is handed in
//! (status `expired`) the next time anything touches it.

mod bank_export;
mod common;
#[doc(hidden)]
#[cfg(any(test, feature = "test-support"))]
pub mod fixture;
mod item_analysis;
pub mod local;
pub(crate) mod marking;
mod module_quizzes;
mod overview;
mod regrade;
mod result;
mod review;
mod save_answer;
mod start;
mod submit;
#[cfg(test)]
mod tests;

pub use bank_export::{export_bank, BankExport, BankFormat, SkippedQuestion};
pub use common::{ItemFeedback, KeyedHtml, QuestionDto};
pub use item_analysis::{analyse_quiz, item_analysis, item_analysis_sheet, ItemAnalysis, ItemRow, OptionCount};
pub use marking::{grade_answer, marking_queue, marking_queue_in_classes, AttemptRescored, PendingAnswer};
pub use module_quizzes::{module_quizzes, ModuleQuiz};
pub use overview::{quiz_overview, AttemptSummary, QuizOverview};
pub use regrade::{key_changes, regrade, KeyChangeView, RegradeReport, ScoreChange};
pub use result::{attempt_result, AttemptResult, ResultItem};
pub use review::{answer_review, review_queue, ReviewAnswered, ReviewCard, ReviewQueue};
pub use save_answer::{check_answer, save_answer, SavedAnswer};
pub use start::{start_quiz, AttemptView};
pub use submit::submit_attempt;
