//! The smallest Tauri 2 app worth comparing the desktop app with (P6 of
//! `cargo xtask bench`): one window of the same size showing one static
//! page, and no backend except `ready`, which the page calls after its
//! first paint exactly as the app's first screen calls `ui_ready`, so both
//! starts are measured to the same moment. Not shipped.

use std::time::Instant;

/// Printed when the page reports its first paint (the bench waits for it).
const READY_LINE: &str = "first screen interactive";

#[tauri::command]
fn ready(started: tauri::State<'_, Started>) {
    println!("minimal-app: {READY_LINE} after {} ms", started.0.elapsed().as_millis());
}

struct Started(Instant);

fn main() {
    let started = Started(Instant::now());
    tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("the minimal app failed to start");
}
