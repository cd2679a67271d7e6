//! A quiz's start page: its rules, the learner's attempts and whether another may begin.

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::QuizPurpose;
use qunxue_store::attempts::{self, AttemptRecord};
use qunxue_store::Store;
use serde::Serialize;

use super::common::{feedback_mode_str, load_quiz};
use super::submit::settle;
use crate::Result;

/// One of the learner's attempts at a quiz, as the quiz's start page lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptSummary {
    /// The attempt's id, to resume or review it.
    pub attempt_id: String,
    /// 1 for the learner's first attempt at this quiz, then 2, 3, …
    pub number: i64,
    /// `in_progress`, `submitted`, or `expired` (handed in by its deadline).
    pub status: qunxue_store::attempts::AttemptStatus,
    /// When the attempt began (RFC 3339 UTC timestamp).
    pub started_at: String,
    /// When it was handed in (RFC 3339 UTC timestamp); `None` while open.
    pub submitted_at: Option<String>,
    /// The score in percent (0–100); `None` while open.
    pub percent: Option<f64>,
    /// Whether it reached the pass mark; `None` while open or while answers wait for a hand mark.
    pub passed: Option<bool>,
}

/// A quiz's start page for the learner: its rules, their attempts and whether another may begin.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuizOverview {
    /// The quiz's id within the course.
    pub quiz_id: String,
    /// The quiz's title, the page's heading.
    pub title: String,
    /// Module quiz, pre-test, post-test or practice; only module quizzes and the post-test count for a certificate.
    pub purpose: QuizPurpose,
    /// How many questions an attempt shows: the fixed items plus those drawn from banks.
    pub question_count: usize,
    /// The time limit of an attempt, in seconds; `None` without one.
    pub time_limit_seconds: Option<u64>,
    /// 0 = unlimited.
    pub max_attempts: u32,
    /// Fraction of the maximum score needed to pass, in (0, 1].
    pub pass_mark: f64,
    /// When answers are revealed: `immediate`, `after_submit` or `never`.
    pub feedback_mode: &'static str,
    /// The learner's attempts at the quiz, handed in or open.
    pub attempts: Vec<AttemptSummary>,
    /// The learner's open attempt, to resume instead of starting another.
    pub open_attempt_id: Option<String>,
    /// An attempt may begin (or the open one be resumed): the attempt limit is not used up.
    pub can_start: bool,
    /// Passed at least once: the module the quiz belongs to counts as mastered.
    pub mastered: bool,
}

/// The start page of `quiz_id` for the learner `profile`; attempts left open past their deadline are handed in first.
pub fn quiz_overview(
    store: &mut Store,
    profile: &str,
    course: &str,
    quiz_id: &str,
    now: DateTime<Utc>,
) -> Result<QuizOverview> {
    let quiz = load_quiz(store.conn(), course, quiz_id)?;
    let mut list = Vec::new();
    for attempt in attempts::for_quiz(store.conn(), profile, course, quiz_id)? {
        list.push(settle(store, attempt, now)?);
    }
    let open = list.iter().find(|a| a.status == attempts::IN_PROGRESS).map(|a| a.id.clone());
    let used = list.len() as u32;
    let can_start = open.is_some() || quiz.max_attempts == 0 || used < quiz.max_attempts;
    Ok(QuizOverview {
        quiz_id: quiz.id.clone(),
        title: quiz.title.clone(),
        purpose: quiz.purpose,
        question_count: quiz.items.len() + quiz.draws.iter().map(|d| d.count as usize).sum::<usize>(),
        time_limit_seconds: (quiz.time_limit_minutes > 0).then(|| u64::from(quiz.time_limit_minutes) * 60),
        max_attempts: quiz.max_attempts,
        pass_mark: quiz.pass_mark,
        feedback_mode: feedback_mode_str(quiz.feedback),
        mastered: list.iter().any(|a| a.passed == Some(true)),
        attempts: list.iter().map(summary).collect(),
        open_attempt_id: open,
        can_start,
    })
}

impl QuizOverview {
    /// The best percentage over the handed-in attempts.
    pub fn best_percent(&self) -> Option<f64> {
        self.attempts.iter().filter_map(|a| a.percent).reduce(f64::max)
    }
}

pub(crate) fn summary(a: &AttemptRecord) -> AttemptSummary {
    AttemptSummary {
        attempt_id: a.id.clone(),
        number: a.number,
        status: a.status,
        started_at: a.started_at.clone(),
        submitted_at: a.submitted_at.clone(),
        percent: a.percent,
        passed: a.passed,
    }
}
