//! One GIFT question item: `::title::`, an optional `[format]`, the question
//! text and one answer block `{…}`, which may sit mid-sentence (Moodle's
//! "missing word" form: the block's place becomes the blank).

use crate::diagnostic::Message;
use crate::msg;
use crate::pack::model::{Answer, Question, QuestionType, BLANK_MARKER};
use crate::quiz::import::Format;

use super::answers::{Answers, Block, BlockParser};
use super::escape::reveal;
use super::source::Item;
use super::text_format::{split_format, to_markdown, TextFormat};
use super::Problem;

/// The question of `item`, numbered `position` in its file. Problems that do
/// not stop the import are added to `warnings`.
pub(super) fn parse_question(
    item: &Item,
    position: usize,
    tags: &[String],
    warnings: &mut Vec<Problem>,
) -> Result<Question, Problem> {
    let problem = |part: &str, message: Message| Problem { offset: item.offset_of(part), message };
    let body = without_title(item)?;
    let (format, body) = split_format(body);
    let format = format.unwrap_or(TextFormat::Moodle);

    let Some(open) = body.find('{') else {
        return Err(match body.find('}') {
            Some(close) => problem(
                &body[close..],
                msg!(
                    "`}}` without an opening `{{` (write `\\}}` for a literal brace)",
                    "`}}` 缺少对应的 `{{`（如要表示花括号本身，请写作 `\\}}`）"
                ),
            ),
            None => problem(
                body.trim_start(),
                msg!(
                    "no answer block `{{…}}`: text-only items (descriptions) are not supported",
                    "缺少答案块 `{{…}}`：不支持纯文本条目（说明）"
                ),
            ),
        });
    };
    if let Some(close) = body[..open].find('}') {
        return Err(problem(
            &body[close..],
            msg!(
                "`}}` before the answer block opens (write `\\}}` for a literal brace)",
                "`}}` 出现在答案块开始之前（如要表示花括号本身，请写作 `\\}}`）"
            ),
        ));
    }
    let Some(close) = body[open + 1..].find(['{', '}']).map(|i| open + 1 + i) else {
        return Err(problem(
            &body[open..],
            msg!(
                "the answer block is not closed with `}}` before the blank line that ends the question",
                "答案块在结束题目的空行之前没有用 `}}` 闭合"
            ),
        ));
    };
    if body[close..].starts_with('{') {
        return Err(problem(
            &body[close..],
            msg!(
                "`{{` inside an answer block (write `\\{{` for a literal brace)",
                "答案块内出现了 `{{`（如要表示花括号本身，请写作 `\\{{`）"
            ),
        ));
    }
    let after = &body[close + 1..];
    if let Some(extra) = after.find(['{', '}']) {
        return Err(problem(
            &after[extra..],
            msg!(
                "a second answer block: only one `{{…}}` per question is supported (embedded answers are not)",
                "出现了第二个答案块：每道题目只支持一个 `{{…}}`（不支持嵌入式答案）"
            ),
        ));
    }

    let mut parser = BlockParser { item, format, warnings: Vec::new() };
    let block = parser.parse(&body[open + 1..close]);
    warnings.append(&mut parser.warnings);
    let block = block?;
    let kind = kind_of(&block.answers);
    let stem = stem(&body[..open], after, kind, format).map_err(|message| problem(body.trim_start(), message))?;
    Ok(build(position, kind, stem, tags, block))
}

/// The item's text after its `::title::`, if it has one. Titles are not
/// kept: banks have no place for them.
fn without_title(item: &Item) -> Result<&str, Problem> {
    let text = item.text.trim_start();
    let Some(after) = text.strip_prefix("::") else { return Ok(&item.text) };
    match after.find("::") {
        Some(end) => Ok(&after[end + 2..]),
        None => Err(Problem {
            offset: item.offset_of(text),
            message: msg!("the title `::…` is not closed with `::`", "标题 `::…` 没有以 `::` 结尾"),
        }),
    }
}

fn kind_of(answers: &Answers) -> QuestionType {
    match answers {
        Answers::Essay => QuestionType::ShortAnswer,
        Answers::TrueFalse(_) => QuestionType::TrueFalse,
        Answers::Numeric { .. } => QuestionType::Numeric,
        Answers::Single { .. } => QuestionType::Single,
        Answers::Multiple { .. } => QuestionType::Multiple,
        Answers::Matching { .. } => QuestionType::Matching,
        Answers::ShortAnswer { .. } => QuestionType::FillBlank,
    }
}

/// The stem: the text before the block, and when text follows the block,
/// a blank where the block was. A fill-in-the-blank question whose block
/// ends it gets its blank at the end, unless its text already has one.
fn stem(before: &str, after: &str, kind: QuestionType, format: TextFormat) -> Result<String, Message> {
    let head = to_markdown(&reveal(before), format);
    let tail = to_markdown(&reveal(after), format);
    if head.is_empty() && tail.is_empty() {
        return Err(msg!("the question has no text", "题目没有题干"));
    }
    let stem = if !tail.is_empty() {
        let left = if before.ends_with(char::is_whitespace) && !head.is_empty() { " " } else { "" };
        let right = if after.starts_with(char::is_whitespace) { " " } else { "" };
        format!("{head}{left}{BLANK_MARKER}{right}{tail}")
    } else if kind == QuestionType::FillBlank && !head.contains(BLANK_MARKER) {
        let space =
            if head.ends_with(|c: char| c.is_ascii_alphanumeric() || c.is_ascii_punctuation()) { " " } else { "" };
        format!("{head}{space}{BLANK_MARKER}")
    } else {
        head
    };
    if kind == QuestionType::FillBlank && stem.matches(BLANK_MARKER).count() != 1 {
        return Err(msg!(
            "the question text already contains `{BLANK_MARKER}`; a GIFT short answer fills exactly one blank",
            "题干中已含有 `{BLANK_MARKER}`；GIFT 简答题只能对应一个填空"
        ));
    }
    Ok(stem)
}

/// The bank question for a parsed item.
fn build(position: usize, kind: QuestionType, stem: String, tags: &[String], block: Block) -> Question {
    let mut q = Format::Gift.question(position, kind, stem);
    q.tags = tags.to_vec();
    let mut parts: Vec<String> = block.general_feedback.iter().cloned().collect();
    if !block.notes.is_empty() {
        parts.push(block.notes.iter().map(|n| format!("- {n}")).collect::<Vec<_>>().join("\n"));
    }
    if !parts.is_empty() {
        q.explanation = parts.join("\n\n");
    }
    let some_feedback = |feedback: Vec<String>| Some(feedback).filter(|f| !f.is_empty());
    match block.answers {
        Answers::Essay => {
            q.reference =
                Some(block.general_feedback.unwrap_or_else(|| "原题没有参考答案，请按题目要求人工评分。".to_string()));
        }
        Answers::TrueFalse(value) => q.answer = Some(Answer::Bool(value)),
        Answers::Numeric { value, tolerance } => {
            q.answer = Some(number(value));
            q.tolerance = Some(tolerance).filter(|t| *t > 0.0);
        }
        Answers::Single { options, answer, feedback } => {
            q.options = Some(options);
            q.answer = Some(Answer::Integer(answer as i64));
            q.feedback = some_feedback(feedback);
        }
        Answers::Multiple { options, answers, feedback } => {
            q.options = Some(options);
            q.answers = Some(answers);
            q.feedback = some_feedback(feedback);
        }
        Answers::Matching { pairs, distractors } => {
            q.pairs = Some(pairs);
            q.distractors = Some(distractors).filter(|d| !d.is_empty());
        }
        Answers::ShortAnswer { accepted, partial } => {
            q.blanks = Some(vec![accepted]);
            q.partial_blanks = Some(vec![partial]).filter(|p| !p[0].is_empty());
        }
    }
    q
}

/// Whole numbers are written as integers in the bank (`1822`, not `1822.0`).
fn number(value: f64) -> Answer {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Answer::Integer(value as i64)
    } else {
        Answer::Float(value)
    }
}
