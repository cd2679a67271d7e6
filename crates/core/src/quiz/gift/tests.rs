//! GIFT import on the fixtures in `tests/fixtures/quiz/` (every syntax
//! feature, every kind of broken item) and on small inline cases.

use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::pack::model::{Answer, Question, QuestionType};
use crate::quiz::import::Format;
use crate::Severity;

const ALL_FEATURES: &str = include_str!("../../../../../tests/fixtures/quiz/gift-all-features.gift");
const BROKEN: &str = include_str!("../../../../../tests/fixtures/quiz/gift-broken.gift");

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The question numbered `n` as the importer starts it.
fn expected(n: usize, kind: QuestionType, stem: &str, tag: &str) -> Question {
    let mut q = Format::Gift.question(n, kind, stem.into());
    q.tags = vec![tag.to_string()];
    q
}

fn choice(mut q: Question, options: &[&str], answer: i64) -> Question {
    q.options = Some(strings(options));
    q.answer = Some(Answer::Integer(answer));
    q
}

fn numeric(mut q: Question, answer: Answer, tolerance: Option<f64>) -> Question {
    q.answer = Some(answer);
    q.tolerance = tolerance;
    q
}

/// Every question of `gift-all-features.gift`, in order.
fn all_features_expected() -> Vec<Question> {
    const CONCEPTS: &str = "社群运营/概念";
    const FORMATS: &str = "社群运营/格式";
    let mut single = choice(
        expected(1, QuestionType::Single, "社群运营最核心的目标是什么？", CONCEPTS),
        &["拉新", "建立信任", "发广告"],
        1,
    );
    single.feedback = Some(strings(&["只拉新不维护，社群很快沉寂。", "对，信任是转化与复购的基础。", ""]));
    single.explanation = "社群的价值来自成员之间、成员与品牌之间的信任。".into();

    let mut multiple = expected(2, QuestionType::Multiple, "以下哪些属于私域流量的渠道？", CONCEPTS);
    multiple.options = Some(strings(&["微信群", "企业微信", "电视广告"]));
    multiple.answers = Some(vec![0, 1]);
    multiple.feedback = Some(strings(&["", "", "电视广告属于公域投放。"]));

    let mut true_false = expected(3, QuestionType::TrueFalse, "社群越大越好。", CONCEPTS);
    true_false.answer = Some(Answer::Bool(false));
    true_false.explanation = "- 答对时：没错，规模要服务于目标。\n- 答错时：规模不是目标，活跃与转化才是。".into();

    let mut true_plain = expected(4, QuestionType::TrueFalse, "微信群人数上限是 500 人。", CONCEPTS);
    true_plain.answer = Some(Answer::Bool(true));

    let mut blank_mid =
        expected(5, QuestionType::FillBlank, "社群运营的“三要素”是共同点、持续互动和____，缺一不可。", CONCEPTS);
    blank_mid.blanks = Some(vec![strings(&["身份规则", "规则"])]);

    let mut blank_end = expected(6, QuestionType::FillBlank, "私域流量的英文常写作？____", CONCEPTS);
    blank_end.blanks = Some(vec![strings(&["private traffic", "Private Domain Traffic"])]);
    blank_end.explanation = "- Private Domain Traffic：两种写法都可以。".into();

    let mut matching = expected(7, QuestionType::Matching, "把平台与其最典型的社群形态配对。", CONCEPTS);
    matching.pairs = Some(vec![
        ("微信".into(), "私域群聊".into()),
        ("抖音".into(), "粉丝群".into()),
        ("微博".into(), "超话".into()),
    ]);

    let tolerance = numeric(
        expected(8, QuestionType::Numeric, "一个 500 人的群，活跃率 20%，活跃人数是多少？", CONCEPTS),
        Answer::Integer(100),
        Some(5.0),
    );
    let range = numeric(
        expected(9, QuestionType::Numeric, "合理的入群欢迎语长度（字）是多少？", CONCEPTS),
        Answer::Integer(100),
        Some(50.0),
    );
    let mut several = numeric(
        expected(10, QuestionType::Numeric, "2024 年是闰年，2 月有多少天？", CONCEPTS),
        Answer::Integer(29),
        None,
    );
    several.explanation = "- 29:0：对，闰年 2 月 29 天。\n- 28:0：这是平年的天数。\n- 其他答案：再想想闰年。".into();
    let merged = numeric(
        expected(11, QuestionType::Numeric, "群主每周应发几次活动通知？", CONCEPTS),
        Answer::Float(3.5),
        Some(1.5),
    );

    let mut essay = expected(12, QuestionType::ShortAnswer, "请简述社群冷启动的三个步骤。", CONCEPTS);
    essay.reference = Some("可以从种子用户、首批内容、互动规则三方面作答。".into());
    essay.explanation = "可以从种子用户、首批内容、互动规则三方面作答。".into();

    let mut escapes = choice(
        expected(13, QuestionType::Single, "在 GIFT 中，字符 { } ~ = # 和冒号 : 都要转义，例如 a:b。", CONCEPTS),
        &["反斜杠~转义", "不需要转义"],
        0,
    );
    escapes.explanation = "第一行\n第二行".into();

    let multi_line = choice(
        expected(14, QuestionType::Single, "这是一道跨越\n多行的题目：\n以下哪个是社群运营的常用指标？", CONCEPTS),
        &["GDP", "活跃率"],
        1,
    );
    let percent_single = choice(
        expected(15, QuestionType::Single, "哪项是留存指标？", CONCEPTS),
        &["次日留存", "新增人数", "曝光量"],
        0,
    );
    let mut unequal = expected(16, QuestionType::Multiple, "哪些做法能提升活跃率？", CONCEPTS);
    unequal.options = Some(strings(&["每日话题", "定期红包", "全员禁言"]));
    unequal.answers = Some(vec![0, 1]);

    let markdown = choice(
        expected(17, QuestionType::Single, "下面哪个是 **留存率** 的正确定义？", FORMATS),
        &["次日仍活跃的新成员占比", "当天新加入的人数"],
        0,
    );
    let html =
        choice(expected(18, QuestionType::Single, "选择正确的说法：", FORMATS), &["社群需要规则", "社群不需要规则"], 0);
    let plain = choice(
        expected(19, QuestionType::Single, r"在 \*星号\* 与 \_下划线\_ 之间选择：", FORMATS),
        &[r"\*星号\*", r"\_下划线\_"],
        0,
    );
    let missing_word = choice(
        expected(20, QuestionType::Single, "Grant is ____ in Grant's tomb.", FORMATS),
        &["buried", "entombed", "living"],
        1,
    );

    vec![
        single,
        multiple,
        true_false,
        true_plain,
        blank_mid,
        blank_end,
        matching,
        tolerance,
        range,
        several,
        merged,
        essay,
        escapes,
        multi_line,
        percent_single,
        unequal,
        markdown,
        html,
        plain,
        missing_word,
    ]
}

#[test]
fn quiz_gift_all_features_fixture() {
    let imported = parse_gift("gift-all-features.gift", ALL_FEATURES, ImportMode::AllOrNothing);
    assert!(!imported.has_errors(), "{:#?}", imported.diagnostics);
    let expected = all_features_expected();
    assert_eq!(imported.questions.len(), expected.len());
    for (got, want) in imported.questions.iter().zip(&expected) {
        assert_eq!(got, want, "question {}", want.id);
    }
    let kinds: std::collections::BTreeSet<_> = imported.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds.len(), QuestionType::ALL.len() - 1, "every type but ordering (GIFT has none) is covered");
}

#[test]
fn quiz_gift_all_features_warns_where_credit_is_lost() {
    let imported = parse_gift("gift-all-features.gift", ALL_FEATURES, ImportMode::AllOrNothing);
    let warnings: Vec<String> = imported.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "gift-all-features.gift:41:8: warning: `28:0` (50%) is not accepted: only fully right answers are kept",
            "gift-all-features.gift:66:21: warning: weights 70%, 30% are imported as equal shares of 50%: \
             each right option of a multiple-choice question earns the same",
        ]
    );
}

/// (line, col, part of the message) of each error in `gift-broken.gift`.
const BROKEN_ERRORS: [(usize, usize, &str); 16] = [
    (3, 10, "no answer block"),
    (5, 18, "not closed with `}`"),
    (7, 20, "no option is right"),
    (9, 18, "several options are fully right"),
    (11, 18, "weight `%abc%` is not a percentage"),
    (13, 26, "has no right-hand side"),
    (15, 16, "at least 2 pairs"),
    (17, 17, "`abc` is not a number"),
    (19, 17, "runs from high to low"),
    (21, 22, "do not overlap"),
    (23, 17, "a second answer block"),
    (25, 1, "title `::…` is not closed"),
    (27, 1, "no text"),
    (29, 19, "option `甲` appears twice"),
    (31, 17, "no answer gets full credit"),
    (33, 14, "`}` before the answer block opens"),
];

#[test]
fn quiz_gift_broken_fixture_reports_every_item_at_its_line() {
    let imported = parse_gift("gift-broken.gift", BROKEN, ImportMode::AllOrNothing);
    assert!(imported.questions.is_empty(), "nothing is returned while an item is broken");
    let errors: Vec<_> = imported.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), BROKEN_ERRORS.len(), "{errors:#?}");
    // Partial credit on a blank is kept, so the item without a full answer
    // (line 31) is one error and no warning.
    assert_eq!(imported.diagnostics.len(), errors.len());
    for (error, (line, col, message)) in errors.iter().zip(BROKEN_ERRORS) {
        assert_eq!((error.line, error.col), (line, col), "{error}");
        assert!(error.message.contains(message), "line {line}: `{}` lacks `{message}`", error.message);
        assert_eq!(error.file, "gift-broken.gift");
    }
}

#[test]
fn quiz_gift_errors_are_also_in_chinese() {
    let imported = parse_gift("gift-broken.gift", BROKEN, ImportMode::AllOrNothing);
    let weight = imported.diagnostics.iter().find(|d| d.line == 11).expect("the bad weight on line 11");
    assert_eq!(weight.col, 18);
    assert!(weight.message.contains("weight `%abc%` is not a percentage"), "{weight:?}");
    assert!(weight.message_zh.contains("权重 `%abc%` 不是 -100 到 100 之间的百分比"), "{weight:?}");
    assert!(weight.line_in(crate::Lang::Zh).starts_with("gift-broken.gift:11:18: "), "{weight:?}");
    let brace = imported.diagnostics.iter().find(|d| d.line == 33).expect("the stray brace on line 33");
    assert_eq!(brace.message_zh, "`}` 出现在答案块开始之前（如要表示花括号本身，请写作 `\\}`）");
    assert!(imported.diagnostics.iter().all(|d| !d.message_zh.is_empty() && d.message_zh != d.message));
}

#[test]
fn quiz_gift_partial_keeps_the_good_items() {
    let imported = parse_gift("gift-broken.gift", BROKEN, ImportMode::Partial);
    assert!(imported.has_errors());
    assert_eq!(imported.questions.len(), 1);
    // Ids follow the item's place in the file, so fixing an item keeps the others' ids.
    assert_eq!(imported.questions[0].id, "gift-017");
    assert_eq!(imported.questions[0].stem, "这一题没问题。");
}

#[rstest]
#[case::true_short("题。{T}", QuestionType::TrueFalse)]
#[case::false_lower_case("题。{false}", QuestionType::TrueFalse)]
#[case::essay_with_spaces("题。{   }", QuestionType::ShortAnswer)]
#[case::single_answer_is_fill_blank("题 {=答}", QuestionType::FillBlank)]
#[case::numeric_plain("题 {#3}", QuestionType::Numeric)]
#[case::choice_with_tilde_only_weights("题 {~%100%对 ~错}", QuestionType::Single)]
fn quiz_gift_block_types(#[case] text: &str, #[case] kind: QuestionType) {
    let imported = parse_gift("t.gift", text, ImportMode::AllOrNothing);
    assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
    assert_eq!(imported.questions[0].kind, kind);
}

#[rstest]
#[case::exact("{#3}", Answer::Integer(3), None)]
#[case::decimal_tolerance("{#2.75:0.01}", Answer::Float(2.75), Some(0.01))]
#[case::negative_range("{#-5..-1}", Answer::Integer(-3), Some(2.0))]
#[case::decimal_range("{#0.1..0.3}", Answer::Float(0.2), Some(0.1))]
#[case::single_with_feedback("{#7:1#差不多}", Answer::Integer(7), Some(1.0))]
#[case::contained_ranges("{#=10:5 =11:1}", Answer::Integer(10), Some(5.0))]
fn quiz_gift_numeric_answers(#[case] block: &str, #[case] answer: Answer, #[case] tolerance: Option<f64>) {
    let imported = parse_gift("n.gift", &format!("多少？{block}"), ImportMode::AllOrNothing);
    assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
    let q = &imported.questions[0];
    assert_eq!((q.answer, q.tolerance), (Some(answer), tolerance));
}

#[test]
fn quiz_gift_fill_blank_keeps_a_blank_the_author_wrote() {
    let imported = parse_gift("b.gift", "社群的核心是____。{=信任}", ImportMode::AllOrNothing);
    assert_eq!(imported.questions[0].stem, "社群的核心是____。");
    let imported = parse_gift("b.gift", "Who is buried here?{=no one}", ImportMode::AllOrNothing);
    assert_eq!(imported.questions[0].stem, "Who is buried here? ____");
}

#[test]
fn quiz_gift_crlf_bom_and_no_questions() {
    let imported = parse_gift("w.gift", "\u{feff}// 注释\r\n::t::题\r\n{T}\r\n", ImportMode::AllOrNothing);
    assert_eq!(imported.questions.len(), 1, "{:?}", imported.diagnostics);
    let empty = parse_gift("e.gift", "// 只有注释\n\n$CATEGORY: x\n", ImportMode::Partial);
    assert_eq!(empty.diagnostics[0].to_string(), "e.gift:1:1: no questions found in the file");
    let sneaky = parse_gift("p.gift", "题 {=a\u{e001}b}", ImportMode::Partial);
    assert!(sneaky.questions.is_empty() && sneaky.diagnostics[0].message.contains("U+E001"));
}

#[rstest]
#[case::moodle_prefix("$course$/top/社群/概念", Some("社群/概念"))]
#[case::system("$system$/top", None)]
#[case::plain_path("题库/第一章", Some("题库/第一章"))]
#[case::empty("  ", None)]
fn quiz_gift_category_tags(#[case] path: &str, #[case] tag: Option<&str>) {
    assert_eq!(category_tag(path).as_deref(), tag);
}

/// Characters GIFT gives meaning to; option texts are drawn with them.
fn option_text() -> impl Strategy<Value = String> {
    "[甲乙a-z0-9 ~=#{}:\\\\]{1,8}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn escape(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if "\\~=#{}:".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

proptest! {
    /// Whatever the options contain, escaping them as GIFT says gives them back.
    #[test]
    fn quiz_gift_escaped_options_round_trip(options in proptest::collection::vec(option_text(), 2..5), right in 0usize..5) {
        let options: Vec<String> = options.iter().map(|o| o.trim().to_string()).collect();
        let mut unique = options.clone();
        unique.sort();
        unique.dedup();
        prop_assume!(unique.len() == options.len());
        let right = right % options.len();
        let block: Vec<String> = options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}{}", if i == right { '=' } else { '~' }, escape(o)))
            .collect();
        let text = format!("选择：{{{}}}", block.join(" "));
        let imported = parse_gift("p.gift", &text, ImportMode::AllOrNothing);
        prop_assert!(!imported.has_errors(), "{text}: {:?}", imported.diagnostics);
        prop_assert_eq!(imported.questions[0].options.as_ref().unwrap(), &options);
        prop_assert_eq!(imported.questions[0].answer, Some(Answer::Integer(right as i64)));
    }

    /// Arbitrary text never panics the parser, and every problem has a position in the file.
    #[test]
    fn quiz_gift_never_panics(text in "[ -~\n甲：{}=~#%\\\\]{0,200}") {
        let imported = parse_gift("r.gift", &text, ImportMode::Partial);
        let lines = text.lines().count().max(1);
        for d in &imported.diagnostics {
            prop_assert!(d.line >= 1 && d.line <= lines && d.col >= 1, "{d} in {text:?}");
        }
    }
}

const MOODLE_FEATURES: &str = include_str!("../../../../../tests/fixtures/quiz/gift-moodle-features.gift");

/// Issue 28: everything Moodle's own GIFT test fixture exercises converts,
/// as Moodle reads it: the `= -> …` line is a distractor, the `%50%`
/// alternative is worth half the blank, the `%0%*` wildcard only leaves its
/// feedback, and nothing is dropped without a word.
#[test]
fn quiz_gift_converts_every_construct_of_moodles_fixture_as_moodle_reads_it() {
    let imported = parse_gift("gift-moodle-features.gift", MOODLE_FEATURES, ImportMode::AllOrNothing);
    assert!(!imported.has_errors(), "{:#?}", imported.diagnostics);
    let kinds: Vec<QuestionType> = imported.questions.iter().map(|q| q.kind).collect();
    use QuestionType::*;
    assert_eq!(kinds, [ShortAnswer, Matching, Single, Multiple, Numeric, FillBlank, TrueFalse, TrueFalse, TrueFalse]);

    let matching = &imported.questions[1];
    assert_eq!(matching.pairs.as_ref().map(Vec::len), Some(4));
    assert_eq!(matching.distractors.as_deref(), Some(&["微博超话".to_string()][..]));
    let presented = crate::quiz::present_question(matching, 7, false);
    let view = crate::quiz::question_view(matching, &presented);
    assert_eq!(view.right.as_ref().map(Vec::len), Some(5), "the distractor is among the choices");
    assert!(matching.correct_answer_text().ends_with("（干扰项：微博超话）"), "{}", matching.correct_answer_text());

    let numeric = &imported.questions[4];
    assert_eq!((numeric.answer, numeric.tolerance), (Some(Answer::Integer(3)), Some(2.0)));

    let blank = &imported.questions[5];
    assert_eq!(blank.blanks, Some(vec![strings(&["晚上"])]));
    let partial = blank.partial_blanks.as_ref().expect("the 50% alternative is kept");
    assert_eq!((partial[0][0].answer.as_str(), partial[0][0].percent), ("下午", 50.0));
    assert!(blank.explanation.contains("其他答案：完全不对"), "{}", blank.explanation);
    assert_eq!(blank.correct_answer_text(), "晚上（下午 得 50%）");
    let presentation =
        crate::quiz::Presentation { seed: 1, questions: vec![crate::quiz::present_question(blank, 1, false)] };
    let half = crate::quiz::score(blank, &crate::quiz::LearnerAnswer::Blanks(vec!["下午".into()]), &presentation);
    assert_eq!((half.score, half.correct), (0.5 * blank.points, Some(false)));
    let full = crate::quiz::score(blank, &crate::quiz::LearnerAnswer::Blanks(vec!["晚上".into()]), &presentation);
    assert_eq!((full.score, full.correct), (blank.points, Some(true)));
    let other = crate::quiz::score(blank, &crate::quiz::LearnerAnswer::Blanks(vec!["凌晨".into()]), &presentation);
    assert_eq!(other.score, 0.0);

    let true_false = &imported.questions[6];
    assert_eq!(true_false.answer, Some(Answer::Bool(false)));
    assert!(true_false.explanation.contains("活跃率看的是比例"), "{}", true_false.explanation);
}

#[test]
fn quiz_gift_a_matching_right_side_cannot_also_be_a_distractor() {
    let imported = parse_gift("t.gift", "配对。{=甲 -> 一 =乙 -> 二 = -> 一}", ImportMode::AllOrNothing);
    assert!(imported.has_errors(), "{:?}", imported.questions);
}
