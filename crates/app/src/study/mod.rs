//! Study progress beyond module status: active study time from heartbeats,
//! the last reading position, and the home screen's summary ("continue
//! where you left off", the next step, due reviews, completion per course).
//!
//! Study time is credited by the backend from its own clock. The UI sends a
//! beat about every [`BEAT_SECONDS`] while the window has focus and the
//! learner was active recently; only the gap since the previous beat on the
//! same module counts, and only if it is at most [`MAX_BEAT_GAP_SECONDS`].
//! A longer gap means the learner was away: that beat starts a new run and
//! credits nothing, so idle time is never counted and a client cannot claim
//! more than the time that really passed.

mod home;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use qunxue_store::study;
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use crate::anchor::heading_anchor;
use crate::msg;
use crate::{AppError, Result};

pub use home::{home, ContinueAt, CourseProgress, Home, NextStep};

/// How often the UI sends a beat while the learner is active.
pub const BEAT_SECONDS: i64 = 30;
/// The longest gap between beats that is still counted as study.
pub const MAX_BEAT_GAP_SECONDS: i64 = 45;

/// What a heartbeat credited, for the module's study-time display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Heartbeat {
    /// Seconds this beat credited: the gap since the previous one, or 0 after a gap over 45 s.
    pub credited_seconds: i64,
    /// The learner's active study time on the module so far, in seconds, this beat included.
    pub module_seconds: i64,
}

/// Where the learner stopped reading a module, to scroll back to when it is reopened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingPosition {
    /// The heading (`qx-…`) the learner was reading under, if any.
    pub anchor: Option<String>,
    /// How far down the module, 0 (top) to 1 (end).
    pub ratio: f64,
}

/// Records a heartbeat on an opened module and credits the time since the
/// previous one if it was recent enough.
pub fn heartbeat(
    store: &mut Store,
    profile_id: &str,
    course_id: &str,
    module_id: &str,
    now: DateTime<Utc>,
) -> Result<Heartbeat> {
    let activity = study::get(store.conn(), profile_id, course_id, module_id)?.ok_or_else(|| {
        AppError::NotFound(msg!(
            "module {course_id}/{module_id} has not been opened",
            "模块 {course_id}/{module_id} 还没有打开过"
        ))
    })?;
    let gap = activity
        .last_beat_at
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map(|at| now.signed_duration_since(at.with_timezone(&Utc)).num_seconds());
    let credit = match gap {
        Some(gap) if (1..=MAX_BEAT_GAP_SECONDS).contains(&gap) => gap,
        _ => 0,
    };
    store.transact(|tx| {
        study::record_beat(tx, profile_id, course_id, module_id, credit, &qunxue_store::time::stamp(now))
    })?;
    Ok(Heartbeat { credited_seconds: credit, module_seconds: activity.active_seconds + credit })
}

/// Remembers where the learner is in a module.
pub fn save_position(
    store: &mut Store,
    profile_id: &str,
    course_id: &str,
    module_id: &str,
    position: &ReadingPosition,
) -> Result<()> {
    if !(0.0..=1.0).contains(&position.ratio) {
        let ratio = position.ratio;
        return Err(AppError::Rejected(msg!(
            "the reading position must be between 0 and 1, got {ratio}",
            "阅读位置必须在 0 到 1 之间，收到的是 {ratio}"
        )));
    }
    let anchor = position.anchor.as_deref().map(heading_anchor).transpose()?;
    store
        .transact(|tx| study::save_position(tx, profile_id, course_id, module_id, anchor.as_deref(), position.ratio))?;
    Ok(())
}

/// Where the learner stopped reading the module, if they have been there.
pub fn reading_position(
    store: &Store,
    profile_id: &str,
    course_id: &str,
    module_id: &str,
) -> Result<Option<ReadingPosition>> {
    Ok(study::get(store.conn(), profile_id, course_id, module_id)?
        .and_then(|a| a.position_ratio.map(|ratio| ReadingPosition { anchor: a.position_anchor, ratio })))
}
