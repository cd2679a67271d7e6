use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::quiz::test_support::{blank_question, right_answer, sample, unshuffled};
use crate::quiz::PresentedQuestion;

fn keys(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn pairs(entries: &[(&str, &str)]) -> LearnerAnswer {
    LearnerAnswer::Pairs(entries.iter().map(|(l, r)| (l.to_string(), r.to_string())).collect())
}

/// Scores `answer` to the sample question of `kind` worth `points`.
fn scored(kind: QuestionType, points: f64, answer: LearnerAnswer) -> (f64, Option<bool>) {
    let outcome = score(&sample(kind, points), &answer, &unshuffled());
    assert_eq!(outcome.max, points);
    (outcome.score, outcome.correct)
}

#[rstest]
// single: options 甲 乙 丙 丁, answer 1, worth 2
#[case::single_right(QuestionType::Single, 2.0, LearnerAnswer::Choice("1".into()), 2.0, true)]
#[case::single_wrong(QuestionType::Single, 2.0, LearnerAnswer::Choice("0".into()), 0.0, false)]
#[case::single_out_of_range(QuestionType::Single, 2.0, LearnerAnswer::Choice("7".into()), 0.0, false)]
#[case::single_negative_key(QuestionType::Single, 2.0, LearnerAnswer::Choice("-1".into()), 0.0, false)]
#[case::single_leading_zero_key(QuestionType::Single, 2.0, LearnerAnswer::Choice("01".into()), 0.0, false)]
#[case::single_not_a_key(QuestionType::Single, 2.0, LearnerAnswer::Choice("乙".into()), 0.0, false)]
#[case::single_wrong_shape(QuestionType::Single, 2.0, LearnerAnswer::Choices(keys(&["1"])), 0.0, false)]
// multiple: options A–E, correct A and C, worth 4 — each share is 2
#[case::multiple_all_right(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["2", "0"])), 4.0, true)]
#[case::multiple_one_of_two(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0"])), 2.0, false)]
#[case::multiple_right_and_wrong_cancel(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0", "1"])), 0.0, false)]
#[case::multiple_two_right_one_wrong(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0", "1", "2"])), 2.0, false)]
#[case::multiple_floors_at_zero(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["1", "3", "4"])), 0.0, false)]
#[case::multiple_everything_chosen(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0", "1", "2", "3", "4"])), 0.0, false)]
#[case::multiple_duplicate_counts_once(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0", "0", "0"])), 2.0, false)]
#[case::multiple_out_of_range_ignored(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(keys(&["0", "9", "x"])), 2.0, false)]
#[case::multiple_nothing_chosen(QuestionType::Multiple, 4.0, LearnerAnswer::Choices(vec![]), 0.0, false)]
#[case::multiple_wrong_shape(QuestionType::Multiple, 4.0, LearnerAnswer::Choice("0".into()), 0.0, false)]
// true_false: true
#[case::true_false_right(QuestionType::TrueFalse, 1.0, LearnerAnswer::Bool(true), 1.0, true)]
#[case::true_false_wrong(QuestionType::TrueFalse, 1.0, LearnerAnswer::Bool(false), 0.0, false)]
#[case::true_false_wrong_shape(QuestionType::TrueFalse, 1.0, LearnerAnswer::Choice("true".into()), 0.0, false)]
// fill_blank: [信任 | 信赖], [内容], worth 3 — 1.5 a blank
#[case::fill_blank_both(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["信任", "内容"])), 3.0, true)]
#[case::fill_blank_alternative(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["信赖", "内容"])), 3.0, true)]
#[case::fill_blank_spaces_ignored(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&[" 信 任 ", "内\u{3000}容"])), 3.0, true)]
#[case::fill_blank_one_of_two(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["信任", "流量"])), 1.5, false)]
#[case::fill_blank_second_only(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["", "内容"])), 1.5, false)]
#[case::fill_blank_too_few(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["信任"])), 1.5, false)]
#[case::fill_blank_empty_entries(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["", " "])), 0.0, false)]
#[case::fill_blank_no_answer(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(vec![]), 0.0, false)]
#[case::fill_blank_swapped(QuestionType::FillBlank, 3.0, LearnerAnswer::Blanks(keys(&["内容", "信任"])), 0.0, false)]
// matching: three pairs, worth 3
#[case::matching_all(QuestionType::Matching, 3.0, pairs(&[("0", "0"), ("1", "1"), ("2", "2")]), 3.0, true)]
#[case::matching_one(QuestionType::Matching, 3.0, pairs(&[("0", "0"), ("1", "2"), ("2", "1")]), 1.0, false)]
#[case::matching_none(QuestionType::Matching, 3.0, pairs(&[("0", "1"), ("1", "2"), ("2", "0")]), 0.0, false)]
#[case::matching_partial_answer(QuestionType::Matching, 3.0, pairs(&[("1", "1"), ("2", "2")]), 2.0, false)]
#[case::matching_same_right_twice(QuestionType::Matching, 3.0, pairs(&[("0", "0"), ("1", "0")]), 1.0, false)]
#[case::matching_out_of_range(QuestionType::Matching, 3.0, pairs(&[("3", "3"), ("9", "9")]), 0.0, false)]
#[case::matching_no_answer(QuestionType::Matching, 3.0, pairs(&[]), 0.0, false)]
// ordering: four items, worth 4
#[case::ordering_right(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["0", "1", "2", "3"])), 4.0, true)]
#[case::ordering_first_two_swapped(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["1", "0", "2", "3"])), 2.0, false)]
#[case::ordering_reversed(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["3", "2", "1", "0"])), 0.0, false)]
#[case::ordering_duplicates(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["0", "0", "0", "0"])), 1.0, false)]
#[case::ordering_too_short(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["0", "1"])), 2.0, false)]
#[case::ordering_extra_ignored(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["0", "1", "2", "3", "4"])), 4.0, true)]
#[case::ordering_out_of_range(QuestionType::Ordering, 4.0, LearnerAnswer::Order(keys(&["7", "8", "9", "x"])), 0.0, false)]
// numeric: 18.5 ± 0.5
#[case::numeric_exact(QuestionType::Numeric, 1.0, LearnerAnswer::Number(18.5), 1.0, true)]
#[case::numeric_upper_edge(QuestionType::Numeric, 1.0, LearnerAnswer::Number(19.0), 1.0, true)]
#[case::numeric_lower_edge(QuestionType::Numeric, 1.0, LearnerAnswer::Number(18.0), 1.0, true)]
#[case::numeric_just_outside(QuestionType::Numeric, 1.0, LearnerAnswer::Number(19.01), 0.0, false)]
#[case::numeric_nan(QuestionType::Numeric, 1.0, LearnerAnswer::Number(f64::NAN), 0.0, false)]
#[case::numeric_infinite(QuestionType::Numeric, 1.0, LearnerAnswer::Number(f64::INFINITY), 0.0, false)]
#[case::numeric_wrong_shape(QuestionType::Numeric, 1.0, LearnerAnswer::Text("18.5".into()), 0.0, false)]
fn quiz_score_table(
    #[case] kind: QuestionType,
    #[case] points: f64,
    #[case] answer: LearnerAnswer,
    #[case] expected: f64,
    #[case] correct: bool,
) {
    let (got, got_correct) = scored(kind, points, answer);
    assert!((got - expected).abs() < 1e-12, "scored {got}, expected {expected}");
    assert_eq!(got_correct, Some(correct));
}

#[rstest]
#[case::text(LearnerAnswer::Text("私域流量的定义是……".into()))]
#[case::empty(LearnerAnswer::Text(String::new()))]
#[case::wrong_shape(LearnerAnswer::Bool(true))]
fn quiz_score_short_answer_waits_for_a_grader(#[case] answer: LearnerAnswer) {
    assert_eq!(scored(QuestionType::ShortAnswer, 5.0, answer), (0.0, None));
}

#[rstest]
#[case::exact_answer_without_tolerance(18.0, None, 18.0, true)]
#[case::no_tolerance_means_exact(18.0, None, 18.000_1, false)]
#[case::decimal_rounding_at_the_edge(0.3, Some(0.1), 0.4, true)]
#[case::decimal_rounding_other_edge(0.3, Some(0.1), 0.2, true)]
#[case::negative_numbers(-2.5, Some(0.25), -2.75, true)]
#[case::large_numbers(1_000_000.0, Some(1.0), 1_000_001.5, false)]
fn quiz_score_numeric_tolerance(
    #[case] expected: f64,
    #[case] tolerance: Option<f64>,
    #[case] given: f64,
    #[case] right: bool,
) {
    let mut q = blank_question("n", QuestionType::Numeric);
    q.answer = Some(Answer::Float(expected));
    q.tolerance = tolerance;
    assert_eq!(score(&q, &LearnerAnswer::Number(given), &unshuffled()).correct, Some(right));
}

#[test]
fn quiz_score_numeric_integer_answer() {
    let mut q = blank_question("n", QuestionType::Numeric);
    q.answer = Some(Answer::Integer(42));
    assert_eq!(score(&q, &LearnerAnswer::Number(42.0), &unshuffled()).score, 1.0);
}

#[rstest]
#[case::full_width_and_case("ＡＢＣ，１２", true)]
#[case::half_width_with_spaces("abc, 12", true)]
#[case::upper_case("ABC,12", true)]
#[case::cjk_comma_variant("abc、12", true)]
#[case::different_text("abd,12", false)]
fn quiz_score_fill_blank_normalises(#[case] given: &str, #[case] right: bool) {
    let mut q = blank_question("f", QuestionType::FillBlank);
    q.stem = "写出：____".into();
    q.blanks = Some(vec![vec!["ABC,12".into()]]);
    assert_eq!(score(&q, &LearnerAnswer::Blanks(vec![given.into()]), &unshuffled()).correct, Some(right));
}

#[test]
fn quiz_score_thirds_never_exceed_the_points() {
    let mut q = sample(QuestionType::Multiple, 1.0);
    q.answers = Some(vec![0, 1, 2]);
    let outcome = score(&q, &LearnerAnswer::Choices(keys(&["0", "1", "2"])), &unshuffled());
    assert!(outcome.score <= 1.0 && (outcome.score - 1.0).abs() < 1e-12);
}

#[test]
fn quiz_score_every_type_has_a_right_answer() {
    for kind in QuestionType::ALL.into_iter().filter(|k| *k != QuestionType::ShortAnswer) {
        let outcome = score(&sample(kind, 3.0), &right_answer(kind), &unshuffled());
        assert_eq!((outcome.score, outcome.correct), (3.0, Some(true)), "{kind}");
    }
}

#[test]
fn quiz_score_single_option_feedback() {
    let q = sample(QuestionType::Single, 1.0);
    assert_eq!(score(&q, &LearnerAnswer::Choice("0".into()), &unshuffled()).option_feedback, ["甲不对"]);
    // An option without feedback, and an answer of another shape, give none.
    assert!(score(&q, &LearnerAnswer::Choice("1".into()), &unshuffled()).option_feedback.is_empty());
    assert!(score(&q, &LearnerAnswer::Number(0.0), &unshuffled()).option_feedback.is_empty());
}

#[test]
fn quiz_score_multiple_option_feedback_follows_the_display_order() {
    let q = sample(QuestionType::Multiple, 1.0);
    let answer = LearnerAnswer::Choices(keys(&["0", "1", "3"]));
    assert_eq!(score(&q, &answer, &unshuffled()).option_feedback, ["A 对", "B 错"]);
    let shown = Presentation {
        seed: 1,
        questions: vec![PresentedQuestion { question_id: q.id.clone(), order: vec![4, 1, 3, 0, 2] }],
    };
    assert_eq!(score(&q, &answer, &shown).option_feedback, ["B 错", "A 对"]);
}

#[test]
fn quiz_score_broken_questions_score_zero() {
    let mut multiple = sample(QuestionType::Multiple, 2.0);
    multiple.answers = Some(vec![]);
    let mut free = sample(QuestionType::Single, 0.0);
    free.points = f64::NAN;
    for (q, answer) in [(multiple, LearnerAnswer::Choices(keys(&["0"]))), (free, LearnerAnswer::Choice("1".into()))] {
        assert_eq!(score(&q, &answer, &unshuffled()).score, 0.0);
    }
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![(0usize..8).prop_map(|i| i.to_string()), "[-+ 0-9a-z]{0,3}"]
}

fn any_answer() -> impl Strategy<Value = LearnerAnswer> {
    prop_oneof![
        any_key().prop_map(LearnerAnswer::Choice),
        proptest::collection::vec(any_key(), 0..8).prop_map(LearnerAnswer::Choices),
        any::<bool>().prop_map(LearnerAnswer::Bool),
        proptest::collection::vec("[信任内容 ａA]{0,4}", 0..4).prop_map(LearnerAnswer::Blanks),
        proptest::collection::btree_map(any_key(), any_key(), 0..6).prop_map(LearnerAnswer::Pairs),
        proptest::collection::vec(any_key(), 0..6).prop_map(LearnerAnswer::Order),
        prop_oneof![any::<f64>(), 17.0..20.0f64].prop_map(LearnerAnswer::Number),
        ".{0,8}".prop_map(LearnerAnswer::Text),
    ]
}

proptest! {
    #[test]
    fn quiz_score_stays_within_zero_and_the_points(
        kind in proptest::sample::select(QuestionType::ALL.to_vec()),
        points in 0.01f64..100.0,
        answer in any_answer(),
    ) {
        let outcome = score(&sample(kind, points), &answer, &unshuffled());
        prop_assert!(outcome.score >= 0.0 && outcome.score <= points, "{} out of {}", outcome.score, points);
        prop_assert_eq!(outcome.max, points);
        if outcome.correct == Some(true) {
            prop_assert!((outcome.score - points).abs() <= 1e-9 * points);
        }
    }
}

/// The sample fill-in-the-blank ([信任 | 信赖], [内容], worth 3) where 信用
/// earns 40 % and 相信 60 % of the first blank.
fn with_partial_credit() -> Question {
    let mut q = sample(QuestionType::FillBlank, 3.0);
    let credit = |answer: &str, percent: f64| crate::pack::model::PartialAnswer { answer: answer.into(), percent };
    q.partial_blanks = Some(vec![vec![credit("信用", 40.0), credit("相信", 60.0)], vec![]]);
    q
}

#[rstest]
#[case::partial_alone(&["信用", ""], 0.6, false)]
#[case::partial_and_full(&["相信", "内容"], 0.9 + 1.5, false)]
#[case::full_beats_partial(&["信任", "内容"], 3.0, true)]
#[case::partial_of_another_blank_does_not_count(&["内容", "信用"], 0.0, false)]
#[case::partial_normalised(&[" 相 信 ", ""], 0.9, false)]
fn fill_blank_partial_credit(#[case] given: &[&str], #[case] expected: f64, #[case] correct: bool) {
    let outcome = score(&with_partial_credit(), &LearnerAnswer::Blanks(keys(given)), &unshuffled());
    assert!((outcome.score - expected).abs() < 1e-9, "{given:?}: {} != {expected}", outcome.score);
    assert_eq!(outcome.correct, Some(correct));
}

#[test]
fn a_matching_distractor_is_never_right() {
    let mut q = sample(QuestionType::Matching, 3.0);
    q.distractors = Some(vec!["视频号".into()]);
    let presented = crate::quiz::present_question(&q, 3, false);
    assert_eq!(presented.order.len(), 4, "three right-hand sides and the distractor are shown");
    let all_right = score(&q, &pairs(&[("0", "0"), ("1", "1"), ("2", "2")]), &unshuffled());
    assert_eq!((all_right.score, all_right.correct), (3.0, Some(true)));
    let distracted = score(&q, &pairs(&[("0", "3"), ("1", "1"), ("2", "2")]), &unshuffled());
    assert_eq!((distracted.score, distracted.correct), (2.0, Some(false)));
}
