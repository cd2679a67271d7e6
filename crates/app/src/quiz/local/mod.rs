//! Practice quizzes an instructor makes on this machine from a GIFT or Aiken
//! file: a preview of what the file holds, the import itself (one bank and one
//! quiz per file, all-or-nothing unless asked otherwise), the list learners
//! see beside a course, and withdrawing a quiz again.
//!
//! They are kept apart from the pack's own content (`origin = 'local'`), so
//! installing a newer version of the course never removes them.

mod create;
mod manage;
mod preview;
mod source_file;

pub use create::{import_local_quiz, LocalQuizCreated, LocalQuizRequest};
pub use manage::{archive_local_quiz, local_quizzes, LocalQuizSummary};
pub use preview::{preview_question_file, PreviewOption, PreviewQuestion, QuestionFilePreview};

#[cfg(test)]
mod tests;
