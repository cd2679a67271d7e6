//! Giving a profile a role. Instructors and admins always have a PIN: a
//! profile promoted without one must be given one in the same step, and a
//! profile set back to learner loses its PIN (and an admin's recovery code).

use qunxue_store::profiles::{self, Role};
use qunxue_store::Store;

use serde::Serialize;

use super::{pin, recovery, view, ProfileView};
use crate::access;
use crate::msg;
use crate::{AppError, Result};

/// A role given, with the recovery code to hand to a new admin (shown once;
/// absent for every other role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleChange {
    /// The profile with its new role, flattened into this object for the UI.
    #[serde(flatten)]
    pub profile: ProfileView,
    /// A new admin's one-time recovery code, to show once; `None` for every other change.
    pub recovery_code: Option<String>,
}

/// Sets `profile_id`'s role as `caller_id`, who must be an admin: a machine
/// without one sets up its first admin through the admin set-up instead.
/// `new_pin` sets (or replaces) the target's PIN; it is required when the
/// target becomes an instructor or admin without having one. A new admin
/// gets a recovery code.
pub fn set_profile_role(
    store: &mut Store,
    caller_id: &str,
    profile_id: &str,
    role: Role,
    new_pin: Option<&str>,
) -> Result<RoleChange> {
    let target = profiles::get(store.conn(), profile_id)?;
    let admins = profiles::count_with_role(store.conn(), Role::Admin)?;
    if admins == 0 {
        return Err(AppError::NoAdmin { action: msg!("changing a role", "调整角色") });
    }
    access::require(store.conn(), caller_id, Role::Admin, msg!("changing a profile's role", "调整档案的角色"))?;
    if target.role == Role::Admin && role != Role::Admin && admins == 1 {
        return Err(AppError::Rejected(msg!(
            "the only admin cannot lose the admin role: make another profile an admin first",
            "不能取消唯一管理员的权限，请先指定另一位管理员"
        )));
    }
    let hash = match new_pin {
        Some(new_pin) if role.needs_pin() => Some(pin::hash(new_pin, role)?),
        None if role.needs_pin() && !target.has_pin => {
            let role_zh = role_name(role);
            return Err(AppError::Rejected(msg!(
                "making a profile an {role} needs a PIN set at the same time",
                "设为{role_zh}需要同时设置 PIN"
            )));
        }
        _ => None,
    };
    let code = (role == Role::Admin && target.role != Role::Admin).then(recovery::issue).transpose()?;
    store.transact(|tx| -> Result<()> {
        profiles::set_role(tx, profile_id, role)?;
        if !role.needs_pin() {
            profiles::set_pin_hash(tx, profile_id, None)?;
        } else if let Some(hash) = &hash {
            profiles::set_pin_hash(tx, profile_id, Some(hash))?;
        }
        if role != Role::Admin {
            profiles::set_recovery_hash(tx, profile_id, None)?;
        } else if let Some(code) = &code {
            profiles::set_recovery_hash(tx, profile_id, Some(&code.hash))?;
        }
        Ok(())
    })?;
    Ok(RoleChange {
        profile: view(profiles::get(store.conn(), profile_id)?, caller_id),
        recovery_code: code.map(|c| c.shown),
    })
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Learner => "学员",
        Role::Instructor => "讲师",
        Role::Admin => "管理员",
    }
}
