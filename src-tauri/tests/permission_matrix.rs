//! The permission matrix: every registered command, invoked through the
//! real IPC of the real app (on Tauri's mock runtime, a real SQLite file)
//! as a learner, an instructor and an admin, with the arguments below.
//!
//! - Allowed means `Ok` **with its effect**: the database changed, a file
//!   was written, or the answer holds what the row names; a few rows are
//!   refused by the rules in this state for everyone (e.g. recovering a
//!   database that is not damaged), and say so.
//! - Refused means `forbidden`, with the database's `PRAGMA data_version`
//!   and the bytes of its files unchanged.
//! - A registered command without a row, or a row for no command, fails.
//!
//! docs/security.md's role table is generated from the rows: run with
//! `QUNXUE_BLESS=1` to rewrite it; otherwise a stale table fails the test.

mod matrix;

use std::collections::BTreeSet;

use serde_json::{json, Value};

use matrix::fixture::{fixture, Fixture, ADMIN_PIN, COURSE, INSTRUCTOR_PIN, QUIZ, TASK};
use matrix::harness::Run;
use matrix::Who::{self, Admin, Instructor, Learner};

/// What an allowed call must do.
enum Effect {
    /// The app committed a change to the database.
    Writes,
    /// The answer holds what the predicate looks for.
    Returns(fn(&Value) -> bool),
    /// The file named by the `path` argument (or a file in `dir`) was written.
    WritesFile,
    /// Every role that may call it is refused by the rules in the template's
    /// state, with this error kind (never `forbidden`).
    RefusedByRules(&'static str),
}

struct Row {
    command: &'static str,
    /// The lowest role allowed; every higher one is allowed too.
    min: Who,
    args: fn(&Fixture, Who, &Run) -> Value,
    effect: Effect,
}

fn path(run: &Run, name: &str) -> Value {
    json!(run.path(name))
}

fn course(_: &Fixture, _: Who, _: &Run) -> Value {
    json!({ "courseId": COURSE })
}

fn none(_: &Fixture, _: Who, _: &Run) -> Value {
    json!({})
}

fn non_empty(v: &Value) -> bool {
    v.as_array().is_some_and(|a| !a.is_empty())
}

fn mark() -> Value {
    json!({ "levels": { "audience": 1, "activities": 0 }, "comments": {}, "feedback": "再具体些。", "complete": true })
}

const ROWS: &[Row] = &[
    // The app.
    Row { command: "app_info", min: Learner, args: none, effect: Effect::Returns(|v| v["version"].is_string()) },
    Row { command: "ui_ready", min: Learner, args: none, effect: Effect::Returns(Value::is_null) },
    // Nothing failed in the background of the template: every role gets an empty list.
    Row { command: "app_health", min: Learner, args: none, effect: Effect::Returns(|v| v["problems"] == json!([])) },
    Row {
        command: "log_folder",
        min: Instructor,
        args: none,
        effect: Effect::Returns(|v| v.as_str().is_some_and(|p| p.ends_with("logs"))),
    },
    Row {
        command: "export_logs",
        min: Instructor,
        args: |_, _, r| json!({ "path": path(r, "logs.zip") }),
        effect: Effect::WritesFile,
    },
    // A debug build's panic on purpose becomes an internal error, for everyone.
    Row { command: "debug_panic", min: Learner, args: none, effect: Effect::RefusedByRules("internal") },
    // Author mode (issue 27): anyone may preview or convert; nothing is installed.
    Row {
        command: "author_open",
        min: Learner,
        args: |f, _, _| json!({ "folder": f.repo.join("tests/fixtures/packs/good-v2") }),
        effect: Effect::Returns(|v| v["revision"] == 1 && non_empty(&v["courses"][0]["modules"])),
    },
    Row { command: "author_close", min: Learner, args: none, effect: Effect::Returns(Value::is_null) },
    Row { command: "author_start_folder", min: Learner, args: none, effect: Effect::Returns(Value::is_null) },
    Row {
        command: "convert_office",
        min: Learner,
        args: |f, _, r| {
            json!({
                "source": f.repo.join("tests/fixtures/office/training.docx"),
                "out": path(r, "converted"),
                "splitLevel": 1,
                "kind": "theory",
                "overwrite": false,
            })
        },
        effect: Effect::Returns(|v| {
            v["modules"].as_array().is_some_and(|m| m.len() == 3) && v["diagnostics"] == json!([])
        }),
    },
    Row { command: "list_backups", min: Learner, args: none, effect: Effect::Returns(|v| non_empty(&v["backups"])) },
    Row {
        command: "create_backup_now",
        min: Learner,
        args: none,
        effect: Effect::Returns(|v| v["reason"] == "manual"),
    },
    Row {
        command: "restore_backup",
        min: Instructor,
        args: |f, _, _| json!({ "fileName": f.backup }),
        effect: Effect::Returns(|v| v["restoredFrom"].is_string()),
    },
    Row { command: "recovery_status", min: Learner, args: none, effect: Effect::Returns(Value::is_null) },
    Row {
        command: "recover_database",
        min: Learner,
        args: |_, _, _| json!({ "fileName": null }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    // Certificates.
    Row {
        command: "certificate_status",
        min: Learner,
        args: course,
        effect: Effect::Returns(|v| v["eligible"] == true),
    },
    Row {
        command: "export_certificate",
        min: Learner,
        args: |_, _, r| json!({ "courseId": COURSE, "format": "badge", "path": path(r, "badge.json") }),
        effect: Effect::WritesFile,
    },
    // The library.
    Row { command: "list_courses", min: Learner, args: none, effect: Effect::Returns(|v| v[0]["id"] == COURSE) },
    Row {
        command: "course_outline",
        min: Learner,
        args: course,
        // Instructors also get their own section (the pack's instructor-only module).
        effect: Effect::Returns(|v| v["sections"].as_array().is_some_and(|m| (3..=4).contains(&m.len()))),
    },
    Row {
        command: "validate_pack",
        min: Learner,
        args: |f, _, _| json!({ "path": f.repo.join("tests/fixtures/packs/good-v2") }),
        effect: Effect::Returns(|v| v["valid"] == true),
    },
    Row {
        command: "import_pack",
        min: Admin,
        args: |f, _, _| json!({ "path": f.repo.join("tests/fixtures/packs/good-v2"), "force": false, "onProgress": "__CHANNEL__:7" }),
        effect: Effect::Writes,
    },
    Row {
        command: "course_removal",
        min: Admin,
        args: course,
        effect: Effect::Returns(|v| v["peopleWithRecords"] == 4),
    },
    Row { command: "remove_course", min: Admin, args: course, effect: Effect::Writes },
    // Reading and studying.
    Row {
        command: "open_module",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m02-plan" }),
        effect: Effect::Writes,
    },
    Row {
        command: "course_glossary",
        min: Learner,
        args: course,
        effect: Effect::Returns(|v| v[1]["anchor"] == "qx-term-churn-rate"),
    },
    Row {
        command: "complete_module",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m02-plan" }),
        effect: Effect::Returns(|v| v["status"] == "completed"),
    },
    Row {
        command: "save_course_file",
        min: Learner,
        args: |_, _, r| json!({ "assetPath": "/acme.demo/assets/growth.png", "path": path(r, "growth.png") }),
        effect: Effect::WritesFile,
    },
    // Raw bytes (the harness reads them as a list of numbers): a PNG's signature.
    Row {
        command: "course_file_bytes",
        min: Learner,
        args: |_, _, _| json!({ "assetPath": "/acme.demo/assets/growth.png" }),
        effect: Effect::Returns(|v| v.as_array().is_some_and(|b| b.len() > 8 && b[..4] == [137, 80, 78, 71])),
    },
    // Linux: the loopback media server's address, with its per-run token.
    Row {
        command: "media_base",
        min: Learner,
        args: none,
        effect: Effect::Returns(|v| {
            v.as_str()
                .and_then(|url| url.strip_prefix("http://127.0.0.1:"))
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(port, token)| {
                    port.parse::<u16>().is_ok() && token.len() == 32 && token.chars().all(|c| c.is_ascii_hexdigit())
                })
        }),
    },
    Row {
        command: "search",
        min: Learner,
        args: |_, _, _| json!({ "query": "社群" }),
        effect: Effect::Returns(|v| non_empty(&v["hits"])),
    },
    Row { command: "prepare_search", min: Learner, args: none, effect: Effect::Returns(Value::is_null) },
    Row {
        command: "module_notes",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m01-intro" }),
        effect: Effect::Returns(|v| non_empty(&v["notes"])),
    },
    Row {
        command: "add_note",
        min: Learner,
        args: |_, _, _| json!({ "note": { "courseId": COURSE, "moduleId": "m03-case", "body": "案例要点", "quote": null, "anchor": null } }),
        effect: Effect::Writes,
    },
    Row {
        command: "update_note",
        min: Learner,
        args: |f, w, _| json!({ "noteId": f.own(w).note, "body": "改过的笔记" }),
        effect: Effect::Writes,
    },
    Row {
        command: "delete_note",
        min: Learner,
        args: |f, w, _| json!({ "noteId": f.own(w).note }),
        effect: Effect::Writes,
    },
    Row {
        command: "set_bookmark",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m03-case", "on": true }),
        effect: Effect::Writes,
    },
    Row { command: "list_bookmarks", min: Learner, args: none, effect: Effect::Returns(non_empty) },
    Row {
        command: "export_notes",
        min: Learner,
        args: |_, _, r| json!({ "path": path(r, "notes.md") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "study_heartbeat",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m01-intro" }),
        effect: Effect::Writes,
    },
    Row {
        command: "save_reading_position",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m03-case", "position": { "anchor": null, "ratio": 0.7 } }),
        effect: Effect::Writes,
    },
    Row {
        command: "reading_position",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m01-intro" }),
        effect: Effect::Returns(|v| v["ratio"] == 0.4),
    },
    Row { command: "home_summary", min: Learner, args: none, effect: Effect::Returns(Value::is_object) },
    Row {
        command: "export_learner_record",
        min: Learner,
        args: |_, _, r| json!({ "path": path(r, "record.xlsx") }),
        effect: Effect::WritesFile,
    },
    // Quizzes.
    Row {
        command: "module_quizzes",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m01-intro" }),
        effect: Effect::Returns(non_empty),
    },
    Row {
        command: "quiz_overview",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "quizId": QUIZ }),
        effect: Effect::Returns(|v| v["quizId"] == QUIZ),
    },
    Row {
        command: "start_quiz",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "quizId": QUIZ }),
        effect: Effect::Returns(|v| non_empty(&v["questions"])),
    },
    Row {
        command: "save_answer",
        min: Learner,
        args: |f, w, _| json!({ "attemptId": f.own(w).open_attempt, "questionId": "q-true-false", "answer": { "value": false } }),
        effect: Effect::Writes,
    },
    Row {
        command: "check_answer",
        min: Learner,
        args: |f, w, _| json!({ "attemptId": f.own(w).open_attempt, "questionId": "q-single" }),
        // The template saved the right option for q-single.
        effect: Effect::Returns(|v| v["correct"] == true),
    },
    Row {
        command: "submit_attempt",
        min: Learner,
        args: |f, w, _| json!({ "attemptId": f.own(w).open_attempt }),
        effect: Effect::Writes,
    },
    Row {
        command: "attempt_result",
        min: Learner,
        args: |f, w, _| json!({ "attemptId": f.own(w).finished_attempt }),
        effect: Effect::Returns(|v| v["passed"] == true),
    },
    Row { command: "review_queue", min: Learner, args: none, effect: Effect::Returns(|v| non_empty(&v["due"])) },
    Row {
        command: "answer_review",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "questionId": "q-ordering", "answer": { "order": ["0", "1", "2"] } }),
        effect: Effect::Writes,
    },
    Row { command: "marking_queue", min: Instructor, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "grade_answer",
        min: Instructor,
        args: |f, _, _| json!({ "attemptId": f.other_attempt, "questionId": "q-short", "score": 1.0, "comment": "好" }),
        effect: Effect::Writes,
    },
    Row { command: "quiz_key_changes", min: Instructor, args: course, effect: Effect::Returns(Value::is_array) },
    // The fixture's course was installed once, so no key has changed: the rules refuse it.
    Row {
        command: "regrade_question",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "questionId": "q-single" }),
        effect: Effect::RefusedByRules("not_found"),
    },
    Row {
        command: "item_analysis",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "quizId": QUIZ }),
        effect: Effect::Returns(|v| v["attempts"].as_u64().is_some_and(|n| n >= 4)),
    },
    Row {
        command: "export_item_analysis",
        min: Instructor,
        args: |_, _, r| json!({ "courseId": COURSE, "quizId": QUIZ, "path": path(r, "items.csv") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "preview_question_file",
        min: Instructor,
        args: |f, _, _| json!({ "path": f.repo.join("tests/fixtures/quiz/gift-all-features.gift"), "format": "gift" }),
        effect: Effect::Returns(|v| non_empty(&v["questions"])),
    },
    Row {
        command: "import_local_quiz",
        min: Instructor,
        args: |f, _, _| {
            json!({ "courseId": COURSE, "request": {
                "path": f.repo.join("tests/fixtures/quiz/gift-all-features.gift"), "format": "gift", "partial": true,
                "title": "GIFT 练习", "passMark": 0.6, "feedback": "immediate" } })
        },
        effect: Effect::Writes,
    },
    Row { command: "local_quizzes", min: Learner, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "archive_local_quiz",
        min: Instructor,
        args: |f, _, _| json!({ "courseId": COURSE, "quizId": f.local_quiz }),
        effect: Effect::Writes,
    },
    // Practice tasks.
    Row {
        command: "module_tasks",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": "m02-plan" }),
        effect: Effect::Returns(non_empty),
    },
    Row {
        command: "task_page",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK }),
        effect: Effect::Returns(|v| non_empty(&v["versions"])),
    },
    Row {
        command: "task_preview",
        min: Learner,
        args: |_, _, _| json!({ "markdown": "**加粗**" }),
        effect: Effect::Returns(|v| v.as_str().is_some_and(|h| h.contains("<strong>"))),
    },
    Row {
        command: "task_save_draft",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK, "markdown": "第三版", "attachments": [] }),
        effect: Effect::Writes,
    },
    Row {
        command: "task_add_attachment",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK, "name": "补充.pdf", "bytes": b"%PDF-1.7 more".to_vec() }),
        effect: Effect::Writes,
    },
    Row {
        command: "task_submit",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK }),
        effect: Effect::Writes,
    },
    Row {
        command: "grading_queue",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "filter": { "offset": 0 } }),
        effect: Effect::Returns(|v| non_empty(&v["rows"])),
    },
    Row {
        command: "grading_view",
        min: Instructor,
        args: |f, _, _| json!({ "versionId": f.other_version }),
        effect: Effect::Returns(|v| v.is_object()),
    },
    Row {
        command: "grading_save_mark",
        min: Instructor,
        args: |f, _, _| json!({ "versionId": f.other_version, "mark": mark() }),
        effect: Effect::Writes,
    },
    Row {
        command: "grading_release",
        min: Instructor,
        args: |f, _, _| json!({ "versionId": f.other_version }),
        effect: Effect::Writes,
    },
    Row {
        command: "grading_set_double_marking",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK, "on": true }),
        effect: Effect::Writes,
    },
    Row {
        command: "moderation_view",
        min: Instructor,
        args: |f, _, _| json!({ "versionId": f.other_version }),
        effect: Effect::Returns(|v| v.is_object()),
    },
    Row {
        command: "grading_moderate",
        min: Instructor,
        args: |f, _, _| json!({ "versionId": f.other_version, "mark": mark() }),
        effect: Effect::Writes,
    },
    Row {
        command: "grading_record_observation",
        min: Instructor,
        args: |f, _, _| json!({ "courseId": COURSE, "taskId": TASK, "learnerId": f.other, "notes": "课堂上完成了建群演练。" }),
        effect: Effect::Writes,
    },
    Row {
        command: "grading_agreement",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "taskId": TASK }),
        effect: Effect::Returns(Value::is_array),
    },
    Row { command: "comment_bank_list", min: Instructor, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "comment_bank_add",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "criterionId": null, "text": "写清每次互动的负责人。" }),
        effect: Effect::Writes,
    },
    Row {
        command: "comment_bank_use",
        min: Instructor,
        args: |f, _, _| json!({ "courseId": COURSE, "commentId": f.comment }),
        effect: Effect::Writes,
    },
    Row {
        command: "comment_bank_delete",
        min: Instructor,
        args: |f, _, _| json!({ "commentId": f.comment }),
        effect: Effect::Writes,
    },
    Row { command: "grading_distributions", min: Instructor, args: course, effect: Effect::Returns(non_empty) },
    Row { command: "grading_grader_stats", min: Instructor, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "grading_export_table",
        min: Instructor,
        args: |_, _, r| json!({ "courseId": COURSE, "path": path(r, "grades.xlsx") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "bundle_export_submissions",
        min: Learner,
        args: |_, _, r| json!({ "courseId": COURSE, "path": path(r, "mine.zip") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "bundle_import_submissions",
        min: Instructor,
        args: |_, _, r| json!({ "path": r.path("in/submissions.zip") }),
        effect: Effect::Returns(|v| v["bundleId"].is_string()),
    },
    Row {
        command: "bundle_export_grades",
        min: Instructor,
        args: |_, _, r| json!({ "courseId": COURSE, "path": path(r, "grades.zip") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "bundle_import_grades",
        min: Learner,
        args: |_, _, r| json!({ "path": r.path("in/grades.zip") }),
        effect: Effect::Returns(|v| v["bundleId"].is_string()),
    },
    Row {
        command: "bundle_trust_key",
        min: Instructor,
        args: |f, _, r| json!({ "path": r.path("in/grades.zip"), "kind": "grades", "fingerprint": f.grades_fingerprint }),
        effect: Effect::Writes,
    },
    Row {
        command: "task_attachment_image",
        min: Learner,
        args: |f, w, _| json!({ "versionId": f.own(w).version, "sha256": f.own(w).attachment }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "task_attachment_save",
        min: Learner,
        args: |f, w, r| json!({ "versionId": f.own(w).version, "sha256": f.own(w).attachment, "path": path(r, "copy.pdf") }),
        effect: Effect::WritesFile,
    },
    // Profiles.
    Row {
        command: "list_profiles",
        min: Learner,
        args: none,
        effect: Effect::Returns(|v| v["profiles"].as_array().is_some_and(|p| p.len() == 4)),
    },
    Row {
        command: "create_profile",
        min: Learner,
        args: |_, _, _| json!({ "profile": { "displayName": "新同学", "avatarColour": null } }),
        effect: Effect::Writes,
    },
    Row {
        command: "rename_profile",
        min: Learner,
        args: |f, w, _| json!({ "profileId": f.own(w).profile, "displayName": "改名后" }),
        effect: Effect::Writes,
    },
    Row {
        command: "set_avatar_colour",
        min: Learner,
        args: |f, w, _| json!({ "profileId": f.own(w).profile, "colour": "#336699" }),
        effect: Effect::Writes,
    },
    Row {
        command: "delete_profile",
        min: Admin,
        args: |f, _, _| json!({ "profileId": f.other }),
        effect: Effect::Writes,
    },
    Row {
        command: "set_profile_role",
        min: Admin,
        args: |f, _, _| json!({ "profileId": f.other, "role": "instructor", "pin": "135790" }),
        effect: Effect::Writes,
    },
    Row {
        command: "switch_profile",
        min: Learner,
        args: |f, _, _| json!({ "profileId": f.other, "pin": null }),
        effect: Effect::Returns(|v| v["status"] == "switched"),
    },
    Row {
        command: "admin_log",
        min: Admin,
        args: none,
        effect: Effect::Returns(|v| v.as_array().is_some_and(|log| log.iter().any(|e| e["action"] == "import_pack"))),
    },
    Row {
        command: "session_status",
        min: Learner,
        args: none,
        effect: Effect::Returns(|v| v["locked"] == false && v["idleLockMinutes"] == 10),
    },
    Row {
        command: "set_idle_lock_minutes",
        min: Admin,
        args: |_, _, _| json!({ "minutes": 15 }),
        effect: Effect::Writes,
    },
    // Setting the machine up, and PINs. The template's machine is set up
    // already (it has an admin), so the first-run answers are refused to all.
    Row {
        command: "machine_setup",
        min: Learner,
        args: none,
        effect: Effect::Returns(|v| v["machineUse"] == "shared" && v["hasAdmin"] == true),
    },
    Row {
        command: "set_up_personal_machine",
        min: Learner,
        args: |_, _, _| json!({ "displayName": "小林" }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "set_up_shared_machine",
        min: Learner,
        args: |_, _, _| json!({ "setup": { "adminName": "新管理员", "pin": "864200", "learnerPinsRequired": true } }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "set_up_admin",
        min: Learner,
        args: |_, _, _| json!({ "displayName": "新管理员", "pin": "864200" }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "confirm_admin",
        min: Admin,
        args: none,
        effect: Effect::Returns(|v| v["recoveryCode"].is_string()),
    },
    Row {
        command: "recover_admin",
        min: Learner,
        // A learner has no recovery code: refused before any try is counted
        // (wrong codes against an admin count like wrong PINs: machine_tests).
        args: |f, _, _| json!({ "profileId": f.other, "code": "AAAA-AAAA-AAAA-AAAA", "newPin": "864200" }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "set_learner_pins_required",
        min: Admin,
        args: |_, _, _| json!({ "required": true }),
        effect: Effect::Writes,
    },
    Row {
        command: "reset_pin",
        min: Admin,
        args: |f, _, _| json!({ "profileId": f.other, "newPin": "2468" }),
        effect: Effect::Writes,
    },
    Row {
        command: "change_own_pin",
        min: Learner,
        args: |_, who, _| match who {
            Learner => json!({ "current": null, "newPin": "2468" }),
            Instructor => json!({ "current": INSTRUCTOR_PIN, "newPin": "864200" }),
            Admin => json!({ "current": ADMIN_PIN, "newPin": "864200" }),
        },
        effect: Effect::Writes,
    },
    // Impact studies and the survey.
    Row { command: "impact_metric_templates", min: Instructor, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "impact_list_studies",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": null }),
        effect: Effect::Returns(non_empty),
    },
    Row {
        command: "impact_get_study",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study }),
        effect: Effect::Returns(|v| v["id"].is_string()),
    },
    Row {
        command: "impact_create_study",
        min: Instructor,
        args: |f, _, _| json!({ "input": f.study_input }),
        effect: Effect::Writes,
    },
    Row {
        command: "impact_update_study",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study, "input": f.study_input }),
        effect: Effect::Writes,
    },
    Row {
        command: "impact_delete_study",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study }),
        effect: Effect::Writes,
    },
    Row {
        command: "impact_preview_import",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study, "path": f.repo.join("tests/fixtures/packs/good/quizzes/demo/data/sample-impact.csv") }),
        effect: Effect::Returns(|v| v.is_object()),
    },
    Row {
        command: "impact_import",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study, "path": f.repo.join("tests/fixtures/packs/good/quizzes/demo/data/sample-impact.csv"), "mapping": f.mapping }),
        effect: Effect::Writes,
    },
    Row {
        command: "impact_record",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study, "rows": [{ "unit": "s01", "metricId": "new_fans", "period": "after", "value": 60.0 }] }),
        effect: Effect::Writes,
    },
    Row {
        command: "impact_report",
        min: Instructor,
        args: |f, _, _| json!({ "studyId": f.study }),
        effect: Effect::Returns(Value::is_object),
    },
    Row {
        command: "impact_export",
        min: Instructor,
        args: |f, _, r| json!({ "studyId": f.study, "dir": r.path("report"), "formats": ["csv"] }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "submit_survey",
        min: Learner,
        args: |_, _, _| json!({ "courseId": COURSE, "surveyId": "survey-satisfaction", "answers": [{ "itemId": "suggestion", "text": "多一些案例" }] }),
        effect: Effect::Writes,
    },
    Row { command: "survey_forms", min: Learner, args: course, effect: Effect::Returns(non_empty) },
    // xAPI.
    Row {
        command: "xapi_status",
        min: Instructor,
        args: none,
        effect: Effect::Returns(|v| v["pending"].as_i64().is_some_and(|n| n > 0)),
    },
    Row { command: "xapi_settings", min: Instructor, args: none, effect: Effect::Returns(Value::is_object) },
    Row {
        command: "xapi_save_settings",
        min: Admin,
        args: |_, _, _| json!({ "input": { "endpoint": "http://127.0.0.1:9/xAPI", "username": "qx", "password": "s3cret", "iriBase": "https://lrs.example.com/qunxue" } }),
        effect: Effect::Writes,
    },
    Row { command: "xapi_sync_now", min: Learner, args: none, effect: Effect::RefusedByRules("invalid_input") },
    // Classes and records that travel.
    Row {
        command: "class_create",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "name": "华南门店二期" }),
        effect: Effect::Writes,
    },
    Row {
        command: "class_join",
        min: Learner,
        args: |f, _, _| json!({ "courseId": COURSE, "code": f.class }),
        effect: Effect::Returns(|v| v["joinCode"].as_str().is_some_and(|c| c.contains('-'))),
    },
    Row { command: "my_classes", min: Learner, args: course, effect: Effect::Returns(non_empty) },
    Row { command: "course_classes", min: Learner, args: course, effect: Effect::Returns(non_empty) },
    Row {
        command: "class_members",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "classId": null }),
        effect: Effect::Returns(|v| non_empty(&v["members"])),
    },
    Row {
        command: "class_export",
        min: Instructor,
        args: |f, _, r| json!({ "courseId": COURSE, "classId": f.class, "path": path(r, "class.xlsx") }),
        effect: Effect::WritesFile,
    },
    // No LRS is configured in the template: refused for want of one.
    Row {
        command: "class_pull",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "onProgress": "__CHANNEL__:8" }),
        effect: Effect::RefusedByRules("invalid_input"),
    },
    Row {
        command: "class_remove_member",
        min: Instructor,
        args: |f, _, _| json!({ "classId": f.class, "profileId": f.own(Learner).profile }),
        effect: Effect::Writes,
    },
    Row {
        command: "records_export_own",
        min: Learner,
        args: |_, _, r| json!({ "courseId": COURSE, "path": path(r, "my-records.zip") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "records_import",
        min: Instructor,
        args: |_, _, r| json!({ "path": r.path("in/records.zip") }),
        effect: Effect::Returns(|v| v["learners"] == 1),
    },
];

/// The commands that could serve a module, on the pack's instructor-only
/// module (issue 30): learners are refused what the same commands give them
/// on any other module. Not part of the one-row-per-command table above.
const INSTRUCTOR_MATERIAL: &[Row] = &[
    Row {
        command: "course_file_bytes",
        min: Instructor,
        args: |_, _, _| json!({ "assetPath": "/acme.demo/assets/instructor/answer-key.txt" }),
        // The key's text, 案例讨论参考答案…, as UTF-8 bytes.
        effect: Effect::Returns(|v| v.as_array().is_some_and(|b| b.len() > 3 && b[..3] == [230, 161, 136])),
    },
    Row {
        command: "save_course_file",
        min: Instructor,
        args: |_, _, r| json!({ "assetPath": "/acme.demo/assets/instructor/answer-key.txt", "path": path(r, "key.txt") }),
        effect: Effect::WritesFile,
    },
    Row {
        command: "open_module",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": GUIDE }),
        effect: Effect::Returns(|v| {
            v["instructorOnly"] == true && v["html"].as_str().is_some_and(|h| h.contains("讲师手册"))
        }),
    },
    Row {
        command: "complete_module",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": GUIDE }),
        effect: Effect::Writes,
    },
    Row {
        command: "module_notes",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": GUIDE }),
        effect: Effect::Returns(|v| v["notes"].is_array()),
    },
    Row {
        command: "add_note",
        min: Instructor,
        args: |_, _, _| json!({ "note": { "courseId": COURSE, "moduleId": GUIDE, "body": "带课提醒", "quote": null, "anchor": null } }),
        effect: Effect::Writes,
    },
    Row {
        command: "set_bookmark",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": GUIDE, "on": true }),
        effect: Effect::Writes,
    },
    Row {
        command: "module_quizzes",
        min: Instructor,
        args: |_, _, _| json!({ "courseId": COURSE, "moduleId": GUIDE }),
        effect: Effect::Returns(|v| v.is_array()),
    },
];

/// The instructor-only module of the test pack.
const GUIDE: &str = "m04-facilitator";

#[test]
fn instructor_only_material_as_every_role() {
    let fixture = fixture();
    let failures: Vec<String> = INSTRUCTOR_MATERIAL
        .iter()
        .flat_map(|row| Who::ALL.into_iter().map(move |who| (row, who)))
        .filter_map(|(row, who)| check(row, who, fixture))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs one row as one role; returns a failure description, if any.
fn check(row: &Row, who: Who, fixture: &Fixture) -> Option<String> {
    let run = Run::start(fixture, who);
    let args = (row.args)(fixture, who, &run);
    let before = run.snapshot();
    let outcome = run.invoke(row.command, args.clone());
    let after = run.snapshot();
    let label = format!("{} as {}", row.command, who.label());
    if who < row.min {
        return match outcome {
            Err(failure) if failure.kind == "forbidden" => {
                (before != after).then(|| format!("{label}: refused, but the database changed"))
            }
            other => Some(format!("{label}: must be refused as forbidden, got {other:?}")),
        };
    }
    match (&row.effect, outcome) {
        (Effect::RefusedByRules(kind), Err(failure)) if failure.kind == *kind => {
            (before != after).then(|| format!("{label}: refused by the rules, but the database changed"))
        }
        (Effect::RefusedByRules(kind), other) => Some(format!("{label}: expected {kind}, got {other:?}")),
        (_, Err(failure)) => Some(format!("{label}: must be allowed, got {failure:?} (args {args})")),
        (Effect::Writes, Ok(_)) => (before.0 == after.0).then(|| format!("{label}: allowed, but wrote nothing")),
        (Effect::Returns(holds), Ok(value)) => (!holds(&value)).then(|| format!("{label}: unexpected answer {value}")),
        (Effect::WritesFile, Ok(_)) => {
            let target = args["path"].as_str().or(args["dir"].as_str()).map(std::path::PathBuf::from);
            let written =
                target.is_some_and(|t| t.is_file() || std::fs::read_dir(&t).is_ok_and(|mut d| d.next().is_some()));
            (!written).then(|| format!("{label}: allowed, but wrote no file"))
        }
    }
}

#[test]
fn every_command_as_every_role() {
    let commands: BTreeSet<&str> = qunxue_desktop::COMMANDS.iter().copied().collect();
    let rows: BTreeSet<&str> = ROWS.iter().map(|r| r.command).collect();
    assert_eq!(ROWS.len(), rows.len(), "a command has two rows");
    let missing: Vec<_> = commands.difference(&rows).collect();
    let stale: Vec<_> = rows.difference(&commands).collect();
    assert!(missing.is_empty(), "registered commands without a row in the matrix: {missing:?}");
    assert!(stale.is_empty(), "rows for commands that are not registered: {stale:?}");

    let fixture = fixture();
    let failures: Vec<String> = ROWS
        .iter()
        .flat_map(|row| Who::ALL.into_iter().map(move |who| (row, who)))
        .filter_map(|(row, who)| check(row, who, fixture))
        .collect();
    println!("permission matrix: {} commands × {} roles", ROWS.len(), Who::ALL.len());
    assert!(
        failures.is_empty(),
        "{} of {} calls broke the matrix:\n{}",
        failures.len(),
        ROWS.len() * 3,
        failures.join("\n")
    );
}

/// docs/security.md's role table, from the rows.
#[test]
fn the_security_doc_shows_the_matrix() {
    let mut table = String::from("| command | learner | instructor | admin |\n|---|---|---|---|\n");
    let mut rows: Vec<&Row> = ROWS.iter().collect();
    rows.sort_by_key(|r| r.command);
    for row in rows {
        let cell = |who: Who| if who >= row.min { "✓" } else { "—" };
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            row.command,
            cell(Learner),
            cell(Instructor),
            cell(Admin)
        ));
    }
    let doc_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/security.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let (start, end) = ("<!-- permission-matrix:start -->\n", "<!-- permission-matrix:end -->");
    let (Some(a), Some(b)) = (doc.find(start), doc.find(end)) else {
        panic!("docs/security.md has no {start:?} … {end:?} block");
    };
    let current = &doc[a + start.len()..b];
    if std::env::var_os("QUNXUE_BLESS").is_some() {
        std::fs::write(&doc_path, format!("{}{table}{}", &doc[..a + start.len()], &doc[b..])).unwrap();
    } else {
        assert_eq!(current, table, "docs/security.md's role table is stale: run the test with QUNXUE_BLESS=1");
    }
}
