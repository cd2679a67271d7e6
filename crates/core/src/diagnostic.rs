//! Problems found in user-supplied files, located by file, line and column.
//!
//! Every parser and validator reports through [`Diagnostic`] so that the CLI
//! prints `file:line:col: message` and the UI shows the same text. Each
//! message is written in both languages Qunxue ships ([`Message`], made with
//! [`msg!`](crate::msg)): pack authors at Chinese companies read the
//! Chinese one in the app, the CLI prints the one of the terminal's locale.

use std::fmt;

/// A message in English and in Simplified Chinese. Both are written side by
/// side where the problem is found, so neither language falls behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The English text.
    pub en: String,
    /// The Simplified Chinese text.
    pub zh: String,
}

impl Message {
    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// `msg!("… {x} …", "… {x} …")`: a [`Message`] from an English and a Chinese
/// format string, both capturing variables in scope.
#[macro_export]
macro_rules! msg {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::diagnostic::Message { en: ::std::format!($en), zh: ::std::format!($zh) }
    };
}

/// The name of a kind of thing ("question" / "题目") for messages built
/// around it, such as "duplicate … id".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// The English word or phrase, lower-case ("question", "text files").
    pub en: &'static str,
    /// The Chinese word ("题目").
    pub zh: &'static str,
}

/// The language a message is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a POSIX locale name asks for (`zh_CN.UTF-8` → Chinese);
    /// anything else, or nothing, is English.
    pub fn from_locale(locale: &str) -> Self {
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// How serious a problem is: errors block import, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing, but does not block import.
    Warning,
    /// Blocks import until fixed.
    Error,
}

/// One problem in one file. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Path of the file the problem is in, as the user named it (pack-relative for a pack).
    pub file: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column, counted in characters (not bytes).
    pub col: usize,
    /// Whether the problem blocks import.
    pub severity: Severity,
    /// The English message (what the CLI prints by default, and tests match).
    pub message: String,
    /// The same message in Simplified Chinese.
    pub message_zh: String,
}

impl Diagnostic {
    /// An error at `file:line:col` (1-based, column in characters).
    pub fn error(file: impl Into<String>, line: usize, col: usize, message: Message) -> Self {
        Self::new(file.into(), line, col, Severity::Error, message)
    }

    /// A warning at `file:line:col` (1-based, column in characters).
    pub fn warning(file: impl Into<String>, line: usize, col: usize, message: Message) -> Self {
        Self::new(file.into(), line, col, Severity::Warning, message)
    }

    fn new(file: String, line: usize, col: usize, severity: Severity, message: Message) -> Self {
        Self { file, line, col, severity, message: message.en, message_zh: message.zh }
    }

    /// True when the problem blocks import.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::Zh => &self.message_zh,
        }
    }

    /// `file:line:col: message` in `lang`, warnings marked after the position
    /// (the `Display` form is English).
    pub fn line_in(&self, lang: Lang) -> String {
        let prefix = match (self.severity, lang) {
            (Severity::Error, _) => "",
            (Severity::Warning, Lang::En) => "warning: ",
            (Severity::Warning, Lang::Zh) => "警告：",
        };
        format!("{}:{}:{}: {}{}", self.file, self.line, self.col, prefix, self.message_in(lang))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line_in(Lang::En))
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
        let d = Diagnostic::error("a.md", 3, 7, crate::msg!("bad kind", "类型不对"));
        assert_eq!(d.to_string(), "a.md:3:7: bad kind");
        let w = Diagnostic::warning("a.md", 1, 1, crate::msg!("remote image", "远程图片"));
        assert_eq!(w.to_string(), "a.md:1:1: warning: remote image");
    }

    #[test]
    fn each_language_has_its_own_line() {
        let kind = "essay";
        let d = Diagnostic::warning("q.toml", 2, 1, crate::msg!("unknown kind `{kind}`", "未知题型 `{kind}`"));
        assert_eq!(d.line_in(Lang::Zh), "q.toml:2:1: 警告：未知题型 `essay`");
        assert_eq!(d.line_in(Lang::En), "q.toml:2:1: warning: unknown kind `essay`");
    }

    #[test]
    fn chinese_locales_choose_chinese() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
