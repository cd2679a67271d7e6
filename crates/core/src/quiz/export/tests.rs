//! Export then import gives the same questions (issue 28): a property test
//! over generated banks of every type each format holds, with texts full of
//! the characters each format must escape; the types a format cannot hold
//! are reported by id.

use proptest::prelude::*;

use super::*;
use crate::pack::model::PartialAnswer;
use crate::quiz::import::ImportMode;
use crate::quiz::{parse_gift, parse_moodle_xml};

/// Texts with GIFT's and XML's special characters among Chinese and ASCII.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[社群运营活跃留存 abcXYZ019~=#{}:&<>\"'%]{1,12}")
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("not empty", |s| !s.is_empty() && !s.contains("->") && !s.starts_with(['%', '[']) && s != "*")
}

fn distinct(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set(text(), n).prop_map(|set| set.into_iter().collect())
}

fn base(kind: QuestionType, stem: String, explanation: String) -> Question {
    let mut q = crate::quiz::import::Format::Gift.question(1, kind, stem);
    q.explanation = explanation;
    q
}

/// A question of a type both formats hold (and, with `ordering`, one only
/// Moodle XML holds).
fn question(with_ordering: bool) -> impl Strategy<Value = Question> {
    let kinds = if with_ordering { 0..8u8 } else { 0..7u8 };
    (kinds, text(), text(), distinct(4..7), 0usize..3, 2usize..4, any::<bool>(), -50i32..50, 1u8..4).prop_map(
        move |(kind, stem, explanation, texts, right, k, flag, number, tolerance)| {
            let mut q;
            match kind {
                0 => {
                    q = base(QuestionType::Single, stem, explanation);
                    q.options = Some(texts.clone());
                    q.answer = Some(Answer::Integer(right as i64));
                }
                1 => {
                    q = base(QuestionType::Multiple, stem, explanation);
                    q.options = Some(texts.clone());
                    q.answers = Some((0..k).collect());
                }
                2 => {
                    q = base(QuestionType::TrueFalse, stem, explanation);
                    q.answer = Some(Answer::Bool(flag));
                }
                3 => {
                    q = base(QuestionType::Numeric, stem, explanation);
                    q.answer = Some(Answer::Integer(i64::from(number)));
                    q.tolerance = Some(f64::from(tolerance) / 2.0);
                }
                4 => {
                    q = base(QuestionType::Matching, stem, explanation);
                    q.pairs = Some(vec![(texts[0].clone(), texts[1].clone()), (texts[2].clone(), texts[3].clone())]);
                    q.distractors = flag.then(|| texts[4..].to_vec()).filter(|d| !d.is_empty());
                }
                5 => {
                    q = base(QuestionType::FillBlank, format!("{stem}{BLANK_MARKER}{explanation}"), explanation);
                    q.blanks = Some(vec![texts[..2].to_vec()]);
                    q.partial_blanks =
                        flag.then(|| vec![vec![PartialAnswer { answer: texts[2].clone(), percent: 50.0 }]]);
                }
                6 => {
                    q = base(QuestionType::ShortAnswer, stem, explanation);
                    q.reference = Some(texts[0].clone());
                }
                _ => {
                    q = base(QuestionType::Ordering, stem, explanation);
                    q.items = Some(texts[..3].to_vec());
                }
            }
            q
        },
    )
}

/// What a format carries of a question: everything but the id, difficulty,
/// tags and (for GIFT) points; empty per-option feedback is no feedback.
fn carried(q: &Question, with_points: bool) -> Question {
    let mut q = q.clone();
    q.id = String::new();
    q.difficulty = 0;
    q.tags = Vec::new();
    if !with_points {
        q.points = 1.0;
    }
    q.answer = q.answer.map(|a| match a.as_number() {
        Some(n) if !matches!(a, Answer::Bool(_)) => Answer::Float(n),
        _ => a,
    });
    q.feedback = q.feedback.filter(|f| f.iter().any(|x| !x.is_empty()));
    if q.kind == QuestionType::ShortAnswer {
        q.reference = if with_points { q.reference } else { None };
    }
    q
}

fn bank(questions: Vec<Question>) -> Bank {
    let questions = questions.into_iter().enumerate().map(|(i, mut q)| {
        q.id = format!("q{i}");
        q
    });
    Bank { id: "bank".into(), title: "社群 运营".into(), questions: questions.collect() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn moodle_xml_reads_back_what_it_wrote(questions in proptest::collection::vec(question(true), 1..8)) {
        let bank = bank(questions);
        let exported = to_moodle_xml(&bank);
        prop_assert!(exported.skipped.is_empty(), "{:?}", exported.skipped);
        let imported = parse_moodle_xml("bank.xml", &exported.text, ImportMode::AllOrNothing);
        prop_assert!(!imported.has_errors(), "{:?}\n{}", imported.diagnostics, exported.text);
        let back: Vec<Question> = imported.questions.iter().map(|q| carried(q, true)).collect();
        let sent: Vec<Question> = bank.questions.iter().map(|q| carried(q, true)).collect();
        prop_assert_eq!(back, sent, "{}", exported.text);
        prop_assert!(imported.questions.iter().all(|q| q.tags == ["社群 运营"]));
    }

    #[test]
    fn gift_reads_back_what_it_wrote(questions in proptest::collection::vec(question(false), 1..8)) {
        let bank = bank(questions);
        let exported = to_gift(&bank);
        prop_assert!(exported.skipped.is_empty(), "{:?}", exported.skipped);
        let imported = parse_gift("bank.gift", &exported.text, ImportMode::AllOrNothing);
        prop_assert!(!imported.has_errors(), "{:?}\n{}", imported.diagnostics, exported.text);
        let back: Vec<Question> = imported.questions.iter().map(|q| carried(q, false)).collect();
        let sent: Vec<Question> = bank.questions.iter().map(|q| carried(q, false)).collect();
        prop_assert_eq!(back, sent, "{}", exported.text);
    }
}

#[test]
fn what_a_format_cannot_hold_is_named_by_id() {
    let mut ordering = base(QuestionType::Ordering, "排序".into(), "解析".into());
    ordering.items = Some(vec!["甲".into(), "乙".into()]);
    let mut two_blanks = base(QuestionType::FillBlank, "____ 和 ____".into(), "解析".into());
    two_blanks.blanks = Some(vec![vec!["甲".into()], vec!["乙".into()]]);
    let bank = bank(vec![ordering, two_blanks]);
    let gift = to_gift(&bank);
    let skipped: Vec<&str> = gift.skipped.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(skipped, ["q0", "q1"]);
    assert!(gift.skipped[0].1.en.contains("no ordering"), "{:?}", gift.skipped[0].1);
    let xml = to_moodle_xml(&bank);
    assert_eq!(xml.skipped.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["q1"]);
}
