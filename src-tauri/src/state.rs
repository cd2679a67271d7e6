//! The state every command shares: the learner database behind a mutex and
//! who is using the app.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use qunxue_store::Store;

use crate::error::CommandError;

/// Shared by all commands. The store is behind an `Arc` so blocking
/// database work can move onto tokio's blocking pool.
pub struct AppState {
    pub store: Arc<Mutex<Store>>,
    pub profile_id: String,
    pub data_dir: PathBuf,
    pub database_path: PathBuf,
    /// When the process started, for the cold-start measurement.
    pub started: Instant,
}

/// Locks the store; a panic in another command must not wedge the app, so a
/// poisoned lock is reported as an error rather than propagated.
pub fn lock(store: &Mutex<Store>) -> Result<MutexGuard<'_, Store>, CommandError> {
    store.lock().map_err(|_| CommandError::internal("the database lock was poisoned by an earlier failure"))
}
