//! Who uses this computer — the first-run question — and the site policy an
//! admin sets for learner PINs.

use qunxue_store::profiles::{self, Role};
use qunxue_store::{settings, Store};
use serde::{Deserialize, Serialize};

use crate::msg;
use crate::{AppError, Result};

/// The answer to "who uses this computer?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MachineUse {
    /// One learner: straight to the course, no admin until one is needed.
    Personal,
    /// A class or company machine: an admin is set up before anything else.
    Shared,
}

impl MachineUse {
    fn as_str(self) -> &'static str {
        match self {
            MachineUse::Personal => "personal",
            MachineUse::Shared => "shared",
        }
    }
}

/// What the first-run screen and the security settings show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineSetup {
    /// Absent until the first-run question is answered.
    pub machine_use: Option<MachineUse>,
    /// Every learner profile must have a PIN (the admin's site policy).
    pub learner_pins_required: bool,
    /// At least one admin profile exists; without one, admin-only actions lead to the admin set-up.
    pub has_admin: bool,
    /// Admins made before set-up existed, who must confirm or hand over.
    pub unconfirmed_admins: usize,
}

/// The machine's answer and policy.
pub fn setup(store: &Store) -> Result<MachineSetup> {
    Ok(MachineSetup {
        machine_use: machine_use(store)?,
        learner_pins_required: learner_pins_required(store)?,
        has_admin: profiles::count_with_role(store.conn(), Role::Admin)? > 0,
        unconfirmed_admins: profiles::unconfirmed_admins(store.conn())?.len(),
    })
}

/// Whether this machine is personal or shared, as answered on first run; `None` until answered.
pub fn machine_use(store: &Store) -> Result<Option<MachineUse>> {
    Ok(match settings::get(store.conn(), settings::MACHINE_USE)?.as_deref() {
        Some("personal") => Some(MachineUse::Personal),
        Some("shared") => Some(MachineUse::Shared),
        _ => None,
    })
}

/// Whether the admin requires every learner profile to have a PIN (off unless set).
pub fn learner_pins_required(store: &Store) -> Result<bool> {
    Ok(settings::get(store.conn(), settings::LEARNER_PINS_REQUIRED)?.as_deref() == Some("1"))
}

/// Records the first-run answer; refused once the question was answered.
pub(crate) fn answer_first_run(tx: &qunxue_store::Transaction<'_>, answer: MachineUse) -> Result<()> {
    if settings::get(tx, settings::MACHINE_USE)?.is_some() {
        return Err(AppError::Rejected(msg!("this computer has been set up already", "这台电脑已经设置过了")));
    }
    settings::set(tx, settings::MACHINE_USE, answer.as_str())?;
    Ok(())
}

/// Records that the machine is shared (an admin now exists), whatever the
/// first run answered.
pub(crate) fn mark_shared(tx: &qunxue_store::Transaction<'_>) -> Result<()> {
    settings::set(tx, settings::MACHINE_USE, MachineUse::Shared.as_str())?;
    Ok(())
}

pub(crate) fn set_learner_pins_required(tx: &qunxue_store::Transaction<'_>, required: bool) -> Result<()> {
    settings::set(tx, settings::LEARNER_PINS_REQUIRED, if required { "1" } else { "0" })?;
    Ok(())
}
