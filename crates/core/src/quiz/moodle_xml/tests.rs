//! Moodle XML import on `tests/fixtures/quiz/moodle-bank.xml`: two
//! categories, one question of each supported type, an embedded image and
//! an unsupported type; and on broken files.

use super::*;
use crate::quiz::{present_question, score, LearnerAnswer, Presentation};
use crate::Severity;

const BANK: &str = include_str!("../../../../../tests/fixtures/quiz/moodle-bank.xml");

fn imported() -> Imported {
    parse_moodle_xml("moodle-bank.xml", BANK, ImportMode::AllOrNothing)
}

#[test]
fn every_supported_type_converts_with_its_category_and_fractions() {
    let imported = imported();
    assert!(!imported.has_errors(), "{:#?}", imported.diagnostics);
    use QuestionType::*;
    let kinds: Vec<QuestionType> = imported.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [Single, Multiple, TrueFalse, FillBlank, Numeric, Matching, Ordering, ShortAnswer]);
    let tags: Vec<&str> = imported.questions.iter().map(|q| q.tags[0].as_str()).collect();
    assert_eq!(
        tags,
        [
            "社群运营/概念",
            "社群运营/概念",
            "社群运营/概念",
            "社群运营/数据",
            "社群运营/数据",
            "社群运营/数据",
            "社群运营/数据",
            "社群运营/数据"
        ]
    );

    let single = &imported.questions[0];
    assert_eq!((single.answer, single.points), (Some(Answer::Integer(0)), 2.0));
    assert_eq!(single.feedback.as_deref().map(|f| f[1].as_str()), Some("信任建立更慢。"));
    assert!(single.explanation.contains("信任"), "{}", single.explanation);
    assert_eq!(imported.questions[1].answers, Some(vec![0, 2]));
    assert_eq!(imported.questions[2].answer, Some(Answer::Bool(false)));

    let blank = &imported.questions[3];
    assert!(blank.stem.ends_with(crate::pack::model::BLANK_MARKER), "{}", blank.stem);
    let presentation = Presentation { seed: 1, questions: vec![present_question(blank, 1, false)] };
    let half = score(blank, &LearnerAnswer::Blanks(vec!["下午".into()]), &presentation);
    assert_eq!(half.score, 0.5);
    assert!(blank.explanation.contains("其他答案：完全不对"), "{}", blank.explanation);

    let numeric = &imported.questions[4];
    assert_eq!((numeric.answer, numeric.tolerance), (Some(Answer::Integer(20)), Some(0.5)));
    let matching = &imported.questions[5];
    assert_eq!(matching.pairs.as_ref().map(Vec::len), Some(3));
    assert_eq!(matching.distractors, Some(vec!["微博超话".to_string()]));
    assert_eq!(imported.questions[6].items.as_ref().map(|i| i[0].as_str()), Some("定目标"));
    assert_eq!(imported.questions[7].reference.as_deref(), Some("结论要有数据、有原因、有下一步。"));
}

#[test]
fn an_embedded_image_is_extracted_and_linked_from_the_stem() {
    let imported = imported();
    assert_eq!(imported.files.len(), 1);
    assert_eq!(imported.files[0].name, "funnel_chart.png");
    assert!(imported.files[0].bytes.starts_with(b"\x89PNG"), "the base64 was decoded");
    let stem = &imported.questions[0].stem;
    assert!(stem.contains("![漏斗示意图](assets/funnel_chart.png)"), "{stem}");
    assert!(!stem.contains('<'), "no HTML survives: {stem}");
}

#[test]
fn an_unsupported_type_is_named_with_its_reason_and_left_out() {
    let imported = imported();
    let warning =
        imported.diagnostics.iter().find(|d| d.message.contains("随机计算")).expect("the calculated question is named");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(warning.message.contains("(calculated) is left out: calculated questions"), "{}", warning.message);
    assert!(warning.message_zh.contains("计算题"), "{}", warning.message_zh);
    assert!(warning.line > 70, "at its own line: {}", warning.line);
}

#[test]
fn broken_files_are_named_at_their_place() {
    let not_xml = parse_moodle_xml("x.xml", "<quiz><question>", ImportMode::AllOrNothing);
    assert!(not_xml.has_errors() && not_xml.questions.is_empty(), "{:?}", not_xml.diagnostics);
    let not_moodle = parse_moodle_xml("x.xml", "<html><body/></html>", ImportMode::AllOrNothing);
    assert!(not_moodle.diagnostics[0].message.contains("root element is not <quiz>"), "{:?}", not_moodle.diagnostics);
    let two_right = "<quiz>\n<question type=\"multichoice\"><name><text>两个对</text></name><questiontext><text>题</text></questiontext><single>true</single>\
        <answer fraction=\"100\"><text>甲</text></answer><answer fraction=\"100\"><text>乙</text></answer></question></quiz>";
    let imported = parse_moodle_xml("x.xml", two_right, ImportMode::AllOrNothing);
    let error = imported.diagnostics.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!((error.line, error.col), (2, 1));
    assert!(error.message.contains("`两个对` is single-answer but has 2 fully right answers"), "{}", error.message);
}

#[test]
fn file_names_from_the_bank_cannot_climb_out() {
    assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
    assert_eq!(safe_file_name("..\\..\\x.png"), "x.png");
    assert_eq!(safe_file_name(".hidden.png"), "hidden.png");
    assert_eq!(safe_file_name("图 1%20a.png"), "图_1_a.png");
}
