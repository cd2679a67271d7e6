//! What a question file would import, shown before anything is saved: each
//! question as the learner will see it with its right answer marked, and every
//! problem with its line, so the instructor can fix the file first.

use std::path::Path;

use base64::Engine;
use qunxue_core::pack::model::{Answer, Question, QuestionType};
use qunxue_core::quiz::{EmbeddedFile, ImportMode, QuestionFileFormat};
use qunxue_core::Diagnostic;
use qunxue_store::Connection;
use serde::Serialize;

use super::source_file::parse_file;
use crate::access::{self, Role};
use crate::quiz::common::html;
use crate::{msg, Result};

/// What a question file would import, for the instructor's preview before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionFilePreview {
    /// The file's name, without its folder.
    pub file_name: String,
    /// The format the file was read as.
    pub format: QuestionFileFormat,
    /// Every question that parsed, in file order (also when others did not).
    pub questions: Vec<PreviewQuestion>,
    /// Errors and warnings, by line.
    pub diagnostics: Vec<Diagnostic>,
    /// How many diagnostics are errors; the import needs `partial` while any remain.
    pub error_count: usize,
}

/// One question of the preview, as the learner will see it but with its right answer shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewQuestion {
    /// 1-based position among the questions that parsed.
    pub number: usize,
    /// The question type (`single`, `multiple`, `true_false`, `short_answer`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The stem as sanitised HTML.
    pub stem_html: String,
    /// `single` and `multiple`: the choices, right ones marked.
    pub options: Vec<PreviewOption>,
    /// The right answer in words (for every type).
    pub correct_answer: String,
    /// What the question is worth, in points.
    pub points: f64,
    /// Images the file embeds for this question, as data URLs (a practice
    /// quiz keeps only their descriptions; see `source_file`).
    pub images: Vec<PreviewImage>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewImage {
    pub description: String,
    pub data_url: String,
}

/// One choice of a previewed question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewOption {
    /// The choice's text as sanitised HTML.
    pub html: String,
    /// The choice is a right answer; the preview marks it.
    pub correct: bool,
}

/// Parses `path` without saving anything. Instructors only: the preview shows
/// the answers.
pub fn preview_question_file(
    conn: &Connection,
    profile: &str,
    path: &Path,
    format: QuestionFileFormat,
) -> Result<QuestionFilePreview> {
    access::require(conn, profile, Role::Instructor, msg!("importing questions", "导入题目"))?;
    let parsed = parse_file(path, format, ImportMode::Partial)?;
    let error_count = parsed.imported.diagnostics.iter().filter(|d| d.is_error()).count();
    Ok(QuestionFilePreview {
        file_name: parsed.file_name,
        format,
        questions: parsed
            .imported
            .questions
            .iter()
            .zip(&parsed.images)
            .enumerate()
            .map(|(i, (q, images))| preview_question(i + 1, q, images))
            .collect(),
        diagnostics: parsed.imported.diagnostics,
        error_count,
    })
}

fn preview_question(number: usize, q: &Question, images: &[(String, EmbeddedFile)]) -> PreviewQuestion {
    let is_correct = |index: usize| match q.kind {
        QuestionType::Single => q.answer == Some(Answer::Integer(index as i64)),
        QuestionType::Multiple => q.answers.as_deref().unwrap_or_default().contains(&index),
        _ => false,
    };
    let options = q
        .options
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, text)| PreviewOption { html: html(text), correct: is_correct(i) })
        .collect();
    PreviewQuestion {
        number,
        kind: q.kind.as_str().to_string(),
        stem_html: html(&q.stem),
        options,
        correct_answer: q.correct_answer_text(),
        points: q.points,
        images: images.iter().filter_map(|(description, file)| preview_image(description, file)).collect(),
    }
}

/// A raster image as a data URL; other files are not shown.
fn preview_image(description: &str, file: &EmbeddedFile) -> Option<PreviewImage> {
    let extension = file.name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let media_type = match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    };
    let data = base64::engine::general_purpose::STANDARD.encode(&file.bytes);
    Some(PreviewImage { description: description.to_string(), data_url: format!("data:{media_type};base64,{data}") })
}
