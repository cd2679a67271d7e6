//! Opening a session: the desktop's start-up (check the database, take the
//! daily backup, install the shipped curriculum, pick the learner who opens
//! the app) and the CLI's (act as a named profile, unlocked by its PIN).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use qunxue_core::Lang;
use qunxue_store::profiles;
use qunxue_store::Store;

use super::{Actor, Clock, Session, Zone};
use crate::accounts::{self, SwitchOutcome};
use crate::backup::startup::{open_checked, Startup};
use crate::msg;
use crate::{library, AppError, Result};

/// Where a session's data lives and what it starts with.
pub struct OpenOptions {
    /// The SQLite database file to open (created when missing).
    pub database_path: PathBuf,
    /// Keys, attachments, installed packs and backups; the database's folder
    /// unless told otherwise.
    pub data_dir: PathBuf,
    /// The shipped curriculum (a folder holding `courses/` and `quizzes/`).
    pub bundled_pack: Option<PathBuf>,
    /// Where the session's "now" comes from: the system clock, or a fixed one in tests and the demo.
    pub clock: Clock,
    /// The time zone calendar dates are taken in: the system's, or a fixed one in tests.
    pub zone: Zone,
    /// The interface language the session starts with (Chinese unless told otherwise).
    pub lang: Lang,
}

impl OpenOptions {
    /// A database file with its data in the same folder, on the system clock.
    pub fn for_database(database_path: impl Into<PathBuf>) -> Self {
        let database_path = database_path.into();
        let data_dir = data_dir_of(&database_path);
        OpenOptions {
            database_path,
            data_dir,
            bundled_pack: None,
            clock: super::system_clock(),
            zone: super::system_zone(),
            lang: Lang::Zh,
        }
    }
}

/// The app-data folder that goes with a database file: its folder (keys and
/// attachments live next to the database, as in the desktop app).
pub fn data_dir_of(database: &Path) -> PathBuf {
    database.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// What the desktop start-up did besides opening the session.
pub struct Started {
    /// The session, on the database or, when it was damaged, on an empty in-memory one in recovery.
    pub session: Session,
    /// Why the automatic backup failed; the app still starts.
    pub backup_error: Option<crate::Message>,
}

impl Session {
    fn with_store(store: Store, options: OpenOptions, profile_id: String, unlocked: bool) -> Session {
        Session {
            store: Mutex::new(store),
            data_dir: options.data_dir,
            database_path: options.database_path,
            bundled_pack: options.bundled_pack,
            clock: options.clock,
            zone: options.zone,
            actor: RwLock::new(Actor { profile_id, unlocked }),
            lang: RwLock::new(options.lang),
            recovery: Mutex::new(None),
            last_seen: Mutex::new(None),
            asset_grants: Mutex::new(std::collections::HashMap::new()),
            health: crate::health::Board::default(),
        }
    }

    /// The desktop start-up. A damaged database never stops the app: the
    /// session then runs on an empty in-memory store and reports the damage
    /// through [`Session::recovery`] until a backup is restored.
    pub fn start(options: OpenOptions) -> Result<Started> {
        crate::private_files::private_dir(&options.data_dir)?;
        let now = (options.clock)();
        match open_checked(&options.database_path, &options.data_dir, now, &options.zone)? {
            Startup::Ready(ready) => {
                let ready = *ready;
                let mut store = ready.store;
                crate::xapi::settings::move_password_out(&mut store, &options.data_dir)?;
                let profile = prepare(&mut store, options.bundled_pack.as_deref(), &options.clock)?;
                // Nobody has entered a PIN yet: a profile without one is open,
                // one with a PIN (a machine where every profile has one) waits.
                let session = Session::with_store(store, options, profile, false);
                if let Some(error) = &ready.backup_error {
                    session.health.backup_failed(error, now);
                }
                Ok(Started { session, backup_error: ready.backup_error })
            }
            Startup::Damaged(damage) => {
                let session = Session::with_store(Store::open_in_memory()?, options, String::new(), false);
                session.set_recovery(Some(damage));
                Ok(Started { session, backup_error: None })
            }
        }
    }

    /// The CLI's session: acts as `profile` (the remembered learner when
    /// absent). A profile behind a PIN is unlocked only by `pin`; without one
    /// it may do what a learner may.
    pub fn open(options: OpenOptions, profile: Option<&str>, pin: Option<&str>) -> Result<Session> {
        let mut store = Store::open(&options.database_path)?;
        crate::xapi::settings::move_password_out(&mut store, &options.data_dir)?;
        let now = (options.clock)();
        let profile_id = match profile {
            Some(id) if profiles::is_member(store.conn(), id)? => {
                return Err(AppError::Rejected(msg!(
                    "{id} is a class member, not a profile of this machine",
                    "{id} 是班级成员（从学习记录得知），不能以其身份操作"
                )))
            }
            Some(id) => profiles::get(store.conn(), id)?.id,
            None => crate::profiles::active_profile(&mut store, now)?.id,
        };
        let session = Session::with_store(store, options, profile_id.clone(), false);
        if let Some(pin) = pin {
            session.unlock(&profile_id, pin)?;
        }
        Ok(session)
    }

    /// A session on a new in-memory database acting as a new learner (tests,
    /// the bench).
    pub fn in_memory(clock: Clock) -> Result<Session> {
        let mut store = Store::open_in_memory()?;
        let profile = crate::profiles::active_profile(&mut store, clock())?.id;
        let options = OpenOptions {
            database_path: PathBuf::from(":memory:"),
            data_dir: std::env::temp_dir(),
            bundled_pack: None,
            clock,
            zone: super::system_zone(),
            lang: Lang::Zh,
        };
        Ok(Session::with_store(store, options, profile, true))
    }

    /// Whether the acting profile has a PIN that has not been entered in
    /// this session (the CLI then asks for it).
    pub fn needs_pin(&self) -> Result<bool> {
        let actor = self.actor();
        let profile = profiles::get(self.lock_store()?.conn(), &actor.profile_id)?;
        Ok(profile.has_pin && !actor.unlocked)
    }

    /// Unlocks the acting profile with its PIN (the CLI). A wrong PIN counts
    /// towards the lock-out exactly as in the profile picker.
    pub fn unlock_with_pin(&self, pin: &str) -> Result<()> {
        self.unlock(&self.profile_id(), pin)
    }

    fn unlock(&self, profile_id: &str, pin: &str) -> Result<()> {
        let outcome = accounts::verify_pin(&mut *self.lock_store()?, profile_id, pin, self.now())?;
        match outcome {
            SwitchOutcome::Switched { .. } => {
                self.set_actor(profile_id.to_string(), true);
                Ok(())
            }
            refused => Err(refused.into_error(msg!("wrong PIN", "PIN 不正确"))),
        }
    }

    /// Replaces the live database file through `replace` (a restore or a
    /// recovery): closes the connection, runs `replace`, opens the file again
    /// and prepares it as at start-up. When `replace` refuses, the previous
    /// file is reopened if `reopen_on_failure` (a healthy database), and
    /// otherwise the session stays on its empty in-memory store.
    pub(crate) fn swap_database<T>(
        &self,
        reopen_on_failure: bool,
        replace: impl FnOnce(&Path) -> Result<T>,
    ) -> Result<T> {
        let mut slot = self.lock_store()?;
        drop(std::mem::replace(&mut *slot, Store::open_in_memory()?));
        let replaced = match replace(&self.database_path) {
            Err(error) if !reopen_on_failure => return Err(error),
            other => other,
        };
        let mut reopened = Store::open(&self.database_path)?;
        // A restored backup from an older version may still hold the password.
        crate::xapi::settings::move_password_out(&mut reopened, &self.data_dir)?;
        let profile = prepare(&mut reopened, self.bundled_pack.as_deref(), &self.clock)?;
        *slot = reopened;
        drop(slot);
        self.set_actor(profile, false);
        replaced
    }
}

/// Installs the shipped curriculum into a freshly opened store and picks the
/// learner who opens the app.
fn prepare(store: &mut Store, bundled_pack: Option<&Path>, clock: &Clock) -> Result<String> {
    let now = clock();
    if let Some(pack_dir) = bundled_pack {
        library::install_bundled_courses(store, pack_dir, now)?;
    }
    Ok(crate::profiles::active_profile(store, now)?.id)
}
