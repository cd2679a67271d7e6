//! Giving a profile a role. Instructors and admins always have a PIN: a
//! profile promoted without one must be given one in the same step, and a
//! profile set back to learner loses its PIN.

use qunxue_store::profiles::{self, Role};
use qunxue_store::Store;

use super::{pin, view, ProfileView};
use crate::access;
use crate::{AppError, Result};

/// Sets `profile_id`'s role as `caller_id`. Needs an admin, except while the
/// machine has none: then the only change allowed is making the first admin.
/// `new_pin` sets (or replaces) the target's PIN; it is required when the
/// target becomes an instructor or admin without having one.
pub fn set_profile_role(
    store: &mut Store,
    caller_id: &str,
    profile_id: &str,
    role: Role,
    new_pin: Option<&str>,
) -> Result<ProfileView> {
    let target = profiles::get(store.conn(), profile_id)?;
    let admins = profiles::count_with_role(store.conn(), Role::Admin)?;
    if admins == 0 {
        access::caller(store.conn(), caller_id)?;
        if role != Role::Admin {
            return Err(AppError::Rejected(
                "本机还没有管理员：请先设置一位管理员".into(),
            ));
        }
    } else {
        access::require(
            store.conn(),
            caller_id,
            Role::Admin,
            "changing a profile's role",
        )?;
    }
    if target.role == Role::Admin && role != Role::Admin && admins == 1 {
        return Err(AppError::Rejected(
            "不能取消唯一管理员的权限，请先指定另一位管理员".into(),
        ));
    }
    let has_pin = profiles::pin_hash(store.conn(), profile_id)?.is_some();
    let hash = match new_pin {
        Some(new_pin) if role.needs_pin() => Some(pin::hash(new_pin, role)?),
        None if role.needs_pin() && !has_pin => {
            return Err(AppError::Rejected(format!(
                "设为{}需要同时设置 PIN",
                role_name(role)
            )));
        }
        _ => None,
    };
    store.transact(|tx| -> Result<()> {
        profiles::set_role(tx, profile_id, role)?;
        if !role.needs_pin() {
            profiles::set_pin_hash(tx, profile_id, None)?;
        } else if let Some(hash) = &hash {
            profiles::set_pin_hash(tx, profile_id, Some(hash))?;
        }
        Ok(())
    })?;
    Ok(view(profiles::get(store.conn(), profile_id)?, caller_id))
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Learner => "学员",
        Role::Instructor => "讲师",
        Role::Admin => "管理员",
    }
}
