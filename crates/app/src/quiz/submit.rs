//! Handing an attempt in.

use chrono::{DateTime, Utc};
use qunxue_store::{attempts, Store};

use super::common::{hand_in, own_attempt, past_deadline};
use super::result::{attempt_result, AttemptResult};
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
