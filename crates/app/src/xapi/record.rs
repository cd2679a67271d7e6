//! Queuing the statement for a learning event inside the event's own
//! transaction: if the event commits, so does its statement; if it rolls
//! back, no statement about it exists.

use chrono::{DateTime, SecondsFormat, Utc};
use qunxue_core::xapi::{self, Envelope, Event, Iris, Named, DEFAULT_IRI_BASE};
use qunxue_store::Transaction;
use qunxue_store::{courses, xapi as outbox};

use crate::msg;
use crate::{AppError, Result};

/// Queues the statement saying that `profile` did `event` in `course` at `now`.
pub(crate) fn record(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<()> {
    let iris = iris(tx)?;
    let course_record = courses::get_course(tx, course)?;
    let registration = outbox::registration(tx, profile, course, &uuid::Uuid::new_v4().to_string())?;
    let envelope = Envelope {
        id: uuid::Uuid::new_v4().to_string(),
        timestamp: now.to_rfc3339_opts(SecondsFormat::Millis, true),
        profile_id: profile.to_string(),
        registration,
        course: Named::new(course_record.id, course_record.title),
        language: course_record.language,
        classes: qunxue_store::classes::classes_of_member(tx, profile, course)?.into_iter().map(|c| c.id).collect(),
    };
    let statement = xapi::statement(&iris, &envelope, event);
    let json = serde_json::to_string(&statement).expect("a statement always serialises");
    outbox::insert(tx, &envelope.id, &json, &statement.verb.id, &envelope.timestamp)?;
    Ok(())
}

/// The configured IRI base; a stored value that is no longer valid (it is
/// checked when saved) falls back to the default rather than losing the event.
fn iris(tx: &Transaction<'_>) -> Result<Iris> {
    let base = outbox::iri_base(tx)?;
    Iris::new(&base).or_else(|_| Iris::new(DEFAULT_IRI_BASE)).map_err(|e| {
        AppError::Internal(msg!("the default xAPI IRI base is invalid: {e}", "默认的 xAPI IRI 基址无效：{e}"))
    })
}

/// A module just became completed: its statement, and the course's when
/// this was the last current module the learner had left.
pub(crate) fn module_completed(
    tx: &Transaction<'_>,
    profile: &str,
    course: &str,
    module: Named,
    now: DateTime<Utc>,
) -> Result<()> {
    record(tx, profile, course, &Event::ModuleCompleted { module }, now)?;
    let done = qunxue_store::progress::for_course(tx, profile, course)?;
    let all_done = courses::list_modules(tx, course)?.iter().all(|m| {
        done.iter().any(|p| p.module_id == m.id && p.status == qunxue_store::status::ProgressStatus::Completed)
    });
    if all_done {
        record(tx, profile, course, &Event::CourseCompleted, now)?;
    }
    Ok(())
}
