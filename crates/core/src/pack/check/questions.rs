//! Each question on its own: the keys its type needs, and answers that fit
//! the options, blanks, pairs or items they refer to.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::model::bank::{Answer, Question, QuestionType, BLANK_MARKER, COMMON_QUESTION_KEYS};
use crate::pack::parsed::ParsedCourse;
use crate::pack::toml_doc::At;

use super::links::{check_course_files, check_markdown_field};
use super::require_text;
use crate::pack::files::PackFiles;

pub(crate) fn check(course: &ParsedCourse<'_>, files: &PackFiles, out: &mut Vec<Diagnostic>) {
    let course_dir = course.layout.course_dir.as_str();
    for (bank, i, at) in course.questions() {
        let q = &bank.value.questions[i];
        check_question(q, at, out);
        // Question text shows images of the course folder (`assets/…`).
        check_course_files(&q.stem, at.key("stem"), course_dir, files, out);
        check_course_files(&q.explanation, at.key("explanation"), course_dir, files, out);
    }
}

fn check_question(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    check_keys(q.kind, at, out);
    require_text(&q.stem, at.key("stem"), "stem", out);
    require_text(&q.explanation, at.key("explanation"), "explanation", out);
    check_markdown_field(&q.stem, at.key("stem"), out);
    check_markdown_field(&q.explanation, at.key("explanation"), out);
    let (difficulty, points) = (q.difficulty, q.points);
    if !(1..=5).contains(&difficulty) {
        out.push(
            at.key("difficulty")
                .error(msg!("difficulty must be 1 to 5, not {difficulty}", "难度应为 1 到 5，而不是 {difficulty}")),
        );
    }
    if !(points.is_finite() && points > 0.0) {
        out.push(
            at.key("points")
                .error(msg!("points must be greater than 0, not {points}", "分值应大于 0，而不是 {points}")),
        );
    }
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => check_choices(q, at, out),
        QuestionType::TrueFalse => {
            if !matches!(q.answer, None | Some(Answer::Bool(_))) {
                out.push(at.key("answer").error(msg!(
                    "the answer of a true_false question is true or false",
                    "判断题（true_false）的答案是 true 或 false"
                )));
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
                out.push(
                    at.key("answer").error(msg!(
                        "the answer of a numeric question is a number",
                        "数值题（numeric）的答案是一个数字"
                    )),
                );
            }
            if q.tolerance.is_some_and(|t| !(t.is_finite() && t >= 0.0)) {
                out.push(
                    at.key("tolerance").error(msg!("tolerance must be 0 or more", "容差（tolerance）应为 0 或以上")),
                );
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
            out.push(key_at.error(msg!("`{key}` is not used by {kind} questions", "{kind} 题目不使用字段 `{key}`")));
        }
    }
    for key in required {
        if !present.iter().any(|(k, _)| k == key) {
            out.push(at.error(msg!("{kind} questions need `{key}`", "{kind} 题目需要字段 `{key}`")));
        }
    }
}

/// `single` and `multiple`: options, the answer indexes and per-option feedback.
fn check_choices(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(options) = &q.options else { return };
    check_list(options, 2, "options", at.key("options"), out);
    let in_range = |index: i64| usize::try_from(index).is_ok_and(|i| i < options.len());
    let last = options.len().saturating_sub(1);
    let out_of_range = |index: &dyn std::fmt::Display| {
        msg!(
            "answer {index} is out of range: options are numbered 0 to {last}",
            "答案 {index} 超出范围：选项编号为 0 到 {last}"
        )
    };
    match (q.kind, q.answer) {
        (QuestionType::Single, Some(Answer::Integer(index))) if !in_range(index) => {
            out.push(at.key("answer").error(out_of_range(&index)));
        }
        (QuestionType::Single, Some(Answer::Integer(_)) | None) => {}
        (QuestionType::Single, Some(_)) => {
            out.push(at.key("answer").error(msg!(
                "the answer of a single question is an option index (0, 1, …)",
                "单选题（single）的答案是选项编号（0、1、…）"
            )));
        }
        _ => {}
    }
    if let Some(answers) = &q.answers {
        if answers.is_empty() {
            out.push(
                at.key("answers").error(msg!("answers must list at least one option", "`answers` 至少要列出一个选项")),
            );
        }
        let mut seen = Vec::new();
        for (i, &index) in answers.iter().enumerate() {
            let item = at.key("answers").idx(i);
            if index >= options.len() {
                out.push(item.error(out_of_range(&index)));
            } else if seen.contains(&index) {
                out.push(item.error(msg!("answer {index} is listed twice", "答案 {index} 列出了两次")));
            }
            seen.push(index);
        }
    }
    if let Some(feedback) = &q.feedback {
        let (entries, count) = (feedback.len(), options.len());
        if entries != count {
            out.push(at.key("feedback").error(msg!(
                "feedback has {entries} entries but there are {count} options",
                "`feedback` 有 {entries} 条，但选项有 {count} 个"
            )));
        }
    }
}

/// `fill_blank`: one list of accepted answers per `____` in the stem.
fn check_blanks(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(blanks) = &q.blanks else { return };
    let in_stem = q.stem.matches(BLANK_MARKER).count();
    let lists = blanks.len();
    if in_stem != lists {
        out.push(at.key("blanks").error(msg!(
            "the stem marks {in_stem} blank(s) with {BLANK_MARKER} but `blanks` has {lists} answer list(s)",
            "题干用 {BLANK_MARKER} 标出了 {in_stem} 个空，但 `blanks` 有 {lists} 组答案"
        )));
    }
    for (i, accepted) in blanks.iter().enumerate() {
        let item = at.key("blanks").idx(i);
        let number = i + 1;
        if accepted.is_empty() {
            out.push(item.error(msg!("blank {number} has no accepted answers", "第 {number} 个空没有可接受的答案")));
        } else if accepted.iter().any(|a| a.trim().is_empty()) {
            out.push(
                item.error(msg!(
                    "blank {number} has an empty accepted answer",
                    "第 {number} 个空有一个空白的可接受答案"
                )),
            );
        }
    }
    check_partial_blanks(q, blanks, at, out);
}

/// `partial_blanks`: one list per blank, each answer non-empty, worth more
/// than 0 and less than 100 percent, and not already fully accepted.
fn check_partial_blanks(q: &Question, blanks: &[Vec<String>], at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(partial) = &q.partial_blanks else { return };
    let (lists, blank_count) = (partial.len(), blanks.len());
    if lists != blank_count {
        out.push(at.key("partial_blanks").error(msg!(
            "`partial_blanks` has {lists} list(s) but the question has {blank_count} blank(s): give one list per blank (an empty one for none)",
            "`partial_blanks` 有 {lists} 组，但本题有 {blank_count} 个空：每个空一组（没有部分得分的空写空列表）"
        )));
    }
    for (i, answers) in partial.iter().enumerate() {
        let number = i + 1;
        for (j, credit) in answers.iter().enumerate() {
            let item = at.key("partial_blanks").idx(i).idx(j);
            let (answer, percent) = (credit.answer.trim(), credit.percent);
            if answer.is_empty() {
                out.push(item.key("answer").error(msg!(
                    "blank {number} has an empty partial answer",
                    "第 {number} 个空有一个空白的部分得分答案"
                )));
            }
            if !(percent.is_finite() && percent > 0.0 && percent < 100.0) {
                out.push(item.key("percent").error(msg!(
                    "a partial answer is worth more than 0 and less than 100 percent, not {percent}",
                    "部分得分答案的得分比例应大于 0 且小于 100，而不是 {percent}"
                )));
            }
            if blanks.get(i).is_some_and(|full| full.iter().any(|a| a.trim() == answer)) {
                out.push(item.key("answer").error(msg!(
                    "`{answer}` is already a fully accepted answer of blank {number}",
                    "`{answer}` 已是第 {number} 个空的满分答案"
                )));
            }
        }
    }
}

/// `matching`: at least two pairs, no empty side, no right side twice.
fn check_pairs(q: &Question, at: At<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pairs) = &q.pairs else { return };
    if pairs.len() < 2 {
        out.push(
            at.key("pairs")
                .error(msg!("matching questions need at least 2 pairs", "配对题（matching）至少需要 2 组配对")),
        );
    }
    let mut rights: HashMap<&str, usize> = HashMap::new();
    for (i, (left, right)) in pairs.iter().enumerate() {
        let item = at.key("pairs").idx(i);
        let number = i + 1;
        if left.trim().is_empty() || right.trim().is_empty() {
            out.push(item.error(msg!("pair {number} has an empty side", "第 {number} 组配对有一侧为空")));
        }
        if let Some(first) = rights.insert(right.as_str(), i) {
            let first = first + 1;
            out.push(item.error(msg!(
                "right-hand side `{right}` is used by pairs {first} and {number}; each must be different",
                "第 {first} 组和第 {number} 组配对的右侧都是 `{right}`；每组的右侧必须不同"
            )));
        }
    }
    for (i, distractor) in q.distractors.iter().flatten().enumerate() {
        let item = at.key("distractors").idx(i);
        if distractor.trim().is_empty() {
            out.push(item.error(msg!("distractors[{i}] is empty", "`distractors[{i}]` 为空")));
        } else if rights.insert(distractor.as_str(), usize::MAX).is_some() {
            out.push(item.error(msg!(
                "distractor `{distractor}` is already a right-hand side; each must be different",
                "干扰项 `{distractor}` 已是一个右侧项；各右侧项必须互不相同"
            )));
        }
    }
}

/// A list of texts (`options`, `items`): long enough, no empty or repeated entry.
fn check_list(list: &[String], min: usize, key: &str, at: At<'_>, out: &mut Vec<Diagnostic>) {
    if list.len() < min {
        out.push(at.error(msg!("`{key}` needs at least {min} entries", "`{key}` 至少需要 {min} 项")));
    }
    for (i, entry) in list.iter().enumerate() {
        if entry.trim().is_empty() {
            out.push(at.idx(i).error(msg!("{key}[{i}] is empty", "`{key}[{i}]` 为空")));
        } else if list[..i].contains(entry) {
            out.push(at.idx(i).error(msg!(
                "{key}[{i}] `{entry}` repeats an earlier entry",
                "`{key}[{i}]` `{entry}` 与前面的一项重复"
            )));
        }
    }
}
