//! Generates the context and one permission per app command, so that
//! `capabilities/` can grant the window exactly the commands it uses.

/// Every command the UI may call; the capability file lists each again.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_courses",
    "course_outline",
    "open_module",
    "complete_module",
    "ui_ready",
    "validate_pack",
    "import_pack",
    "remove_course",
    "module_quizzes",
    "quiz_overview",
    "start_quiz",
    "save_answer",
    "submit_attempt",
    "attempt_result",
    "review_queue",
    "answer_review",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
