//! Managing the profiles that share one machine: creating, renaming,
//! recolouring and deleting them, giving them roles, and switching the
//! active profile — with a PIN for instructors and admins, checked and
//! rate-limited here in the backend.
//!
//! Who may do what:
//! - anyone may create a learner profile and switch to a learner profile;
//! - a profile may rename and recolour itself; an admin may do so for anyone;
//! - roles are given by an admin; while the machine has no admin yet, any
//!   profile may set up the first admin (with a PIN);
//! - deleting needs an admin, except a learner profile on a machine that has
//!   no admin yet; the active profile and the last admin cannot be deleted.
//!
//! Only learner profiles are remembered as the profile to start with: an
//! instructor or admin session ends with the app and needs the PIN again.

mod manage;
mod pin;
mod roles;
mod switch;
#[cfg(test)]
mod tests;

use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use serde::Serialize;

use crate::Result;

pub use manage::{create_profile, delete_profile, rename_profile, set_avatar_colour, NewProfile};
pub use pin::{hash as hash_pin, MAX_PIN_DIGITS, MIN_PIN_DIGITS};
pub use roles::set_profile_role;
pub use switch::{lock_seconds, switch_profile, verify_pin, SwitchOutcome, LOCK_SECONDS, MAX_LOCK_SECONDS, MAX_PIN_FAILURES};

/// A profile as the picker shows it. The PIN hash never leaves the backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub id: String,
    pub display_name: String,
    pub role: Role,
    pub avatar_colour: String,
    pub created_at: String,
    pub last_used_at: String,
    /// Switching to it asks for a PIN.
    pub needs_pin: bool,
    /// It is the profile the app is acting for.
    pub active: bool,
}

/// The profile picker's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileList {
    /// Most recently used first.
    pub profiles: Vec<ProfileView>,
    /// No admin exists yet, so any profile may set up the first one.
    pub needs_first_admin: bool,
}

pub(crate) fn view(profile: Profile, active_id: &str) -> ProfileView {
    ProfileView {
        active: profile.id == active_id,
        needs_pin: profile.role.needs_pin(),
        id: profile.id,
        display_name: profile.display_name,
        role: profile.role,
        avatar_colour: profile.avatar_colour,
        created_at: profile.created_at,
        last_used_at: profile.last_used_at,
    }
}

/// Every profile, most recently used first, with `active_id` marked.
pub fn list_profiles(store: &Store, active_id: &str) -> Result<ProfileList> {
    let profiles = profiles::list(store.conn())?
        .into_iter()
        .map(|p| view(p, active_id))
        .collect();
    Ok(ProfileList {
        profiles,
        needs_first_admin: profiles::count_with_role(store.conn(), Role::Admin)? == 0,
    })
}
