//! Validation of whole packs through the app service: the shipped
//! curriculum and the good fixture pass; each broken fixture fails with a
//! diagnostic naming the file and the line of its problem.

use qunxue_app::import::{inspect_path, validate_path};
use qunxue_core::Severity;
use qunxue_tests::packs::{fixture, repo_root};
use rstest::rstest;

#[rstest]
#[case::repo_root(repo_root())]
#[case::courses_folder(repo_root().join("courses"))]
#[case::course_folder(repo_root().join("courses/community-ops"))]
fn the_shipped_curriculum_is_valid(#[case] path: std::path::PathBuf) {
    let outcome = validate_path(&path);
    let errors: Vec<String> = outcome.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
    assert!(outcome.valid, "the shipped curriculum must validate:\n{}", errors.join("\n"));
}

#[test]
fn the_good_fixtures_are_valid_without_warnings() {
    for name in ["good", "good-v2"] {
        let outcome = validate_path(&fixture(name));
        assert!(outcome.valid && outcome.diagnostics.is_empty(), "{name}: {:#?}", outcome.diagnostics);
    }
}

#[rstest]
#[case::bad_toml("bad-toml", "courses/demo/course.toml", 4)]
#[case::unknown_key("unknown-key", "courses/demo/course.toml", 6)]
#[case::bad_kind("bad-kind", "courses/demo/modules/01-intro.md", 3)]
#[case::bad_version("bad-version", "courses/demo/course.toml", 3)]
#[case::duplicate_ids("duplicate-ids", "quizzes/demo/banks/intro.toml", 13)]
#[case::dangling_quiz("dangling-refs", "courses/demo/modules/01-intro.md", 6)]
#[case::dangling_task("dangling-refs", "courses/demo/modules/01-intro.md", 7)]
#[case::dangling_image("dangling-refs", "courses/demo/modules/01-intro.md", 14)]
#[case::missing_file("missing-file", "courses/demo/course.toml", 6)]
#[case::bad_question("bad-question", "quizzes/demo/banks/intro.toml", 10)]
#[case::script_injection("script-injection", "courses/demo/modules/01-intro.md", 12)]
fn each_broken_pack_names_the_file_and_line(#[case] pack: &str, #[case] file: &str, #[case] line: usize) {
    let outcome = validate_path(&fixture(pack));
    assert!(!outcome.valid, "{pack} must be invalid");
    let found = outcome.diagnostics.iter().any(|d| d.severity == Severity::Error && d.file == file && d.line == line);
    let listed: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    assert!(found, "{pack}: expected an error at {file}:{line}, got:\n{}", listed.join("\n"));
}

#[test]
fn inspecting_the_good_pack_counts_its_content() {
    let courses = inspect_path(&fixture("good")).unwrap();
    let json = serde_json::to_value(&courses).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "id": "acme.demo",
            "version": "1.0.0",
            "modules": {"theory": 1, "practice": 1, "case": 1, "instructor": 1},
            "questions": 8,
            "question_types": json[0]["question_types"],
            "quizzes": json[0]["quizzes"],
            "tasks": 1,
            "rubrics": 1,
            "metric_templates": 2,
            "surveys": json[0]["surveys"],
            "branding": json[0]["branding"],
            "chars": json[0]["chars"],
        }])
    );
    assert!(json[0]["chars"].as_u64().unwrap() > 100);
    let per_type: u64 = json[0]["question_types"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(per_type, 8, "every question counted under its type");
    assert!(json[0]["quizzes"].as_u64().unwrap() >= 1);
}

#[test]
fn inspecting_a_broken_pack_returns_its_diagnostics() {
    let err = inspect_path(&fixture("bad-kind")).unwrap_err();
    assert!(!err.diagnostics().is_empty());
    assert_eq!(err.kind(), qunxue_app::ErrorKind::InvalidInput);
}
