//! The one merge path on real (in-memory) databases: a learner's records
//! from one store taken into another, twice, and from a second laptop.

use chrono::{TimeZone, Utc};
use qunxue_core::quiz::LearnerAnswer;
use qunxue_store::profiles::{self, Profile};
use qunxue_store::Store;

use super::collect;
use super::merge::merge_learner;
use crate::quiz::{self, fixture};

fn t(minute: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, minute, 0).unwrap()
}

/// A laptop where `learner` took the fixture quiz once.
fn laptop(learner: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fixture::install(&mut store, &[fixture::quiz(serde_json::json!({}))]).unwrap();
    store.transact(|tx| profiles::insert(tx, &Profile::learner(learner, "林小雨", "2026-12-01T08:00:00Z"))).unwrap();
    let attempt = quiz::start_quiz(&mut store, learner, fixture::COURSE, fixture::QUIZ, t(0)).unwrap();
    quiz::save_answer(&mut store, learner, &attempt.attempt_id, "s1", &LearnerAnswer::Choice("1".into()), t(1))
        .unwrap();
    quiz::submit_attempt(&mut store, learner, &attempt.attempt_id, t(2)).unwrap();
    store
}

fn instructor_machine() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fixture::install(&mut store, &[fixture::quiz(serde_json::json!({}))]).unwrap();
    store
}

fn attempts_of(store: &Store, learner: &str) -> Vec<(String, i64)> {
    let mut stmt =
        store.conn().prepare("SELECT id, number FROM attempts WHERE profile_id = ?1 ORDER BY number").unwrap();
    stmt.query_map([learner], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn merging_twice_adds_nothing_the_second_time_and_makes_a_member() {
    let source = laptop("p-lin");
    let records = collect(&source, "p-lin", fixture::COURSE).unwrap();
    assert_eq!(records.attempts.len(), 1);
    let mut target = instructor_machine();
    let first =
        target.transact(|tx| merge_learner(tx, fixture::COURSE, &records, "bundle", "2026-12-02T00:00:00Z")).unwrap();
    assert!(first.new_member);
    assert_eq!(first.records.added, 1);
    let again =
        target.transact(|tx| merge_learner(tx, fixture::COURSE, &records, "bundle", "2026-12-03T00:00:00Z")).unwrap();
    assert!(!again.new_member);
    assert_eq!((again.records.added, again.records.skipped), (0, 1));
    assert_eq!(attempts_of(&target, "p-lin").len(), 1);
    assert!(profiles::is_member(target.conn(), "p-lin").unwrap());
    assert!(profiles::list(target.conn()).unwrap().iter().all(|p| p.id != "p-lin"), "members are not pickable");
}

#[test]
fn one_learner_on_two_laptops_is_one_member_with_both_attempts() {
    // The same profile id took attempt number 1 on each laptop.
    let morning = collect(&laptop("p-lin"), "p-lin", fixture::COURSE).unwrap();
    let evening = collect(&laptop("p-lin"), "p-lin", fixture::COURSE).unwrap();
    assert_ne!(morning.attempts[0].id, evening.attempts[0].id);
    let mut target = instructor_machine();
    for records in [&morning, &evening] {
        target.transact(|tx| merge_learner(tx, fixture::COURSE, records, "bundle", "2026-12-02T00:00:00Z")).unwrap();
    }
    let attempts = attempts_of(&target, "p-lin");
    assert_eq!(attempts.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [1, 2], "both kept, numbered apart");
    let ids: Vec<&str> = attempts.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&morning.attempts[0].id.as_str()) && ids.contains(&evening.attempts[0].id.as_str()));
}

#[test]
fn a_local_profile_stays_local_when_its_records_come_back() {
    let mut store = laptop("p-lin");
    let records = collect(&store, "p-lin", fixture::COURSE).unwrap();
    let outcome =
        store.transact(|tx| merge_learner(tx, fixture::COURSE, &records, "bundle", "2026-12-02T00:00:00Z")).unwrap();
    assert!(!outcome.new_member);
    assert!(!profiles::is_member(store.conn(), "p-lin").unwrap());
}

#[test]
fn the_class_view_says_who_sent_nothing_who_stalled_and_who_completed() {
    use super::class_list::{class_list, STALLED_AFTER_DAYS};
    use super::classes::{create_class, join_class};

    let mut store = laptop("p-lin");
    store.transact(|tx| profiles::insert(tx, &Profile::learner("p-zhou", "周一", "2026-12-01T08:00:00Z"))).unwrap();
    let class = create_class(&mut store, fixture::COURSE, "华东门店一期", t(3)).unwrap();
    join_class(&mut store, "p-lin", fixture::COURSE, &class.id, t(4)).unwrap();
    join_class(&mut store, "p-zhou", fixture::COURSE, &class.id, t(4)).unwrap();

    let soon = class_list(&store, fixture::COURSE, Some(&class.id), t(10)).unwrap();
    let member =
        |list: &super::class_list::ClassList, id: &str| list.members.iter().find(|m| m.id == id).unwrap().clone();
    let (lin, zhou) = (member(&soon, "p-lin"), member(&soon, "p-zhou"));
    assert!(!lin.sent_nothing && !lin.stalled, "{lin:?}");
    assert!(zhou.sent_nothing && !zhou.stalled, "joined, nothing more: {zhou:?}");
    assert_eq!(lin.quizzes_total, 1);
    assert_eq!(lin.completed, lin.quizzes_passed == 1 && lin.modules_done > 0, "{lin:?}");
    // The class view's batched standings agree with a learner's own certificate check.
    for member in &soon.members {
        let own = crate::certificates::eligibility(&store, &member.id, fixture::COURSE).unwrap();
        assert_eq!(member.completed, own.eligible, "{member:?}");
        assert_eq!(member.quizzes_passed, member.quizzes_total - own.quizzes_to_pass.len(), "{member:?}");
    }

    let later = t(10) + chrono::Duration::days(STALLED_AFTER_DAYS + 1);
    let lin_later = member(&class_list(&store, fixture::COURSE, Some(&class.id), later).unwrap(), "p-lin");
    assert_eq!(lin_later.stalled, !lin_later.completed, "a week without news: {lin_later:?}");

    // Removing a member takes them out of the class, not out of the course.
    store.transact(|tx| qunxue_store::classes::remove_member(tx, &class.id, "p-zhou")).unwrap();
    let after = class_list(&store, fixture::COURSE, Some(&class.id), t(11)).unwrap();
    assert_eq!(after.members.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["p-lin"]);
}
