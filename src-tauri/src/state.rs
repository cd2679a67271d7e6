//! The state every command shares: the session (qunxue-app's one door,
//! which owns the database and knows who is acting) and when the process
//! started.

use std::sync::Arc;
use std::time::Instant;

use qunxue_app::Session;

/// Managed by Tauri; the session is behind an `Arc` so blocking work can move
/// onto tokio's blocking pool.
pub struct AppState {
    /// The open session: the database and who is acting, shared by every command.
    pub session: Arc<Session>,
    /// When the process started, for the cold-start measurement.
    pub started: Instant,
}
