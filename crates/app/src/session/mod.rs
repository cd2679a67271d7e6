//! The one door into the app. A [`Session`] owns the learner database, the
//! data folder, the clock, the acting profile and the interface language;
//! the desktop shell and the CLI reach every use-case through its methods,
//! and each method starts with a typed permission check
//! ([`Session::authorise`] with an [`Action`]). The database is reachable
//! only through the [`Access`] that check returns, so a use-case cannot
//! forget it.
//!
//! Like Anki's `Collection`: the front doors only translate arguments in and
//! results out.

mod action;
mod open;
mod use_cases;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use qunxue_core::Lang;
use qunxue_store::profiles::{self, Role};
use qunxue_store::Store;

pub use action::{Action, Requirement};
pub use open::{data_dir_of, OpenOptions, Started};
pub use use_cases::{
    AppInfo, BackupList, BundleKind, CourseRemoval, GradesExport, ImportSummary, LearnerGrades, Restored,
    SessionStatus, SharedMachine,
};

use crate::access::Caller;
use crate::backup::startup::Damage;
use crate::msg;
use crate::{AppError, Result};

/// Where "now" comes from: the system clock in the app, a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// The learner's time zone: the UTC offset in force at an instant (so
/// summer time is followed). Dates people see or that decide something — a
/// certificate's date, "today" — are calendar dates in this zone, so a
/// learner in UTC+8 who finishes at 07:30 gets that day's date, not
/// yesterday's.
pub type Zone = Arc<dyn Fn(DateTime<Utc>) -> FixedOffset + Send + Sync>;

/// The operating system's time zone.
pub fn system_zone() -> Zone {
    Arc::new(|at: DateTime<Utc>| chrono::Local.offset_from_utc_datetime(&at.naive_utc()).fix())
}

/// A fixed offset (tests, or a machine told its zone), e.g. `fixed_zone(8 * 3600)` for China.
pub fn fixed_zone(seconds_east: i32) -> Zone {
    let offset = FixedOffset::east_opt(seconds_east).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"));
    Arc::new(move |_| offset)
}

/// The calendar date of `at` in `zone`.
pub fn local_date(at: DateTime<Utc>, zone: &Zone) -> NaiveDate {
    at.with_timezone(&zone(at)).date_naive()
}

/// Who the session acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Actor {
    profile_id: String,
    /// Whether a role behind a PIN was unlocked with it in this session. The
    /// desktop's profile switch and the CLI's `--pin-stdin` set it; a role
    /// above learner is refused without it.
    unlocked: bool,
}

/// One person's use of one database (see the module docs). Shared between
/// threads: every method takes `&self` and locks the store for its own work.
pub struct Session {
    store: Mutex<Store>,
    data_dir: PathBuf,
    database_path: PathBuf,
    /// The shipped curriculum, installed again after a restore or recovery.
    bundled_pack: Option<PathBuf>,
    clock: Clock,
    zone: Zone,
    actor: RwLock<Actor>,
    lang: RwLock<Lang>,
    /// Set while the database failed its start-up check: the store is then an
    /// empty in-memory one until the recovery screen restores a backup.
    recovery: Mutex<Option<Damage>>,
    /// When an unlocked instructor or admin last did something: after
    /// [`idle_lock_minutes`] without, their session locks itself.
    last_seen: Mutex<Option<DateTime<Utc>>>,
    /// The course folders the asset protocol last served to each actor, so
    /// images keep loading while an import holds the database.
    asset_grants: Mutex<std::collections::HashMap<AssetGrantKey, AssetGrant>>,
    /// What failed in the background (backup, LRS sync), for the banner.
    health: crate::health::Board,
}

/// Whose grant: (profile id, whether unlocked, course id).
pub(crate) type AssetGrantKey = (String, bool, String);

/// A course folder and what the actor may read of it.
#[derive(Debug, Clone)]
pub(crate) struct AssetGrant {
    pub course_dir: PathBuf,
    pub readers: qunxue_store::courses::Readers,
}

/// How long an instructor's or admin's session stays unlocked without use,
/// unless an admin set another time.
pub const DEFAULT_IDLE_LOCK_MINUTES: i64 = 10;

/// What a permission check hands a use-case: the locked store, who is
/// asking (absent for [`Requirement::Anyone`] with no usable profile), the
/// time and the data folder.
pub struct Access<'a> {
    pub(crate) store: MutexGuard<'a, Store>,
    pub(crate) caller: Caller,
    pub(crate) now: DateTime<Utc>,
    /// The calendar date of `now` in the learner's time zone.
    pub(crate) today: NaiveDate,
    pub(crate) data_dir: &'a Path,
}

impl Access<'_> {
    pub(crate) fn profile(&self) -> &str {
        &self.caller.profile_id
    }
}

impl Session {
    /// Checks that the acting profile may take `action` and, if so, locks the
    /// store for it. The role is read from the database at every call, never
    /// taken from the front end.
    pub fn authorise(&self, action: Action) -> Result<Access<'_>> {
        self.authorise_as(action, Activity::ByThePerson)
    }

    /// [`Session::authorise`] for work the app does on its own (the
    /// background sync), which must not keep an idle session unlocked.
    pub(crate) fn authorise_in_background(&self, action: Action) -> Result<Access<'_>> {
        self.authorise_as(action, Activity::InTheBackground)
    }

    fn authorise_as(&self, action: Action, activity: Activity) -> Result<Access<'_>> {
        let store = self.lock_store()?;
        let actor = self.lock_if_idle(&store)?;
        if activity == Activity::ByThePerson && actor.unlocked {
            *self.last_seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(self.now());
        }
        let caller = match action.requirement() {
            Requirement::Anyone => match profiles::get(store.conn(), &actor.profile_id) {
                Ok(profile) => {
                    let role = if is_open(&actor, &profile) { profile.role } else { Role::Learner };
                    Caller { profile_id: profile.id, role }
                }
                Err(_) => Caller { profile_id: actor.profile_id.clone(), role: Role::Learner },
            },
            Requirement::Role(min) => {
                let profile = profiles::get(store.conn(), &actor.profile_id)?;
                // A profile behind a PIN does nothing of its own until unlocked:
                // a classmate at the same laptop reads none of it.
                if !is_open(&actor, &profile) {
                    return Err(AppError::Locked { action: action.describe() });
                }
                if profile.role < min {
                    return Err(refusal(&store, action, min, profile.role, &actor));
                }
                if min == Role::Admin && action != Action::ConfirmAdmin {
                    admin_is_confirmed(&store, action, &profile.id)?;
                }
                Caller { profile_id: profile.id, role: profile.role }
            }
        };
        let now = (self.clock)();
        Ok(Access { store, caller, now, today: local_date(now, &self.zone), data_dir: &self.data_dir })
    }

    /// The actor, locked first if they hold a role behind a PIN and have been
    /// idle longer than the machine allows.
    fn lock_if_idle(&self, store: &Store) -> Result<Actor> {
        let actor = self.actor();
        if !actor.unlocked {
            return Ok(actor);
        }
        let Ok(profile) = profiles::get(store.conn(), &actor.profile_id) else { return Ok(actor) };
        let last = *self.last_seen.lock().unwrap_or_else(PoisonError::into_inner);
        let minutes = idle_lock_minutes(store)?;
        let idle = last.is_some_and(|last| minutes > 0 && self.now() - last > chrono::Duration::minutes(minutes));
        if profile.role.needs_pin() && idle {
            self.set_actor(actor.profile_id.clone(), false);
            return Ok(Actor { unlocked: false, ..actor });
        }
        Ok(actor)
    }

    /// The profile every use-case acts for.
    pub fn profile_id(&self) -> String {
        self.actor().profile_id
    }

    /// The folder of `course` and what the actor may read of it: from the
    /// database when it is free, from the last answer while something (an
    /// import) holds it, so the reader never waits on an import.
    pub(crate) fn asset_grant(&self, course_id: &str) -> Result<AssetGrant> {
        let actor = self.actor();
        let key = (actor.profile_id.clone(), actor.unlocked, course_id.to_string());
        let busy = matches!(self.store.try_lock(), Err(std::sync::TryLockError::WouldBlock));
        let grants = || self.asset_grants.lock().unwrap_or_else(PoisonError::into_inner);
        if busy {
            if let Some(grant) = grants().get(&key) {
                return Ok(grant.clone());
            }
        }
        let grant = {
            let a = self.authorise(Action::Read)?;
            let course = qunxue_store::courses::get_course(a.store.conn(), course_id)?;
            AssetGrant { course_dir: PathBuf::from(course.source_dir), readers: a.caller.readers() }
        };
        grants().insert(key, grant.clone());
        Ok(grant)
    }

    /// Holds the database as a long import does, until the guard is dropped
    /// (tests of what must not wait for it).
    #[cfg(any(test, feature = "test-support"))]
    pub fn hold_database(&self) -> MutexGuard<'_, Store> {
        self.store.lock().expect("the test's database lock")
    }

    fn actor(&self) -> Actor {
        // An Actor cannot be left half-written, so a poisoned lock still holds a valid one.
        self.actor.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn set_actor(&self, profile_id: String, unlocked: bool) {
        *self.actor.write().unwrap_or_else(PoisonError::into_inner) = Actor { profile_id, unlocked };
        *self.last_seen.lock().unwrap_or_else(PoisonError::into_inner) = unlocked.then(|| self.now());
    }

    /// The interface language (messages that are built here follow it).
    pub fn lang(&self) -> Lang {
        *self.lang.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Switches the interface language; messages built afterwards follow it.
    pub fn set_lang(&self, lang: Lang) {
        *self.lang.write().unwrap_or_else(PoisonError::into_inner) = lang;
    }

    /// The current time by the session's clock.
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Today's date in the learner's time zone, by the session's clock.
    pub fn today(&self) -> NaiveDate {
        local_date(self.now(), &self.zone)
    }

    /// The app-data folder: keys, attachments, installed packs and backups.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The database file the session opened.
    pub fn database_path(&self) -> &Path {
        &self.database_path
    }

    /// Where the background work (the xAPI sync loop) reports its failures.
    pub fn health_board(&self) -> &crate::health::Board {
        &self.health
    }

    /// The damage found at start-up, while it has not been recovered from.
    pub fn recovery(&self) -> Option<Damage> {
        self.recovery.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn set_recovery(&self, damage: Option<Damage>) {
        *self.recovery.lock().unwrap_or_else(PoisonError::into_inner) = damage;
    }

    /// Records an admin action (who, when, what) in the admin log, after the
    /// use-case released the store.
    fn log_admin(&self, action: &str, detail: impl Into<String>) -> Result<()> {
        let who = self.who()?;
        self.log_admin_by(who, action, detail)
    }

    /// The acting profile's id and name, for the admin log.
    fn who(&self) -> Result<(String, String)> {
        let actor = self.actor();
        let name =
            profiles::get(self.lock_store()?.conn(), &actor.profile_id).map(|p| p.display_name).unwrap_or_default();
        Ok((actor.profile_id, name))
    }

    /// [`Session::log_admin`] for an actor named before the database changed
    /// under them (a restore).
    fn log_admin_by(
        &self,
        (actor_id, actor_name): (String, String),
        action: &str,
        detail: impl Into<String>,
    ) -> Result<()> {
        let entry = qunxue_store::admin_log::AdminLogEntry {
            at: crate::tasks::common::stamp(self.now()),
            actor_id: Some(actor_id),
            actor_name,
            action: action.into(),
            detail: detail.into(),
        };
        self.lock_store()?.transact(|tx| qunxue_store::admin_log::record(tx, &entry))?;
        Ok(())
    }

    /// A panic in another use-case must not wedge the app, so a poisoned lock
    /// is reported as an error.
    fn lock_store(&self) -> Result<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| {
            AppError::Internal(msg!(
                "the database lock was poisoned by an earlier failure",
                "数据库锁因先前的一次故障而失效"
            ))
        })
    }
}

impl Access<'_> {
    /// For use-cases whose gate depends on what they touch (someone else's
    /// profile, a learner's key): the caller's role *in this session* must
    /// reach `required` — a stored role whose PIN was not entered, or whose
    /// session locked itself, does not count.
    pub(crate) fn require(&self, action: Action, required: Role, session: &Session) -> Result<()> {
        if self.caller.role >= required {
            if required == Role::Admin {
                admin_is_confirmed(&self.store, action, &self.caller.profile_id)?;
            }
            return Ok(());
        }
        let stored = profiles::get(self.store.conn(), &self.caller.profile_id).map_or(Role::Learner, |p| p.role);
        Err(refusal(&self.store, action, required, stored, &session.actor()))
    }
}

/// Whether a use-case was asked for by the person at the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Activity {
    ByThePerson,
    InTheBackground,
}

/// The machine's idle time before an instructor's or admin's session locks.
pub(crate) fn idle_lock_minutes(store: &Store) -> Result<i64> {
    Ok(qunxue_store::settings::get(store.conn(), qunxue_store::settings::IDLE_LOCK_MINUTES)?
        .and_then(|m| m.parse().ok())
        .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES))
}

/// Whether the profile may act as itself now: it has no PIN, or its PIN
/// was entered in this session (and the session has not locked since).
fn is_open(actor: &Actor, profile: &profiles::Profile) -> bool {
    !profile.has_pin || actor.unlocked
}

fn refusal(store: &Store, action: Action, required: Role, stored: Role, actor: &Actor) -> AppError {
    let action_name = action.describe();
    if stored >= required && !actor.unlocked {
        return AppError::Locked { action: action_name };
    }
    // Never "whoever comes first": a machine without an admin sets one up.
    if required == Role::Admin && profiles::count_with_role(store.conn(), Role::Admin).unwrap_or(1) == 0 {
        return AppError::NoAdmin { action: action_name };
    }
    AppError::Forbidden { action: action_name, required, actual: stored }
}

/// An admin made by an older version (no recovery code) confirms or hands
/// over before acting as admin.
fn admin_is_confirmed(store: &Store, action: Action, admin_id: &str) -> Result<()> {
    if profiles::recovery_hash(store.conn(), admin_id)?.is_none()
        && profiles::get(store.conn(), admin_id)?.role == Role::Admin
    {
        return Err(AppError::AdminUnconfirmed { action: action.describe() });
    }
    Ok(())
}

#[cfg(test)]
mod machine_tests;
#[cfg(test)]
mod tests;
