//! GIFT import (Moodle's "General Import Format Technology") into bank
//! questions.
//!
//! Supported: `//` comment lines; questions separated by blank lines and
//! spanning several lines; `::title::`; `$CATEGORY: path` (the path, less
//! Moodle's `$course$/top/`, tags the questions that follow); the
//! escapes `\~ \= \# \{ \} \: \n \\`; `[markdown]`, `[html]`, `[plain]` and
//! `[moodle]` formats; `#` feedback and `####` general feedback; and these
//! answer blocks:
//!
//! | block | becomes |
//! |---|---|
//! | `{=right ~wrong#feedback}` | `single` (per-option feedback kept) |
//! | `{~%50%a ~%50%b ~%-100%c}` | `multiple`: the positively weighted options are right |
//! | `{T}`, `{FALSE#wrong#right}` | `true_false` |
//! | `{=答案 =别名}` | `fill_blank` with one blank: where the block sits, or at the end |
//! | `{=a -> 1 =b -> 2}` | `matching` |
//! | `{#5:0.5}`, `{#1..5}`, `{#=5:0 =%50%5:2}` | `numeric`: the fully right answer(s) as one value ± tolerance |
//! | `{}` | `short_answer` (essay, graded by hand) |
//!
//! Feedback the bank has no field for (true/false, blanks, numbers, pairs) is
//! kept as a list in the explanation, after the general feedback; a question
//! with neither gets a sentence saying the file had no explanation. Every
//! item that cannot be represented faithfully is an error at its line (or a
//! warning when only partial credit is lost), and by default one error means
//! no question is returned.

mod answers;
mod escape;
mod item;
mod source;
pub(crate) mod text_format;

use crate::diagnostic::{line_col, Diagnostic, Message};
use crate::msg;

use super::import::{ImportMode, Imported};
use source::Kind;

/// A problem at a byte offset of an item's text.
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    offset: usize,
    message: Message,
}

/// Parses GIFT `text`; diagnostics name `file`.
pub fn parse_gift(file: &str, text: &str, mode: ImportMode) -> Imported {
    if let Some((at, c)) = text.char_indices().find(|(_, c)| escape::is_placeholder(*c)) {
        let (line, col) = line_col(text, at);
        let code = format!("U+{:04X}", c as u32);
        let message = msg!(
            "the private-use character {code} cannot be imported; remove it",
            "无法导入私用区字符 {code}，请将其删除"
        );
        return Imported::finish(file, Vec::new(), vec![Diagnostic::error(file, line, col, message)], mode);
    }
    let mut questions = Vec::new();
    let mut diagnostics = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut position = 0;
    for item in source::items(text) {
        match &item.kind {
            Kind::Category(path) => tags = category_tag(path).into_iter().collect(),
            Kind::Question => {
                position += 1;
                let mut warnings = Vec::new();
                let parsed = item::parse_question(&item, position, &tags, &mut warnings);
                let at = |p: &Problem| item.position(p.offset);
                for warning in &warnings {
                    let (line, col) = at(warning);
                    diagnostics.push(Diagnostic::warning(file, line, col, warning.message.clone()));
                }
                match parsed {
                    Ok(question) => questions.push(question),
                    Err(problem) => {
                        let (line, col) = at(&problem);
                        diagnostics.push(Diagnostic::error(file, line, col, problem.message));
                    }
                }
            }
        }
    }
    Imported::finish(file, questions, diagnostics, mode)
}

/// The tag a `$CATEGORY:` path gives: the path without Moodle's context
/// prefix (`$course$/`, `$system$/`, …) and `top/`; none when that is empty.
pub(crate) fn category_tag(path: &str) -> Option<String> {
    let mut path = path.trim();
    if path.starts_with('$') {
        if let Some(end) = path[1..].find('$') {
            path = path[end + 2..].trim_start_matches('/');
        }
    }
    let path = path.strip_prefix("top/").unwrap_or(path).trim_matches('/').trim();
    (!path.is_empty() && path != "top").then(|| path.to_string())
}

#[cfg(test)]
mod tests;
