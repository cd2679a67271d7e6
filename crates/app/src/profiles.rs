//! Which learner is using the app. Until profile management lands, a
//! machine has one default learner profile, created on first start.

use chrono::{DateTime, Utc};
use qunxue_store::profiles::{self, Profile};
use qunxue_store::{settings, Store};

use crate::Result;

/// Name given to the profile created on first start.
pub const DEFAULT_PROFILE_NAME: &str = "学员";

/// Returns the active profile, creating the default one if there is none.
pub fn active_profile(store: &mut Store, now: DateTime<Utc>) -> Result<Profile> {
    if let Some(id) = settings::get(store.conn(), settings::ACTIVE_PROFILE)? {
        return Ok(profiles::get(store.conn(), &id)?);
    }
    let now = now.to_rfc3339();
    let profile = Profile::learner(uuid::Uuid::new_v4().to_string(), DEFAULT_PROFILE_NAME, &now);
    store.transact(|tx| -> Result<()> {
        profiles::insert(tx, &profile)?;
        settings::set(tx, settings::ACTIVE_PROFILE, &profile.id)?;
        Ok(())
    })?;
    Ok(profile)
}
