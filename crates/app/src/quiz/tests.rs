//! The quiz services on real SQLite files, with the clock injected.

use chrono::{DateTime, Duration, TimeZone, Utc};
use qunxue_core::quiz::LearnerAnswer;
use qunxue_store::Store;
use serde_json::json;

use super::fixture::{self, COURSE, PROFILE, QUIZ};
use super::*;
use crate::ErrorKind;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn open(quiz: serde_json::Value) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    fixture::install(&mut store, &[quiz]).unwrap();
    (dir, store)
}

fn answer(value: serde_json::Value) -> LearnerAnswer {
    serde_json::from_value(value).unwrap()
}

fn save(
    store: &mut Store,
    attempt: &str,
    question: &str,
    value: serde_json::Value,
    now: DateTime<Utc>,
) -> crate::Result<SavedAnswer> {
    save_answer(store, PROFILE, attempt, question, &answer(value), now)
}

#[test]
fn quiz_start_resumes_the_open_attempt_with_its_answers() {
    let (dir, mut store) = open(fixture::quiz(json!({"feedback": "immediate"})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    assert_eq!(view.number, 1);
    assert_eq!(view.questions.len(), 5);
    assert!(!serde_json::to_string(&view).unwrap().contains("因为乙"), "the view must not leak explanations");
    let saved = save(&mut store, &view.attempt_id, "s1", json!({"choice": "1"}), t0()).unwrap();
    let fb = saved.feedback.unwrap();
    assert_eq!((fb.correct, fb.score), (Some(true), 1.0));
    assert_eq!(fb.option_feedback, ["乙对"]);
    drop(store);

    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    let again = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0() + Duration::minutes(1)).unwrap();
    assert_eq!(again.attempt_id, view.attempt_id);
    assert_eq!(again.answers.get("s1"), Some(&answer(json!({"choice": "1"}))));
    assert!(again.feedback.contains_key("s1"));
    // The same seed shows the questions and options the same way.
    assert_eq!(again.questions, view.questions);
    let overview = quiz_overview(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    assert_eq!(overview.open_attempt_id.as_deref(), Some(view.attempt_id.as_str()));
    assert!(overview.can_start && !overview.mastered);
}

#[test]
fn quiz_submit_scores_enforces_the_limit_and_queues_missed_questions() {
    let (_dir, mut store) = open(fixture::quiz(json!({"max_attempts": 1, "pass_mark": 0.5})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    let saved = save(&mut store, &view.attempt_id, "s1", json!({"choice": "1"}), t0()).unwrap();
    assert!(saved.feedback.is_none(), "after_submit mode gives no feedback while answering");
    save(&mut store, &view.attempt_id, "m1", json!({"choices": ["0", "2"]}), t0()).unwrap();
    save(&mut store, &view.attempt_id, "t1", json!({"value": true}), t0()).unwrap();
    save(&mut store, &view.attempt_id, "n1", json!({"value": 30.0}), t0()).unwrap();
    let result = submit_attempt(&mut store, PROFILE, &view.attempt_id, t0() + Duration::minutes(2)).unwrap();
    assert_eq!((result.score, result.max_score, result.percent), (3.0, 5.0, 60.0));
    assert_eq!(result.passed, Some(true));
    assert_eq!(result.attempts_left, Some(0));
    assert_eq!(result.pending_manual, 0);
    let n1 = result.items.iter().find(|i| i.question_id == "n1").unwrap();
    assert_eq!(n1.feedback.as_ref().unwrap().correct, Some(false));
    assert_eq!(n1.your_answer, "30");

    let refused = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0() + Duration::minutes(3)).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    let overview = quiz_overview(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    assert!(!overview.can_start && overview.mastered);
    assert_eq!(overview.attempts[0].status, qunxue_store::attempts::SUBMITTED);

    // n1 (wrong) and f1 (unanswered) are due for review at once.
    let queue = review_queue(&store, PROFILE, t0() + Duration::minutes(3)).unwrap();
    let mut due: Vec<_> = queue.due.iter().map(|c| c.question_id.as_str()).collect();
    due.sort_unstable();
    assert_eq!(due, ["f1", "n1"]);
    assert!(!serde_json::to_string(&queue).unwrap().contains("18.5"));
}

#[test]
fn quiz_time_limit_survives_and_expires() {
    let (_dir, mut store) = open(fixture::quiz(json!({"time_limit_minutes": 10})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    assert_eq!(view.remaining_seconds, Some(600));
    let resumed = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0() + Duration::seconds(250)).unwrap();
    assert_eq!(resumed.remaining_seconds, Some(350));
    let late =
        save(&mut store, &view.attempt_id, "s1", json!({"choice": "1"}), t0() + Duration::minutes(11)).unwrap_err();
    assert_eq!(late.kind(), ErrorKind::InvalidInput);
    assert!(late.to_string().contains("time is up"));
    let result = attempt_result(&mut store, PROFILE, &view.attempt_id, t0() + Duration::minutes(12)).unwrap();
    assert_eq!(result.score, 0.0);
    let overview = quiz_overview(&mut store, PROFILE, COURSE, QUIZ, t0() + Duration::minutes(12)).unwrap();
    assert_eq!(overview.attempts[0].status, qunxue_store::attempts::EXPIRED);
}

#[test]
fn quiz_attempt_expired_while_closed_is_handed_in_when_touched() {
    let (_dir, mut store) = open(fixture::quiz(json!({"time_limit_minutes": 5})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    save(&mut store, &view.attempt_id, "t1", json!({"value": true}), t0()).unwrap();
    // A new start after the deadline closes the old attempt and begins attempt 2.
    let next = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0() + Duration::hours(1)).unwrap();
    assert_eq!(next.number, 2);
    let first = attempt_result(&mut store, PROFILE, &view.attempt_id, t0() + Duration::hours(1)).unwrap();
    assert_eq!(first.score, 1.0);
}

#[test]
fn quiz_never_mode_hides_correctness() {
    let (_dir, mut store) = open(fixture::quiz(json!({"feedback": "never"})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    save(&mut store, &view.attempt_id, "s1", json!({"choice": "0"}), t0()).unwrap();
    let result = submit_attempt(&mut store, PROFILE, &view.attempt_id, t0()).unwrap();
    assert!(result.items.iter().all(|i| i.feedback.is_none()));
    assert_eq!(result.items[0].your_answer.is_empty(), result.items[0].question_id != "s1");
    assert!(!serde_json::to_string(&result).unwrap().contains("因为乙"));
}

#[test]
fn quiz_other_profiles_and_foreign_questions_are_refused() {
    let (_dir, mut store) = open(fixture::quiz(json!({})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    let err = save_answer(&mut store, "someone-else", &view.attempt_id, "s1", &answer(json!({"choice": "1"})), t0())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = save(&mut store, &view.attempt_id, "zz", json!({"choice": "1"}), t0()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn quiz_review_reschedules_with_fsrs() {
    let (_dir, mut store) = open(fixture::quiz(json!({})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    submit_attempt(&mut store, PROFILE, &view.attempt_id, t0()).unwrap();
    let queue = review_queue(&store, PROFILE, t0()).unwrap();
    assert_eq!(queue.due_count, 5);
    let right = answer_review(&mut store, PROFILE, COURSE, "s1", &answer(json!({"choice": "1"})), t0()).unwrap();
    assert_eq!(right.feedback.correct, Some(true));
    let wrong = answer_review(&mut store, PROFILE, COURSE, "t1", &answer(json!({"value": false})), t0()).unwrap();
    // Right answers wait longer than wrong ones.
    assert!(right.next_due_at > wrong.next_due_at, "{} vs {}", right.next_due_at, wrong.next_due_at);
    assert!(right.next_due_at > common::stamp(t0()));
    let queue = review_queue(&store, PROFILE, t0()).unwrap();
    assert_eq!(queue.due_count, 3);
    assert!(queue.next_due_at.is_some());
    let missing =
        answer_review(&mut store, PROFILE, COURSE, "nope", &answer(json!({"choice": "1"})), t0()).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[test]
fn quiz_immediate_mode_makes_checked_answers_final_in_the_backend() {
    let (_dir, mut store) = open(fixture::quiz(json!({"feedback": "immediate"})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    let id = view.attempt_id.as_str();

    // One-click types are checked by saving them.
    assert!(save(&mut store, id, "s1", json!({"choice": "0"}), t0()).unwrap().feedback.is_some());
    let err = save(&mut store, id, "s1", json!({"choice": "1"}), t0()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");

    // Other types stay open, without feedback, until checked.
    assert!(save(&mut store, id, "m1", json!({"choices": ["0"]}), t0()).unwrap().feedback.is_none());
    save(&mut store, id, "m1", json!({"choices": ["0", "2"]}), t0()).unwrap();
    save(&mut store, id, "n1", json!({"value": 3.0}), t0()).unwrap();
    let checked = check_answer(&mut store, PROFILE, id, "m1", t0()).unwrap();
    assert_eq!(checked.correct, Some(true));
    assert_eq!(check_answer(&mut store, PROFILE, id, "m1", t0()).unwrap(), checked, "checking twice is harmless");
    assert!(save(&mut store, id, "m1", json!({"choices": ["1"]}), t0()).is_err());
    assert!(check_answer(&mut store, PROFILE, id, "f1", t0()).is_err(), "nothing saved to check");

    // A resumed attempt shows feedback for checked answers only.
    let resumed = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    let shown: Vec<&str> = resumed.feedback.keys().map(String::as_str).collect();
    assert_eq!(shown, ["m1", "s1"]);
    assert!(resumed.answers.contains_key("n1"));
}

#[test]
fn quiz_checking_is_refused_outside_immediate_mode() {
    let (_dir, mut store) = open(fixture::quiz(json!({"feedback": "after_submit"})));
    let view = start_quiz(&mut store, PROFILE, COURSE, QUIZ, t0()).unwrap();
    save(&mut store, &view.attempt_id, "s1", json!({"choice": "1"}), t0()).unwrap();
    assert!(check_answer(&mut store, PROFILE, &view.attempt_id, "s1", t0()).is_err());
    save(&mut store, &view.attempt_id, "s1", json!({"choice": "2"}), t0()).unwrap();
}
