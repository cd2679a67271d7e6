//! The desktop shell: builds the Tauri app, opens the learner database on
//! start-up, and exposes thin commands that call `qunxue-app` services.

mod asset_protocol;
mod author_watch;
/// The registered commands' names, shared with build.rs.
mod command_names;
mod commands;
mod error;
mod launch;
mod logging;
mod media_server;
mod navigation_guard;
mod single_instance;
mod startup;
mod state;
mod system_locale;
mod webview_memory;
mod xapi_sync;

use tauri::{Manager, Runtime};

pub use command_names::COMMANDS;
pub use startup::DataPlace;
pub use state::AppState;

use launch::Launch;

/// Builds the app (`identifier` from its config) with every plugin,
/// protocol and command, opening the data found from the environment when
/// it starts: one instance per data folder, its log beside it when the
/// folder was given, the window's size and place kept between runs.
pub fn builder<R: Runtime>(identifier: &str) -> tauri::Builder<R> {
    let launch = Launch::of_this_process();
    let data_dir = launch.given_data_dir();
    // First, so a second launch hands over its files before anything else starts.
    let base = tauri::Builder::<R>::new()
        .plugin(single_instance::plugin(identifier, data_dir.as_deref()))
        .plugin(logging::plugin(data_dir.as_deref().map(logging::beside_data)))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(tauri_plugin_opener::init())
        .plugin(system_locale::plugin());
    // After plugin-fs (in commands_on), whose scope it saves and restores.
    commands_on(base).plugin(tauri_plugin_persisted_scope::init()).setup(move |app| {
        logging::install_panic_hook(app.handle().clone());
        app.manage(single_instance::PendingPaths(std::sync::Mutex::new(launch.paths.clone())));
        if let Some(folder) = &launch.author {
            // Given on the command line, so as good as chosen in the dialog.
            if let Some(scope) = tauri_plugin_fs::FsExt::try_fs_scope(app.handle()) {
                let _ = scope.allow_directory(folder, true);
            }
        }
        app.manage(author_watch::AuthorStart(launch.author.clone()));
        start(app.handle(), &DataPlace::FromEnvironment)
    })
}

/// Opens the session on `place`, starts the background xAPI sync and hands
/// the state to every command. The app's setup calls it; tests call it on a
/// mock app, whose setup only runs when it is run.
pub fn start<R: Runtime>(app: &tauri::AppHandle<R>, place: &DataPlace) -> Result<(), Box<dyn std::error::Error>> {
    let state = startup::open_state(app, place)?;
    let given_folder = match place {
        DataPlace::FromEnvironment => Launch::of_this_process().given_data_dir(),
        DataPlace::At { data_dir, .. } => Some(data_dir.clone()),
    };
    app.manage(logging::LogFolder(logging::folder(app, given_folder.as_deref())));
    // Tests' mock apps start with no files to open.
    if app.try_state::<single_instance::PendingPaths>().is_none() {
        app.manage(single_instance::PendingPaths::default());
    }
    if app.try_state::<author_watch::AuthorStart>().is_none() {
        app.manage(author_watch::AuthorStart::default());
    }
    let preview = author_watch::AuthorWatch::default();
    app.manage(preview.clone());
    xapi_sync::spawn(std::sync::Arc::clone(&state.session));
    // Linux's webview cannot play media from the asset protocol (see media_server).
    if cfg!(target_os = "linux") {
        if let Some(server) = media_server::start(std::sync::Arc::clone(&state.session), preview) {
            app.manage(commands::reading::MediaBase(server.base));
        }
    }
    app.manage(state);
    Ok(())
}

/// The plugins (the navigation guard first), the asset protocol and every
/// command on `base` (generic over the runtime so tests can use
/// `tauri::test::mock_builder`).
pub fn commands_on<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.plugin(navigation_guard::plugin())
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol(qunxue_app::domain::markdown::ASSET_SCHEME, asset_protocol::handle)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::app::app_health,
            commands::app::log_folder,
            commands::app::export_logs,
            commands::app::debug_panic,
            commands::authoring::author_open,
            commands::authoring::author_close,
            commands::authoring::author_start_folder,
            commands::authoring::convert_office,
            commands::backup::list_backups,
            commands::backup::create_backup_now,
            commands::backup::restore_backup,
            commands::backup::recovery_status,
            commands::backup::recover_database,
            commands::certificates::certificate_status,
            commands::certificates::export_certificate,
            commands::courses::list_courses,
            commands::courses::course_outline,
            commands::courses::course_glossary,
            commands::reading::open_module,
            commands::reading::complete_module,
            commands::reading::save_course_file,
            commands::reading::course_file_bytes,
            commands::reading::media_base,
            commands::library::validate_pack,
            commands::library::import_pack,
            commands::library::course_removal,
            commands::library::remove_course,
            commands::quiz::module_quizzes,
            commands::quiz::quiz_overview,
            commands::quiz::start_quiz,
            commands::quiz::save_answer,
            commands::quiz::check_answer,
            commands::quiz::submit_attempt,
            commands::quiz::attempt_result,
            commands::quiz::review_queue,
            commands::quiz::answer_review,
            commands::marking::marking_queue,
            commands::marking::grade_answer,
            commands::marking::item_analysis,
            commands::marking::quiz_key_changes,
            commands::marking::regrade_question,
            commands::marking::export_item_analysis,
            commands::local_quizzes::preview_question_file,
            commands::local_quizzes::import_local_quiz,
            commands::local_quizzes::local_quizzes,
            commands::local_quizzes::archive_local_quiz,
            commands::tasks::module_tasks,
            commands::tasks::task_page,
            commands::tasks::task_preview,
            commands::tasks::task_save_draft,
            commands::tasks::task_add_attachment,
            commands::tasks::task_submit,
            commands::tasks::grading_queue,
            commands::tasks::grading_view,
            commands::tasks::grading_save_mark,
            commands::tasks::grading_release,
            commands::tasks::grading_set_double_marking,
            commands::tasks::moderation_view,
            commands::tasks::grading_moderate,
            commands::tasks::grading_record_observation,
            commands::tasks::grading_agreement,
            commands::tasks::comment_bank_list,
            commands::tasks::comment_bank_add,
            commands::tasks::comment_bank_use,
            commands::tasks::comment_bank_delete,
            commands::tasks::grading_distributions,
            commands::tasks::grading_grader_stats,
            commands::tasks::grading_export_table,
            commands::tasks::bundle_export_submissions,
            commands::tasks::bundle_import_submissions,
            commands::tasks::bundle_export_grades,
            commands::tasks::bundle_import_grades,
            commands::tasks::bundle_trust_key,
            commands::tasks::task_attachment_image,
            commands::tasks::task_attachment_save,
            commands::accounts::list_profiles,
            commands::accounts::create_profile,
            commands::accounts::rename_profile,
            commands::accounts::set_avatar_colour,
            commands::accounts::delete_profile,
            commands::accounts::set_profile_role,
            commands::accounts::switch_profile,
            commands::accounts::admin_log,
            commands::accounts::session_status,
            commands::accounts::set_idle_lock_minutes,
            commands::machine::machine_setup,
            commands::machine::set_up_personal_machine,
            commands::machine::set_up_shared_machine,
            commands::machine::set_up_admin,
            commands::machine::confirm_admin,
            commands::machine::recover_admin,
            commands::machine::set_learner_pins_required,
            commands::machine::reset_pin,
            commands::machine::change_own_pin,
            commands::search::search,
            commands::search::prepare_search,
            commands::notes::module_notes,
            commands::notes::add_note,
            commands::notes::update_note,
            commands::notes::delete_note,
            commands::notes::set_bookmark,
            commands::notes::list_bookmarks,
            commands::notes::export_notes,
            commands::study::study_heartbeat,
            commands::study::save_reading_position,
            commands::study::reading_position,
            commands::study::home_summary,
            commands::study::export_learner_record,
            commands::impact::impact_metric_templates,
            commands::impact::impact_list_studies,
            commands::impact::impact_get_study,
            commands::impact::impact_create_study,
            commands::impact::impact_update_study,
            commands::impact::impact_delete_study,
            commands::impact::impact_preview_import,
            commands::impact::impact_import,
            commands::impact::impact_record,
            commands::impact::impact_report,
            commands::impact::impact_export,
            commands::impact::submit_survey,
            commands::impact::survey_forms,
            commands::xapi::xapi_status,
            commands::xapi::xapi_settings,
            commands::xapi::xapi_save_settings,
            commands::xapi::xapi_sync_now,
            commands::classes::class_create,
            commands::classes::class_join,
            commands::classes::my_classes,
            commands::classes::course_classes,
            commands::classes::class_members,
            commands::classes::class_export,
            commands::classes::class_remove_member,
            commands::classes::class_pull,
            commands::classes::records_export_own,
            commands::classes::records_import,
        ])
}

/// Entry point of the desktop binary.
pub fn run() {
    let context = tauri::generate_context!();
    let identifier = context.config().identifier.clone();
    let app = builder::<tauri::Wry>(&identifier).build(context).unwrap_or_else(|error| {
        // The log may not be set up yet: stderr, and the exit code.
        eprintln!("qunxue: the app could not start: {error}");
        std::process::exit(1);
    });
    app.run(|handle, event| {
        if let tauri::RunEvent::Ready = event {
            webview_memory::tune(handle);
        }
    });
}
