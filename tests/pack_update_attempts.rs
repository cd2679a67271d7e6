//! A v1 → v2 course update keeps what learners did in quizzes: handed-in
//! attempts keep their scores and can still be reviewed, an attempt left
//! open resumes with its answers, and a short answer to a question that v2
//! dropped can still be graded — because dropped questions and quizzes are
//! archived, never deleted.

use chrono::{DateTime, TimeZone, Utc};
use qunxue_app::import::import_pack;
use qunxue_app::{profiles, quiz};
use qunxue_core::quiz::{option_key, LearnerAnswer};
use qunxue_store::profiles::Role;
use qunxue_store::Store;
use qunxue_tests::packs::fixture;
use qunxue_tests::snapshot::DataDir;

const COURSE: &str = "acme.demo";
const QUIZ: &str = "quiz-intro";

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, minute, 0).unwrap()
}

fn install(data: &DataDir, pack: &str, minute: u32) {
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), &fixture(pack), false, at(minute), &mut |_| {}).unwrap();
}

#[test]
fn attempts_survive_an_update_that_drops_a_question() {
    let data = DataDir::new();
    install(&data, "good", 0);

    let (learner, handed_in, open) = {
        let mut store = Store::open(&data.db()).unwrap();
        let learner = profiles::active_profile(&mut store, at(1)).unwrap().id;
        let first = quiz::start_quiz(&mut store, &learner, COURSE, QUIZ, at(1)).unwrap();
        let id = &first.attempt_id;
        quiz::save_answer(&mut store, &learner, id, "q-single", &LearnerAnswer::Choice(option_key(2)), at(2)).unwrap();
        quiz::save_answer(&mut store, &learner, id, "q-numeric", &LearnerAnswer::Number(18.0), at(2)).unwrap();
        let short = LearnerAnswer::Text("先约定群规，再用红包破冰。".into());
        quiz::save_answer(&mut store, &learner, id, "q-short", &short, at(3)).unwrap();
        let result = quiz::submit_attempt(&mut store, &learner, id, at(4)).unwrap();
        assert_eq!(result.pending_manual, 1);

        let second = quiz::start_quiz(&mut store, &learner, COURSE, QUIZ, at(5)).unwrap();
        quiz::save_answer(&mut store, &learner, &second.attempt_id, "q-true-false", &LearnerAnswer::Bool(false), at(6))
            .unwrap();
        (learner, result, second.attempt_id)
    };

    install(&data, "good-v2", 7);
    let mut store = Store::open(&data.db()).unwrap();

    // The handed-in attempt reads back exactly as before, dropped question included.
    let again = quiz::attempt_result(&mut store, &learner, &handed_in.attempt_id, at(8)).unwrap();
    assert_eq!(
        (again.score, again.max_score, again.percent),
        (handed_in.score, handed_in.max_score, handed_in.percent)
    );
    assert!(again.items.iter().any(|item| item.question_id == "q-short"), "the dropped question is still reviewable");

    // The open attempt resumes with its answer, and the overview still counts both.
    let resumed = quiz::start_quiz(&mut store, &learner, COURSE, QUIZ, at(8)).unwrap();
    assert_eq!(resumed.attempt_id, open);
    assert_eq!(resumed.answers.get("q-true-false"), Some(&LearnerAnswer::Bool(false)));
    let overview = quiz::quiz_overview(&mut store, &learner, COURSE, QUIZ, at(8)).unwrap();
    assert_eq!(overview.attempts.len(), 2);

    // An instructor can still grade the short answer to the dropped question.
    let instructor = "instructor-1";
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            qunxue_store::profiles::insert(tx, &qunxue_store::profiles::Profile::learner(instructor, "王老师", "t"))?;
            qunxue_store::profiles::set_role(tx, instructor, Role::Instructor)
        })
        .unwrap();
    let queue = quiz::marking_queue(&store, instructor, Some(COURSE)).unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].question_id, "q-short");
    let rescored =
        quiz::grade_answer(&mut store, instructor, &handed_in.attempt_id, "q-short", 1.0, Some("思路清楚"), at(9))
            .unwrap();
    assert_eq!(rescored.pending_manual, 0);
    assert!(rescored.score > handed_in.score);
    assert!(rescored.passed.is_some());
}
