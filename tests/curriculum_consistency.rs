//! The shipped question banks cannot be passed by test-taking tricks
//! (issue 31): in single-choice items the right option is not given away by
//! being the only longest one, and multiple-choice items do not all share one
//! "k of n correct" shape, so counting options never beats knowing the
//! answer.

use std::collections::BTreeMap;

use qunxue_core::pack::model::{Answer, Question, QuestionType};
use qunxue_core::pack::CourseBundle;
use qunxue_core::ModuleKind;
use qunxue_tests::packs::shipped_course;

/// At most this share of single-choice items may have the right option as
/// the unique longest one.
const MAX_LONGEST_IS_RIGHT: f64 = 0.35;

/// No single "k of n" pattern may cover more than this share of the
/// multiple-choice items.
const MAX_ONE_PATTERN: f64 = 0.5;

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

/// A privacy or compliance breach fails the task (issues 30, 31): every
/// rubric of the course has exactly one gate criterion, whose lowest level
/// is labelled 不通过 and caps the grade below the pass line the course's
/// completion rule sets for that task; and the engine caps a task at that
/// level however well the rest is done (scored by the real rubric formula).
#[test]
fn a_privacy_or_compliance_breach_cannot_pass_a_task() {
    let course = shipped_course();
    assert!(course.rubrics.len() >= 5, "expected the five task rubrics, found {}", course.rubrics.len());
    let rule = course.manifest.completion.as_ref().expect("the course has a completion rule");
    for rubric in &course.rubrics {
        let gates: Vec<_> = rubric.criteria.iter().filter(|c| c.gate.is_some()).collect();
        assert_eq!(gates.len(), 1, "rubric {} needs exactly one gate criterion", rubric.id);
        let gate = gates[0];
        assert_eq!(gate.levels[0].label, "不通过", "rubric {}: the gate's lowest level is 不通过", rubric.id);
        for criterion in &rubric.criteria {
            for level in &criterion.levels[usize::from(criterion.id == gate.id)..] {
                assert_ne!(level.label, "不通过", "rubric {}: only the gate's lowest level fails", rubric.id);
            }
        }
        let best_with_breach: std::collections::BTreeMap<String, usize> = rubric
            .criteria
            .iter()
            .map(|c| (c.id.clone(), if c.id == gate.id { 0 } else { c.levels.len() - 1 }))
            .collect();
        let scored = qunxue_core::grading::rubric_grade(rubric, &best_with_breach, 0.0, 100.0).unwrap();
        for task in course.tasks.iter().filter(|t| t.rubric == rubric.id) {
            let required = rule.tasks.iter().find(|r| r.id == task.id).map(|r| r.min_percent);
            let required = required.unwrap_or_else(|| panic!("the completion rule does not name task {}", task.id));
            assert!(
                scored.grade < required,
                "rubric {}: with {} at 不通过 a task can still score {:.1} of 100 (the rule asks {required})",
                rubric.id,
                gate.id,
                scored.grade
            );
        }
    }
}

/// Texts of an item that a learner reads: its stem, and every option, pair
/// side or ordering step of at least `MIN_SHARED` characters (short labels
/// such as 兴趣型 or 留存率 are the subject's vocabulary and may recur).
fn item_texts(q: &Question) -> Vec<String> {
    const MIN_SHARED: usize = 10;
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut texts = vec![squeeze(&q.stem)];
    texts.extend(q.choice_texts().map(squeeze).filter(|t| t.chars().count() >= MIN_SHARED));
    texts
}

/// The pre- and post-test are parallel forms (issue 31): pre-qNN and
/// post-qNN test the same topic (same type, difficulty and tags), and no
/// text a learner reads in one form appears in the other, so the gain
/// measures learning, not remembering the pre-test.
#[test]
fn pre_and_post_tests_cover_the_same_topics_with_no_shared_item() {
    let course = shipped_course();
    let quiz = |id: &str| course.quizzes.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("quiz {id}"));
    let (pre, post) = (quiz("quiz-pre"), quiz("quiz-post"));
    assert_eq!(pre.parallel.as_deref(), Some("quiz-post"), "quiz-pre names its parallel form");
    let question = |id: &str| {
        course.banks.iter().flat_map(|b| &b.questions).find(|q| q.id == id).unwrap_or_else(|| panic!("question {id}"))
    };
    assert_eq!(pre.items.len(), post.items.len(), "the forms have as many items");
    let mut problems = Vec::new();
    for pre_id in &pre.items {
        let number = pre_id.strip_prefix("pre-").unwrap_or_else(|| panic!("{pre_id} is not named pre-…"));
        let post_id = format!("post-{number}");
        if !post.items.contains(&post_id) {
            problems.push(format!("{pre_id} has no partner {post_id} in quiz-post"));
            continue;
        }
        let (a, b) = (question(pre_id), question(&post_id));
        let tags = |q: &Question| q.tags.iter().cloned().collect::<std::collections::BTreeSet<_>>();
        if a.kind != b.kind || a.difficulty != b.difficulty || tags(a) != tags(b) {
            problems.push(format!(
                "{pre_id} ({:?}, difficulty {}, tags {:?}) and {post_id} ({:?}, difficulty {}, tags {:?}) do not match",
                a.kind,
                a.difficulty,
                tags(a),
                b.kind,
                b.difficulty,
                tags(b)
            ));
        }
    }
    let post_texts: BTreeMap<String, &str> =
        post.items.iter().flat_map(|id| item_texts(question(id)).into_iter().map(move |t| (t, id.as_str()))).collect();
    for pre_id in &pre.items {
        for text in item_texts(question(pre_id)) {
            if let Some(post_id) = post_texts.get(&text) {
                problems.push(format!("{pre_id} and {post_id} share «{text}»"));
            }
        }
    }
    assert!(problems.is_empty(), "the pre- and post-test are not parallel forms:\n{}", problems.join("\n"));
}

/// Hand-graded items are not inside time-limited quizzes (issue 31): a
/// design task needs more than a 15-minute quiz gives, and it holds back the
/// quiz's result until someone marks it. They live in untimed practice
/// quizzes instead.
#[test]
fn hand_graded_items_are_not_in_timed_quizzes() {
    let course = shipped_course();
    let short_answers: Vec<&str> =
        questions(&course, QuestionType::ShortAnswer).iter().map(|q| q.id.as_str()).collect();
    assert!(!short_answers.is_empty(), "the course keeps its design tasks");
    for quiz in course.quizzes.iter().filter(|q| q.time_limit_minutes > 0) {
        let timed: Vec<&String> = quiz.items.iter().filter(|id| short_answers.contains(&id.as_str())).collect();
        assert!(
            timed.is_empty(),
            "{} has a {}-minute limit and hand-graded items {timed:?}",
            quiz.id,
            quiz.time_limit_minutes
        );
    }
}

/// Whether `text` prints a clock time such as 8:00 or 20:30 (ASCII or
/// full-width colon).
fn prints_clock_time(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        (*c == ':' || *c == '：')
            && i >= 1
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && chars.get(i + 2).is_some_and(char::is_ascii_digit)
    })
}

/// Ordering items do not print the clock times that would give their order
/// away (issue 31).
#[test]
fn ordering_steps_do_not_print_clock_times() {
    assert!(
        prints_clock_time("20:30 明日预告")
            && prints_clock_time("08：00 早读")
            && !prints_clock_time("比例 3:1 的配比")
    );
    let course = shipped_course();
    let giveaways: Vec<String> = questions(&course, QuestionType::Ordering)
        .iter()
        .flat_map(|q| {
            q.items.iter().flatten().filter(|s| prints_clock_time(s)).map(move |s| format!("{}: «{s}»", q.id))
        })
        .collect();
    assert!(giveaways.is_empty(), "ordering steps print clock times:\n{}", giveaways.join("\n"));
}

/// One definition per metric (issue 31): every metric template of the course,
/// and every metric the sample data sets measure, has a glossary term with a
/// formula, and the template says nothing different from it (the validator
/// refuses a template whose definition, formula or unit differs).
#[test]
fn every_metric_of_templates_and_data_is_defined_once_in_the_glossary() {
    let course = shipped_course();
    let term_of = |name: &str| course.glossary.iter().find(|t| t.names().any(|n| n == name));
    for metric in &course.metrics {
        let term = term_of(&metric.name)
            .unwrap_or_else(|| panic!("metric {} ({}) has no glossary term", metric.id, metric.name));
        assert!(term.formula.is_some(), "glossary term {} of metric {} has no formula", term.id, metric.id);
        let named: Vec<_> = course.glossary.iter().filter(|t| t.names().any(|n| n == metric.name)).collect();
        assert_eq!(named.len(), 1, "metric {} is named by {} glossary terms", metric.id, named.len());
    }
    let root = qunxue_tests::packs::repo_root();
    for dataset in &course.datasets {
        let text = std::fs::read_to_string(root.join(dataset)).unwrap();
        let measured: std::collections::BTreeSet<&str> =
            text.lines().skip(1).filter_map(|line| line.split(',').nth(2)).collect();
        for id in measured {
            let metric = course
                .metrics
                .iter()
                .find(|m| m.id == id)
                .unwrap_or_else(|| panic!("{dataset} measures {id}, which has no template"));
            assert!(term_of(&metric.name).is_some(), "{dataset}: {id} has no glossary term");
        }
    }
}

/// Every case discussion question has a model answer for the instructor
/// (issue 31): the numbered questions under a case's 讨论题 heading are
/// answered one by one (**讨论题 N…**) in an instructor block.
#[test]
fn every_case_discussion_question_has_a_model_answer() {
    let course = shipped_course();
    let cases: Vec<_> = course.modules.iter().filter(|m| m.meta.kind == ModuleKind::Case).collect();
    assert!(cases.len() >= 7, "expected the seven case modules, found {}", cases.len());
    for module in cases {
        let split = qunxue_core::instructor_blocks::split(&module.body).expect("the blocks are well formed");
        let questions = split
            .learner
            .split("## 讨论题")
            .nth(1)
            .map(|section| section.split("\n## ").next().unwrap_or(""))
            .map(|section| {
                section.lines().filter(|l| l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())).count()
            })
            .unwrap_or(0);
        assert!(questions >= 3, "{} has {questions} discussion questions", module.path);
        for n in 1..=questions {
            assert!(
                split.instructor.contains(&format!("**讨论题 {n}")),
                "{}: discussion question {n} has no model answer in an instructor block",
                module.path
            );
            assert!(
                !split.learner.contains(&format!("**讨论题 {n}")),
                "{}: the answer to question {n} reaches learners",
                module.path
            );
        }
    }
}
