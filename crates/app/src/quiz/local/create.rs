//! Importing a question file as a new practice quiz of a course: the file is
//! read again (the preview is never trusted), then its questions, the quiz and
//! where it came from are written in one transaction, and the course is
//! re-indexed so instructors find the questions in search.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::{FeedbackMode, Quiz, QuizPurpose};
use qunxue_core::quiz::{ImportMode, QuestionFileFormat};
use qunxue_store::course_items::ItemRecord;
use qunxue_store::local_quizzes::{self, LocalQuizSource};
use qunxue_store::{courses, Store};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::source_file::parse_file;
use crate::access::{self, Role};
use crate::import::question_record;
use crate::msg;
use crate::quiz::common::stamp;
use crate::{AppError, Result};

/// Longest quiz title accepted, in characters.
const MAX_TITLE_CHARS: usize = 60;

/// What the instructor chose on the import screen.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalQuizRequest {
    /// The question file to import, read again here (the preview is never trusted).
    pub path: PathBuf,
    /// The file's format: GIFT, Aiken or Moodle XML.
    pub format: QuestionFileFormat,
    /// Import the questions that parse even when others do not.
    #[serde(default)]
    pub partial: bool,
    /// The new quiz's title, as learners will see it; trimmed, 1–60 characters.
    pub title: String,
    /// Fraction of the maximum score needed to pass, in (0, 1].
    pub pass_mark: f64,
    /// When learners see whether they were right: immediately, after handing in, or never.
    pub feedback: FeedbackMode,
}

/// The practice quiz an import created, for the instructor's confirmation message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalQuizCreated {
    /// The new quiz's id (`local-` and 8 hex digits).
    pub quiz_id: String,
    /// How many questions the quiz holds.
    pub question_count: usize,
    /// Items left out because they had errors (only with `partial`).
    pub skipped_errors: usize,
}

/// Creates a practice quiz of `course` holding every question of the file.
/// Without `partial`, any broken item means nothing is saved and every
/// problem is returned with its line.
pub fn import_local_quiz(
    store: &mut Store,
    profile: &str,
    course: &str,
    request: &LocalQuizRequest,
    now: DateTime<Utc>,
) -> Result<LocalQuizCreated> {
    access::require(store.conn(), profile, Role::Instructor, msg!("importing questions", "导入题目"))?;
    courses::get_course(store.conn(), course)?;
    let title = checked_title(&request.title)?;
    if !(request.pass_mark > 0.0 && request.pass_mark <= 1.0) {
        let pass_mark = request.pass_mark;
        return Err(AppError::Rejected(msg!(
            "the pass mark must be above 0 and at most 1, not {pass_mark}",
            "及格线必须大于 0 且不超过 1，当前为 {pass_mark}"
        )));
    }
    let mode = if request.partial { ImportMode::Partial } else { ImportMode::AllOrNothing };
    let parsed = parse_file(&request.path, request.format, mode)?;
    let skipped_errors = parsed.imported.diagnostics.iter().filter(|d| d.is_error()).count();
    if parsed.imported.questions.is_empty() {
        // All-or-nothing with errors, or nothing parsed at all: say why.
        return Err(AppError::Invalid(parsed.imported.diagnostics));
    }

    let quiz_id = format!("local-{}", &Uuid::new_v4().simple().to_string()[..8]);
    let questions: Vec<_> = parsed
        .imported
        .questions
        .into_iter()
        .map(|mut q| {
            q.id = format!("{quiz_id}-{}", q.id);
            q
        })
        .collect();
    let quiz = Quiz {
        id: quiz_id.clone(),
        title,
        purpose: QuizPurpose::Practice,
        items: questions.iter().map(|q| q.id.clone()).collect(),
        draws: Vec::new(),
        parallel: None,
        pass_mark: request.pass_mark,
        max_attempts: 0,
        time_limit_minutes: 0,
        feedback: request.feedback,
        shuffle_questions: true,
        shuffle_options: true,
    };
    let records: Vec<_> = questions.iter().map(|q| question_record(&quiz_id, q)).collect();
    let item = ItemRecord {
        id: quiz_id.clone(),
        body: serde_json::to_string(&quiz).expect("a quiz always serialises to JSON"),
    };
    let source = LocalQuizSource {
        file_name: parsed.file_name,
        format: request.format.as_str().to_string(),
        imported_by: profile.to_string(),
        imported_at: stamp(now),
    };
    store.transact(|tx| -> Result<()> {
        local_quizzes::insert_local_quiz(tx, course, &item, &records, &source)?;
        crate::search::index_course(tx, course)
    })?;
    Ok(LocalQuizCreated { quiz_id, question_count: records.len(), skipped_errors })
}

fn checked_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::Rejected(msg!(
            "give the quiz a title learners will recognise",
            "请给测验起一个学员能认出的标题"
        )));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(AppError::Rejected(msg!(
            "the title is longer than {MAX_TITLE_CHARS} characters",
            "标题超过 {MAX_TITLE_CHARS} 个字符"
        )));
    }
    Ok(title.to_string())
}
