//! Problems found in user-supplied files, located by file, line and column.
//!
//! Every parser and validator reports through [`Diagnostic`] so that the CLI
//! prints `file:line:col: message` and the UI shows the same text.

use std::fmt;

/// How serious a problem is: errors block import, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self { file: file.into(), line, col, severity: Severity::Error, message: message.into() }
    }

    pub fn warning(file: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self { file: file.into(), line, col, severity: Severity::Warning, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}:{}:{}: {}{}", self.file, self.line, self.col, prefix, self.message)
    }
}

/// Converts a byte offset in `text` into a 1-based (line, column) pair,
/// counting columns in characters so Chinese text points at the right place.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "第一行\n社群运营x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_col(text, offset), (2, 5));
        assert_eq!(line_col(text, 0), (1, 1));
    }

    #[test]
    fn display_is_file_line_col_message() {
        let d = Diagnostic::error("a.md", 3, 7, "bad kind");
        assert_eq!(d.to_string(), "a.md:3:7: bad kind");
        let w = Diagnostic::warning("a.md", 1, 1, "remote image");
        assert_eq!(w.to_string(), "a.md:1:1: warning: remote image");
    }
}
