//! Aiken import on `tests/fixtures/quiz/aiken-*.txt` and small cases.

use rstest::rstest;

use super::*;

const SAMPLE: &str = include_str!("../../../../../tests/fixtures/quiz/aiken-sample.txt");
const BROKEN: &str = include_str!("../../../../../tests/fixtures/quiz/aiken-broken.txt");

fn expected(n: usize, stem: &str, options: &[&str], answer: i64) -> Question {
    let mut q = Format::Aiken.question(n, QuestionType::Single, stem.into());
    q.options = Some(options.iter().map(|s| s.to_string()).collect());
    q.answer = Some(Answer::Integer(answer));
    q
}

#[test]
fn quiz_aiken_sample_fixture() {
    let imported = parse_aiken("aiken-sample.txt", SAMPLE, ImportMode::AllOrNothing);
    assert!(imported.diagnostics.is_empty(), "{:#?}", imported.diagnostics);
    assert_eq!(
        imported.questions,
        [
            // `A.` options
            expected(1, "社群运营的核心目标是什么？", &["拉新", "建立信任", "发广告"], 1),
            // `A)` options
            expected(2, "以下哪个平台以短视频为主？", &["微信", "抖音", "微博", "知乎"], 1),
            // no blank line before it, a two-line stem, `A、` options and `ANSWER：`
            expected(3, "多行题干的第一行，\n第二行：哪个指标衡量成员是否留下？", &["留存率", "曝光量"], 0),
            // lower-case `answer: a`
            expected(4, "Which metric shows whether new members stay?", &["Retention", "Impressions"], 0),
        ]
    );
    assert!(imported.questions[0].explanation.contains("Aiken"), "imported questions say they have no explanation");
}

/// (line, col, part of the message) of each error in `aiken-broken.txt`.
const BROKEN_ERRORS: [(usize, usize, &str); 6] = [
    (1, 1, "no `ANSWER:` line"),
    (7, 1, "expected option `B` here, not `C`"),
    (13, 1, "`ANSWER: D` names no option: the options are A to B"),
    (17, 1, "at least 2 options"),
    (19, 1, "an option before any question text"),
    (25, 1, "must name one option letter"),
];

#[test]
fn quiz_aiken_broken_fixture_reports_every_question_at_its_line() {
    let imported = parse_aiken("aiken-broken.txt", BROKEN, ImportMode::AllOrNothing);
    assert!(imported.questions.is_empty());
    assert_eq!(imported.diagnostics.len(), BROKEN_ERRORS.len(), "{:#?}", imported.diagnostics);
    for (d, (line, col, message)) in imported.diagnostics.iter().zip(BROKEN_ERRORS) {
        assert_eq!((d.line, d.col), (line, col), "{d}");
        assert!(d.message.contains(message), "line {line}: `{}` lacks `{message}`", d.message);
        assert!(d.is_error());
    }
    let partial = parse_aiken("aiken-broken.txt", BROKEN, ImportMode::Partial);
    assert_eq!(partial.questions.len(), 1);
    assert_eq!(partial.questions[0].stem, "好题：选 A。");
    // The option that came before any question text opened no question, so it has no number.
    assert_eq!(partial.questions[0].id, "aiken-006");
}

#[test]
fn quiz_aiken_errors_are_also_in_chinese() {
    let imported = parse_aiken("aiken-broken.txt", BROKEN, ImportMode::AllOrNothing);
    let d = &imported.diagnostics[1];
    assert_eq!((d.line, d.col), (7, 1));
    assert_eq!(d.message, "expected option `B` here, not `C`");
    assert_eq!(d.message_zh, "此处应为选项 `B`，而不是 `C`");
    assert!(d.line_in(crate::Lang::Zh).starts_with("aiken-broken.txt:7:1: "), "{d:?}");
    assert!(imported.diagnostics.iter().all(|d| !d.message_zh.is_empty() && d.message_zh != d.message));
}

#[rstest]
#[case::dot("A. 文本", Some(('A', "文本")))]
#[case::parenthesis("B) 文本", Some(('B', "文本")))]
#[case::chinese_comma("C、文本", Some(('C', "文本")))]
#[case::full_width_parenthesis("D）文本", Some(('D', "文本")))]
#[case::no_space_after_dot("A.I. 改变了社群", None)]
#[case::lower_case("a. 文本", None)]
#[case::not_an_option("AB. 文本", None)]
fn quiz_aiken_option_lines(#[case] line: &str, #[case] option: Option<(char, &str)>) {
    assert_eq!(option_line(line), option);
}

#[rstest]
#[case::standard("ANSWER: B", Some("B"))]
#[case::no_space("ANSWER:C", Some("C"))]
#[case::full_width_colon("ANSWER：A", Some("A"))]
#[case::lower_case("answer: a", Some("a"))]
#[case::not_answer("ANSWERS: A", None)]
#[case::too_short("ANS", None)]
#[case::chinese("答案：A", None)]
fn quiz_aiken_answer_lines(#[case] line: &str, #[case] value: Option<&str>) {
    assert_eq!(answer_value(line), value);
}
