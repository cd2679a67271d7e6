//! Setting the machine up and keeping its PINs: the first-run question, the
//! admin set-up (never "whoever comes first"), confirming an admin made by
//! an older version, recovery with the one-time code, the learner-PIN
//! policy, an admin resetting someone's PIN and a profile changing its own.

use qunxue_store::profiles::{self, Role};

use crate::accounts::{self, machine, AdminCredentials, MachineSetup, MachineUse, ProfileView};
use crate::msg;
use crate::session::{Action, Session};
use crate::{AppError, Result};

/// The shared-machine branch of the first run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedMachine {
    /// The display name of the machine's first admin.
    pub admin_name: String,
    /// The admin's PIN: 6–12 digits.
    pub pin: String,
    /// Whether every learner profile must have a PIN too (the site policy).
    pub learner_pins_required: bool,
}

impl Session {
    /// Whether the first-run question was answered, and the PIN policy.
    pub fn machine_setup(&self) -> Result<MachineSetup> {
        let a = self.authorise(Action::ReadMachineSetup)?;
        machine::setup(&a.store)
    }

    /// First run, one learner: the profile the app opened with becomes theirs
    /// (named `display_name` when given) and the course opens as before.
    pub fn set_up_personal_machine(&self, display_name: Option<&str>) -> Result<MachineSetup> {
        let mut a = self.authorise(Action::SetUpMachine)?;
        let name = display_name.map(str::trim).filter(|n| !n.is_empty());
        let me = a.caller.profile_id.clone();
        a.store.transact(|tx| machine::answer_first_run(tx, MachineUse::Personal))?;
        if let Some(name) = name {
            accounts::rename_profile(&mut a.store, &me, &me, name)?;
        }
        machine::setup(&a.store)
    }

    /// First run, a class or company machine: the admin is set up before
    /// anything else. The profile the app opened with (nothing has been done
    /// with it yet) becomes the admin, unlocked; the recovery code is shown once.
    pub fn set_up_shared_machine(&self, shared: &SharedMachine) -> Result<AdminCredentials> {
        let credentials = {
            let mut a = self.authorise(Action::SetUpMachine)?;
            if machine::machine_use(&a.store)?.is_some() || profiles::count_with_role(a.store.conn(), Role::Admin)? > 0
            {
                return Err(AppError::Rejected(msg!("this computer has been set up already", "这台电脑已经设置过了")));
            }
            // Check everything first, so a refused set-up changes nothing.
            accounts::validate_pin(&shared.pin, Role::Admin)?;
            let me = a.caller.profile_id.clone();
            accounts::rename_profile(&mut a.store, &me, &me, &shared.admin_name)?;
            let credentials = accounts::make_admin(&mut a.store, &me, &shared.pin)?;
            a.store.transact(|tx| machine::set_learner_pins_required(tx, shared.learner_pins_required))?;
            credentials
        };
        self.set_actor(credentials.profile.id.clone(), true);
        let policy = if shared.learner_pins_required { "every profile needs a PIN" } else { "learner PINs optional" };
        self.log_admin(
            "set_up_machine",
            format!("shared machine, admin {}; {policy}", credentials.profile.display_name),
        )?;
        Ok(credentials)
    }

    /// Sets up an admin where none exists (an admin-only action on a personal
    /// machine leads here), or — asked by an admin made by an older version —
    /// hands the role to a new admin and makes the old one a learner. The
    /// session then acts for the new admin, unlocked.
    pub fn set_up_admin(&self, display_name: &str, pin: &str) -> Result<AdminCredentials> {
        let credentials = self.establish_admin(display_name, pin)?;
        self.set_actor(credentials.profile.id.clone(), true);
        Ok(credentials)
    }

    /// [`Session::set_up_admin`] without acting for the new admin (set-up
    /// from a script, where each command is its own session).
    pub(crate) fn establish_admin(&self, display_name: &str, pin: &str) -> Result<AdminCredentials> {
        let (credentials, retired) = {
            let mut a = self.authorise(Action::SetUpAdmin)?;
            let admins = profiles::count_with_role(a.store.conn(), Role::Admin)?;
            let handing_over = admins > 0
                && a.caller.role == Role::Admin
                && profiles::unconfirmed_admins(a.store.conn())?.contains(&a.caller.profile_id);
            if admins > 0 && !handing_over {
                return Err(AppError::Rejected(msg!(
                    "this computer has an admin: another admin is added by them under Profiles",
                    "这台电脑已有管理员：新的管理员由现有管理员在“档案”中添加"
                )));
            }
            let credentials = accounts::create_admin(&mut a.store, display_name, pin, a.now)?;
            let retired = accounts::retire_unconfirmed_admins(&mut a.store, &credentials.profile.id)?;
            (credentials, retired)
        };
        let detail = format!("{} {}", credentials.profile.id, credentials.profile.display_name);
        if retired.is_empty() {
            self.log_admin_by(
                (credentials.profile.id.clone(), credentials.profile.display_name.clone()),
                "set_up_admin",
                detail,
            )?;
        } else {
            self.log_admin("recreate_admin", format!("{detail}; old admin(s) now learners: {}", retired.join(", ")))?;
        }
        Ok(credentials)
    }

    /// An admin made by an older version confirms they are the admin and gets
    /// a recovery code; any admin may also replace a lost code this way.
    pub fn confirm_admin(&self) -> Result<AdminCredentials> {
        let credentials = {
            let mut a = self.authorise(Action::ConfirmAdmin)?;
            let me = a.caller.profile_id.clone();
            accounts::reissue_code(&mut a.store, &me)?
        };
        self.log_admin("confirm_admin", "new recovery code issued")?;
        Ok(credentials)
    }

    /// An admin who forgot their PIN sets a new one with the recovery code
    /// (spent; a new one is returned). The session then acts for them.
    pub fn recover_admin(&self, profile_id: &str, code: &str, new_pin: &str) -> Result<AdminCredentials> {
        let credentials = {
            let mut a = self.authorise(Action::RecoverAdmin)?;
            let now = a.now;
            accounts::recover(&mut a.store, profile_id, code, new_pin, now)?
        };
        self.set_actor(credentials.profile.id.clone(), true);
        self.log_admin("recover_admin", "PIN reset with the recovery code; new code issued")?;
        Ok(credentials)
    }

    /// The site policy: whether every learner profile must have a PIN
    /// (those without one choose it the next time they open their profile).
    pub fn set_learner_pins_required(&self, required: bool) -> Result<MachineSetup> {
        let setup = {
            let mut a = self.authorise(Action::ConfigureSecurity)?;
            a.store.transact(|tx| machine::set_learner_pins_required(tx, required))?;
            machine::setup(&a.store)?
        };
        self.log_admin("set_pin_policy", if required { "every profile needs a PIN" } else { "learner PINs optional" })?;
        Ok(setup)
    }

    /// An admin resets another profile's PIN (`None` removes a learner's,
    /// where the policy allows).
    pub fn reset_pin(&self, profile_id: &str, new_pin: Option<&str>) -> Result<ProfileView> {
        let reset = {
            let mut a = self.authorise(Action::ResetPin)?;
            let me = a.caller.profile_id.clone();
            accounts::reset_pin(&mut a.store, &me, profile_id, new_pin)?
        };
        let what = if new_pin.is_some() { "new PIN" } else { "PIN removed" };
        self.log_admin("reset_pin", format!("{} {}: {what}", reset.id, reset.display_name))?;
        Ok(reset)
    }

    /// The acting profile sets, changes or (where allowed) removes its own
    /// PIN, giving the current one if it has one.
    pub fn change_own_pin(&self, current: Option<&str>, new_pin: Option<&str>) -> Result<ProfileView> {
        let mut a = self.authorise(Action::ChangeOwnPin)?;
        let (me, now) = (a.caller.profile_id.clone(), a.now);
        let changed = accounts::change_own_pin(&mut a.store, &me, current, new_pin, now)?;
        drop(a);
        // A PIN just set protects the profile from now on; this session keeps
        // going (its owner proved it is theirs by being here unlocked).
        self.set_actor(me, true);
        Ok(changed)
    }
}
