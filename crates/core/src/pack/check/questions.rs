//! Each question on its own: the keys its type needs, and answers that fit
//! the options, blanks, pairs or items they refer to.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::pack::model::bank::{Answer, Question, QuestionType, BLANK_MARKER, COMMON_QUESTION_KEYS};
use crate::pack::parsed::ParsedCourse;
use crate::pack::toml_doc::At;

use super::links::check_markdown_field;
use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (bank, i, at) in course.questions() {
        check_question(&bank.value.questions[i], at, out);
    }
}

fn check_question(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    check_keys(q.kind, at, out);
    require_text(&q.stem, at.key("stem"), "stem", out);
    require_text(&q.explanation, at.key("explanation"), "explanation", out);
    check_markdown_field(&q.stem, at.key("stem"), out);
    check_markdown_field(&q.explanation, at.key("explanation"), out);
    if !(1..=5).contains(&q.difficulty) {
        out.push(at.key("difficulty").error(format!("difficulty must be 1 to 5, not {}", q.difficulty)));
    }
    if !(q.points.is_finite() && q.points > 0.0) {
        out.push(at.key("points").error(format!("points must be greater than 0, not {}", q.points)));
    }
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => check_choices(q, at, out),
        QuestionType::TrueFalse => {
            if !matches!(q.answer, None | Some(Answer::Bool(_))) {
                out.push(at.key("answer").error("the answer of a true_false question is true or false"));
            }
        }
        QuestionType::FillBlank => check_blanks(q, at, out),
        QuestionType::Matching => check_pairs(q, at, out),
        QuestionType::Ordering => {
            if let Some(items) = &q.items {
                check_list(items, 2, "items", at.key("items"), out);
            }
        }
        QuestionType::Numeric => {
            if q.answer.is_some_and(|a| !a.as_number().is_some_and(f64::is_finite)) {
                out.push(at.key("answer").error("the answer of a numeric question is a number"));
            }
            if q.tolerance.is_some_and(|t| !(t.is_finite() && t >= 0.0)) {
                out.push(at.key("tolerance").error("tolerance must be 0 or more"));
            }
        }
        QuestionType::ShortAnswer => {
            if let Some(reference) = &q.reference {
                require_text(reference, at.key("reference"), "reference", out);
            }
        }
    }
}

/// Reports answer keys the type needs but lacks, and ones it does not use.
fn check_keys(kind: QuestionType, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let (required, optional) = kind.answer_keys();
    let present = at.entries();
    for (key, key_at) in &present {
        if !COMMON_QUESTION_KEYS.contains(key) && !required.contains(key) && !optional.contains(key) {
            out.push(key_at.error(format!("`{key}` is not used by {kind} questions")));
        }
    }
    for key in required {
        if !present.iter().any(|(k, _)| k == key) {
            out.push(at.error(format!("{kind} questions need `{key}`")));
        }
    }
}

/// `single` and `multiple`: options, the answer indexes and per-option feedback.
fn check_choices(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(options) = &q.options else { return };
    check_list(options, 2, "options", at.key("options"), out);
    let in_range = |index: i64| usize::try_from(index).is_ok_and(|i| i < options.len());
    let range_note = format!("options are numbered 0 to {}", options.len().saturating_sub(1));
    match (q.kind, q.answer) {
        (QuestionType::Single, Some(Answer::Integer(index))) if !in_range(index) => {
            out.push(at.key("answer").error(format!("answer {index} is out of range: {range_note}")));
        }
        (QuestionType::Single, Some(Answer::Integer(_)) | None) => {}
        (QuestionType::Single, Some(_)) => {
            out.push(at.key("answer").error("the answer of a single question is an option index (0, 1, …)"));
        }
        _ => {}
    }
    if let Some(answers) = &q.answers {
        if answers.is_empty() {
            out.push(at.key("answers").error("answers must list at least one option"));
        }
        let mut seen = Vec::new();
        for (i, &index) in answers.iter().enumerate() {
            let item = at.key("answers").idx(i);
            if index >= options.len() {
                out.push(item.error(format!("answer {index} is out of range: {range_note}")));
            } else if seen.contains(&index) {
                out.push(item.error(format!("answer {index} is listed twice")));
            }
            seen.push(index);
        }
    }
    if let Some(feedback) = &q.feedback {
        if feedback.len() != options.len() {
            out.push(at.key("feedback").error(format!(
                "feedback has {} entries but there are {} options",
                feedback.len(),
                options.len()
            )));
        }
    }
}

/// `fill_blank`: one list of accepted answers per `____` in the stem.
fn check_blanks(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(blanks) = &q.blanks else { return };
    let in_stem = q.stem.matches(BLANK_MARKER).count();
    if in_stem != blanks.len() {
        out.push(at.key("blanks").error(format!(
            "the stem marks {in_stem} blank(s) with {BLANK_MARKER} but `blanks` has {} answer list(s)",
            blanks.len()
        )));
    }
    for (i, accepted) in blanks.iter().enumerate() {
        let item = at.key("blanks").idx(i);
        if accepted.is_empty() {
            out.push(item.error(format!("blank {} has no accepted answers", i + 1)));
        } else if accepted.iter().any(|a| a.trim().is_empty()) {
            out.push(item.error(format!("blank {} has an empty accepted answer", i + 1)));
        }
    }
}

/// `matching`: at least two pairs, no empty side, no right side twice.
fn check_pairs(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pairs) = &q.pairs else { return };
    if pairs.len() < 2 {
        out.push(at.key("pairs").error("matching questions need at least 2 pairs"));
    }
    let mut rights: HashMap<&str, usize> = HashMap::new();
    for (i, (left, right)) in pairs.iter().enumerate() {
        let item = at.key("pairs").idx(i);
        if left.trim().is_empty() || right.trim().is_empty() {
            out.push(item.error(format!("pair {} has an empty side", i + 1)));
        }
        if let Some(first) = rights.insert(right.as_str(), i) {
            out.push(item.error(format!(
                "right-hand side `{right}` is used by pairs {} and {}; each must be different",
                first + 1,
                i + 1
            )));
        }
    }
}

/// A list of texts (`options`, `items`): long enough, no empty or repeated entry.
fn check_list(list: &[String], min: usize, key: &str, at: At<'_>, out: &mut Vec<Diagnostic>) {
    if list.len() < min {
        out.push(at.error(format!("`{key}` needs at least {min} entries")));
    }
    for (i, entry) in list.iter().enumerate() {
        if entry.trim().is_empty() {
            out.push(at.idx(i).error(format!("{key}[{i}] is empty")));
        } else if list[..i].contains(entry) {
            out.push(at.idx(i).error(format!("{key}[{i}] `{entry}` repeats an earlier entry")));
        }
    }
}
