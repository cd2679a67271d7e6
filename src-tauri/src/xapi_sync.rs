//! The background task that sends queued xAPI statements to the company's
//! LRS: every minute while all is well, backing off (5 s doubling to 15 min)
//! while the LRS is unreachable or refusing, so an offline laptop stays
//! quiet and catches up once it is back on the network.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use qunxue_app::xapi::{self, Credentials, SyncError, SyncOptions};
use qunxue_store::Store;

/// How long to wait between runs when the last one succeeded (or there is no LRS set).
const IDLE: Duration = Duration::from_secs(60);

/// Starts the task on Tauri's tokio runtime; it lives as long as the app.
pub fn spawn(store: Arc<Mutex<Store>>) {
    tauri::async_runtime::spawn(async move {
        let mut failures = 0u32;
        loop {
            let store = Arc::clone(&store);
            let outcome = tokio::task::spawn_blocking(move || run_once(&store)).await;
            let wait = match outcome {
                Ok(Ok(())) => {
                    failures = 0;
                    IDLE
                }
                Ok(Err(error)) => {
                    failures = failures.saturating_add(1);
                    eprintln!("qunxue: xAPI sync failed (attempt {failures}): {error}");
                    xapi::backoff(failures)
                }
                Err(join) => {
                    failures = failures.saturating_add(1);
                    eprintln!("qunxue: the xAPI sync task failed: {join}");
                    xapi::backoff(failures)
                }
            };
            tokio::time::sleep(wait).await;
        }
    });
}

/// One run: nothing to do without an endpoint or without pending statements.
fn run_once(store: &Mutex<Store>) -> Result<(), SyncError> {
    let credentials = {
        let guard = store
            .lock()
            .map_err(|_| SyncError::App(qunxue_app::AppError::Internal("database lock poisoned".into())))?;
        if xapi::status(&guard)?.pending == 0 {
            return Ok(());
        }
        Credentials::stored(&guard)?
    };
    match credentials {
        Some(credentials) => xapi::sync_now(store, &credentials, &SyncOptions::default(), |_| {}).map(|_| ()),
        None => Ok(()),
    }
}
