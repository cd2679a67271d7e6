//! The background task that sends queued xAPI statements to the company's
//! LRS: every minute while all is well, backing off (5 s doubling to 15 min)
//! while the LRS is unreachable or refusing, so an offline laptop stays
//! quiet and catches up once it is back on the network.

use std::sync::Arc;
use std::time::Duration;

use qunxue_app::xapi;
use qunxue_app::Session;

/// How long to wait between runs when the last one succeeded (or there is no LRS set).
const IDLE: Duration = Duration::from_secs(60);

/// Starts the task on Tauri's tokio runtime; it lives as long as the app.
pub fn spawn(session: Arc<Session>) {
    tauri::async_runtime::spawn(async move {
        let mut failures = 0u32;
        loop {
            let session = Arc::clone(&session);
            let outcome = tokio::task::spawn_blocking(move || session.xapi_background_run()).await;
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
