//! A bank back out as GIFT or Moodle XML, so a company can take its banks
//! back to Moodle (issue 28). Both are written so that Qunxue's own readers
//! (and Moodle's) read the same questions back; what a format cannot hold is
//! named by question id and left out, never written wrong.
//!
//! | type | GIFT | Moodle XML |
//! |---|---|---|
//! | single, multiple, true_false, numeric, matching (with distractors), short_answer | ✓ | ✓ |
//! | fill_blank with one blank (partial answers kept) | ✓ | ✓ (`shortanswer`) |
//! | fill_blank with several blanks | — (GIFT fills one blank) | — (that is a cloze question) |
//! | ordering | — (GIFT has no ordering) | ✓ (`ordering`) |
//!
//! GIFT carries no points, difficulty or tags: the bank's title becomes its
//! `$CATEGORY`. Moodle XML keeps points (`defaultgrade`) and the category.

use crate::diagnostic::Message;
use crate::msg;
use crate::pack::model::{Answer, Bank, Question, QuestionType, BLANK_MARKER};

/// The file's text, and each question left out with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// The whole exported file, GIFT or Moodle XML.
    pub text: String,
    /// Each question left out: its id and why the format cannot hold it.
    pub skipped: Vec<(String, Message)>,
}

/// The bank as GIFT.
pub fn to_gift(bank: &Bank) -> Exported {
    let mut text =
        format!("// {} — exported by Qunxue\n\n$CATEGORY: $course$/top/{}\n\n", bank.id, escape_gift(&bank.title));
    let mut skipped = Vec::new();
    for q in &bank.questions {
        match gift_question(q) {
            Ok(item) => {
                text.push_str(&item);
                text.push_str("\n\n");
            }
            Err(reason) => skipped.push((q.id.clone(), reason)),
        }
    }
    Exported { text, skipped }
}

fn gift_question(q: &Question) -> Result<String, Message> {
    let title = format!("::{}::[markdown]", escape_gift(q.id.trim()));
    let general =
        if q.explanation.trim().is_empty() { String::new() } else { format!("####{}", escape_gift(&q.explanation)) };
    let feedback = |i: usize| match q.feedback.as_ref().and_then(|f| f.get(i)).filter(|f| !f.is_empty()) {
        Some(f) => format!("#{}", escape_gift(f)),
        None => String::new(),
    };
    let options = q.options.as_deref().unwrap_or_default();
    let block = match q.kind {
        QuestionType::Single => {
            let right = answer_index(q);
            let lines: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, o)| format!("{}{}{}", if Some(i) == right { "=" } else { "~" }, escape_gift(o), feedback(i)))
                .collect();
            lines.join(" ")
        }
        QuestionType::Multiple => {
            let right = q.answers.as_deref().unwrap_or_default();
            if right.len() < 2 {
                return Err(one_right_option());
            }
            let share = weight(100.0 / right.len() as f64);
            let lines: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let w = if right.contains(&i) { share.clone() } else { "-100".into() };
                    format!("~%{w}%{}{}", escape_gift(o), feedback(i))
                })
                .collect();
            lines.join(" ")
        }
        QuestionType::TrueFalse => match q.answer {
            Some(Answer::Bool(true)) => "TRUE".into(),
            _ => "FALSE".into(),
        },
        QuestionType::Numeric => {
            let value = q.answer.and_then(Answer::as_number).unwrap_or(0.0);
            match q.tolerance.filter(|t| *t > 0.0) {
                Some(t) => format!("#{value}:{t}"),
                None => format!("#{value}"),
            }
        }
        QuestionType::Matching => {
            let mut lines: Vec<String> = Vec::new();
            for (left, right) in q.pairs.iter().flatten() {
                if left.contains("->") || right.contains("->") {
                    return Err(msg!(
                        "a side of a pair contains `->`, which GIFT reads as the arrow",
                        "配对的一侧含有 `->`，GIFT 会把它当作箭头"
                    ));
                }
                lines.push(format!("={} -> {}", escape_gift(left), escape_gift(right)));
            }
            lines.extend(q.distractors.iter().flatten().map(|d| format!("= -> {}", escape_gift(d))));
            lines.join(" ")
        }
        QuestionType::FillBlank => {
            let blanks = q.blanks.as_deref().unwrap_or_default();
            let [accepted] = blanks else { return Err(several_blanks("GIFT")) };
            let mut lines: Vec<String> = accepted.iter().map(|a| format!("={}", escape_gift(a))).collect();
            let partial = q.partial_blanks.as_ref().and_then(|p| p.first()).into_iter().flatten();
            lines.extend(partial.map(|p| format!("=%{}%{}", weight(p.percent), escape_gift(&p.answer))));
            let block = lines.join(" ");
            let (before, after) = q.stem.split_once(BLANK_MARKER).unwrap_or((q.stem.as_str(), ""));
            return Ok(format!("{title}{}{{{block}{general}}}{}", escape_gift(before), escape_gift(after)));
        }
        QuestionType::ShortAnswer => {
            return Ok(format!("{title}{}{{{general}}}", escape_gift(&q.stem)));
        }
        QuestionType::Ordering => {
            return Err(msg!(
                "GIFT has no ordering questions; export the bank as Moodle XML",
                "GIFT 没有排序题；请导出为 Moodle XML"
            ));
        }
    };
    Ok(format!("{title}{}{{{block}{general}}}", escape_gift(&q.stem)))
}

/// The bank as Moodle XML.
pub fn to_moodle_xml(bank: &Bank) -> Exported {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    text.push_str(&format!(
        "  <question type=\"category\">\n    <category><text>{}</text></category>\n  </question>\n",
        xml_escape(&format!("$course$/top/{}", bank.title))
    ));
    let mut skipped = Vec::new();
    for q in &bank.questions {
        match xml_question(q) {
            Ok(item) => text.push_str(&item),
            Err(reason) => skipped.push((q.id.clone(), reason)),
        }
    }
    text.push_str("</quiz>\n");
    Exported { text, skipped }
}

fn xml_question(q: &Question) -> Result<String, Message> {
    let markdown = |tag: &str, body: &str| format!("<{tag} format=\"markdown\"><text>{}</text></{tag}>", cdata(body));
    let plain_answer = |fraction: &str, text: &str, feedback: Option<&str>| {
        let feedback = feedback.filter(|f| !f.is_empty()).map_or(String::new(), |f| markdown("feedback", f));
        format!(
            "<answer fraction=\"{fraction}\" format=\"plain_text\"><text>{}</text>{feedback}</answer>",
            xml_escape(text)
        )
    };
    let options = q.options.as_deref().unwrap_or_default();
    let option_feedback = |i: usize| q.feedback.as_ref().and_then(|f| f.get(i)).map(String::as_str);
    let (kind, body) = match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let right: Vec<usize> = match q.kind {
                QuestionType::Single => answer_index(q).into_iter().collect(),
                _ => q.answers.clone().unwrap_or_default(),
            };
            if q.kind == QuestionType::Multiple && right.len() < 2 {
                return Err(one_right_option());
            }
            let share = weight(100.0 / right.len().max(1) as f64);
            let wrong = if q.kind == QuestionType::Single { "0" } else { "-100" };
            let answers: String = options
                .iter()
                .enumerate()
                .map(|(i, o)| plain_answer(if right.contains(&i) { &share } else { wrong }, o, option_feedback(i)))
                .collect();
            let single = if q.kind == QuestionType::Single { "true" } else { "false" };
            ("multichoice", format!("<single>{single}</single><shuffleanswers>1</shuffleanswers>{answers}"))
        }
        QuestionType::TrueFalse => {
            let value = matches!(q.answer, Some(Answer::Bool(true)));
            let (t, f) = if value { ("100", "0") } else { ("0", "100") };
            ("truefalse", format!("{}{}", plain_answer(t, "true", None), plain_answer(f, "false", None)))
        }
        QuestionType::Numeric => {
            let value = q.answer.and_then(Answer::as_number).unwrap_or(0.0);
            let tolerance = q.tolerance.unwrap_or(0.0);
            (
                "numerical",
                format!("<answer fraction=\"100\"><text>{value}</text><tolerance>{tolerance}</tolerance></answer>"),
            )
        }
        QuestionType::Matching => {
            let mut subs: String = q
                .pairs
                .iter()
                .flatten()
                .map(|(l, r)| format!("<subquestion format=\"plain_text\"><text>{}</text><answer><text>{}</text></answer></subquestion>", xml_escape(l), xml_escape(r)))
                .collect();
            for d in q.distractors.iter().flatten() {
                subs.push_str(&format!(
                    "<subquestion format=\"plain_text\"><text></text><answer><text>{}</text></answer></subquestion>",
                    xml_escape(d)
                ));
            }
            ("matching", format!("<shuffleanswers>1</shuffleanswers>{subs}"))
        }
        QuestionType::FillBlank => {
            let blanks = q.blanks.as_deref().unwrap_or_default();
            let [accepted] = blanks else { return Err(several_blanks("Moodle XML")) };
            let mut answers: String = accepted.iter().map(|a| plain_answer("100", a, None)).collect();
            let partial = q.partial_blanks.as_ref().and_then(|p| p.first()).into_iter().flatten();
            answers.extend(partial.map(|p| plain_answer(&weight(p.percent), &p.answer, None)));
            ("shortanswer", format!("<usecase>0</usecase>{answers}"))
        }
        QuestionType::Ordering => {
            let answers: String = q
                .items
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, item)| plain_answer(&(i + 1).to_string(), item, None))
                .collect();
            ("ordering", answers)
        }
        QuestionType::ShortAnswer => {
            let reference = q.reference.as_deref().unwrap_or("");
            ("essay", markdown("graderinfo", reference))
        }
    };
    Ok(format!(
        "  <question type=\"{kind}\">\n    <name><text>{}</text></name>\n    {}\n    {}\n    <defaultgrade>{}</defaultgrade>\n    {body}\n  </question>\n",
        xml_escape(&q.id),
        markdown("questiontext", &q.stem),
        markdown("generalfeedback", &q.explanation),
        q.points
    ))
}

fn answer_index(q: &Question) -> Option<usize> {
    match q.answer {
        Some(Answer::Integer(i)) => usize::try_from(i).ok(),
        _ => None,
    }
}

fn one_right_option() -> Message {
    msg!(
        "a multiple-choice question with one right option would read back as single choice; make it `single`",
        "只有一个正确选项的多选题读回时会变成单选题；请改为单选题"
    )
}

fn several_blanks(format: &str) -> Message {
    msg!(
        "{format} fills one blank per question; this question has several (split it)",
        "{format} 每道题只能有一个空；本题有多个空（请拆分）"
    )
}

/// A percentage as Moodle writes it: up to five decimals, no trailing zeros.
fn weight(percent: f64) -> String {
    let text = format!("{percent:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// GIFT's escapes for its special characters, and line breaks as `\n`.
fn escape_gift(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A CDATA section holding `text` (a `]]>` inside is split across two).
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

#[cfg(test)]
mod tests;
