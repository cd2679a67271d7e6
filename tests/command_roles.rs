//! Every Tauri command, read from the source: the three lists that expose a
//! command (build.rs `COMMANDS`, `generate_handler!`, the window's
//! capability) agree, the window is granted nothing else but the two file
//! dialogs, and every instructor-only command reaches a service that checks
//! the caller's role in the backend (`access::require` or the domain's
//! `authorise`). A new command fails this test until it is classified below.
//!
//! The dynamic side — a learner calling instructor services and being
//! refused — is in `crates/app/src/tasks/tests.rs`, `crates/app/src/quiz/tests.rs`,
//! `crates/app/src/impact/tests.rs`, `crates/app/src/accounts/tests.rs` and
//! `tests/quiz_instructor.rs` (see docs/security.md).

use std::collections::{BTreeMap, BTreeSet};

use qunxue_tests::packs::{files_under, repo_root};

/// Commands only an instructor (or admin) may use, whatever the UI shows.
const INSTRUCTOR_ONLY: &[&str] = &[
    "marking_queue",
    "grade_answer",
    "item_analysis",
    "export_item_analysis",
    "preview_question_file",
    "import_local_quiz",
    "archive_local_quiz",
    "grading_queue",
    "grading_view",
    "grading_save_mark",
    "grading_release",
    "grading_set_double_marking",
    "moderation_view",
    "grading_moderate",
    "grading_record_observation",
    "grading_agreement",
    "comment_bank_list",
    "comment_bank_add",
    "comment_bank_use",
    "comment_bank_delete",
    "grading_distributions",
    "grading_grader_stats",
    "grading_export_table",
    "bundle_import_submissions",
    "bundle_export_grades",
    "impact_metric_templates",
    "impact_list_studies",
    "impact_get_study",
    "impact_create_study",
    "impact_update_study",
    "impact_delete_study",
    "impact_preview_import",
    "impact_import",
    "impact_record",
    "impact_report",
    "impact_export",
    "set_profile_role",
];

/// Commands any profile may use: a learner's own data, reading, the
/// profile picker (switching to an instructor asks for the PIN), and
/// course import (a company's admin installs packs; the pack is validated
/// and nothing in it can run).
const OPEN: &[&str] = &[
    "app_info",
    "ui_ready",
    "list_courses",
    "course_outline",
    "open_module",
    "complete_module",
    "list_backups",
    "create_backup_now",
    // Checks the instructor role in the command itself (it swaps the database), where this test does not look.
    "restore_backup",
    "recovery_status",
    "recover_database",
    "certificate_status",
    "export_certificate",
    "validate_pack",
    "import_pack",
    "remove_course",
    "module_quizzes",
    "quiz_overview",
    "start_quiz",
    "save_answer",
    "check_answer",
    "submit_attempt",
    "attempt_result",
    "review_queue",
    "answer_review",
    "local_quizzes",
    "list_profiles",
    "create_profile",
    "rename_profile",
    "set_avatar_colour",
    "delete_profile",
    "switch_profile",
    "search",
    "prepare_search",
    "module_notes",
    "add_note",
    "update_note",
    "delete_note",
    "set_bookmark",
    "list_bookmarks",
    "export_notes",
    "study_heartbeat",
    "save_reading_position",
    "reading_position",
    "home_summary",
    "export_learner_record",
    "module_tasks",
    "task_page",
    "task_preview",
    "task_save_draft",
    "task_add_attachment",
    "task_submit",
    "bundle_export_submissions",
    "bundle_import_grades",
    "bundle_trust_key",
    "task_attachment_image",
    "task_attachment_save",
    "submit_survey",
    "survey_forms",
    "xapi_status",
    "xapi_settings",
    "xapi_save_settings",
    "xapi_sync_now",
];

/// What a service does to check the caller's role.
const ROLE_CHECKS: [&str; 4] = ["access::require(", "authorise(", "require_instructor(", "Role::Admin"];

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo_root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn quoted_items(text: &str) -> Vec<String> {
    text.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// `COMMANDS` in src-tauri/build.rs.
fn build_commands() -> Vec<String> {
    let text = read("src-tauri/build.rs");
    let start = text.find("const COMMANDS").expect("COMMANDS in build.rs");
    let end = start + text[start..].find("];").unwrap();
    quoted_items(&text[start..end])
}

/// The body of the item starting at `from` (from its first `{` to the matching `}`).
fn braced(text: &str, from: usize) -> &str {
    let open = from + text[from..].find('{').expect("a body");
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[open..=open + i];
                }
            }
            _ => {}
        }
    }
    &text[open..]
}

/// Every `#[tauri::command]` function in src-tauri/src/commands: name → body.
fn command_bodies() -> BTreeMap<String, String> {
    let dir = repo_root().join("src-tauri/src/commands");
    let mut bodies = BTreeMap::new();
    for rel in files_under(&dir) {
        let text = std::fs::read_to_string(dir.join(&rel)).unwrap();
        for (at, _) in text.match_indices("#[tauri::command]") {
            let rest = &text[at..];
            let fn_at = rest.find("fn ").unwrap();
            let name: String = rest[fn_at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            bodies.insert(name, braced(&text, at + fn_at).to_string());
        }
    }
    bodies
}

/// `pub fn NAME` definitions in crates/app/src: name → bodies (one per definition).
fn service_bodies() -> BTreeMap<String, Vec<String>> {
    let dir = repo_root().join("crates/app/src");
    let mut services: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rel in files_under(&dir).into_iter().filter(|r| r.ends_with(".rs")) {
        let text = std::fs::read_to_string(dir.join(&rel)).unwrap();
        for (at, _) in text.match_indices("pub fn ") {
            let name: String = text[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            services.entry(name).or_default().push(braced(&text, at).to_string());
        }
    }
    services
}

/// The names of the functions a command body calls (`name(` or `path::name(`).
fn called_functions(body: &str) -> BTreeSet<String> {
    body.match_indices('(')
        .filter_map(|(at, _)| {
            let before = &body[..at];
            let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
            let name = &before[start..];
            (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then(|| name.to_string())
        })
        .collect()
}

/// Whether the service `name` checks the role itself or through the
/// services it calls, up to `depth` calls deep.
fn checks_role(services: &BTreeMap<String, Vec<String>>, name: &str, depth: usize) -> bool {
    let Some(defs) = services.get(name) else { return false };
    defs.iter().any(|body| {
        ROLE_CHECKS.iter().any(|m| body.contains(m))
            || (depth > 0 && called_functions(body).iter().any(|f| f != name && checks_role(services, f, depth - 1)))
    })
}

#[test]
fn the_three_command_lists_agree_and_the_window_gets_nothing_else() {
    let commands: BTreeSet<String> = build_commands().into_iter().collect();
    let lib = read("src-tauri/src/lib.rs");
    let start = lib.find("generate_handler![").expect("generate_handler!");
    let end = start + lib[start..].find(']').unwrap();
    let handled: BTreeSet<String> = lib[start..end]
        .split(',')
        .filter_map(|path| {
            path.trim()
                .rsplit("::")
                .next()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
        })
        .filter(|n| n != "generate_handler![")
        .map(|n| n.trim_start_matches("generate_handler![").trim().to_string())
        .collect();
    assert_eq!(commands, handled, "build.rs COMMANDS and generate_handler! differ");

    let capability: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/main-window.json")).unwrap();
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let (plugins, own): (Vec<&String>, Vec<&String>) = granted.iter().partition(|p| p.contains(':'));
    let own: BTreeSet<String> = own
        .iter()
        .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    assert_eq!(
        own, commands,
        "the capability grants a command that does not exist, or misses one"
    );
    let plugins: BTreeSet<&str> = plugins.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        plugins,
        BTreeSet::from(["dialog:allow-open", "dialog:allow-save"]),
        "no shell, no fs, no http"
    );
    let caps_dir = repo_root().join("src-tauri/capabilities");
    assert_eq!(
        files_under(&caps_dir),
        ["main-window.json"],
        "one capability file, for the one window"
    );
}

#[test]
fn every_instructor_only_command_checks_the_role_in_the_backend() {
    let commands = build_commands();
    let bodies = command_bodies();
    let services = service_bodies();
    let classified: BTreeSet<&str> = INSTRUCTOR_ONLY.iter().chain(OPEN).copied().collect();
    let unclassified: Vec<&String> = commands.iter().filter(|c| !classified.contains(c.as_str())).collect();
    assert!(
        unclassified.is_empty(),
        "classify these commands in tests/command_roles.rs: {unclassified:?}"
    );
    let stale: Vec<&&str> = classified
        .iter()
        .filter(|c| !commands.iter().any(|k| k == **c))
        .collect();
    assert!(stale.is_empty(), "no longer commands: {stale:?}");

    let mut unchecked = Vec::new();
    for command in INSTRUCTOR_ONLY {
        let body = bodies
            .get(*command)
            .unwrap_or_else(|| panic!("no #[tauri::command] fn {command}"));
        let checks = called_functions(body).iter().any(|f| checks_role(&services, f, 3));
        if !checks {
            unchecked.push(*command);
        }
    }
    assert!(
        unchecked.is_empty(),
        "instructor-only commands whose service does not check the role: {unchecked:?}"
    );
}
