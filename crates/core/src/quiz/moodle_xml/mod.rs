//! Moodle XML import: a whole Moodle question bank as Moodle exports it.
//!
//! | Moodle type | becomes |
//! |---|---|
//! | `category` | the tag of the questions after it (its path less `$course$/top/`), so each category can become a bank |
//! | `multichoice` single | `single` (per-answer feedback kept; partial fractions named) |
//! | `multichoice` multiple | `multiple`: the positively weighted answers are right |
//! | `truefalse` | `true_false` |
//! | `shortanswer` | `fill_blank`, fully right answers accepted, partly right ones as `partial_blanks` |
//! | `numerical` | `numeric`: the fully right answer(s) as one value ± tolerance |
//! | `matching` | `matching`; a subquestion without text is a distractor |
//! | `ordering` | `ordering`, in the order the file gives |
//! | `essay` | `short_answer`, marked by hand (grader information as the reference) |
//!
//! Question text is HTML: it is reduced to text as GIFT's `[html]` is, and
//! an image embedded in it (`<file encoding="base64">`, referenced as
//! `@@PLUGINFILE@@/name`) is returned as a file and linked from the stem as
//! `assets/<name>`. General feedback becomes the explanation; per-answer
//! feedback the bank has no field for is listed in it. `description`
//! items and the types Qunxue cannot represent (calculated, drag-and-drop,
//! cloze, select missing words, random matching) are named by question
//! name and line, with the reason, and left out.

use base64::Engine;

use crate::diagnostic::{line_col, Diagnostic, Message};
use crate::msg;
use crate::pack::model::{Answer, PartialAnswer, Question, QuestionType};

use super::gift::text_format::{to_markdown, to_plain, TextFormat};
use super::import::{Format, ImportMode, Imported};
use crate::xml_tree::{self as tree, Element};

/// A file embedded in the bank (an image of a question).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// A safe file name: letters, digits, `.`, `-` and `_` only.
    pub name: String,
    /// The file's content, decoded from the base64 in the XML.
    pub bytes: Vec<u8>,
}

/// Parses Moodle XML `text`; diagnostics name `file`.
pub fn parse_moodle_xml(file: &str, text: &str, mode: ImportMode) -> Imported {
    let root = match tree::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let (line, col) = line_col(text, error.offset.min(text.len()));
            let detail = error.message;
            let message = msg!("this is not well-formed XML: {detail}", "这不是格式正确的 XML：{detail}");
            return Imported::finish(file, Vec::new(), vec![Diagnostic::error(file, line, col, message)], mode);
        }
    };
    let Some(quiz) = root.child("quiz") else {
        let message = msg!(
            "not a Moodle XML question file: its root element is not <quiz>",
            "不是 Moodle XML 题库文件：根元素不是 <quiz>"
        );
        return Imported::finish(file, Vec::new(), vec![Diagnostic::error(file, 1, 1, message)], mode);
    };
    let mut reader = Reader { text, file, diagnostics: Vec::new(), files: Vec::new(), tags: Vec::new() };
    let mut questions = Vec::new();
    for (position, element) in quiz.children("question").enumerate() {
        if let Some(question) = reader.question(element, position + 1) {
            questions.push(question);
        }
    }
    let files = std::mem::take(&mut reader.files);
    let mut imported = Imported::finish(file, questions, reader.diagnostics, mode);
    imported.files = if imported.questions.is_empty() { Vec::new() } else { files };
    imported
}

struct Reader<'a> {
    text: &'a str,
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
    files: Vec<EmbeddedFile>,
    /// The current category's tag.
    tags: Vec<String>,
}

/// Why a question is left out, as (English, Chinese).
fn unsupported_reason(kind: &str) -> Option<Message> {
    Some(match kind {
        "calculated" | "calculatedsimple" | "calculatedmulti" => msg!(
            "calculated questions compute their answer from random values; Qunxue has no formulas",
            "计算题由随机数值算出答案；群学不支持公式"
        ),
        "ddwtos" | "ddimageortext" | "ddmarker" => {
            msg!("drag-and-drop questions have no Qunxue type", "拖放题在群学中没有对应题型")
        }
        "multianswer" => msg!(
            "embedded answers (cloze) mix several questions in one text; split it into separate questions",
            "完形填空（嵌入式答案）把多道题混在一段文字里；请拆成单独的题目"
        ),
        "gapselect" => msg!(
            "select-missing-words questions have no Qunxue type; a fill-in-the-blank is the closest",
            "选词填空在群学中没有对应题型；最接近的是填空题"
        ),
        "randomsamatch" => msg!(
            "random short-answer matching is drawn from other questions at quiz time",
            "随机简答配对题在测验时从其他题目抽取"
        ),
        "random" => msg!("a random question is a quiz setting, not a question", "随机题是测验设置，不是题目"),
        "description" => msg!("a description is text, not a question", "说明文字不是题目"),
        _ => return None,
    })
}

impl Reader<'_> {
    fn at(&self, element: &Element) -> (usize, usize) {
        line_col(self.text, element.offset.min(self.text.len()))
    }

    fn warn(&mut self, element: &Element, message: Message) {
        let (line, col) = self.at(element);
        self.diagnostics.push(Diagnostic::warning(self.file, line, col, message));
    }

    fn error(&mut self, element: &Element, message: Message) {
        let (line, col) = self.at(element);
        self.diagnostics.push(Diagnostic::error(self.file, line, col, message));
    }

    fn question(&mut self, element: &Element, position: usize) -> Option<Question> {
        let kind = element.attribute("type").unwrap_or("");
        if kind == "category" {
            let path = element.nested_text("category").unwrap_or("");
            // The same tag GIFT's `$CATEGORY:` gives.
            self.tags = super::gift::category_tag(path).into_iter().collect();
            return None;
        }
        let name = element.nested_text("name").unwrap_or("").trim().to_string();
        if let Some(reason) = unsupported_reason(kind) {
            let Message { en, zh } = reason;
            self.warn(element, msg!("`{name}` ({kind}) is left out: {en}", "`{name}`（{kind}）未导入：{zh}"));
            return None;
        }
        let stem = self.html_with_images(element.child("questiontext"));
        let mut question = Format::MoodleXml.question(position, QuestionType::ShortAnswer, stem);
        question.tags = self.tags.clone();
        if let Some(grade) = element.nested_text("defaultgrade").and_then(|g| g.trim().parse::<f64>().ok()) {
            if grade > 0.0 {
                question.points = grade;
            }
        }
        let general =
            element.child("generalfeedback").map(|g| self.html_with_images(Some(g))).filter(|g| !g.is_empty());
        let mut notes = Vec::new();
        let answered = match kind {
            "multichoice" => self.multichoice(element, &name, &mut question),
            "truefalse" => self.true_false(element, &name, &mut question, &mut notes),
            "shortanswer" => self.short_answer(element, &name, &mut question, &mut notes),
            "numerical" => self.numerical(element, &name, &mut question, &mut notes),
            "matching" => self.matching(element, &name, &mut question),
            "ordering" => self.ordering(element, &name, &mut question),
            "essay" => {
                question.kind = QuestionType::ShortAnswer;
                let info =
                    element.child("graderinfo").map(|g| self.html_with_images(Some(g))).filter(|g| !g.is_empty());
                question.reference = Some(
                    info.or_else(|| general.clone())
                        .unwrap_or_else(|| "原题没有参考答案，请按题目要求人工评分。".into()),
                );
                true
            }
            other => {
                self.warn(
                    element,
                    msg!(
                        "`{name}` is left out: question type `{other}` is not one Moodle XML import knows",
                        "`{name}` 未导入：不认识的题型 `{other}`"
                    ),
                );
                return None;
            }
        };
        if !answered {
            return None;
        }
        if question.stem.trim().is_empty() {
            self.error(element, msg!("`{name}` has no question text", "`{name}` 没有题干"));
            return None;
        }
        question.explanation = explanation(general, notes).unwrap_or_else(|| Format::MoodleXml.missing_explanation());
        Some(question)
    }

    /// `<answer fraction="…">` children: (fraction, text as plain, feedback as Markdown).
    fn answers<'e>(&self, element: &'e Element) -> Vec<(f64, String, Option<String>, &'e Element)> {
        element
            .children("answer")
            .map(|answer| {
                let fraction = answer.attribute("fraction").and_then(|f| f.trim().parse::<f64>().ok()).unwrap_or(0.0);
                let html = answer.attribute("format").is_none_or(|f| f == "html");
                let raw = answer.text_child().unwrap_or(answer.text.as_str());
                let text = if html { to_plain(raw, TextFormat::Html) } else { raw.trim().to_string() };
                let feedback = answer.child("feedback").map(|f| self.html_text(f)).filter(|f| !f.is_empty());
                (fraction, text, feedback, answer)
            })
            .collect()
    }

    fn multichoice(&mut self, element: &Element, name: &str, q: &mut Question) -> bool {
        let single = element.nested_text("single").is_none_or(|s| s.trim() == "true" || s.trim() == "1");
        let answers = self.answers(element);
        if answers.len() < 2 {
            self.error(element, msg!("`{name}` has fewer than 2 answers", "`{name}` 的选项少于 2 个"));
            return false;
        }
        let options: Vec<String> = answers.iter().map(|(_, text, ..)| text.clone()).collect();
        let feedback: Vec<String> = answers.iter().map(|(_, _, f, _)| f.clone().unwrap_or_default()).collect();
        q.options = Some(options);
        q.feedback = feedback.iter().any(|f| !f.is_empty()).then_some(feedback);
        if single {
            let full: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].0 >= 100.0 - 1e-6).collect();
            let [right] = full[..] else {
                let count = full.len();
                self.error(
                    element,
                    msg!(
                        "`{name}` is single-answer but has {count} fully right answers; it needs exactly one",
                        "`{name}` 是单选题，但有 {count} 个完全正确的选项；单选题只能有一个"
                    ),
                );
                return false;
            };
            for (fraction, text, _, answer) in &answers {
                if *fraction > 0.0 && *fraction < 100.0 - 1e-6 {
                    self.warn(
                        answer,
                        msg!(
                            "partial credit for `{text}` ({fraction}%) is dropped: a single-choice question scores only its right option",
                            "`{text}`（{fraction}%）的部分得分被舍弃：单选题只为正确选项计分"
                        ),
                    );
                }
            }
            q.kind = QuestionType::Single;
            q.answer = Some(Answer::Integer(right as i64));
        } else {
            let right: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].0 > 0.0).collect();
            if right.is_empty() {
                self.error(element, msg!("`{name}` has no right answer", "`{name}` 没有正确选项"));
                return false;
            }
            let share = 100.0 / right.len() as f64;
            if right.iter().any(|&i| (answers[i].0 - share).abs() > 0.01) {
                self.warn(
                    element,
                    msg!(
                        "`{name}`: unequal weights are imported as equal shares: each right option of a multiple-choice question earns the same",
                        "`{name}`：不等的权重按均分导入：多选题每个正确选项得分相同"
                    ),
                );
            }
            q.kind = QuestionType::Multiple;
            q.answers = Some(right);
        }
        true
    }

    fn true_false(&mut self, element: &Element, name: &str, q: &mut Question, notes: &mut Vec<String>) -> bool {
        let answers = self.answers(element);
        let right = answers.iter().find(|(fraction, ..)| *fraction >= 100.0 - 1e-6);
        let Some((_, text, ..)) = right else {
            self.error(
                element,
                msg!("`{name}` marks neither true nor false as right", "`{name}` 没有标出正确答案（对或错）"),
            );
            return false;
        };
        let value = matches!(text.trim().to_ascii_lowercase().as_str(), "true" | "正确" | "对");
        for (fraction, _, feedback, _) in &answers {
            if let Some(feedback) = feedback {
                let when = if *fraction >= 100.0 - 1e-6 { "答对时" } else { "答错时" };
                notes.push(format!("{when}：{feedback}"));
            }
        }
        q.kind = QuestionType::TrueFalse;
        q.answer = Some(Answer::Bool(value));
        true
    }

    fn short_answer(&mut self, element: &Element, name: &str, q: &mut Question, notes: &mut Vec<String>) -> bool {
        let mut accepted: Vec<String> = Vec::new();
        let mut partial: Vec<PartialAnswer> = Vec::new();
        for (fraction, text, feedback, _) in self.answers(element) {
            if text == "*" {
                if let Some(feedback) = feedback {
                    notes.push(format!("其他答案：{feedback}"));
                }
                continue;
            }
            if fraction >= 100.0 - 1e-6 {
                if !accepted.contains(&text) {
                    accepted.push(text.clone());
                }
            } else if fraction > 0.0 && !partial.iter().any(|p| p.answer == text) {
                partial.push(PartialAnswer { answer: text.clone(), percent: fraction });
            }
            if let Some(feedback) = feedback {
                notes.push(format!("{text}：{feedback}"));
            }
        }
        if accepted.is_empty() {
            self.error(element, msg!("`{name}`: no answer gets full credit", "`{name}`：没有得满分的答案"));
            return false;
        }
        if element.nested_text("usecase").is_some_and(|u| u.trim() == "1") {
            self.warn(
                element,
                msg!(
                    "`{name}` compares case; Qunxue ignores case (and full-width differences) in blanks",
                    "`{name}` 区分大小写；群学的填空不区分大小写（也不区分全角半角）"
                ),
            );
        }
        partial.retain(|p| !accepted.contains(&p.answer));
        if !q.stem.contains(crate::pack::model::BLANK_MARKER) {
            q.stem = format!("{} {}", q.stem.trim_end(), crate::pack::model::BLANK_MARKER);
        }
        q.kind = QuestionType::FillBlank;
        q.blanks = Some(vec![accepted]);
        q.partial_blanks = Some(vec![partial]).filter(|p| !p[0].is_empty());
        true
    }

    fn numerical(&mut self, element: &Element, name: &str, q: &mut Question, notes: &mut Vec<String>) -> bool {
        // (low, high, value, tolerance) of each fully right answer.
        let mut ranges: Vec<(f64, f64, f64, f64)> = Vec::new();
        for answer in element.children("answer") {
            let fraction = answer.attribute("fraction").and_then(|f| f.trim().parse::<f64>().ok()).unwrap_or(0.0);
            let raw = answer.text_child().unwrap_or(answer.text.as_str()).trim();
            let feedback = answer.child("feedback").map(|f| self.html_text(f)).filter(|f| !f.is_empty());
            if raw == "*" {
                notes.extend(feedback.map(|f| format!("其他答案：{f}")));
                continue;
            }
            let Ok(value) = raw.parse::<f64>() else {
                self.error(answer, msg!("`{name}`: `{raw}` is not a number", "`{name}`：`{raw}` 不是数字"));
                return false;
            };
            let tolerance =
                answer.nested_text("tolerance").and_then(|t| t.trim().parse::<f64>().ok()).unwrap_or(0.0).abs();
            if fraction >= 100.0 - 1e-6 {
                ranges.push((value - tolerance, value + tolerance, value, tolerance));
            } else if fraction > 0.0 {
                self.warn(
                    answer,
                    msg!(
                        "`{raw}` ({fraction}%) is not accepted: only fully right answers are kept",
                        "`{raw}`（{fraction}%）不会被接受：只保留完全正确的答案"
                    ),
                );
            }
            notes.extend(feedback.map(|f| format!("{raw}：{f}")));
        }
        if element.child("units").is_some_and(|u| !u.children.is_empty()) {
            self.warn(
                element,
                msg!(
                    "`{name}`: units are not imported; state the unit in the stem",
                    "`{name}`：单位未导入，请在题干中写明单位"
                ),
            );
        }
        ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
        let Some(&(low, mut high, first_value, first_tolerance)) = ranges.first() else {
            self.error(element, msg!("`{name}`: no numeric answer gets full credit", "`{name}`：没有得满分的数值答案"));
            return false;
        };
        for &(next_low, next_high, _, _) in &ranges[1..] {
            if next_low > high {
                self.error(
                    element,
                    msg!(
                        "`{name}`: fully right answers that do not overlap cannot be imported: a numeric question has one answer and one tolerance",
                        "`{name}`：无法导入互不重叠的多个完全正确数值答案：数值题只有一个答案和一个容差"
                    ),
                );
                return false;
            }
            high = high.max(next_high);
        }
        // One answer is kept exactly as written; overlapping ones become one range.
        let (value, tolerance) =
            if ranges.len() == 1 { (first_value, first_tolerance) } else { ((low + high) / 2.0, (high - low) / 2.0) };
        q.kind = QuestionType::Numeric;
        q.answer = Some(if value.fract() == 0.0 && value.abs() < 1e15 {
            Answer::Integer(value as i64)
        } else {
            Answer::Float(value)
        });
        q.tolerance = Some(tolerance).filter(|t| *t > 0.0);
        true
    }

    fn matching(&mut self, element: &Element, name: &str, q: &mut Question) -> bool {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut distractors: Vec<String> = Vec::new();
        for sub in element.children("subquestion") {
            let raw = sub.text_child().unwrap_or("");
            let left = if sub.attribute("format") == Some("plain_text") {
                raw.trim().to_string()
            } else {
                to_plain(raw, TextFormat::Html)
            };
            let right = sub
                .child("answer")
                .map(|a| a.text_child().unwrap_or(a.text.as_str()).trim().to_string())
                .unwrap_or_default();
            if right.is_empty() {
                continue;
            }
            if pairs.iter().any(|(_, r)| *r == right) || distractors.contains(&right) {
                self.error(
                    sub,
                    msg!("`{name}`: right-hand side `{right}` is used twice", "`{name}`：右侧项 `{right}` 出现了两次"),
                );
                return false;
            }
            if left.is_empty() {
                distractors.push(right);
            } else {
                pairs.push((left, right));
            }
        }
        if pairs.len() < 2 {
            self.error(
                element,
                msg!("`{name}`: a matching question needs at least 2 pairs", "`{name}`：配对题至少需要 2 组配对"),
            );
            return false;
        }
        q.kind = QuestionType::Matching;
        q.pairs = Some(pairs);
        q.distractors = Some(distractors).filter(|d| !d.is_empty());
        true
    }

    fn ordering(&mut self, element: &Element, name: &str, q: &mut Question) -> bool {
        let items: Vec<String> =
            self.answers(element).into_iter().map(|(_, text, ..)| text).filter(|t| !t.is_empty()).collect();
        if items.len() < 2 {
            self.error(
                element,
                msg!("`{name}`: an ordering question needs at least 2 items", "`{name}`：排序题至少需要 2 项"),
            );
            return false;
        }
        q.kind = QuestionType::Ordering;
        q.items = Some(items);
        true
    }

    /// An element's `<text>` (HTML unless `format` says otherwise) as Markdown, no images.
    fn html_text(&self, element: &Element) -> String {
        let raw = element.text_child().unwrap_or(element.text.as_str());
        match element.attribute("format") {
            Some("plain_text") => to_markdown(raw, TextFormat::Plain),
            Some("markdown") => to_markdown(raw, TextFormat::Markdown),
            Some("moodle_auto_format") => to_markdown(raw, TextFormat::Moodle),
            _ => to_markdown(raw, TextFormat::Html),
        }
    }

    /// As [`Reader::html_text`], with each `<img>` of an embedded file kept
    /// as a Markdown image of `assets/<name>` and the file collected.
    fn html_with_images(&mut self, element: Option<&Element>) -> String {
        let Some(element) = element else { return String::new() };
        let mut embedded: Vec<(String, Vec<u8>)> = Vec::new();
        for file in element.children("file") {
            let name = safe_file_name(file.attribute("name").unwrap_or(""));
            let data: String = file.text.chars().filter(|c| !c.is_whitespace()).collect();
            match base64::engine::general_purpose::STANDARD.decode(data.as_bytes()) {
                Ok(bytes) if !name.is_empty() => embedded.push((name, bytes)),
                _ => self.warn(
                    file,
                    msg!("an embedded file could not be read and is left out", "无法读取一个嵌入文件，未导入"),
                ),
            }
        }
        let raw = element.text_child().unwrap_or(element.text.as_str());
        let (html, images) = take_images(raw);
        let mut markdown = self.html_text(&Element { text: html, children: Vec::new(), ..element.clone() });
        for (index, (src, alt)) in images.iter().enumerate() {
            let token = image_token(index);
            let name = safe_file_name(src.strip_prefix("@@PLUGINFILE@@/").unwrap_or(""));
            let replacement = match embedded.iter().find(|(n, _)| *n == name) {
                Some((name, bytes)) => {
                    if !self.files.iter().any(|f| f.name == *name) {
                        self.files.push(EmbeddedFile { name: name.clone(), bytes: bytes.clone() });
                    }
                    let alt = alt.replace(['[', ']'], "");
                    format!("![{alt}](assets/{name})")
                }
                None => {
                    self.warn(
                        element,
                        msg!(
                            "image `{src}` is not embedded in the file and is left out",
                            "图片 `{src}` 未嵌入文件中，未导入"
                        ),
                    );
                    String::new()
                }
            };
            markdown = markdown.replace(&token, &replacement);
        }
        markdown
    }
}

/// The token an image is swapped for while the HTML around it becomes text:
/// letters and digits only, so neither the HTML reduction nor Markdown
/// escaping alters it.
fn image_token(index: usize) -> String {
    format!("QXIMAGE{index}QX")
}

/// Replaces each `<img …>` of `html` by its [`image_token`]; returns the HTML and
/// each image's (src, alt).
fn take_images(html: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::with_capacity(html.len());
    let mut images = Vec::new();
    let mut rest = html;
    while let Some(start) = find_img(rest) {
        out.push_str(&rest[..start]);
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        images.push((attribute_of(tag, "src").unwrap_or_default(), attribute_of(tag, "alt").unwrap_or_default()));
        out.push(' ');
        out.push_str(&image_token(images.len() - 1));
        out.push(' ');
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    (out, images)
}

fn find_img(html: &str) -> Option<usize> {
    html.to_ascii_lowercase().find("<img")
}

/// The value of `name="…"` (or `'…'`) in one HTML tag.
fn attribute_of(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(&format!("{name}=")) {
        let at = from + found;
        let boundary = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let value = &tag[at + name.len() + 1..];
        if boundary {
            let quote = value.chars().next()?;
            return if quote == '"' || quote == '\'' {
                value[1..].split(quote).next().map(str::to_string)
            } else {
                value.split(|c: char| c.is_whitespace() || c == '>').next().map(str::to_string)
            };
        }
        from = at + 1;
    }
    None
}

/// The last path segment of `name`, percent-decoded, keeping only letters,
/// digits, `.`, `-` and `_` (anything else becomes `_`), never starting with a dot.
fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(last).decode_utf8_lossy();
    let cleaned: String =
        decoded.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    cleaned.trim_start_matches('.').to_string()
}

/// General feedback first, then the per-answer feedback the bank has no field for.
fn explanation(general: Option<String>, notes: Vec<String>) -> Option<String> {
    let mut parts: Vec<String> = general.into_iter().collect();
    if !notes.is_empty() {
        parts.push(notes.iter().map(|n| format!("- {n}")).collect::<Vec<_>>().join("\n"));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

#[cfg(test)]
mod tests;
