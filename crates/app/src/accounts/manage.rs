//! Creating, renaming, recolouring and deleting profiles.

use chrono::{DateTime, Utc};
use qunxue_store::profiles::{self, Profile, Role, DEFAULT_AVATAR_COLOUR};
use qunxue_store::Store;
use serde::Deserialize;

use super::{machine, pin, view, ProfileView};
use crate::access::{self, Caller};
use crate::msg;
use crate::{AppError, Message, Result};

/// Longest display name, in characters.
pub(super) const MAX_NAME_CHARS: usize = 40;

/// A learner profile to create, as the profile picker's "new profile" form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewProfile {
    /// The name to show, trimmed; 1–40 characters, no control characters.
    pub display_name: String,
    /// `#rrggbb`; the default colour when absent.
    pub avatar_colour: Option<String>,
    /// A learner PIN: optional, unless the machine requires one for every profile.
    #[serde(default)]
    pub pin: Option<String>,
}

impl NewProfile {
    /// A profile with just a name (default colour, no PIN).
    pub fn named(display_name: impl Into<String>) -> Self {
        NewProfile { display_name: display_name.into(), avatar_colour: None, pin: None }
    }
}

/// Creates a learner profile. Anyone may: a new person at the machine
/// needs no one's permission to start learning. Its PIN is optional unless
/// the machine requires one for every profile.
pub fn create_profile(store: &mut Store, caller_id: &str, new: &NewProfile, now: DateTime<Utc>) -> Result<ProfileView> {
    let name = display_name(&new.display_name)?;
    let colour = match &new.avatar_colour {
        Some(colour) => avatar_colour(colour)?,
        None => DEFAULT_AVATAR_COLOUR.to_string(),
    };
    let pin_hash = match new.pin.as_deref().filter(|p| !p.is_empty()) {
        Some(pin) => Some(pin::hash(pin, Role::Learner)?),
        None if machine::learner_pins_required(store)? => {
            return Err(AppError::Rejected(msg!(
                "this computer requires a PIN for every profile",
                "本机要求每个档案都设置 PIN"
            )))
        }
        None => None,
    };
    let profile = Profile {
        avatar_colour: colour,
        has_pin: pin_hash.is_some(),
        ..Profile::learner(uuid::Uuid::new_v4().to_string(), name, &qunxue_store::time::stamp(now))
    };
    store.transact(|tx| -> Result<()> {
        profiles::insert(tx, &profile)?;
        profiles::set_pin_hash(tx, &profile.id, pin_hash.as_deref())?;
        Ok(())
    })?;
    Ok(view(profile, caller_id))
}

/// Renames a profile: the profile itself or an admin may; the name is trimmed and checked.
pub fn rename_profile(store: &mut Store, caller_id: &str, profile_id: &str, name: &str) -> Result<ProfileView> {
    let name = display_name(name)?;
    may_edit(store, caller_id, profile_id, msg!("renaming another profile", "重命名其他档案"))?;
    store.transact(|tx| profiles::rename(tx, profile_id, &name))?;
    Ok(view(profiles::get(store.conn(), profile_id)?, caller_id))
}

/// Sets a profile's avatar colour (`#rrggbb`): the profile itself or an admin may.
pub fn set_avatar_colour(store: &mut Store, caller_id: &str, profile_id: &str, colour: &str) -> Result<ProfileView> {
    let colour = avatar_colour(colour)?;
    may_edit(store, caller_id, profile_id, msg!("changing another profile's colour", "更改其他档案的颜色"))?;
    store.transact(|tx| profiles::set_avatar_colour(tx, profile_id, &colour))?;
    Ok(view(profiles::get(store.conn(), profile_id)?, caller_id))
}

/// Deletes a profile with everything it owns (progress, attempts, notes…).
pub fn delete_profile(store: &mut Store, caller_id: &str, profile_id: &str) -> Result<()> {
    let target = profiles::get(store.conn(), profile_id)?;
    if profile_id == caller_id {
        return Err(AppError::Rejected(msg!(
            "the profile in use cannot be deleted: switch to another profile first",
            "不能删除正在使用的档案，请先切换到其他档案"
        )));
    }
    // Deleting a profile deletes everything its owner did: only an admin may,
    // never a classmate at the same laptop.
    access::require(store.conn(), caller_id, Role::Admin, msg!("deleting a profile", "删除档案"))?;
    let admins = profiles::count_with_role(store.conn(), Role::Admin)?;
    if target.role == Role::Admin && admins == 1 {
        return Err(AppError::Rejected(msg!("the only admin profile cannot be deleted", "不能删除唯一的管理员档案")));
    }
    store.transact(|tx| profiles::delete(tx, profile_id))?;
    Ok(())
}

/// A profile may edit itself; editing another needs an admin.
fn may_edit(store: &Store, caller_id: &str, profile_id: &str, action: Message) -> Result<Caller> {
    profiles::get(store.conn(), profile_id)?;
    if caller_id == profile_id {
        access::caller(store.conn(), caller_id)
    } else {
        access::require(store.conn(), caller_id, Role::Admin, action)
    }
}

pub(super) fn display_name(raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(AppError::Rejected(msg!("the profile name cannot be empty", "档案名称不能为空")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::Rejected(msg!(
            "a profile name has at most {MAX_NAME_CHARS} characters",
            "档案名称最多 {MAX_NAME_CHARS} 个字"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::Rejected(msg!(
            "the profile name cannot contain control characters",
            "档案名称不能包含控制字符"
        )));
    }
    Ok(name.to_string())
}

/// `#rrggbb`, stored lower-case. Anything else could end up in a style
/// attribute, so nothing else is accepted.
fn avatar_colour(raw: &str) -> Result<String> {
    let valid = raw.len() == 7 && raw.starts_with('#') && raw[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !valid {
        return Err(AppError::Rejected(msg!(
            "the avatar colour must be written #rrggbb, got {raw:?}",
            "头像颜色必须写成 #rrggbb，收到的是 {raw:?}"
        )));
    }
    Ok(raw.to_ascii_lowercase())
}
