//! The answer block `{…}` of a GIFT question: which question type it makes
//! and the answer fields of that type. The type is decided as Moodle decides
//! it: `{}` is an essay, `{#…}` numeric, any `~` multiple choice, `=` with
//! `->` matching, `{T}` / `{FALSE}` true/false, and only `=` short answer.

use crate::diagnostic::Message;
use crate::msg;
use crate::pack::model::PartialAnswer;

use super::escape::reveal;
use super::source::Item;
use super::text_format::{split_format, to_markdown, to_plain, TextFormat};
use super::Problem;

/// The answer fields a block gives.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Answers {
    Essay,
    TrueFalse(bool),
    Numeric {
        value: f64,
        tolerance: f64,
    },
    Single {
        options: Vec<String>,
        answer: usize,
        feedback: Vec<String>,
    },
    Multiple {
        options: Vec<String>,
        answers: Vec<usize>,
        feedback: Vec<String>,
    },
    /// Pairs, and right-hand sides that match no left (`= -> Chat`).
    Matching {
        pairs: Vec<(String, String)>,
        distractors: Vec<String>,
    },
    /// One blank: the fully right answers and those worth part of it.
    ShortAnswer {
        accepted: Vec<String>,
        partial: Vec<PartialAnswer>,
    },
}

/// A parsed block: the answers, the general feedback (`####`), and notes —
/// per-answer feedback the bank has no field for, kept for the explanation.
#[derive(Debug)]
pub(super) struct Block {
    pub answers: Answers,
    pub general_feedback: Option<String>,
    pub notes: Vec<String>,
}

/// Reads blocks of one item; warnings found on the way gather in `warnings`.
pub(super) struct BlockParser<'a> {
    pub item: &'a Item,
    /// The question's format, which answers inherit.
    pub format: TextFormat,
    pub warnings: Vec<Problem>,
}

/// One answer of a block: `=` or `~`, its weight, text and feedback.
struct Piece<'a> {
    marker: char,
    weight: Option<f64>,
    text: &'a str,
    feedback: Option<&'a str>,
}

/// A weight that is (almost) 100 %.
fn full(weight: f64) -> bool {
    weight >= 100.0 - 1e-6
}

impl BlockParser<'_> {
    fn problem(&self, part: &str, message: Message) -> Problem {
        Problem { offset: self.item.offset_of(part), message }
    }

    fn warn(&mut self, part: &str, message: Message) {
        let warning = self.problem(part, message);
        self.warnings.push(warning);
    }

    /// `text` as Markdown, in its own format or the question's.
    fn markdown(&self, text: &str) -> String {
        let (format, text) = split_format(text);
        to_markdown(&reveal(text), format.unwrap_or(self.format))
    }

    /// `text` as plain text, in its own format or the question's.
    fn plain(&self, text: &str) -> String {
        let (format, text) = split_format(text);
        to_plain(&reveal(text), format.unwrap_or(self.format))
    }

    /// Parses `content`, the text between the braces.
    pub(super) fn parse(&mut self, content: &str) -> Result<Block, Problem> {
        let (content, general_feedback) = match content.rfind("####") {
            Some(at) => (&content[..at], Some(self.markdown(&content[at + 4..])).filter(|f| !f.is_empty())),
            None => (content, None),
        };
        let trimmed = content.trim();
        let mut notes = Vec::new();
        let answers = if trimmed.is_empty() {
            Answers::Essay
        } else if let Some(numeric) = trimmed.strip_prefix('#') {
            self.numeric(numeric, &mut notes)?
        } else if trimmed.contains('~') {
            self.choice(trimmed)?
        } else if trimmed.contains('=') && trimmed.contains("->") {
            self.matching(trimmed, &mut notes)?
        } else if let Some(value) = true_false_value(trimmed) {
            self.true_false(trimmed, value, &mut notes)
        } else {
            self.short_answer(trimmed, &mut notes)?
        };
        Ok(Block { answers, general_feedback, notes })
    }

    /// Splits `content` at each unescaped marker; nothing but space may come
    /// before the first one.
    fn pieces<'c>(&self, content: &'c str, markers: &[char]) -> Result<Vec<Piece<'c>>, Problem> {
        let starts: Vec<usize> = content.match_indices(markers).map(|(i, _)| i).collect();
        let lead = &content[..starts.first().copied().unwrap_or(content.len())];
        if !lead.trim().is_empty() {
            let quoted: Vec<String> = markers.iter().map(|m| format!("`{m}`")).collect();
            let (expected, expected_zh) = (quoted.join(" or "), quoted.join(" 或 "));
            let lead = lead.trim_start();
            let text = reveal(lead.trim_end());
            return Err(self.problem(
                lead,
                msg!(
                    "expected an answer starting with {expected} before `{text}`",
                    "`{text}` 之前应有以 {expected_zh} 开头的答案"
                ),
            ));
        }
        let mut pieces = Vec::with_capacity(starts.len());
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(content.len());
            let marker = content[start..].chars().next().expect("a marker was found here");
            pieces.push(self.piece(marker, &content[start + 1..end])?);
        }
        Ok(pieces)
    }

    /// `%weight%text#feedback` after a marker.
    fn piece<'c>(&self, marker: char, body: &'c str) -> Result<Piece<'c>, Problem> {
        let mut rest = body.trim_start();
        let mut weight = None;
        if let Some(after) = rest.strip_prefix('%') {
            let Some(end) = after.find('%') else {
                return Err(self.problem(
                    rest,
                    msg!(
                        "a weight starts with `%` but has no closing `%` (write `%50%`)",
                        "权重以 `%` 开头，但缺少结尾的 `%`（应写作 `%50%`）"
                    ),
                ));
            };
            let value: Option<f64> = after[..end].trim().parse().ok().filter(|w: &f64| (-100.0..=100.0).contains(w));
            let Some(value) = value else {
                let written = reveal(&after[..end]);
                return Err(self.problem(
                    rest,
                    msg!(
                        "weight `%{written}%` is not a percentage from -100 to 100",
                        "权重 `%{written}%` 不是 -100 到 100 之间的百分比"
                    ),
                ));
            };
            weight = Some(value);
            rest = &after[end + 1..];
        }
        let (text, feedback) = match rest.find('#') {
            Some(at) => (&rest[..at], Some(rest[at + 1..].trim()).filter(|f| !f.is_empty())),
            None => (rest, None),
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(self.problem(body, msg!("an answer after `{marker}` is empty", "`{marker}` 之后的答案为空")));
        }
        Ok(Piece { marker, weight, text, feedback })
    }

    /// `{~a =b ~%50%c …}`: one fully right option makes a single choice;
    /// several options with positive weights (and none fully right), a
    /// multiple choice in which the positively weighted options are right.
    fn choice(&mut self, content: &str) -> Result<Answers, Problem> {
        let pieces = self.pieces(content, &['=', '~'])?;
        if pieces.len() < 2 {
            return Err(
                self.problem(content, msg!("a choice question needs at least 2 options", "选择题至少需要 2 个选项"))
            );
        }
        let mut options: Vec<String> = Vec::with_capacity(pieces.len());
        for piece in &pieces {
            let option = self.markdown(piece.text);
            if options.contains(&option) {
                return Err(
                    self.problem(piece.text, msg!("option `{option}` appears twice", "选项 `{option}` 重复出现"))
                );
            }
            options.push(option);
        }
        let feedback: Vec<String> =
            pieces.iter().map(|p| p.feedback.map(|f| self.markdown(f)).unwrap_or_default()).collect();
        let feedback = if feedback.iter().any(|f| !f.is_empty()) { feedback } else { Vec::new() };
        let weights: Vec<f64> =
            pieces.iter().map(|p| p.weight.unwrap_or(if p.marker == '=' { 100.0 } else { 0.0 })).collect();
        let fully_right: Vec<usize> = (0..pieces.len()).filter(|&i| full(weights[i])).collect();
        let positive: Vec<usize> = (0..pieces.len()).filter(|&i| weights[i] > 0.0).collect();
        match (fully_right.as_slice(), positive.len()) {
            (_, 0) => Err(self.problem(
                content,
                msg!(
                    "no option is right: mark the right one with `=` (or give positive `%weights%`)",
                    "没有正确选项：请用 `=` 标出正确选项（或给出正的 `%weights%` 权重）"
                ),
            )),
            ([answer], 1) => Ok(Answers::Single { options, answer: *answer, feedback }),
            ([answer], _) => {
                let others: Vec<usize> = positive.iter().copied().filter(|&i| i != *answer).collect();
                let partial = others.iter().map(|&i| format!("`{}` ({}%)", options[i], weights[i]));
                let partial = partial.collect::<Vec<_>>().join(", ");
                let partial_zh = others.iter().map(|&i| format!("`{}`（{}%）", options[i], weights[i]));
                let partial_zh = partial_zh.collect::<Vec<_>>().join("、");
                self.warn(
                    content,
                    msg!(
                        "partial credit for {partial} is dropped: a single-choice question scores only its right option",
                        "{partial_zh} 的部分得分被舍弃：单选题只为正确选项计分"
                    ),
                );
                Ok(Answers::Single { options, answer: *answer, feedback })
            }
            ([], _) => {
                let share = 100.0 / positive.len() as f64;
                if positive.iter().any(|&i| (weights[i] - share).abs() > 0.01) {
                    let listed: Vec<String> = positive.iter().map(|&i| format!("{}%", weights[i])).collect();
                    let (listed, listed_zh) = (listed.join(", "), listed.join("、"));
                    let share = (share * 100.0).round() / 100.0;
                    self.warn(
                        content,
                        msg!(
                            "weights {listed} are imported as equal shares of {share}%: each right option of a multiple-choice question earns the same",
                            "权重 {listed_zh} 按每项 {share}% 的均等份额导入：多选题的每个正确选项得分相同"
                        ),
                    );
                }
                Ok(Answers::Multiple { options, answers: positive, feedback })
            }
            _ => Err(self.problem(
                content,
                msg!(
                    "several options are fully right (`=`): a single-choice question has one right option; \
                     for several right options give each a weight such as `~%50%`",
                    "多个选项被标为完全正确（`=`）：单选题只有一个正确选项；\
                     如有多个正确选项，请分别为其设置权重，例如 `~%50%`"
                ),
            )),
        }
    }

    /// `{=left -> right …}`: at least two pairs, each right-hand side once;
    /// `= -> right` (no left) is a distractor, as Moodle reads it.
    fn matching(&mut self, content: &str, notes: &mut Vec<String>) -> Result<Answers, Problem> {
        let pieces = self.pieces(content, &['='])?;
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(pieces.len());
        let mut distractors: Vec<String> = Vec::new();
        for piece in &pieces {
            let Some(arrow) = piece.text.find("->") else {
                return Err(self.problem(
                    piece.text,
                    msg!(
                        "every answer of a matching question is `=left -> right`",
                        "配对题的每个答案都应写作 `=left -> right`"
                    ),
                ));
            };
            let (left, right) = (piece.text[..arrow].trim(), piece.text[arrow + 2..].trim());
            if right.is_empty() {
                return Err(self.problem(
                    piece.text,
                    msg!(
                        "a pair has no right-hand side: write `=left -> right`, or `= -> right` for a distractor",
                        "配对缺少右侧：应写作 `=left -> right`；干扰项写作 `= -> right`"
                    ),
                ));
            }
            let (left, right) = (self.plain(left), self.plain(right));
            if pairs.iter().any(|(_, r)| *r == right) || distractors.contains(&right) {
                return Err(self.problem(
                    piece.text,
                    msg!(
                        "right-hand side `{right}` is used twice; each must be different",
                        "右侧项 `{right}` 出现了两次；各右侧项必须互不相同"
                    ),
                ));
            }
            if let Some(feedback) = piece.feedback {
                notes.push(format!("{left} → {right}：{}", self.markdown(feedback)));
            }
            if left.is_empty() {
                distractors.push(right);
            } else {
                pairs.push((left, right));
            }
        }
        if pairs.len() < 2 {
            return Err(
                self.problem(content, msg!("a matching question needs at least 2 pairs", "配对题至少需要 2 组配对"))
            );
        }
        Ok(Answers::Matching { pairs, distractors })
    }

    /// `{T}`, `{FALSE#wrong#right}`: the first feedback is for a wrong
    /// answer, the second for a right one.
    fn true_false(&self, content: &str, value: bool, notes: &mut Vec<String>) -> Answers {
        let mut parts = content.splitn(3, '#').skip(1).map(|f| self.markdown(f));
        let wrong = parts.next().filter(|f| !f.is_empty());
        let right = parts.next().filter(|f| !f.is_empty());
        notes.extend(right.map(|f| format!("答对时：{f}")));
        notes.extend(wrong.map(|f| format!("答错时：{f}")));
        Answers::TrueFalse(value)
    }

    /// `{=a =b =%50%c =%0%*}`: one blank accepting any fully weighted
    /// answer, the partly weighted ones for their share; `*` (any other
    /// answer) scores nothing, so only its feedback is kept.
    fn short_answer(&mut self, content: &str, notes: &mut Vec<String>) -> Result<Answers, Problem> {
        let pieces = self.pieces(content, &['='])?;
        let mut accepted: Vec<String> = Vec::new();
        let mut partial: Vec<PartialAnswer> = Vec::new();
        for piece in &pieces {
            let text = self.plain(piece.text);
            let weight = piece.weight.unwrap_or(100.0);
            if text == "*" {
                if weight > 0.0 {
                    self.warn(
                        piece.text,
                        msg!(
                            "`*` ({weight}%) would give credit for any answer; it is not imported",
                            "`*`（{weight}%）会让任何答案得分，未导入"
                        ),
                    );
                }
                if let Some(feedback) = piece.feedback {
                    notes.push(format!("其他答案：{}", self.markdown(feedback)));
                }
                continue;
            }
            if full(weight) {
                if !accepted.contains(&text) {
                    accepted.push(text.clone());
                }
            } else if weight > 0.0 && !partial.iter().any(|p| p.answer == text) {
                partial.push(PartialAnswer { answer: text.clone(), percent: weight });
            }
            if let Some(feedback) = piece.feedback {
                notes.push(format!("{text}：{}", self.markdown(feedback)));
            }
        }
        partial.retain(|p| !accepted.contains(&p.answer));
        if accepted.is_empty() {
            return Err(self.problem(
                content,
                msg!(
                    "no answer gets full credit: give at least one `=answer` without a lower weight",
                    "没有得满分的答案：请至少给出一个未降低权重的 `=answer`"
                ),
            ));
        }
        Ok(Answers::ShortAnswer { accepted, partial })
    }

    /// `{#5:0.5}`, `{#1..5}`, `{#=5:0 =%50%5:2 ~#feedback}`: the fully
    /// weighted answers must form one range, imported as its midpoint and
    /// half-width.
    fn numeric(&mut self, content: &str, notes: &mut Vec<String>) -> Result<Answers, Problem> {
        let (content, wrong_feedback) = match content.find('~') {
            Some(at) => {
                (&content[..at], content[at + 1..].split_once('#').map(|(_, f)| f.trim()).filter(|f| !f.is_empty()))
            }
            None => (content, None),
        };
        // (low, high, answer, tolerance, text) of each fully right answer.
        let mut ranges: Vec<(f64, f64, f64, f64, &str)> = Vec::new();
        let mut bodies: Vec<&str> = content.split('=').collect();
        if bodies.first().is_some_and(|first| first.trim().is_empty()) {
            bodies.remove(0);
        }
        if bodies.is_empty() {
            return Err(self.problem(
                content,
                msg!(
                    "a numeric answer `{{#…}}` needs a number, as in `{{#5}}`, `{{#5:0.5}}` or `{{#1..5}}`",
                    "数值答案 `{{#…}}` 需要一个数字，例如 `{{#5}}`、`{{#5:0.5}}` 或 `{{#1..5}}`"
                ),
            ));
        }
        for body in bodies {
            let piece = self.piece('=', body)?;
            let (value, tolerance) = self.number_and_tolerance(piece.text)?;
            let weight = piece.weight.unwrap_or(100.0);
            if full(weight) {
                ranges.push((value - tolerance, value + tolerance, value, tolerance, piece.text));
            } else if weight > 0.0 {
                let text = reveal(piece.text);
                self.warn(
                    piece.text,
                    msg!(
                        "`{text}` ({weight}%) is not accepted: only fully right answers are kept",
                        "`{text}`（{weight}%）不会被接受：只保留完全正确的答案"
                    ),
                );
            }
            if let Some(feedback) = piece.feedback {
                notes.push(format!("{}：{}", reveal(piece.text), self.markdown(feedback)));
            }
        }
        notes.extend(wrong_feedback.map(|f| format!("其他答案：{}", self.markdown(f))));
        ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
        match ranges.as_slice() {
            [] => Err(self.problem(content, msg!("no numeric answer gets full credit", "没有得满分的数值答案"))),
            // One answer: keep it exactly as written.
            [(_, _, value, tolerance, _)] => Ok(Answers::Numeric { value: *value, tolerance: *tolerance }),
            [(low, first_high, ..), rest @ ..] => {
                let mut high = *first_high;
                for &(next_low, next_high, _, _, text) in rest {
                    if next_low > high {
                        return Err(self.problem(
                            text,
                            msg!(
                                "fully right numeric answers that do not overlap cannot be imported: \
                                 a numeric question has one answer and one tolerance",
                                "无法导入互不重叠的多个完全正确数值答案：数值题只有一个答案和一个容差"
                            ),
                        ));
                    }
                    high = high.max(next_high);
                }
                Ok(Answers::Numeric { value: tidy((low + high) / 2.0), tolerance: tidy((high - low) / 2.0) })
            }
        }
    }

    /// `5`, `5:0.5` or `1..5`, as (answer, tolerance).
    fn number_and_tolerance(&self, text: &str) -> Result<(f64, f64), Problem> {
        let number = |part: &str| -> Result<f64, Problem> {
            let part = part.trim();
            part.parse::<f64>().ok().filter(|n| n.is_finite()).ok_or_else(|| {
                let written = reveal(part);
                self.problem(part, msg!("`{written}` is not a number", "`{written}` 不是数字"))
            })
        };
        match text.find("..").filter(|&at| at > 0) {
            Some(at) => {
                let (low, high) = (number(&text[..at])?, number(&text[at + 2..])?);
                if high < low {
                    let written = reveal(text);
                    return Err(self.problem(
                        text,
                        msg!("range `{written}` runs from high to low", "范围 `{written}` 的起点大于终点"),
                    ));
                }
                Ok((tidy((low + high) / 2.0), tidy((high - low) / 2.0)))
            }
            None => match text.find(':').filter(|&at| at > 0) {
                Some(at) => {
                    let tolerance = number(&text[at + 1..])?;
                    if tolerance < 0.0 {
                        return Err(
                            self.problem(&text[at + 1..], msg!("a tolerance cannot be negative", "容差不能为负数"))
                        );
                    }
                    Ok((number(&text[..at])?, tolerance))
                }
                None => Ok((number(text)?, 0.0)),
            },
        }
    }
}

/// `T`, `TRUE`, `F` or `FALSE` (any case) before the first `#`.
fn true_false_value(content: &str) -> Option<bool> {
    let head = content.split('#').next().unwrap_or_default().trim();
    match head.to_ascii_uppercase().as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Removes the binary noise of decimal arithmetic (0.1 + 0.2 → 0.3) by
/// keeping 12 significant digits.
fn tidy(x: f64) -> f64 {
    format!("{x:.11e}").parse().unwrap_or(x)
}
