//! The valid pack loads cleanly, whatever its line endings, and inspects as expected.

use qunxue_core::pack::inspect;
use qunxue_core::pack::model::QuestionType;

use crate::fixture::{shown, Fixture};

#[test]
fn the_valid_pack_has_no_diagnostics() {
    let report = Fixture::valid().load();
    assert_eq!(shown(&report), Vec::<String>::new());
    assert!(!report.has_errors());
    let [course] = &report.courses[..] else { panic!("one course expected") };
    assert_eq!(course.slug, "demo");
    assert_eq!(course.manifest_path, "courses/demo/course.toml");
    let module_paths: Vec<_> = course.modules.iter().map(|m| (m.relative.as_str(), m.body_line)).collect();
    assert_eq!(module_paths, [("modules/01-concept.md", 10), ("modules/02-practice.md", 8), ("modules/03-case.md", 6)]);
    assert_eq!(course.modules[0].path, "courses/demo/modules/01-concept.md");
    assert_eq!(course.banks.len(), 2);
    let kinds: Vec<_> = course.banks[0].questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, QuestionType::ALL);
    let quiz_ids: Vec<_> = course.quizzes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(quiz_ids, ["quiz-m01", "quiz-pre", "quiz-post"]);
    assert_eq!(course.quizzes[1].draws[0].count, 2);
    assert_eq!(course.rubrics[0].criteria[0].levels.len(), 2);
    assert_eq!(course.datasets, ["quizzes/demo/data/sample-impact.csv"]);
    assert_eq!(
        course.assets,
        [
            "courses/demo/assets/growth.png",
            "courses/demo/assets/intro.mp4",
            "courses/demo/assets/intro.vtt",
            "courses/demo/assets/logo.svg"
        ]
    );
}

#[test]
fn inspection_counts_modules_questions_and_characters() {
    let report = Fixture::valid().load();
    let json = serde_json::to_value(inspect(&report.courses[0])).unwrap();
    let chars: usize =
        report.courses[0].modules.iter().map(|m| m.body.chars().filter(|c| !c.is_whitespace()).count()).sum();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "acme.demo",
            "version": "1.0.0",
            "modules": {"theory": 1, "practice": 1, "case": 1, "instructor": 0},
            "questions": 10,
            "question_types": {
                "single": 1, "multiple": 1, "true_false": 3, "fill_blank": 1,
                "matching": 1, "ordering": 1, "numeric": 1, "short_answer": 1,
            },
            "quizzes": 3,
            "tasks": 1,
            "rubrics": 1,
            "metric_templates": 2,
            "surveys": 1,
            "branding": "Acme",
            "chars": chars,
        })
    );
    assert!(chars > 50);
}

#[test]
fn bom_and_crlf_are_tolerated() {
    let report = Fixture::valid().windows_line_endings().load();
    assert_eq!(shown(&report), Vec::<String>::new());
    assert_eq!(report.courses[0].modules[0].meta.id, "m01-concept");
}

#[test]
fn positions_stay_right_in_crlf_files() {
    let edit = crate::fixture::Edit::Replace("quizzes/demo/banks/pre.toml", "answer = true", "answer = 1");
    let report = Fixture::valid().apply(&edit).windows_line_endings().load();
    assert_eq!(
        shown(&report),
        ["quizzes/demo/banks/pre.toml:19:10: the answer of a true_false question is true or false"]
    );
}

#[test]
fn models_round_trip_through_json() {
    let report = Fixture::valid().load();
    let course = &report.courses[0];
    let json = serde_json::to_string(&course.banks[0]).unwrap();
    let back: qunxue_core::pack::model::Bank = serde_json::from_str(&json).unwrap();
    assert_eq!(back, course.banks[0]);
    let json = serde_json::to_string(&course.quizzes).unwrap();
    let back: Vec<qunxue_core::pack::model::Quiz> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, course.quizzes);
}
