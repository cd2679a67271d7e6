//! The result of a handed-in attempt, shown as the quiz's feedback mode allows.

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::FeedbackMode;
use qunxue_core::quiz::{self, ItemScore};
use qunxue_store::{attempt_answers, attempts, Store};
use serde::Serialize;

use super::common::{course_html, feedback, load_quiz, own_attempt, parse_answer, sheet, ItemFeedback};
use super::submit::settle;
use crate::msg;
use crate::{AppError, Result};

/// One question of a handed-in attempt on the learner's result page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultItem {
    /// The question's id in the course's bank.
    pub question_id: String,
    /// The question's stem as sanitised HTML.
    pub stem_html: String,
    /// The question type (`single`, `multiple`, `short_answer`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The learner's answer in words; empty when unanswered.
    pub your_answer: String,
    /// `None` when the quiz never reveals answers.
    pub feedback: Option<ItemFeedback>,
    /// A grader's comment on a short answer, once graded.
    pub grader_comment: Option<String>,
}

/// The learner's result page for one handed-in attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptResult {
    /// The attempt shown.
    pub attempt_id: String,
    /// The quiz the attempt was at.
    pub quiz_id: String,
    /// The course of the quiz.
    pub course_id: String,
    /// The quiz's title, the page's heading.
    pub title: String,
    /// Which of the learner's attempts at the quiz this is (1, 2, …).
    pub number: i64,
    /// The score in percent (0–100).
    pub percent: f64,
    /// Points earned, hand-marked answers included once graded.
    pub score: f64,
    /// The attempt's maximum points.
    pub max_score: f64,
    /// `None` while short answers wait for grading.
    pub passed: Option<bool>,
    /// Short answers still waiting for a grade.
    pub pending_manual: usize,
    /// How the marks for `pending_manual` answers will reach this machine
    /// (the learner is told where to look for them).
    pub marks_arrive_by: crate::xapi::MarksArriveBy,
    /// `None` when attempts are unlimited.
    pub attempts_left: Option<u32>,
    /// Every question of the attempt in the order it was shown.
    pub items: Vec<ResultItem>,
}

/// The result of the learner's own handed-in attempt (one left open past its deadline is handed in first).
pub fn attempt_result(store: &mut Store, profile: &str, attempt_id: &str, now: DateTime<Utc>) -> Result<AttemptResult> {
    let attempt = own_attempt(store.conn(), profile, attempt_id)?;
    let attempt = settle(store, attempt, now)?;
    if attempt.status == attempts::IN_PROGRESS {
        return Err(AppError::Rejected(msg!("this attempt is still in progress", "这次作答还没有结束")));
    }
    let quiz = load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?;
    let sheet = sheet(store.conn(), &attempt)?;
    let used = attempts::for_quiz(store.conn(), profile, &attempt.course_id, &attempt.quiz_id)?.len() as u32;
    let manual = attempt_answers::manual_grades(store.conn(), &attempt.id)?;
    let mut items = Vec::with_capacity(sheet.entries.len());
    let mut pending_manual = 0;
    for (question, answer) in &sheet.entries {
        let given = answer.as_ref().and_then(parse_answer);
        let mut scored = match &given {
            Some(given) => quiz::score(question, given, &sheet.presentation),
            None => ItemScore { score: 0.0, max: question.points, correct: Some(false), option_feedback: Vec::new() },
        };
        let grade = manual.get(&question.id);
        if let Some(grade) = grade {
            scored.score = grade.score;
        }
        if scored.correct.is_none() && answer.as_ref().is_some_and(|a| a.manual_score.is_none()) {
            pending_manual += 1;
        }
        items.push(ResultItem {
            question_id: question.id.clone(),
            stem_html: course_html(&attempt.course_id, &question.stem),
            kind: question.kind.as_str().to_string(),
            your_answer: given.as_ref().map(|g| question.describe_answer(g)).unwrap_or_default(),
            feedback: (quiz.feedback != FeedbackMode::Never).then(|| feedback(&attempt.course_id, question, &scored)),
            grader_comment: grade.and_then(|g| g.comment.clone()),
        });
    }
    Ok(AttemptResult {
        attempt_id: attempt.id.clone(),
        quiz_id: attempt.quiz_id.clone(),
        course_id: attempt.course_id.clone(),
        title: quiz.title.clone(),
        number: attempt.number,
        percent: attempt.percent.unwrap_or(0.0),
        score: attempt.score.unwrap_or(0.0),
        max_score: attempt.max_score.unwrap_or(0.0),
        passed: attempt.passed,
        pending_manual,
        marks_arrive_by: crate::xapi::MarksArriveBy::configured(store.conn())?,
        attempts_left: (quiz.max_attempts > 0).then(|| quiz.max_attempts.saturating_sub(used)),
        items,
    })
}
