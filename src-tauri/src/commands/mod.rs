//! Tauri commands, one file per domain. Each command only unpacks its
//! arguments, runs one `qunxue-app` service off the UI thread and maps the
//! error to `{kind, message}`.

pub mod app;
pub mod courses;
pub mod library;
pub mod quiz;
pub mod reading;

use std::sync::{Arc, Mutex};

use qunxue_store::Store;

use crate::error::CommandResult;
use crate::state::lock;

/// Runs blocking database work on tokio's blocking pool so the IPC thread
/// stays free.
pub(crate) async fn with_store<T, F>(store: &Arc<Mutex<Store>>, work: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> qunxue_app::Result<T> + Send + 'static,
{
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || {
        let mut guard = lock(&store)?;
        work(&mut guard).map_err(Into::into)
    })
    .await?
}
