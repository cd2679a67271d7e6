//! The background task that sends queued xAPI statements to the company's
//! LRS: every minute while all is well, backing off (5 s doubling to 15 min)
//! while the LRS is unreachable or refusing, so an offline laptop stays
//! quiet and catches up once it is back on the network. Each failure goes
//! to the session's health board: the log, and the banner.

use std::sync::Arc;
use std::time::Duration;

use qunxue_app::xapi;
use qunxue_app::Session;

/// How long to wait between runs when the last one succeeded (or there is no LRS set).
const IDLE: Duration = Duration::from_secs(60);

/// Starts the task on Tauri's tokio runtime; it lives as long as the app.
pub(crate) fn spawn(session: Arc<Session>) {
    tauri::async_runtime::spawn(async move {
        let mut failures = 0u32;
        loop {
            let worker = Arc::clone(&session);
            let outcome = tokio::task::spawn_blocking(move || worker.xapi_background_run()).await;
            let error = match outcome {
                Ok(Ok(())) => None,
                Ok(Err(error)) => Some(qunxue_app::AppError::from(error).message()),
                Err(join) => Some(qunxue_app::msg!("the sync task failed: {join}", "同步任务失败：{join}")),
            };
            let wait = match error {
                None => {
                    failures = 0;
                    session.health_board().sync_succeeded();
                    IDLE
                }
                Some(error) => {
                    // The board logs it and keeps it for the banner.
                    failures = failures.saturating_add(1);
                    let wait = xapi::backoff(failures);
                    let now = session.now();
                    let next = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX);
                    session.health_board().sync_failed(&error, failures, now, next);
                    wait
                }
            };
            tokio::time::sleep(wait).await;
        }
    });
}
