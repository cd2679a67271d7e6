//! Aiken import: single-choice questions written as
//!
//! ```text
//! 社群运营的核心目标是什么？
//! A. 拉新
//! B) 建立信任
//! ANSWER: B
//! ```
//!
//! The question text may run over several lines; options are lettered A, B,
//! C … in order, with `A.` or `A)` and a space (Chinese `A、`, `A）` and
//! `A．` need none); `ANSWER:` (or `ANSWER：`) names the right letter and
//! ends the question. Blank lines between questions are optional. Every
//! broken question is an error at its line.

use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::pack::model::{Answer, Question, QuestionType};

use super::import::{Format, ImportMode, Imported};

/// Parses Aiken `text`; diagnostics name `file`.
pub fn parse_aiken(file: &str, text: &str, mode: ImportMode) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser =
        Parser { file, questions: Vec::new(), diagnostics: Vec::new(), open: None, skipping: false, position: 0 };
    for (index, line) in text.lines().enumerate() {
        parser.line(index + 1, line);
    }
    if let Some(open) = parser.open.take() {
        parser.error(open.line, 1, no_answer_line());
    }
    Imported::finish(file, parser.questions, parser.diagnostics, mode)
}

/// A question read up to its `ANSWER:` line.
struct Open {
    line: usize,
    position: usize,
    stem: Vec<String>,
    options: Vec<String>,
    /// A blank line came after the options: text now starts a new question.
    blank_after_options: bool,
}

struct Parser<'f> {
    file: &'f str,
    questions: Vec<Question>,
    diagnostics: Vec<Diagnostic>,
    open: Option<Open>,
    /// After an error: the rest of the broken question is passed over, up to
    /// its `ANSWER:` line or a blank line.
    skipping: bool,
    position: usize,
}

impl Parser<'_> {
    fn error(&mut self, line: usize, col: usize, message: Message) {
        self.diagnostics.push(Diagnostic::error(self.file, line, col, message));
    }

    /// Reports a problem and drops the question it is in.
    fn fail(&mut self, line: usize, col: usize, message: Message) {
        self.error(line, col, message);
        self.open = None;
        self.skipping = true;
    }

    fn line(&mut self, number: usize, raw: &str) {
        let text = raw.trim();
        let col = raw.chars().take_while(|c| c.is_whitespace()).count() + 1;
        if self.skipping {
            self.skipping = !(text.is_empty() || answer_value(text).is_some());
            return;
        }
        if text.is_empty() {
            if let Some(open) = self.open.as_mut() {
                open.blank_after_options = !open.options.is_empty();
            }
            return;
        }
        if let Some(value) = answer_value(text) {
            match self.open.take() {
                Some(open) => self.finish(open, value, number, col),
                None => {
                    self.error(number, col, msg!("`ANSWER:` without a question before it", "`ANSWER:` 之前没有题目"))
                }
            }
        } else if let Some((letter, option)) = option_line(text) {
            let Some(open) = self.open.as_mut() else {
                return self.fail(number, col, msg!("an option before any question text", "选项出现在题干之前"));
            };
            let expected = letter_at(open.options.len());
            if letter != expected {
                return self.fail(
                    number,
                    col,
                    msg!(
                        "expected option `{expected}` here, not `{letter}`",
                        "此处应为选项 `{expected}`，而不是 `{letter}`"
                    ),
                );
            }
            if option.is_empty() {
                return self.fail(number, col, msg!("option `{letter}` is empty", "选项 `{letter}` 为空"));
            }
            if open.options.iter().any(|o| o == option) {
                return self.fail(
                    number,
                    col,
                    msg!("option `{letter}` repeats an earlier option", "选项 `{letter}` 与前面的选项重复"),
                );
            }
            open.options.push(option.to_string());
        } else {
            match self.open.as_mut() {
                Some(open) if open.blank_after_options => {
                    let line = open.line;
                    self.error(line, 1, no_answer_line());
                    self.start(number, text);
                }
                Some(open) if !open.options.is_empty() => {
                    let expected = letter_at(open.options.len());
                    self.fail(
                        number,
                        col,
                        msg!(
                            "expected option `{expected}.` or `ANSWER:` after the options",
                            "选项之后应为选项 `{expected}.` 或 `ANSWER:`"
                        ),
                    );
                }
                Some(open) => open.stem.push(text.to_string()),
                None => self.start(number, text),
            }
        }
    }

    /// Opens the next question with its first line of text.
    fn start(&mut self, line: usize, text: &str) {
        self.position += 1;
        let stem = vec![text.to_string()];
        self.open = Some(Open { line, position: self.position, stem, options: Vec::new(), blank_after_options: false });
    }

    /// Closes `open` with the `ANSWER:` value found at `line`.
    fn finish(&mut self, open: Open, value: &str, line: usize, col: usize) {
        if open.options.len() < 2 {
            return self.error(
                line,
                col,
                msg!(
                    "a question needs at least 2 options (A, B, …) before `ANSWER:`",
                    "`ANSWER:` 之前至少需要 2 个选项（A、B……）"
                ),
            );
        }
        let letter = match value.chars().collect::<Vec<_>>()[..] {
            [c] => c.to_ascii_uppercase(),
            _ => {
                return self.error(
                    line,
                    col,
                    msg!(
                        "`ANSWER: {value}` must name one option letter (Aiken questions have one right answer)",
                        "`ANSWER: {value}` 应为一个选项字母（Aiken 题目只有一个正确答案）"
                    ),
                )
            }
        };
        let Some(index) = (0..open.options.len()).find(|&i| letter_at(i) == letter) else {
            let last = letter_at(open.options.len() - 1);
            return self.error(
                line,
                col,
                msg!(
                    "`ANSWER: {value}` names no option: the options are A to {last}",
                    "`ANSWER: {value}` 不对应任何选项：选项为 A 到 {last}"
                ),
            );
        };
        let mut question = Format::Aiken.question(open.position, QuestionType::Single, open.stem.join("\n"));
        question.options = Some(open.options);
        question.answer = Some(Answer::Integer(index as i64));
        self.questions.push(question);
    }
}

fn no_answer_line() -> Message {
    msg!("the question has no `ANSWER:` line", "该题目缺少 `ANSWER:` 行")
}

/// The value of an `ANSWER:` line (any case, half- or full-width colon).
fn answer_value(line: &str) -> Option<&str> {
    let head = line.get(..6)?;
    if !head.eq_ignore_ascii_case("answer") {
        return None;
    }
    let rest = line[6..].trim_start();
    let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
    Some(value.trim())
}

/// `A. text`, `A) text`, `A、text`, `A）text` or `A．text`: the letter and the text.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let mut after = rest.chars();
    let needs_space = match after.next()? {
        '.' | ')' => true,
        '、' | '）' | '．' => false,
        _ => return None,
    };
    let text = after.as_str();
    if needs_space && !text.starts_with(char::is_whitespace) {
        return None;
    }
    Some((letter, text.trim()))
}

fn letter_at(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

#[cfg(test)]
mod tests;
