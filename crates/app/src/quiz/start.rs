//! Starting a quiz, or resuming the attempt already open.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use qunxue_core::pack::model::{FeedbackMode, Question};
use qunxue_core::quiz::{self, BankQuestion, LearnerAnswer};
use qunxue_store::attempts::{self, AttemptRecord};
use qunxue_store::{attempt_answers, questions, Store};
use serde::Serialize;
use uuid::Uuid;

use super::common::{
    feedback, feedback_mode_str, load_quiz, parse_answer, question_dto, remaining_seconds, sheet, stamp, ItemFeedback,
    QuestionDto,
};
use super::submit::settle;
use crate::msg;
use crate::{AppError, Result};

/// An attempt in progress as the quiz screen needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptView {
    /// The attempt's id, sent back with every answer.
    pub attempt_id: String,
    /// The quiz the attempt is at.
    pub quiz_id: String,
    /// The course of the quiz.
    pub course_id: String,
    /// The quiz's title, the screen's heading.
    pub title: String,
    /// Which of the learner's attempts at the quiz this is (1, 2, …).
    pub number: i64,
    /// `in_progress` while the learner may still answer.
    pub status: qunxue_store::attempts::AttemptStatus,
    /// When answers are revealed: `immediate`, `after_submit` or `never`.
    pub feedback_mode: &'static str,
    /// The attempt's time limit, in seconds; `None` without one.
    pub time_limit_seconds: Option<u64>,
    /// From the stored deadline, so it keeps running across restarts.
    pub remaining_seconds: Option<i64>,
    /// Fraction of the maximum score needed to pass, in (0, 1].
    pub pass_mark: f64,
    /// The attempt's questions in display order, without their answers.
    pub questions: Vec<QuestionDto>,
    /// The answers saved so far, by question id, so a resumed attempt shows them.
    pub answers: BTreeMap<String, LearnerAnswer>,
    /// Immediate mode only, for the questions answered so far.
    pub feedback: BTreeMap<String, ItemFeedback>,
}

/// Resumes the learner's open attempt at `quiz_id`, or begins a new one:
/// refused (invalid input) when the attempts are used up.
pub fn start_quiz(
    store: &mut Store,
    profile: &str,
    course: &str,
    quiz_id: &str,
    now: DateTime<Utc>,
) -> Result<AttemptView> {
    let quiz = load_quiz(store.conn(), course, quiz_id)?;
    let mut used = 0u32;
    let mut open = None;
    for attempt in attempts::for_quiz(store.conn(), profile, course, quiz_id)? {
        used += 1;
        let attempt = settle(store, attempt, now)?;
        if attempt.status == attempts::IN_PROGRESS {
            open = Some(attempt);
        }
    }
    let attempt = match open {
        Some(attempt) => attempt,
        None => {
            if quiz.max_attempts > 0 && used >= quiz.max_attempts {
                let (max_attempts, title) = (quiz.max_attempts, &quiz.title);
                return Err(AppError::Rejected(msg!(
                    "all {max_attempts} attempts at “{title}” are used up",
                    "「{title}」的 {max_attempts} 次作答机会已经用完"
                )));
            }
            // Only the quiz's own questions and the banks it draws from: a
            // course can hold thousands of questions.
            let banks: Vec<&str> = quiz.draws.iter().map(|draw| draw.bank.as_str()).collect();
            let items: Vec<&str> = quiz.items.iter().map(String::as_str).collect();
            let records = questions::questions_for(store.conn(), course, &banks, &items)?;
            let parsed: Vec<(String, Question)> = records
                .iter()
                .map(|r| {
                    let id = &r.id;
                    serde_json::from_str(&r.body).map(|q| (r.bank_id.clone(), q)).map_err(|e| {
                        AppError::Internal(msg!(
                            "stored question {id} is unreadable: {e}",
                            "已保存的题目 {id} 无法读取：{e}"
                        ))
                    })
                })
                .collect::<Result<_>>()?;
            let pool: Vec<BankQuestion<'_>> =
                parsed.iter().map(|(bank, question)| BankQuestion { bank_id: bank, question }).collect();
            let id = Uuid::new_v4();
            let seed = u64::from_le_bytes(id.as_bytes()[..8].try_into().expect("a UUID has 16 bytes"));
            let presentation = quiz::present(&quiz, &pool, seed)
                .map_err(|e| AppError::internal(msg!("drawing the questions for this attempt", "为本次作答抽题"), e))?;
            let deadline =
                (quiz.time_limit_minutes > 0).then(|| now + Duration::minutes(i64::from(quiz.time_limit_minutes)));
            let record = AttemptRecord {
                id: id.to_string(),
                profile_id: profile.to_string(),
                course_id: course.to_string(),
                quiz_id: quiz_id.to_string(),
                number: i64::from(used) + 1,
                seed,
                presentation: serde_json::to_string(&presentation).expect("a presentation always serialises"),
                started_at: stamp(now),
                deadline_at: deadline.map(stamp),
                submitted_at: None,
                status: attempts::IN_PROGRESS,
                score: None,
                max_score: None,
                percent: None,
                passed: None,
            };
            store.transact(|tx| attempts::insert(tx, &record))?;
            record
        }
    };
    attempt_view(store, &attempt, now)
}

pub(crate) fn attempt_view(store: &Store, attempt: &AttemptRecord, now: DateTime<Utc>) -> Result<AttemptView> {
    let quiz = super::common::load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?;
    let sheet = sheet(store.conn(), attempt)?;
    let mut view = AttemptView {
        attempt_id: attempt.id.clone(),
        quiz_id: attempt.quiz_id.clone(),
        course_id: attempt.course_id.clone(),
        title: quiz.title.clone(),
        number: attempt.number,
        status: attempt.status,
        feedback_mode: feedback_mode_str(quiz.feedback),
        time_limit_seconds: (quiz.time_limit_minutes > 0).then(|| u64::from(quiz.time_limit_minutes) * 60),
        remaining_seconds: remaining_seconds(attempt, now)?,
        pass_mark: quiz.pass_mark,
        questions: Vec::new(),
        answers: BTreeMap::new(),
        feedback: BTreeMap::new(),
    };
    // Feedback only for checked answers: the rest may still change.
    let checked = attempt_answers::checked_questions(store.conn(), &attempt.id)?;
    for ((question, answer), presented) in sheet.entries.iter().zip(&sheet.presentation.questions) {
        view.questions.push(question_dto(&attempt.course_id, question, presented));
        if let Some(given) = answer.as_ref().and_then(parse_answer) {
            if quiz.feedback == FeedbackMode::Immediate && checked.contains(&question.id) {
                let scored = quiz::score(question, &given, &sheet.presentation);
                view.feedback.insert(question.id.clone(), feedback(&attempt.course_id, question, &scored));
            }
            view.answers.insert(question.id.clone(), given);
        }
    }
    Ok(view)
}
