//! Quizzes: their questions exist, draws can be filled, settings are in range.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::model::{Quiz, QuizDraw};
use crate::pack::parsed::ParsedCourse;
use crate::pack::toml_doc::At;

use super::index::Index;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    for (quiz, at) in course.quizzes() {
        if quiz.items.is_empty() && quiz.draws.is_empty() {
            let id = &quiz.id;
            out.push(at.error(msg!(
                "quiz `{id}` has no questions: give `items` or [[quiz.draw]]",
                "测验 `{id}` 没有题目：请填写 `items` 或添加 [[quiz.draw]]"
            )));
        }
        for (i, item) in quiz.items.iter().enumerate() {
            let item_at = at.key("items").idx(i);
            if quiz.items[..i].contains(item) {
                out.push(item_at.error(msg!("question `{item}` is listed twice", "题目 `{item}` 列出了两次")));
            } else {
                index.questions.resolve(item, item_at, out);
            }
        }
        let mut earlier: Vec<(u32, Vec<&str>)> = Vec::new();
        for (i, draw) in quiz.draws.iter().enumerate() {
            if let Some(candidates) = check_draw(quiz, draw, &earlier, at.key("draw").idx(i), index, out) {
                earlier.push((draw.count, candidates));
            }
        }
        if let Some(parallel) = &quiz.parallel {
            if *parallel == quiz.id {
                out.push(
                    at.key("parallel").error(msg!("a quiz cannot be parallel to itself", "测验不能与自身互为平行卷")),
                );
            } else {
                index.quizzes.resolve(parallel, at.key("parallel"), out);
            }
        }
        if !(quiz.pass_mark > 0.0 && quiz.pass_mark <= 1.0) {
            let pass_mark = quiz.pass_mark;
            out.push(at.key("pass_mark").error(msg!(
                "pass_mark is a fraction of the full score: more than 0 and at most 1, not {pass_mark}",
                "`pass_mark` 是占满分的比例：应大于 0 且不超过 1，而不是 {pass_mark}"
            )));
        }
    }
}

/// Checks one draw given the candidates of the draws before it, and returns
/// its own candidates (question ids) when its bank is known.
fn check_draw<'q>(
    quiz: &Quiz,
    draw: &QuizDraw,
    earlier: &[(u32, Vec<&str>)],
    at: At<'_>,
    index: &Index<'q>,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<&'q str>> {
    if draw.count == 0 {
        out.push(at.key("count").error(msg!("count must be at least 1", "`count` 至少为 1")));
    }
    if let Some([low, high]) = draw.difficulty {
        if !(1 <= low && low <= high && high <= 5) {
            out.push(at.key("difficulty").error(msg!(
                "difficulty range [{low}, {high}] must run from low to high within 1 to 5",
                "难度范围 [{low}, {high}] 应在 1 到 5 之内、由低到高"
            )));
        }
    }
    let bank = index.banks.resolve(&draw.bank, at.key("bank"), out)?;
    // A question is never asked twice: fixed items are not drawn, and
    // earlier draws may already have taken some of this draw's candidates.
    let candidates: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| draw.accepts(&q.tags, q.difficulty) && !quiz.items.contains(&q.id))
        .map(|q| q.id.as_str())
        .collect();
    let taken_at_worst: usize = earlier
        .iter()
        .map(|(count, theirs)| (*count as usize).min(theirs.iter().filter(|id| candidates.contains(id)).count()))
        .sum();
    let available = candidates.len().saturating_sub(taken_at_worst);
    if draw.count as usize > available {
        let (count, bank) = (draw.count, &draw.bank);
        out.push(at.key("count").error(if taken_at_worst > 0 {
            msg!(
                "draw asks for {count} questions but bank `{bank}` has only {available} that match and that earlier draws cannot take",
                "抽题要 {count} 道，但题库 `{bank}` 中符合条件且不会被前面的抽题占用的只有 {available} 道"
            )
        } else {
            msg!(
                "draw asks for {count} questions but bank `{bank}` has only {available} that match",
                "抽题要 {count} 道，但题库 `{bank}` 中符合条件的只有 {available} 道"
            )
        }));
    }
    Some(candidates)
}
