//! Switching the active profile. A profile with a PIN is unlocked only by
//! that PIN; after [`MAX_PIN_FAILURES`] wrong ones in a row it stays locked,
//! for [`LOCK_SECONDS`] the first time and twice as long each further time.
//! The counts live in the database, so restarting the app resets nothing.

use chrono::{DateTime, Duration, Utc};
use qunxue_store::pin_failures::{self, PinFailures};
use qunxue_store::profiles;
use qunxue_store::{settings, Store};
use serde::Serialize;

use super::{pin, view, ProfileView};
use crate::msg;
use crate::{AppError, Message, Result};

/// Wrong PINs (or recovery codes) in a row before the profile is locked for a while.
pub const MAX_PIN_FAILURES: i64 = 5;
/// The first lock; each further run of wrong PINs doubles it.
pub const LOCK_SECONDS: i64 = 30;
/// The longest lock: a day.
pub const MAX_LOCK_SECONDS: i64 = 24 * 60 * 60;

/// How long the `run`-th lock since the last right PIN lasts: 30 s, 60 s,
/// 2 min, … up to a day. Five tries per lock make guessing a 6-digit PIN a
/// matter of years.
pub fn lock_seconds(run: i64) -> i64 {
    let doublings = u32::try_from(run.saturating_sub(1).clamp(0, 32)).unwrap_or(32);
    LOCK_SECONDS.saturating_mul(1_i64 << doublings).min(MAX_LOCK_SECONDS)
}

/// What happened; only `Switched` changed the active profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum SwitchOutcome {
    /// The PIN (if any) was right: the profile is now the active one.
    Switched {
        /// The profile switched to, as the picker shows it.
        profile: ProfileView,
    },
    /// The profile has a PIN and none was given.
    PinRequired,
    /// Every profile here needs a PIN and this one has none yet: the person
    /// chooses one (at least `min_digits`) to go in.
    PinSetupRequired {
        /// The fewest digits the new PIN may have for this profile's role.
        min_digits: i64,
    },
    /// The PIN was wrong; more wrong tries lock the profile.
    WrongPin {
        /// Wrong tries left before the profile is locked.
        tries_left: i64,
    },
    /// Too many wrong PINs: try again after this many seconds.
    Locked {
        /// Seconds until another try is accepted, rounded up.
        retry_after_seconds: i64,
    },
}

impl SwitchOutcome {
    /// A refused try of a PIN or code as an error, for callers that do not
    /// return the outcome itself (the CLI, recovery, changing one's PIN).
    pub(crate) fn into_error(self, wrong: Message) -> AppError {
        match self {
            SwitchOutcome::WrongPin { tries_left } => {
                let (wrong_en, wrong_zh) = (wrong.en, wrong.zh);
                AppError::Rejected(msg!(
                    "{wrong_en}: {tries_left} tries left",
                    "{wrong_zh}：还可以再试 {tries_left} 次"
                ))
            }
            SwitchOutcome::Locked { retry_after_seconds } => AppError::Rejected(msg!(
                "too many wrong tries: try again in {retry_after_seconds} s",
                "错误次数过多，请 {retry_after_seconds} 秒后再试"
            )),
            SwitchOutcome::PinRequired | SwitchOutcome::PinSetupRequired { .. } => {
                AppError::Rejected(msg!("a PIN is required", "请输入 PIN"))
            }
            SwitchOutcome::Switched { .. } => AppError::Internal(msg!(
                "a matching secret was reported as refused",
                "一个正确的 PIN 或恢复码被报告为被拒绝"
            )),
        }
    }
}

/// Checks `pin` against `profile_id`'s PIN without making it the active
/// profile (the CLI acting as it): the same lock-out, and nothing written
/// when the PIN is right and there were no wrong tries to forget.
pub fn verify_pin(store: &mut Store, profile_id: &str, pin: &str, now: DateTime<Utc>) -> Result<SwitchOutcome> {
    let profile = profiles::get(store.conn(), profile_id)?;
    let hash = profiles::pin_hash(store.conn(), profile_id)?.ok_or_else(|| {
        let name = &profile.display_name;
        AppError::Rejected(msg!("{name} has no PIN", "「{name}」没有设置 PIN"))
    })?;
    if let Some(refused) = guarded_try(store, profile_id, now, || pin::matches(pin, &hash))? {
        return Ok(refused);
    }
    Ok(SwitchOutcome::Switched { profile: view(profile, profile_id) })
}

/// One try of a secret that guards `profile_id` (its PIN, an admin's
/// recovery code): refused while locked out, counted when wrong, and the
/// count forgotten when right. `None` means the secret matched.
pub(super) fn guarded_try(
    store: &mut Store,
    profile_id: &str,
    now: DateTime<Utc>,
    matches: impl FnOnce() -> Result<bool>,
) -> Result<Option<SwitchOutcome>> {
    if let Some(locked) = locked_for(store, profile_id, now)? {
        return Ok(Some(locked));
    }
    if !matches()? {
        return record_failure(store, profile_id, now).map(Some);
    }
    if pin_failures::get(store.conn(), profile_id)?.failures > 0 {
        store.transact(|tx| pin_failures::clear(tx, profile_id))?;
    }
    Ok(None)
}

/// Makes `profile_id` the active profile if `pin` unlocks it, recording when
/// it was last used. A profile with a PIN (every instructor and admin, and
/// learners who set one) needs it. Under the site policy that every profile
/// needs a PIN, a learner profile without one is given `pin` as its new PIN
/// on the way in ([`SwitchOutcome::PinSetupRequired`] when none was given).
/// The caller (the session) then acts for the returned profile.
pub fn switch_profile(
    store: &mut Store,
    profile_id: &str,
    pin: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SwitchOutcome> {
    let profile = profiles::get(store.conn(), profile_id)?;
    if profiles::is_member(store.conn(), profile_id)? {
        let name = &profile.display_name;
        return Err(AppError::Rejected(msg!(
            "{name} is a class member known from records, not a profile of this machine",
            "「{name}」是从学习记录中得知的班级成员，不是这台电脑上的档案"
        )));
    }
    let pin = pin.filter(|p| !p.is_empty());
    let mut new_hash = None;
    match profiles::pin_hash(store.conn(), profile_id)? {
        Some(hash) => {
            if let Some(locked) = locked_for(store, profile_id, now)? {
                return Ok(locked);
            }
            let Some(pin) = pin else { return Ok(SwitchOutcome::PinRequired) };
            if let Some(refused) = guarded_try(store, profile_id, now, || pin::matches(pin, &hash))? {
                return Ok(refused);
            }
        }
        None if profile.role.needs_pin() => {
            let (role, role_zh) = (profile.role, crate::role_zh(profile.role));
            return Err(AppError::Internal(msg!(
                "profile {profile_id} has the {role} role but no PIN",
                "档案 {profile_id} 的角色是{role_zh}，却没有 PIN"
            )));
        }
        None if super::machine::learner_pins_required(store)? => {
            let Some(pin) = pin else {
                return Ok(SwitchOutcome::PinSetupRequired { min_digits: pin::min_digits(profile.role) as i64 });
            };
            new_hash = Some(pin::hash(pin, profile.role)?);
        }
        None => {}
    }
    let stamp = qunxue_store::time::stamp(now);
    let protected = new_hash.is_some() || profiles::pin_hash(store.conn(), profile_id)?.is_some();
    store.transact(|tx| -> Result<()> {
        if let Some(hash) = &new_hash {
            profiles::set_pin_hash(tx, profile_id, Some(hash))?;
        }
        pin_failures::clear(tx, profile_id)?;
        profiles::touch(tx, profile_id, &stamp)?;
        // Only a profile without a PIN is remembered for the next start: one
        // behind a PIN must be unlocked again, never reopened without it.
        if !protected {
            settings::set(tx, settings::ACTIVE_PROFILE, profile_id)?;
        }
        Ok(())
    })?;
    Ok(SwitchOutcome::Switched { profile: view(profiles::get(store.conn(), profile_id)?, profile_id) })
}

fn locked_for(store: &Store, profile_id: &str, now: DateTime<Utc>) -> Result<Option<SwitchOutcome>> {
    let state = pin_failures::get(store.conn(), profile_id)?;
    let Some(until) = state.locked_until.as_deref() else {
        return Ok(None);
    };
    let until = DateTime::parse_from_rfc3339(until)
        .map_err(|e| {
            AppError::internal(
                msg!("reading the stored PIN lock time {until:?}", "读取保存的 PIN 锁定时间 {until:?}"),
                e,
            )
        })?
        .with_timezone(&Utc);
    let left = (until - now).num_milliseconds();
    // Round up, so "0 seconds" is never shown while still locked.
    Ok((left > 0).then(|| SwitchOutcome::Locked { retry_after_seconds: (left + 999) / 1000 }))
}

fn record_failure(store: &mut Store, profile_id: &str, now: DateTime<Utc>) -> Result<SwitchOutcome> {
    let before = pin_failures::get(store.conn(), profile_id)?;
    let failures = before.failures + 1;
    let (state, outcome) = if failures >= MAX_PIN_FAILURES {
        let seconds = lock_seconds(before.lockouts + 1);
        let until = now + Duration::seconds(seconds);
        (
            PinFailures {
                failures: 0,
                locked_until: Some(qunxue_store::time::stamp(until)),
                lockouts: before.lockouts + 1,
            },
            SwitchOutcome::Locked { retry_after_seconds: seconds },
        )
    } else {
        (
            PinFailures { failures, locked_until: None, lockouts: before.lockouts },
            SwitchOutcome::WrongPin { tries_left: MAX_PIN_FAILURES - failures },
        )
    };
    store.transact(|tx| pin_failures::set(tx, profile_id, &state))?;
    Ok(outcome)
}
