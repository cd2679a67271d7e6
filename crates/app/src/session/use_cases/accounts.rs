//! Profiles on a shared machine: listing, creating, editing, roles, and
//! switching who the session acts for.

use qunxue_store::admin_log::{self, AdminLogEntry};
use qunxue_store::profiles::{self, Role};

use crate::accounts::{self, NewProfile, ProfileList, ProfileView, RoleChange, SwitchOutcome};
use crate::msg;
use crate::session::{Action, Session};
use crate::{AppError, Result};

/// Who is acting and whether their session is locked (the header's lock).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionStatus {
    /// The profile every use-case acts for.
    pub profile_id: String,
    /// That profile's role as stored in the database.
    pub role: Role,
    /// The profile has a PIN that must be entered (again) before it acts.
    pub locked: bool,
    /// Idle minutes before an instructor's or admin's session locks itself (0 = never).
    pub idle_lock_minutes: i64,
}

impl Session {
    /// The profile picker's content: every profile, most recently used first (anyone at the machine).
    pub fn list_profiles(&self) -> Result<ProfileList> {
        let a = self.authorise(Action::ListProfiles)?;
        accounts::list_profiles(&a.store, a.profile())
    }

    /// A new learner profile (anyone at the machine may start learning).
    pub fn create_profile(&self, profile: &NewProfile) -> Result<ProfileView> {
        let mut a = self.authorise(Action::CreateProfile)?;
        accounts::create_profile(&mut a.store, &a.caller.profile_id, profile, a.now)
    }

    /// A new profile with a role and, above learner, its PIN (set-up from a
    /// script, `qunxue profile add`). The first admin of a database needs no
    /// one's permission (it is the admin set-up, with a recovery code); every
    /// later instructor or admin needs an unlocked admin.
    pub fn add_profile(&self, profile: &NewProfile, role: Role, pin: Option<&str>) -> Result<RoleChange> {
        let mut a = self.authorise(Action::CreateProfile)?;
        let admins = profiles::count_with_role(a.store.conn(), Role::Admin)?;
        if admins == 0 && role == Role::Admin {
            drop(a);
            let pin = pin.ok_or_else(|| AppError::Rejected(msg!("an admin needs a PIN", "管理员需要 PIN")))?;
            let set_up = self.establish_admin(&profile.display_name, pin)?;
            return Ok(RoleChange { profile: set_up.profile, recovery_code: Some(set_up.recovery_code) });
        }
        if role > Role::Learner {
            a.require(Action::SetProfileRole, Role::Admin, self)?;
        }
        // A profile with a role above learner is created with its PIN at once,
        // so a machine that requires a PIN for every profile accepts it.
        let with_pin = NewProfile { pin: pin.map(String::from).or_else(|| profile.pin.clone()), ..profile.clone() };
        let created = accounts::create_profile(
            &mut a.store,
            &a.caller.profile_id,
            if role > Role::Learner { &with_pin } else { profile },
            a.now,
        )?;
        if role == Role::Learner {
            return Ok(RoleChange { profile: created, recovery_code: None });
        }
        let me = a.caller.profile_id.clone();
        let added = accounts::set_profile_role(&mut a.store, &me, &created.id, role, pin)?;
        drop(a);
        self.log_admin("add_profile", format!("{} {} ({role})", added.profile.id, added.profile.display_name))?;
        Ok(added)
    }

    /// Renames a profile: one's own, or anyone's for an unlocked admin.
    pub fn rename_profile(&self, profile_id: &str, display_name: &str) -> Result<ProfileView> {
        let mut a = self.authorise(Action::EditProfile)?;
        if profile_id != a.caller.profile_id {
            a.require(Action::EditProfile, Role::Admin, self)?;
        }
        accounts::rename_profile(&mut a.store, &a.caller.profile_id, profile_id, display_name)
    }

    /// Sets a profile's avatar colour (`#rrggbb`): one's own, or anyone's for an unlocked admin.
    pub fn set_avatar_colour(&self, profile_id: &str, colour: &str) -> Result<ProfileView> {
        let mut a = self.authorise(Action::EditProfile)?;
        if profile_id != a.caller.profile_id {
            a.require(Action::EditProfile, Role::Admin, self)?;
        }
        accounts::set_avatar_colour(&mut a.store, &a.caller.profile_id, profile_id, colour)
    }

    /// Deletes a profile with everything it owns (admins); the deletion is written to the admin log.
    pub fn delete_profile(&self, profile_id: &str) -> Result<()> {
        let name = {
            let mut a = self.authorise(Action::DeleteProfile)?;
            let name = profiles::get(a.store.conn(), profile_id)?.display_name;
            accounts::delete_profile(&mut a.store, &a.caller.profile_id, profile_id)?;
            name
        };
        self.log_admin("delete_profile", format!("{profile_id} {name}"))
    }

    /// Only an admin in this session changes roles; a machine without an
    /// admin is refused with the way to set one up.
    pub fn set_profile_role(&self, profile_id: &str, role: Role, pin: Option<&str>) -> Result<RoleChange> {
        let changed = {
            let mut a = self.authorise(Action::SetProfileRole)?;
            if profiles::count_with_role(a.store.conn(), Role::Admin)? == 0 {
                return Err(AppError::NoAdmin { action: Action::SetProfileRole.describe() });
            }
            a.require(Action::SetProfileRole, Role::Admin, self)?;
            let me = a.caller.profile_id.clone();
            accounts::set_profile_role(&mut a.store, &me, profile_id, role, pin)?
        };
        self.log_admin("set_role", format!("{} {} → {role}", changed.profile.id, changed.profile.display_name))?;
        Ok(changed)
    }

    /// Who is acting, and whether their session is locked.
    pub fn session_status(&self) -> Result<SessionStatus> {
        let a = self.authorise(Action::ListProfiles)?;
        let profile = profiles::get(a.store.conn(), a.profile()).ok();
        let stored = profile.as_ref().map_or(Role::Learner, |p| p.role);
        Ok(SessionStatus {
            profile_id: a.caller.profile_id.clone(),
            role: stored,
            locked: profile.is_some_and(|p| p.has_pin) && !self.actor().unlocked,
            idle_lock_minutes: crate::session::idle_lock_minutes(&a.store)?,
        })
    }

    /// How long an instructor's or admin's session may stay idle before it
    /// locks itself (admins; 0 = never, at most a working day).
    pub fn set_idle_lock_minutes(&self, minutes: i64) -> Result<SessionStatus> {
        if !(0..=480).contains(&minutes) {
            return Err(AppError::Rejected(msg!("the idle lock is 0–480 minutes", "闲置锁定时间应为 0–480 分钟")));
        }
        {
            let mut a = self.authorise(Action::ConfigureSecurity)?;
            a.store.transact(|tx| {
                qunxue_store::settings::set(tx, qunxue_store::settings::IDLE_LOCK_MINUTES, &minutes.to_string())
            })?;
        }
        self.log_admin("set_idle_lock", format!("{minutes} min"))?;
        self.session_status()
    }

    /// The newest entries of the admin log (admins).
    pub fn admin_log(&self, limit: usize) -> Result<Vec<AdminLogEntry>> {
        let a = self.authorise(Action::ReadAdminLog)?;
        Ok(admin_log::newest(a.store.conn(), limit)?)
    }

    /// Makes `profile_id` the profile every later use-case acts for, if `pin`
    /// unlocks it (learner profiles need none).
    pub fn switch_profile(&self, profile_id: &str, pin: Option<&str>) -> Result<SwitchOutcome> {
        let mut a = self.authorise(Action::SwitchProfile)?;
        let outcome = accounts::switch_profile(&mut a.store, profile_id, pin, a.now)?;
        drop(a);
        if let SwitchOutcome::Switched { profile } = &outcome {
            self.set_actor(profile.id.clone(), true);
        }
        Ok(outcome)
    }
}
