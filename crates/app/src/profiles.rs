//! Which profile the app opens with. Only a learner profile is ever opened
//! without asking: instructors and admins unlock theirs with a PIN in the
//! profile picker, so a machine left on never starts in a grading role.

use chrono::{DateTime, Utc};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::{settings, Store};

use crate::Result;

/// Name given to the profile created on first start.
pub const DEFAULT_PROFILE_NAME: &str = "学员";

/// The profile to open: the remembered one if it still exists and is a
/// learner, else the most recently used learner, else a new default learner.
pub fn active_profile(store: &mut Store, now: DateTime<Utc>) -> Result<Profile> {
    let remembered = match settings::get(store.conn(), settings::ACTIVE_PROFILE)? {
        Some(id) => profiles::list(store.conn())?.into_iter().find(|p| p.id == id),
        None => None,
    };
    if let Some(profile) = remembered.filter(|p| p.role == Role::Learner) {
        return Ok(profile);
    }
    let fallback = profiles::list(store.conn())?.into_iter().find(|p| p.role == Role::Learner);
    let created = fallback.is_none();
    let profile = fallback
        .unwrap_or_else(|| Profile::learner(uuid::Uuid::new_v4().to_string(), DEFAULT_PROFILE_NAME, &now.to_rfc3339()));
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
    fn a_remembered_profile_promoted_or_deleted_is_not_opened() {
        let mut store = Store::open_in_memory().unwrap();
        let first = active_profile(&mut store, now()).unwrap();
        store.transact(|tx| profiles::set_role(tx, &first.id, Role::Instructor)).unwrap();
        let opened = active_profile(&mut store, now()).unwrap();
        assert_ne!(opened.id, first.id, "an instructor profile needs its PIN");
        assert_eq!(opened.role, Role::Learner);

        store
            .transact(|tx| -> qunxue_store::Result<()> {
                tx.execute("DELETE FROM profiles WHERE id = ?1", [&opened.id])?;
                Ok(())
            })
            .unwrap();
        let again = active_profile(&mut store, now()).unwrap();
        assert_ne!(again.id, opened.id);
        assert_eq!(again.role, Role::Learner);
    }
}
