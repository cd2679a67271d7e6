//! Reading the instructor's GIFT or Aiken file: the bytes as UTF-8 text, then
//! the questions, with every problem named by line.

use std::path::Path;

use qunxue_core::quiz::{decode_question_file, ImportMode, Imported, QuestionFileFormat};

use crate::{AppError, Result};

/// The file's name (for messages and the quiz's record) and what parsing it
/// found.
pub(super) struct ParsedFile {
    pub file_name: String,
    pub imported: Imported,
}

pub(super) fn parse_file(path: &Path, format: QuestionFileFormat, mode: ImportMode) -> Result<ParsedFile> {
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = std::fs::read(path).map_err(AppError::read(path))?;
    let text = decode_question_file(&file_name, bytes).map_err(|d| AppError::Invalid(vec![d]))?;
    let imported = format.parse(&file_name, &text, mode);
    Ok(ParsedFile { file_name, imported })
}
