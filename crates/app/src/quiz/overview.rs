//! A quiz's start page: its rules, the learner's attempts and whether another may begin.

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::QuizPurpose;
use qunxue_store::attempts::{self, AttemptRecord};
use qunxue_store::Store;
use serde::Serialize;

use super::common::{feedback_mode_str, load_quiz, settle};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptSummary {
    pub attempt_id: String,
    pub number: i64,
    pub status: String,
    pub started_at: String,
    pub submitted_at: Option<String>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuizOverview {
    pub quiz_id: String,
    pub title: String,
    pub purpose: QuizPurpose,
    pub question_count: usize,
    pub time_limit_seconds: Option<u64>,
    /// 0 = unlimited.
    pub max_attempts: u32,
    pub pass_mark: f64,
    pub feedback_mode: &'static str,
    pub attempts: Vec<AttemptSummary>,
    pub open_attempt_id: Option<String>,
    pub can_start: bool,
    /// Passed at least once: the module the quiz belongs to counts as mastered.
    pub mastered: bool,
}

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
        status: a.status.clone(),
        started_at: a.started_at.clone(),
        submitted_at: a.submitted_at.clone(),
        percent: a.percent,
        passed: a.passed,
    }
}
