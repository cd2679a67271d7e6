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
