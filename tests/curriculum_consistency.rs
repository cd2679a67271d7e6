//! The shipped question banks cannot be passed by test-taking tricks
//! (issue 31): in single-choice items the right option is not given away by
//! being the only longest one, and multiple-choice items do not all share one
//! "k of n correct" shape, so counting options never beats knowing the
//! answer.

use std::collections::BTreeMap;
use std::path::PathBuf;

use qunxue_core::pack::model::{Answer, Question, QuestionType};
use qunxue_core::pack::{self, CourseBundle};

/// At most this share of single-choice items may have the right option as
/// the unique longest one.
const MAX_LONGEST_IS_RIGHT: f64 = 0.35;

/// No single "k of n" pattern may cover more than this share of the
/// multiple-choice items.
const MAX_ONE_PATTERN: f64 = 0.5;

fn shipped_course() -> CourseBundle {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let opened = qunxue_app::pack_source::open(&root).expect("the repository root opens as a pack");
    let report = pack::load(opened.files());
    let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "the shipped curriculum has problems:\n{}", problems.join("\n"));
    report.courses.into_iter().find(|c| c.manifest.id == "qunxue.community-ops").expect("the default course")
}

fn questions(course: &CourseBundle, kind: QuestionType) -> Vec<&Question> {
    course.banks.iter().flat_map(|b| &b.questions).filter(|q| q.kind == kind).collect()
}

fn length(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Whether the keyed option of a single-choice item is strictly longer than
/// every other option.
fn right_option_is_unique_longest(q: &Question) -> bool {
    let options = q.options.as_ref().expect("single-choice items have options");
    let right = match q.answer {
        Some(Answer::Integer(i)) => usize::try_from(i).expect("a valid option index"),
        other => panic!("{}: single-choice answer is {other:?}", q.id),
    };
    let right_len = length(&options[right]);
    options.iter().enumerate().all(|(i, o)| i == right || length(o) < right_len)
}

/// "k of n": how many options are right, out of how many.
fn pattern(q: &Question) -> (usize, usize) {
    let options = q.options.as_ref().expect("multiple-choice items have options").len();
    let right = q.answers.as_ref().expect("multiple-choice items have answers").len();
    (right, options)
}

#[test]
fn the_longest_option_does_not_give_single_choice_answers_away() {
    let course = shipped_course();
    let singles = questions(&course, QuestionType::Single);
    assert!(singles.len() >= 20, "expected the single-choice items, found {}", singles.len());
    let giveaways: Vec<&str> =
        singles.iter().filter(|q| right_option_is_unique_longest(q)).map(|q| q.id.as_str()).collect();
    let share = giveaways.len() as f64 / singles.len() as f64;
    assert!(
        share <= MAX_LONGEST_IS_RIGHT,
        "in {} of {} single-choice items ({:.0}%, the limit is {:.0}%) the right option is the only longest one: {}",
        giveaways.len(),
        singles.len(),
        share * 100.0,
        MAX_LONGEST_IS_RIGHT * 100.0,
        giveaways.join(", ")
    );
}

#[test]
fn multiple_choice_items_vary_how_many_options_are_right() {
    let course = shipped_course();
    let multiples = questions(&course, QuestionType::Multiple);
    assert!(multiples.len() >= 10, "expected the multiple-choice items, found {}", multiples.len());
    let mut by_pattern: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for q in &multiples {
        let (right, options) = pattern(q);
        assert!(right >= 1 && right < options, "{}: {right} of {options} options are right", q.id);
        by_pattern.entry((right, options)).or_default().push(q.id.as_str());
    }
    let total = multiples.len();
    for ((right, options), ids) in &by_pattern {
        let share = ids.len() as f64 / total as f64;
        assert!(
            share <= MAX_ONE_PATTERN,
            "{} of {total} multiple-choice items ({:.0}%) are \"{right} of {options} right\" (the limit is {:.0}%): {}",
            ids.len(),
            share * 100.0,
            MAX_ONE_PATTERN * 100.0,
            ids.join(", ")
        );
    }
}

/// The pass line the rubrics assume until gate criteria exist (issue 30): the
/// same share as the course's quiz pass mark, on `grade_max` = 100.
const ASSUMED_PASS_LINE: f64 = 0.6;

/// A privacy or compliance breach fails the task (issue 31): every rubric of
/// the course has a criterion whose lowest level is labelled 不通过, and that
/// criterion weighs enough that a task at its lowest level stays below the
/// pass line even with every other criterion at its highest level (the
/// rubric formula of docs/pack-format.md).
#[test]
fn a_privacy_or_compliance_breach_cannot_pass_a_task() {
    let course = shipped_course();
    assert!(course.rubrics.len() >= 5, "expected the five task rubrics, found {}", course.rubrics.len());
    for rubric in &course.rubrics {
        let gates: Vec<_> = rubric.criteria.iter().filter(|c| c.levels[0].label == "不通过").collect();
        assert_eq!(gates.len(), 1, "rubric {} needs exactly one 不通过 criterion", rubric.id);
        let gate = gates[0];
        let lowest = |c: &qunxue_core::pack::model::Criterion| c.levels.first().unwrap().points;
        let highest = |c: &qunxue_core::pack::model::Criterion| c.levels.last().unwrap().points;
        let range: f64 = rubric.criteria.iter().map(|c| highest(c) - lowest(c)).sum();
        let best_with_breach = rubric
            .criteria
            .iter()
            .map(|c| if c.id == gate.id { 0.0 } else { highest(c) - lowest(c) })
            .sum::<f64>()
            / range;
        assert!(
            best_with_breach < ASSUMED_PASS_LINE,
            "rubric {}: with {} at 不通过 a task can still score {:.1} of 100 (the pass line is {:.0})",
            rubric.id,
            gate.id,
            best_with_breach * 100.0,
            ASSUMED_PASS_LINE * 100.0
        );
        for level in &gate.levels[1..] {
            assert_ne!(level.label, "不通过", "rubric {}: only the lowest level of {} fails", rubric.id, gate.id);
        }
    }
}
