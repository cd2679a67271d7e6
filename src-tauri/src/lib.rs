//! The desktop shell: builds the Tauri app, opens the learner database on
//! start-up, and exposes thin commands that call `qunxue-app` services.

mod asset_protocol;
mod commands;
mod error;
mod startup;
mod state;

use tauri::{Manager, Runtime};

pub use state::AppState;

/// Builds the app with every plugin, protocol and command; generic over the
/// runtime so tests can drive it with `tauri::test::mock_builder`.
pub fn builder<R: Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_dialog::init())
        .register_uri_scheme_protocol(qunxue_core::markdown::ASSET_SCHEME, asset_protocol::handle)
        .setup(|app| {
            let state = startup::open_state(app.handle())?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::courses::list_courses,
            commands::courses::course_outline,
            commands::reading::open_module,
            commands::reading::complete_module,
            commands::library::validate_pack,
            commands::library::import_pack,
            commands::library::remove_course,
            commands::quiz::module_quizzes,
            commands::quiz::quiz_overview,
            commands::quiz::start_quiz,
            commands::quiz::save_answer,
            commands::quiz::submit_attempt,
            commands::quiz::attempt_result,
            commands::quiz::review_queue,
            commands::quiz::answer_review,
        ])
}

/// Entry point of the desktop binary.
pub fn run() {
    builder::<tauri::Wry>()
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("qunxue: the app could not start: {error}");
            std::process::exit(1);
        });
}
