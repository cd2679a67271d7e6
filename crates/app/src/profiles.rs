//! Which profile the app opens with. Only a learner profile without a PIN
//! is ever opened without asking: profiles behind a PIN (every instructor
//! and admin, and learners who set one) are unlocked in the profile picker,
//! so a machine left on never starts in a grading role or in someone's work.

use chrono::{DateTime, Utc};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::{settings, Store};

use crate::Result;

/// Name given to the profile created on first start.
pub const DEFAULT_PROFILE_NAME: &str = "学员";

/// The profile to open: the remembered one if it still exists and is a
/// learner without a PIN, else the most recently used such learner, else a
/// new default learner on a machine without profiles. On a machine where
/// every profile has a PIN, the most recently used one, still locked.
pub fn active_profile(store: &mut Store, now: DateTime<Utc>) -> Result<Profile> {
    let open = |p: &Profile| p.role == Role::Learner && !p.has_pin;
    let local = profiles::list(store.conn())?;
    let remembered = match settings::get(store.conn(), settings::ACTIVE_PROFILE)? {
        Some(id) => local.iter().find(|p| p.id == id).cloned(),
        None => None,
    };
    if let Some(profile) = remembered.filter(open) {
        return Ok(profile);
    }
    let fallback = local.iter().find(|p| open(p)).cloned();
    if fallback.is_none() {
        if let Some(locked) = local.into_iter().next() {
            return Ok(locked);
        }
    }
    let created = fallback.is_none();
    let profile = fallback.unwrap_or_else(|| {
        Profile::learner(uuid::Uuid::new_v4().to_string(), DEFAULT_PROFILE_NAME, &qunxue_store::time::stamp(now))
    });
    store.transact(|tx| -> Result<()> {
        if created {
            profiles::insert(tx, &profile)?;
        }
        settings::set(tx, settings::ACTIVE_PROFILE, &profile.id)?;
        Ok(())
    })?;
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
    }

    #[test]
    fn the_first_start_creates_a_learner_and_later_starts_reopen_it() {
        let mut store = Store::open_in_memory().unwrap();
        let first = active_profile(&mut store, now()).unwrap();
        assert_eq!((first.display_name.as_str(), first.role), (DEFAULT_PROFILE_NAME, Role::Learner));
        assert_eq!(active_profile(&mut store, now()).unwrap().id, first.id);
    }

    #[test]
    fn a_profile_behind_a_pin_is_never_opened_unlocked_and_a_deleted_one_not_at_all() {
        let mut store = Store::open_in_memory().unwrap();
        let first = active_profile(&mut store, now()).unwrap();
        let second = Profile::learner("second", "乙", "2026-11-27T09:00:00+00:00");
        store.transact(|tx| profiles::insert(tx, &second)).unwrap();
        // The remembered learner sets a PIN: the other learner opens instead.
        store.transact(|tx| profiles::set_pin_hash(tx, &first.id, Some("$argon2id$x"))).unwrap();
        assert_eq!(active_profile(&mut store, now()).unwrap().id, "second");
        // Every profile behind a PIN: the most recent one, which stays locked
        // (the session opens it without its PIN entered) and no new profile.
        store.transact(|tx| profiles::set_pin_hash(tx, "second", Some("$argon2id$y"))).unwrap();
        let opened = active_profile(&mut store, now()).unwrap();
        assert_eq!((opened.id.as_str(), opened.has_pin), (first.id.as_str(), true));
        assert_eq!(profiles::list(store.conn()).unwrap().len(), 2);

        store.transact(|tx| profiles::delete(tx, &first.id)).unwrap();
        store.transact(|tx| profiles::delete(tx, "second")).unwrap();
        let fresh = active_profile(&mut store, now()).unwrap();
        assert!(fresh.id != first.id && !fresh.has_pin && fresh.role == Role::Learner);
    }
}
