//! The state every command shares: the learner database behind a mutex and
//! who is using the app.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::Instant;

use qunxue_app::backup::startup::Damage;
use qunxue_store::Store;

use crate::error::CommandError;

/// Shared by all commands. The store is behind an `Arc` so blocking
/// database work can move onto tokio's blocking pool.
pub struct AppState {
    pub store: Arc<Mutex<Store>>,
    /// The active profile; switched through the profile commands, read by
    /// every command so the backend, not the UI, decides who is acting.
    active_profile: RwLock<String>,
    pub data_dir: PathBuf,
    pub database_path: PathBuf,
    /// When the process started, for the cold-start measurement.
    pub started: Instant,
    /// Set when the database failed its start-up check: the store is then an
    /// empty in-memory one until the recovery screen restores a backup.
    recovery: Mutex<Option<Damage>>,
}

impl AppState {
    pub fn new(store: Store, profile_id: String, data_dir: PathBuf, database_path: PathBuf, started: Instant) -> Self {
        AppState {
            store: Arc::new(Mutex::new(store)),
            active_profile: RwLock::new(profile_id),
            data_dir,
            database_path,
            started,
            recovery: Mutex::new(None),
        }
    }

    /// The damage found at start-up, while it has not been recovered from.
    pub fn recovery(&self) -> Option<Damage> {
        self.recovery.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub fn set_recovery(&self, damage: Option<Damage>) {
        *self.recovery.lock().unwrap_or_else(PoisonError::into_inner) = damage;
    }

    /// The id of the profile every command acts for.
    pub fn profile_id(&self) -> String {
        // A String cannot be left half-written, so a poisoned lock still holds a valid id.
        self.active_profile.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Makes `profile_id` the acting profile (after the caller checked its PIN).
    pub fn set_profile_id(&self, profile_id: String) {
        *self.active_profile.write().unwrap_or_else(PoisonError::into_inner) = profile_id;
    }
}

/// Locks the store; a panic in another command must not wedge the app, so a
/// poisoned lock is reported as an error rather than propagated.
pub fn lock(store: &Mutex<Store>) -> Result<MutexGuard<'_, Store>, CommandError> {
    store.lock().map_err(|_| CommandError::internal("the database lock was poisoned by an earlier failure"))
}
