//! Reading the instructor's GIFT, Aiken or Moodle XML file: the bytes as
//! UTF-8 text, then the questions, with every problem named by line.
//!
//! A practice quiz lives in this machine's database, not in a course folder,
//! so the images a Moodle XML bank embeds have nowhere to be served from:
//! each is replaced in the stem by its description, and a warning says so
//! (converting the bank into a pack keeps them). The preview still shows
//! them, from the file, beside their question.

use std::path::Path;

use qunxue_core::quiz::{decode_question_file, EmbeddedFile, ImportMode, Imported, QuestionFileFormat};

use crate::{AppError, Result};

/// The file's name (for messages and the quiz's record) and what parsing it
/// found.
pub(super) struct ParsedFile {
    pub file_name: String,
    pub imported: Imported,
    /// For each question (in order), the images its stem showed: (description, file).
    pub images: Vec<Vec<(String, EmbeddedFile)>>,
}

pub(super) fn parse_file(path: &Path, format: QuestionFileFormat, mode: ImportMode) -> Result<ParsedFile> {
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = std::fs::read(path).map_err(AppError::read(path))?;
    let text = decode_question_file(&file_name, bytes).map_err(|d| AppError::Invalid(vec![d]))?;
    let mut imported = format.parse(&file_name, &text, mode);
    let mut images = vec![Vec::new(); imported.questions.len()];
    if !imported.files.is_empty() {
        for (question, shown) in imported.questions.iter_mut().zip(&mut images) {
            let (stem, referenced) = images_as_text(&question.stem);
            question.stem = stem;
            *shown = referenced
                .into_iter()
                .filter_map(|(alt, name)| imported.files.iter().find(|f| f.name == name).map(|f| (alt, f.clone())))
                .collect();
        }
        let count = imported.files.len();
        imported.diagnostics.push(qunxue_core::Diagnostic::warning(
            &file_name,
            1,
            1,
            qunxue_core::msg!(
                "{count} embedded image(s) are shown as their description in a practice quiz; to keep them, convert the bank into a pack (qunxue quiz convert --out)",
                "嵌入的 {count} 张图片在补充练习中显示为图片说明；如需保留图片，请把题库转换进课程包（qunxue quiz convert --out）"
            ),
        ));
        imported.files.clear();
    }
    Ok(ParsedFile { file_name, imported, images })
}

/// `![说明](assets/x.png)` → `（图：说明）`, and each image's (description, file name).
fn images_as_text(stem: &str) -> (String, Vec<(String, String)>) {
    const LINK: &str = "](assets/";
    let mut out = String::with_capacity(stem.len());
    let mut referenced = Vec::new();
    let mut rest = stem;
    while let Some(start) = rest.find("![") {
        let Some(close) = rest[start..].find(LINK).map(|c| start + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        let alt = &rest[start + 2..close];
        out.push_str(&rest[..start]);
        out.push_str(&format!("（图：{alt}）"));
        referenced.push((alt.to_string(), rest[close + LINK.len()..end].to_string()));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    (out, referenced)
}
