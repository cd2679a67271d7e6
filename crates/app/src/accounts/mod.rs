//! Managing the profiles that share one machine: creating, renaming,
//! recolouring and deleting them, giving them roles, and switching the
//! active profile — with a PIN for instructors and admins, checked and
//! rate-limited here in the backend.
//!
//! Who may do what:
//! - anyone may create a learner profile; switching to a profile with a PIN
//!   (every instructor and admin, learners who chose one or whose machine
//!   requires one) needs that PIN;
//! - a profile may rename and recolour itself and change its own PIN; an
//!   admin may rename or recolour anyone and reset anyone else's PIN;
//! - roles are given by an admin; a machine without one sets one up through
//!   the admin set-up (name, PIN, one-time recovery code);
//! - deleting needs an admin; the active profile and the last admin cannot
//!   be deleted.
//!
//! Only profiles without a PIN are remembered as the profile to start with:
//! a session behind a PIN ends with the app and needs the PIN again.

mod admin;
pub mod machine;
mod manage;
mod pin;
mod pin_changes;
mod recovery;
mod roles;
mod switch;
#[cfg(test)]
mod tests;

use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use serde::Serialize;

use crate::Result;

pub use admin::AdminCredentials;
pub(crate) use admin::{create_admin, make_admin, recover, reissue_code, retire_unconfirmed_admins};
pub use machine::{MachineSetup, MachineUse};
pub use manage::{create_profile, delete_profile, rename_profile, set_avatar_colour, NewProfile};
pub use pin::{hash as hash_pin, min_digits, validate as validate_pin, MAX_PIN_DIGITS, MIN_PIN_DIGITS};
pub(crate) use pin_changes::{change_own_pin, reset_pin};
pub use roles::set_profile_role;
pub use roles::RoleChange;
pub use switch::{
    lock_seconds, switch_profile, verify_pin, SwitchOutcome, LOCK_SECONDS, MAX_LOCK_SECONDS, MAX_PIN_FAILURES,
};

/// A profile as the picker shows it. The PIN hash never leaves the backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    /// The profile's id, used to switch to, rename or delete it.
    pub id: String,
    /// The name shown on the profile's card.
    pub display_name: String,
    /// Learner, instructor or admin; the picker shows it as a badge.
    pub role: Role,
    /// The avatar's background colour, `#rrggbb` in lower case.
    pub avatar_colour: String,
    /// When the profile was created (RFC 3339 timestamp).
    pub created_at: String,
    /// When the profile was last switched to (RFC 3339 timestamp); the picker sorts by it.
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
    /// No admin exists yet: admin-only actions lead to setting one up.
    pub needs_first_admin: bool,
    /// The admin requires every profile to have a PIN.
    pub learner_pins_required: bool,
}

pub(crate) fn view(profile: Profile, active_id: &str) -> ProfileView {
    ProfileView {
        active: profile.id == active_id,
        needs_pin: profile.has_pin,
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
    let profiles = profiles::list(store.conn())?.into_iter().map(|p| view(p, active_id)).collect();
    Ok(ProfileList {
        profiles,
        needs_first_admin: profiles::count_with_role(store.conn(), Role::Admin)? == 0,
        learner_pins_required: machine::learner_pins_required(store)?,
    })
}
