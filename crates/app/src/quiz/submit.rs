//! Handing an attempt in: by the learner, or by its deadline (an attempt
//! still open past it is settled the next time anyone looks at it).

use chrono::{DateTime, Utc};
use qunxue_core::quiz::{self, ItemScore};
use qunxue_core::xapi::{AttemptRef, Event, Named, Points};
use qunxue_store::attempt_answers::{self, AnswerRecord};
use qunxue_store::attempts::{self, AttemptRecord, Outcome};
use qunxue_store::Store;

use super::common::{load_quiz, own_attempt, parse_answer, parse_stamp, past_deadline, sheet, stamp};
use super::result::{attempt_result, AttemptResult};
use super::review;
use crate::Result;

/// Scores and closes the attempt (or, past its deadline, closes it as
/// expired) and returns its result. Handing in twice just returns the result.
pub fn submit_attempt(store: &mut Store, profile: &str, attempt_id: &str, now: DateTime<Utc>) -> Result<AttemptResult> {
    let attempt = own_attempt(store.conn(), profile, attempt_id)?;
    if attempt.status == attempts::IN_PROGRESS {
        let status = if past_deadline(&attempt, now)? { attempts::EXPIRED } else { attempts::SUBMITTED };
        hand_in(store, &attempt, status, now)?;
    }
    attempt_result(store, profile, attempt_id, now)
}

/// Scores every question of an open attempt and closes it as `status`
/// (`submitted`, or `expired` when the deadline handed it in); missed
/// questions go to the learner's review queue. One transaction.
pub(crate) fn hand_in(
    store: &mut Store,
    attempt: &AttemptRecord,
    status: attempts::AttemptStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    let quiz = load_quiz(store.conn(), &attempt.course_id, &attempt.quiz_id)?;
    let sheet = sheet(store.conn(), attempt)?;
    let now_text = stamp(now);
    store.transact(|tx| -> Result<()> {
        let (mut total, mut max, mut pending) = (0.0, 0.0, 0usize);
        for (question, answer) in &sheet.entries {
            let scored = match answer.as_ref().and_then(parse_answer) {
                Some(given) => quiz::score(question, &given, &sheet.presentation),
                None => {
                    ItemScore { score: 0.0, max: question.points, correct: Some(false), option_feedback: Vec::new() }
                }
            };
            if let Some(record) = answer {
                attempt_answers::upsert(
                    tx,
                    &AnswerRecord {
                        score: scored.score,
                        max_score: scored.max,
                        correct: scored.correct,
                        ..record.clone()
                    },
                )?;
            }
            if scored.correct.is_none() {
                pending += 1;
            }
            total += scored.score;
            max += scored.max;
            if scored.correct.is_some() && scored.score < scored.max {
                review::enqueue(tx, &attempt.profile_id, &attempt.course_id, &question.id, now)?;
            }
        }
        let percent = if max > 0.0 { 100.0 * total / max } else { 0.0 };
        let passed = (pending == 0).then(|| percent / 100.0 + 1e-9 >= quiz.pass_mark);
        let outcome = Outcome { status, submitted_at: &now_text, score: total, max_score: max, percent, passed };
        attempts::finish(tx, &attempt.id, &outcome)?;
        let finished = Event::QuizFinished {
            quiz: Named::new(quiz.id.as_str(), quiz.title.as_str()),
            attempt: AttemptRef { id: attempt.id.clone(), number: attempt.number },
            points: Points { raw: total, max },
            passed,
            duration_seconds: (now - parse_stamp(&attempt.started_at)?).num_seconds(),
            presentation: attempt.presentation.clone(),
        };
        crate::xapi::record::record(tx, &attempt.profile_id, &attempt.course_id, &finished, now)
    })
}

/// The attempt as it stands now: one still open past its deadline is handed
/// in first (it expired while nobody was looking, e.g. the app was closed).
pub(crate) fn settle(store: &mut Store, attempt: AttemptRecord, now: DateTime<Utc>) -> Result<AttemptRecord> {
    if attempt.status == attempts::IN_PROGRESS && past_deadline(&attempt, now)? {
        hand_in(store, &attempt, attempts::EXPIRED, now)?;
        return Ok(attempts::get(store.conn(), &attempt.id)?);
    }
    Ok(attempt)
}
