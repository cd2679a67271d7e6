//! The CLI contract of DESIGN.md §4 for packs, driving the built `qunxue`
//! binary: arguments, output shapes and exit codes that scripts rely on.

use qunxue_tests::cli::{qunxue, qunxue_in_locale, qunxue_with_pin};
use qunxue_tests::packs::{fixture, repo_root};
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use qunxue_tests::snapshot::DataDir;
use serde_json::{json, Value};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn validate_accepts_the_shipped_curriculum() {
    let root = repo_root().join("courses/..");
    let output = qunxue(&["validate", path(&root)]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    let output = qunxue(&["validate", path(&repo_root().join("courses/community-ops"))]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn validate_prints_one_located_problem_per_line_and_exits_1() {
    let output = qunxue(&["validate", path(&fixture("dangling-refs"))]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    for line in lines {
        let mut parts = line.splitn(4, ':');
        let (file, line_no, col) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        assert!(file.starts_with("courses/demo/") || file.starts_with("quizzes/demo/"), "{line}");
        assert!(line_no.parse::<usize>().unwrap() >= 1 && col.parse::<usize>().unwrap() >= 1, "{line}");
        assert!(!parts.next().unwrap().trim().is_empty(), "{line}");
    }
}

#[test]
fn validate_speaks_chinese_under_a_chinese_locale() {
    let pack = fixture("dangling-refs");
    let english = stdout(&qunxue(&["validate", path(&pack)]));
    let output = qunxue_in_locale("zh_CN.UTF-8", &["validate", path(&pack)]);
    assert_eq!(output.status.code(), Some(1));
    let chinese = stdout(&output);
    assert_eq!(chinese.lines().count(), english.lines().count(), "{chinese}");
    for (zh, en) in chinese.lines().zip(english.lines()) {
        let location = |line: &str| line.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
        assert_eq!(location(zh), location(en));
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "not Chinese: {zh}");
    }
    assert!(chinese.contains("没有 id 为"), "{chinese}");
}

#[test]
fn validate_json_has_the_documented_shape() {
    let output = qunxue(&["validate", path(&fixture("bad-kind")), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["valid"], json!(false));
    let first = &value["diagnostics"][0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["col", "file", "line", "message", "message_zh", "severity"]);
    assert_eq!((first["file"].as_str(), first["line"].as_u64()), (Some("courses/demo/modules/01-intro.md"), Some(3)));
    assert_eq!(first["severity"], json!("error"));

    let output = qunxue(&["validate", path(&fixture("good")), "--json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(serde_json::from_str::<Value>(&stdout(&output)).unwrap(), json!({"valid": true, "diagnostics": []}));
}

#[test]
fn inspect_json_has_the_documented_shape() {
    let output = qunxue(&["inspect", path(&fixture("good")), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let course = &value["courses"][0];
    assert_eq!(course["id"], json!("acme.demo"));
    assert_eq!(course["modules"], json!({"theory": 1, "practice": 1, "case": 1, "instructor": 1}));
    for key in ["questions", "tasks", "rubrics", "metric_templates", "chars"] {
        assert!(course[key].is_u64(), "{key} in {course}");
    }

    let output = qunxue(&["inspect", path(&fixture("bad-version")), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("courses/demo/course.toml:3:"), "{}", stderr(&output));
}

#[test]
fn import_reports_what_happened_to_each_course() {
    let data = DataDir::new();
    let db = data.db();
    // Installing courses is an admin's: a learner is refused and nothing is written.
    let as_learner = qunxue(&["import", path(&fixture("good")), "--db", path(&db)]);
    assert_eq!(as_learner.status.code(), Some(1), "{}", stderr(&as_learner));
    assert!(stderr(&as_learner).contains("needs an admin and this computer has none yet"), "{}", stderr(&as_learner));
    assert!(!data.packs().exists(), "a refused import installs no file");
    let admin = add_admin(&db);
    let import = |pack: &str, extra: &[&str]| {
        let fixture = fixture(pack);
        let mut args = vec!["import", path(&fixture), "--db", path(&db), "--profile", admin.as_str()];
        args.extend_from_slice(extra);
        qunxue_with_pin(ADMIN_PIN, &args)
    };
    let output = import("good", &[]);
    assert_eq!(
        (output.status.code(), stdout(&output).as_str()),
        (Some(0), "installed acme.demo 1.0.0\n"),
        "{}",
        stderr(&output)
    );
    assert!(data.packs().join("acme.demo/1.0.0/courses/demo/course.toml").is_file());
    assert_eq!(stdout(&import("good", &[])), "unchanged acme.demo 1.0.0\n");
    assert_eq!(stdout(&import("good-v2", &[])), "updated acme.demo 1.1.0\n");

    let refused = import("good", &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("1.1.0 is installed"), "{}", stderr(&refused));
    assert_eq!(stdout(&import("good", &["--force"])), "downgraded acme.demo 1.0.0\n");

    let invalid = import("missing-file", &[]);
    assert_eq!(invalid.status.code(), Some(1));
    assert!(stderr(&invalid).starts_with("courses/demo/course.toml:6:"), "{}", stderr(&invalid));
}

/// Issue 28: an instructor (here the admin) takes a bank back to Moodle as
/// GIFT and as Moodle XML; each file reads back with the bank's questions,
/// what a format cannot hold is named by id, and a learner is refused (the
/// file holds the answer keys).
#[test]
fn quiz_export_writes_a_bank_that_reads_back_and_is_refused_to_learners() {
    let data = DataDir::new();
    let db = data.db();
    let admin = add_admin(&db);
    let imported =
        qunxue_with_pin(ADMIN_PIN, &["import", path(&fixture("good")), "--db", path(&db), "--profile", &admin]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let out = tempfile::tempdir().unwrap();
    let export = |to: &str, file: &str| {
        let target = out.path().join(file);
        let args = [
            "quiz",
            "export",
            "--db",
            path(&db),
            "--profile",
            &admin,
            "--course",
            "acme.demo",
            "--bank",
            "bank-intro",
            "--to",
            to,
            "--out",
            path(&target),
        ];
        (qunxue_with_pin(ADMIN_PIN, &args), target)
    };

    let (xml, xml_path) = export("moodle-xml", "bank.xml");
    assert_eq!(xml.status.code(), Some(0), "{}", stderr(&xml));
    assert!(stderr(&xml).contains("wrote 8 questions"), "{}", stderr(&xml));
    let text = std::fs::read_to_string(&xml_path).unwrap();
    let back = qunxue_app::domain::quiz::parse_moodle_xml(
        "bank.xml",
        &text,
        qunxue_app::domain::quiz::ImportMode::AllOrNothing,
    );
    assert!(!back.has_errors(), "{:?}", back.diagnostics);
    assert_eq!(back.questions.len(), 8);

    let (gift, gift_path) = export("gift", "bank.gift");
    assert_eq!(gift.status.code(), Some(0), "{}", stderr(&gift));
    // The bank's ordering question has no GIFT form: named, and the rest written.
    assert!(stderr(&gift).contains("q-ordering is left out: GIFT has no ordering"), "{}", stderr(&gift));
    let text = std::fs::read_to_string(&gift_path).unwrap();
    let back =
        qunxue_app::domain::quiz::parse_gift("bank.gift", &text, qunxue_app::domain::quiz::ImportMode::AllOrNothing);
    assert!(!back.has_errors(), "{:?}", back.diagnostics);
    assert_eq!(back.questions.len(), 7);

    let learner = qunxue(&["profile", "add", "--db", path(&db), "--name", "学员甲", "--json"]);
    let learner: Value = serde_json::from_str(&stdout(&learner)).unwrap();
    let refused = qunxue(&[
        "quiz",
        "export",
        "--db",
        path(&db),
        "--profile",
        learner["id"].as_str().unwrap(),
        "--course",
        "acme.demo",
        "--bank",
        "bank-intro",
        "--to",
        "gift",
        "--out",
        path(&out.path().join("learner.gift")),
    ]);
    assert_ne!(refused.status.code(), Some(0));
    assert!(!out.path().join("learner.gift").exists());
}
