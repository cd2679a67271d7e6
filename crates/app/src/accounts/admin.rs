//! Setting up an admin, and the admin's way back: every admin is made with
//! a PIN and a one-time recovery code shown once; an admin who forgot the
//! PIN recovers with that code (which issues a new one); an admin made by an
//! older version, without a code, confirms (and gets one) or hands over.

use chrono::{DateTime, Utc};
use qunxue_store::pin_failures;
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use serde::Serialize;

use super::switch::guarded_try;
use super::{machine, pin, recovery, view, ProfileView};
use crate::msg;
use crate::{AppError, Result};

/// An admin just set up or recovered, with the recovery code to show once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminCredentials {
    /// The admin profile as the picker shows it.
    pub profile: ProfileView,
    /// Shown once, to print or save; only its hash is kept.
    pub recovery_code: String,
}

/// Makes `profile_id` an admin with `pin` and a new recovery code, and
/// marks the machine as shared (it has an admin now).
pub(crate) fn make_admin(store: &mut Store, profile_id: &str, pin: &str) -> Result<AdminCredentials> {
    let pin_hash = pin::hash(pin, Role::Admin)?;
    let code = recovery::issue()?;
    store.transact(|tx| -> Result<()> {
        profiles::set_role(tx, profile_id, Role::Admin)?;
        profiles::set_pin_hash(tx, profile_id, Some(&pin_hash))?;
        profiles::set_recovery_hash(tx, profile_id, Some(&code.hash))?;
        pin_failures::clear(tx, profile_id)?;
        machine::mark_shared(tx)
    })?;
    Ok(AdminCredentials {
        profile: view(profiles::get(store.conn(), profile_id)?, profile_id),
        recovery_code: code.shown,
    })
}

/// A new admin profile named `display_name`.
pub(crate) fn create_admin(
    store: &mut Store,
    display_name: &str,
    pin: &str,
    now: DateTime<Utc>,
) -> Result<AdminCredentials> {
    pin::validate(pin, Role::Admin)?;
    let name = super::manage::display_name(display_name)?;
    let profile = Profile::learner(uuid::Uuid::new_v4().to_string(), name, &qunxue_store::time::stamp(now));
    store.transact(|tx| profiles::insert(tx, &profile))?;
    make_admin(store, &profile.id, pin)
}

/// A new recovery code for `admin_id` (confirming an admin made the old
/// way, or replacing a lost code); the old code stops working.
pub(crate) fn reissue_code(store: &mut Store, admin_id: &str) -> Result<AdminCredentials> {
    let profile = profiles::get(store.conn(), admin_id)?;
    if profile.role != Role::Admin {
        return Err(AppError::Rejected(msg!("only admins have a recovery code", "只有管理员有恢复码")));
    }
    let code = recovery::issue()?;
    store.transact(|tx| profiles::set_recovery_hash(tx, admin_id, Some(&code.hash)))?;
    Ok(AdminCredentials { profile: view(profile, admin_id), recovery_code: code.shown })
}

/// Hands the admin role over from admins made the old way: they become
/// learners (and lose their PINs) once a new admin exists.
pub(crate) fn retire_unconfirmed_admins(store: &mut Store, except: &str) -> Result<Vec<String>> {
    let retired: Vec<String> =
        profiles::unconfirmed_admins(store.conn())?.into_iter().filter(|id| id != except).collect();
    store.transact(|tx| -> Result<()> {
        for id in &retired {
            profiles::set_role(tx, id, Role::Learner)?;
            profiles::set_pin_hash(tx, id, None)?;
        }
        Ok(())
    })?;
    Ok(retired)
}

/// An admin who forgot their PIN sets a new one with their recovery code.
/// The code works once: a new one is issued with the new PIN. Wrong codes
/// count towards the same growing lock-out as wrong PINs.
pub(crate) fn recover(
    store: &mut Store,
    profile_id: &str,
    code: &str,
    new_pin: &str,
    now: DateTime<Utc>,
) -> Result<AdminCredentials> {
    let profile = profiles::get(store.conn(), profile_id)?;
    let hash = profiles::recovery_hash(store.conn(), profile_id)?.filter(|_| profile.role == Role::Admin).ok_or_else(
        || {
            let name = &profile.display_name;
            AppError::Rejected(msg!(
                "{name} has no recovery code: ask another admin to reset the PIN",
                "「{name}」没有恢复码：请另一位管理员重置 PIN"
            ))
        },
    )?;
    pin::validate(new_pin, Role::Admin)?;
    match guarded_try(store, profile_id, now, || recovery::matches(code, &hash))? {
        None => make_admin(store, profile_id, new_pin),
        Some(refused) => Err(refused.into_error(msg!("wrong recovery code", "恢复码不正确"))),
    }
}
