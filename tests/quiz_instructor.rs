//! The instructor's side of quizzes on a real database: item analysis over
//! several learners' attempts (and its CSV/XLSX export), grading short
//! answers, and the backend refusing both to a learner.

use chrono::{DateTime, TimeZone, Utc};
use qunxue_app::export::write_tables;
use qunxue_app::import::import_pack;
use qunxue_app::{quiz, ErrorKind};
use qunxue_core::quiz::{option_key, LearnerAnswer};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use qunxue_tests::packs::fixture;
use qunxue_tests::snapshot::DataDir;

const COURSE: &str = "acme.demo";
const QUIZ: &str = "quiz-intro";
const TEACHER: &str = "teacher";

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 10, minute, 0).unwrap()
}

/// Three learners answer q-single (option 2 is right) and q-short; the first
/// two also answer q-numeric (18) right. Returns the store and attempt ids.
fn classroom(data: &DataDir) -> (Store, Vec<String>) {
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), &fixture("good"), false, at(0), &mut |_| {}).unwrap();
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            for (id, name) in [("l1", "张三"), ("l2", "李四"), ("l3", "王五"), (TEACHER, "陈老师")] {
                profiles::insert(tx, &Profile::learner(id, name, "2026-11-28T10:00:00Z"))?;
            }
            profiles::set_role(tx, TEACHER, Role::Instructor)
        })
        .unwrap();
    let mut attempts = Vec::new();
    // Each learner answers a minute after the one before, so the marking queue
    // (oldest answer first) has a defined order.
    for (minute, (learner, single, numeric)) in
        [("l1", 2, Some(18.0)), ("l2", 2, Some(18.0)), ("l3", 0, None)].into_iter().enumerate()
    {
        let minute = u32::try_from(minute).unwrap() * 4;
        let id = quiz::start_quiz(&mut store, learner, COURSE, QUIZ, at(minute + 1)).unwrap().attempt_id;
        let single = LearnerAnswer::Choice(option_key(single));
        quiz::save_answer(&mut store, learner, &id, "q-single", &single, at(minute + 2)).unwrap();
        if let Some(value) = numeric {
            let number = LearnerAnswer::Number(value);
            quiz::save_answer(&mut store, learner, &id, "q-numeric", &number, at(minute + 2)).unwrap();
        }
        let text = LearnerAnswer::Text(format!("{learner} 的回答：先定目标人群，再设计入群理由。"));
        quiz::save_answer(&mut store, learner, &id, "q-short", &text, at(minute + 3)).unwrap();
        quiz::submit_attempt(&mut store, learner, &id, at(minute + 4)).unwrap();
        attempts.push(id);
    }
    (store, attempts)
}

#[test]
fn item_analysis_counts_options_and_orders_by_question() {
    let data = DataDir::new();
    let (store, _) = classroom(&data);
    let analysis = quiz::item_analysis(&store, TEACHER, COURSE, QUIZ).unwrap();
    assert_eq!(analysis.attempts, 3);
    let single = analysis.items.iter().find(|i| i.question_id == "q-single").unwrap();
    assert_eq!(single.n, 3);
    let facility = single.facility.unwrap();
    assert!((facility - 2.0 / 3.0).abs() < 1e-9, "facility {facility}");
    let chosen: Vec<(bool, u64)> = single.options.iter().map(|o| (o.correct, o.chosen)).collect();
    assert_eq!(chosen, [(false, 1), (false, 0), (true, 2)]);
    // Those who got q-single right also scored more on the rest: positive discrimination.
    assert!(single.discrimination.unwrap() > 0.5, "{:?}", single.discrimination);
    let unanswered = analysis.items.iter().find(|i| i.question_id == "q-fill").unwrap();
    assert_eq!((unanswered.n, unanswered.facility), (3, Some(0.0)));

    for name in ["items.csv", "items.xlsx"] {
        let path = data.path().join(name);
        write_tables(&path, &[quiz::item_analysis_sheet(&analysis)]).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{name} written");
    }
    let csv = std::fs::read_to_string(data.path().join("items.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "Excel needs the BOM to read Chinese");
    assert!(csv.contains("q-single,single,"), "{csv}");
}

#[test]
fn short_answers_are_graded_by_hand_and_the_result_shows_the_comment() {
    let data = DataDir::new();
    let (mut store, attempts) = classroom(&data);
    let queue = quiz::marking_queue(&store, TEACHER, None).unwrap();
    assert_eq!(queue.len(), 3);
    let names: Vec<&str> = queue.iter().map(|p| p.learner_name.as_str()).collect();
    assert_eq!(names, ["张三", "李四", "王五"], "oldest answer first");
    assert!(queue[0].answer_text.contains("先定目标人群"));

    let err = quiz::grade_answer(&mut store, TEACHER, &attempts[0], "q-short", 99.0, None, at(20)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    let err = quiz::grade_answer(&mut store, TEACHER, &attempts[0], "q-single", 1.0, None, at(20)).unwrap_err();
    assert!(err.to_string().contains("automatically"), "{err}");

    let before = quiz::attempt_result(&mut store, "l1", &attempts[0], at(20)).unwrap();
    assert_eq!((before.passed, before.pending_manual), (None, 1));
    let max = queue[0].max_score;
    let rescored =
        quiz::grade_answer(&mut store, TEACHER, &attempts[0], "q-short", max, Some(" 很完整 "), at(21)).unwrap();
    assert_eq!(rescored.pending_manual, 0);
    assert!((rescored.score - (before.score + max)).abs() < 1e-9);

    let after = quiz::attempt_result(&mut store, "l1", &attempts[0], at(22)).unwrap();
    assert_eq!(after.pending_manual, 0);
    assert!(after.passed.is_some());
    let item = after.items.iter().find(|i| i.question_id == "q-short").unwrap();
    assert_eq!(item.grader_comment.as_deref(), Some("很完整"));
    assert_eq!(quiz::marking_queue(&store, TEACHER, Some(COURSE)).unwrap().len(), 2);
}

#[test]
fn a_learner_cannot_grade_or_see_item_analysis() {
    let data = DataDir::new();
    let (mut store, attempts) = classroom(&data);
    let forbidden = [
        quiz::marking_queue(&store, "l2", None).map(|_| ()),
        quiz::item_analysis(&store, "l2", COURSE, QUIZ).map(|_| ()),
        quiz::grade_answer(&mut store, "l2", &attempts[1], "q-short", 1.0, None, at(20)).map(|_| ()),
    ];
    for result in forbidden {
        assert_eq!(result.unwrap_err().kind(), ErrorKind::Forbidden);
    }
    // Nothing was graded by the refused call.
    assert_eq!(quiz::attempt_result(&mut store, "l2", &attempts[1], at(21)).unwrap().pending_manual, 1);
}
