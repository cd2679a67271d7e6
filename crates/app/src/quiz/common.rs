//! What the quiz services share: loading quizzes and questions, the views
//! sent to the UI, time stamps and handing an attempt in.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use qunxue_core::markdown::{self, RenderOptions};
use qunxue_core::pack::model::{FeedbackMode, Question, Quiz};
use qunxue_core::quiz::{self, ItemScore, LearnerAnswer, Presentation};
use qunxue_store::attempt_answers::{self, AnswerRecord};
use qunxue_store::attempts::{self, AttemptRecord};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::questions;
use qunxue_store::Connection;
use serde::Serialize;

use crate::{msg, AppError, Result};

/// The store's one text form of an instant (UTC, milliseconds, `Z`).
pub(crate) use qunxue_store::time::stamp;

pub(crate) fn parse_stamp(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| {
        AppError::Internal(msg!(
            "stored time `{text}` is not RFC 3339: {e}",
            "已保存的时间 `{text}` 不是 RFC 3339 格式：{e}"
        ))
    })
}

pub(crate) fn load_quiz(conn: &Connection, course: &str, quiz_id: &str) -> Result<Quiz> {
    let item = course_items::get_item(conn, course, ItemKind::Quiz, quiz_id)?;
    serde_json::from_str(&item.body).map_err(|e| {
        AppError::Internal(msg!("stored quiz {quiz_id} is unreadable: {e}", "已保存的测验 {quiz_id} 无法读取：{e}"))
    })
}

pub(crate) fn load_question(conn: &Connection, course: &str, question_id: &str) -> Result<Question> {
    let record = questions::get_question(conn, course, question_id)?;
    serde_json::from_str(&record.body).map_err(|e| {
        AppError::Internal(msg!(
            "stored question {question_id} is unreadable: {e}",
            "已保存的题目 {question_id} 无法读取：{e}"
        ))
    })
}

pub(crate) fn presentation(attempt: &AttemptRecord) -> Result<Presentation> {
    let id = &attempt.id;
    serde_json::from_str(&attempt.presentation).map_err(|e| {
        AppError::Internal(msg!(
            "presentation of attempt {id} is unreadable: {e}",
            "作答记录 {id} 的出题信息无法读取：{e}"
        ))
    })
}

pub(crate) fn parse_answer(record: &AnswerRecord) -> Option<LearnerAnswer> {
    serde_json::from_str(&record.answer).ok()
}

/// The attempt, if it belongs to `profile`.
pub(crate) fn own_attempt(conn: &Connection, profile: &str, attempt_id: &str) -> Result<AttemptRecord> {
    let attempt = attempts::get(conn, attempt_id)?;
    if attempt.profile_id != profile {
        return Err(AppError::NotFound(msg!("attempt {attempt_id} not found", "找不到作答记录 {attempt_id}")));
    }
    Ok(attempt)
}

/// Seconds left before the deadline (never negative); `None` without a limit.
pub(crate) fn remaining_seconds(attempt: &AttemptRecord, now: DateTime<Utc>) -> Result<Option<i64>> {
    let Some(deadline) = attempt.deadline_at.as_deref() else { return Ok(None) };
    Ok(Some((parse_stamp(deadline)? - now).num_seconds().max(0)))
}

pub(crate) fn past_deadline(attempt: &AttemptRecord, now: DateTime<Utc>) -> Result<bool> {
    match attempt.deadline_at.as_deref() {
        Some(deadline) => Ok(now >= parse_stamp(deadline)?),
        None => Ok(false),
    }
}

pub(crate) fn feedback_mode_str(mode: FeedbackMode) -> &'static str {
    match mode {
        FeedbackMode::Immediate => "immediate",
        FeedbackMode::AfterSubmit => "after_submit",
        FeedbackMode::Never => "never",
    }
}

/// Markdown → sanitised HTML.
pub(crate) fn html(markdown_text: &str) -> String {
    markdown::render(markdown_text, &RenderOptions::default()).html
}

/// Question Markdown of `course` → sanitised HTML, its relative links (an
/// image `assets/figure.png`) served from the course's folder.
pub(crate) fn course_html(course: &str, markdown_text: &str) -> String {
    let options = RenderOptions { asset_base: Some(crate::assets::asset_url(course, "")), ..RenderOptions::default() };
    markdown::render(markdown_text, &options).html
}

/// A keyed option rendered to HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyedHtml {
    /// The option's key, its index in the bank (`"0"`, `"1"`, …), which the answer sends back.
    pub key: String,
    /// The option's text as sanitised HTML.
    pub html: String,
}

/// A question as the quiz screen shows it — never with its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionDto {
    /// The question's id in the course's bank.
    pub id: String,
    /// The question type (`single`, `fill_blank`, `matching`, …), which picks the input the screen shows.
    #[serde(rename = "type")]
    pub kind: String,
    /// The stem as sanitised HTML, images served from the course's folder.
    pub stem_html: String,
    /// What the question is worth, in points.
    pub points: f64,
    /// Single and multiple choice: the options in display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<KeyedHtml>>,
    /// Matching: the left-hand sides in stored order; their keys are their positions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Vec<String>>,
    /// Matching: the right-hand sides to pair with them, in display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Vec<quiz::KeyedText>>,
    /// Ordering: the items to arrange, in display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<quiz::KeyedText>>,
    /// Fill in the blank: how many blanks the stem has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blank_count: Option<usize>,
}

pub(crate) fn question_dto(course: &str, question: &Question, presented: &quiz::PresentedQuestion) -> QuestionDto {
    let view = quiz::question_view(question, presented);
    QuestionDto {
        id: view.id,
        kind: view.kind.as_str().to_string(),
        stem_html: course_html(course, &view.stem),
        points: view.points,
        options: view
            .options
            .map(|o| o.into_iter().map(|k| KeyedHtml { key: k.key, html: course_html(course, &k.text) }).collect()),
        left: view.left,
        right: view.right,
        items: view.items,
        blank_count: view.blank_count,
    }
}

/// What the learner is told about one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemFeedback {
    /// Fully right; `None` while a human still has to grade it.
    pub correct: Option<bool>,
    /// Points earned, 0 … `max_score`.
    pub score: f64,
    /// The question's points.
    pub max_score: f64,
    /// The feedback of each chosen option that has one, in display order.
    pub option_feedback: Vec<String>,
    /// The question's explanation as sanitised HTML (empty when it has none).
    pub explanation_html: String,
    /// The right answer in words (the right options, the accepted text, the reference answer…).
    pub correct_answer: String,
}

pub(crate) fn feedback(course: &str, question: &Question, scored: &ItemScore) -> ItemFeedback {
    ItemFeedback {
        correct: scored.correct,
        score: scored.score,
        max_score: scored.max,
        option_feedback: scored.option_feedback.clone(),
        explanation_html: course_html(course, &question.explanation),
        correct_answer: question.correct_answer_text(),
    }
}

/// The questions of an attempt in display order, with their answers (if any).
pub(crate) struct Sheet {
    pub presentation: Presentation,
    pub entries: Vec<(Question, Option<AnswerRecord>)>,
}

pub(crate) fn sheet(conn: &Connection, attempt: &AttemptRecord) -> Result<Sheet> {
    let presentation = presentation(attempt)?;
    let mut answers: BTreeMap<String, AnswerRecord> =
        attempt_answers::for_attempt(conn, &attempt.id)?.into_iter().map(|a| (a.question_id.clone(), a)).collect();
    let mut entries = Vec::with_capacity(presentation.questions.len());
    for presented in &presentation.questions {
        let question = load_question(conn, &attempt.course_id, &presented.question_id)?;
        entries.push((question, answers.remove(&presented.question_id)));
    }
    Ok(Sheet { presentation, entries })
}
