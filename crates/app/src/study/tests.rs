use chrono::{Duration, TimeZone, Utc};
use qunxue_store::courses::{self, CourseRecord, ModuleRecord, Readers};
use qunxue_store::profiles::{self, Profile};
use qunxue_store::Store;

use super::*;
use crate::reading::{complete_module, open_module};
use crate::ErrorKind;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn setup() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let module = |id: &str, position: i64| ModuleRecord {
        id: id.into(),
        position,
        kind: "theory".into(),
        title: format!("第{position}课"),
        minutes: 10,
        objectives: vec![],
        source_path: format!("modules/{id}.md"),
        markdown: "# 标题".into(),
        html: String::new(),
        audience: "learner".into(),
        instructor_html: None,
    };
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            courses::upsert_course(
                tx,
                &CourseRecord {
                    id: "c1".into(),
                    version: "1.0.0".into(),
                    title: "社群运营实战".into(),
                    language: "zh-CN".into(),
                    description: String::new(),
                    organisation: None,
                    primary_colour: None,
                    logo_path: None,
                    source_dir: "/nowhere".into(),
                    installed_at: "t0".into(),
                    updated_at: "t0".into(),
                },
            )?;
            courses::replace_modules(tx, "c1", &[module("m1", 1), module("m2", 2), module("m3", 3), module("m4", 4)])?;
            profiles::insert(tx, &Profile::learner("p1", "甲", "t0"))
        })
        .unwrap();
    store
}

fn at(seconds: i64) -> DateTime<Utc> {
    t0() + Duration::seconds(seconds)
}

#[test]
fn only_close_beats_are_credited_so_idle_time_never_counts() {
    let mut store = setup();
    open_module(&mut store, "p1", Readers::Learners, "c1", "m1", t0()).unwrap();
    // The first beat starts a run.
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(0)).unwrap().credited_seconds, 0);
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(30)).unwrap().credited_seconds, 30);
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(61)).unwrap().credited_seconds, 31);
    // Twenty minutes away: nothing is credited, a new run starts.
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(61 + 1200)).unwrap().credited_seconds, 0);
    let beat = heartbeat(&mut store, "p1", "c1", "m1", at(61 + 1230)).unwrap();
    assert_eq!((beat.credited_seconds, beat.module_seconds), (30, 91));
    // A clock that went backwards or a repeated beat credits nothing.
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(10)).unwrap().credited_seconds, 0);
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m1", at(10)).unwrap().credited_seconds, 0);
    assert_eq!(home(&store, "p1", at(2000)).unwrap().courses[0].active_seconds, 91);
}

#[test]
fn a_beat_on_a_module_never_opened_is_refused() {
    let mut store = setup();
    assert_eq!(heartbeat(&mut store, "p1", "c1", "m2", t0()).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn the_reading_position_is_restored_and_checked() {
    let mut store = setup();
    open_module(&mut store, "p1", Readers::Learners, "c1", "m1", t0()).unwrap();
    assert_eq!(reading_position(&store, "p1", "c1", "m1").unwrap(), None);
    let position = ReadingPosition { anchor: Some("qx-二-做法".into()), ratio: 0.4 };
    save_position(&mut store, "p1", "c1", "m1", &position).unwrap();
    assert_eq!(reading_position(&store, "p1", "c1", "m1").unwrap(), Some(position));
    for bad in [ReadingPosition { anchor: None, ratio: 1.5 }, ReadingPosition { anchor: Some("#x".into()), ratio: 0.1 }]
    {
        assert_eq!(save_position(&mut store, "p1", "c1", "m1", &bad).unwrap_err().kind(), ErrorKind::InvalidInput);
    }
}

#[test]
fn home_shows_where_to_continue_and_the_next_unfinished_module() {
    let mut store = setup();
    let empty = home(&store, "p1", t0()).unwrap();
    assert_eq!(empty.continue_at, None);
    assert_eq!(empty.next_step.as_ref().map(|n| n.module_id.as_str()), Some("m1"));
    assert_eq!((empty.courses[0].percent, empty.due_reviews), (0, 0));

    complete_module(&mut store, "p1", Readers::Learners, "c1", "m1", at(1)).unwrap();
    open_module(&mut store, "p1", Readers::Learners, "c1", "m3", at(2)).unwrap();
    save_position(&mut store, "p1", "c1", "m3", &ReadingPosition { anchor: Some("qx-标题".into()), ratio: 0.5 })
        .unwrap();
    let h = home(&store, "p1", at(3)).unwrap();
    let cont = h.continue_at.unwrap();
    assert_eq!(
        (cont.module_id.as_str(), cont.module_title.as_str(), cont.anchor.as_deref()),
        ("m3", "第3课", Some("qx-标题"))
    );
    assert_eq!(h.next_step.unwrap().module_id, "m2");
    assert_eq!((h.courses[0].completed, h.courses[0].total, h.courses[0].percent), (1, 4, 25));

    for m in ["m2", "m3", "m4"] {
        complete_module(&mut store, "p1", Readers::Learners, "c1", m, at(4)).unwrap();
    }
    let done = home(&store, "p1", at(5)).unwrap();
    assert_eq!((done.next_step, done.courses[0].percent), (None, 100));
}
