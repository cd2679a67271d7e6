//! Changing PINs after set-up: a profile changes (or, where allowed,
//! removes) its own with the current one; an admin resets anyone else's.
//! Instructors and admins always keep a PIN, and so do learners while the
//! site policy requires one.

use chrono::{DateTime, Utc};
use qunxue_store::pin_failures;
use qunxue_store::profiles::{self, Role};
use qunxue_store::Store;

use super::switch::guarded_try;
use super::{machine, pin, view, ProfileView};
use crate::msg;
use crate::{AppError, Result};

/// Sets `profile_id`'s PIN to `new_pin`, or removes it (`None`) where the
/// role and the site policy allow, and forgets its wrong tries.
pub(crate) fn replace_pin(
    store: &mut Store,
    profile_id: &str,
    new_pin: Option<&str>,
    viewer: &str,
) -> Result<ProfileView> {
    let profile = profiles::get(store.conn(), profile_id)?;
    let hash = match new_pin.filter(|p| !p.is_empty()) {
        Some(new_pin) => Some(pin::hash(new_pin, profile.role)?),
        None if profile.role.needs_pin() => {
            return Err(AppError::Rejected(msg!("instructors and admins must have a PIN", "讲师和管理员必须有 PIN")))
        }
        None if machine::learner_pins_required(store)? => {
            return Err(AppError::Rejected(msg!(
                "this computer requires a PIN for every profile",
                "本机要求每个档案都设置 PIN"
            )))
        }
        None => None,
    };
    store.transact(|tx| -> Result<()> {
        profiles::set_pin_hash(tx, profile_id, hash.as_deref())?;
        pin_failures::clear(tx, profile_id)?;
        Ok(())
    })?;
    Ok(view(profiles::get(store.conn(), profile_id)?, viewer))
}

/// The acting profile changes its own PIN: the current one is asked for
/// (counted like any PIN try) when it has one.
pub(crate) fn change_own_pin(
    store: &mut Store,
    profile_id: &str,
    current: Option<&str>,
    new_pin: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ProfileView> {
    if let Some(hash) = profiles::pin_hash(store.conn(), profile_id)? {
        let current = current
            .filter(|p| !p.is_empty())
            .ok_or_else(|| AppError::Rejected(msg!("enter the current PIN", "请输入当前的 PIN")))?;
        if let Some(refused) = guarded_try(store, profile_id, now, || pin::matches(current, &hash))? {
            return Err(refused.into_error(msg!("the current PIN is wrong", "当前 PIN 不正确")));
        }
    }
    replace_pin(store, profile_id, new_pin, profile_id)
}

/// An admin resets another profile's PIN (a learner who forgot theirs, an
/// instructor locked out). Admins reset their own with the recovery code.
pub(crate) fn reset_pin(
    store: &mut Store,
    admin_id: &str,
    profile_id: &str,
    new_pin: Option<&str>,
) -> Result<ProfileView> {
    if admin_id == profile_id {
        return Err(AppError::Rejected(msg!(
            "change your own PIN under “my PIN”, or use your recovery code",
            "管理员修改自己的 PIN 请用“修改我的 PIN”，忘记时用恢复码"
        )));
    }
    let target = profiles::get(store.conn(), profile_id)?;
    if profiles::is_member(store.conn(), profile_id)? || target.role == Role::Admin && new_pin.is_none() {
        return Err(AppError::Rejected(msg!(
            "this profile's PIN cannot be reset this way",
            "这个档案的 PIN 不能这样重置"
        )));
    }
    replace_pin(store, profile_id, new_pin, admin_id)
}
