//! The walking-skeleton slice through the services on a real SQLite file:
//! install the shipped course, read the outline, open and complete modules,
//! and find the progress again after reopening the database.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use qunxue_app::{library, profiles, reading};
use qunxue_store::Store;

fn shipped_courses() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("courses")
}

fn at(minute: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, minute, 0).unwrap()
}

#[test]
fn progress_survives_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");

    let (profile_id, course_id) = {
        let mut store = Store::open(&db).unwrap();
        library::install_bundled_courses(&mut store, &shipped_courses(), at(0)).unwrap();
        let profile = profiles::active_profile(&mut store, at(0)).unwrap();
        let courses = library::list(&store, &profile.id).unwrap();
        let course = courses.iter().find(|c| c.id == "qunxue.community-ops").expect("default course installed");
        // The outline says when the platform rules and laws were checked (course.toml `reviewed`).
        assert_eq!(course.reviewed_on.as_deref(), Some("2026-12-06"));
        let outline_course =
            reading::outline(&store, &profile.id, reading::Readers::Learners, &course.id).unwrap().course;
        assert_eq!(outline_course.reviewed_on.as_deref(), Some("2026-12-06"));

        let outline = reading::outline(&store, &profile.id, reading::Readers::Learners, &course.id).unwrap();
        let kinds: Vec<_> = outline.sections.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, ["theory", "practice", "case"]);
        let first = &outline.sections[0].modules[0];
        assert_eq!(first.title, "社群运营的概念、意义与类型");
        assert_eq!(first.status, "not_started");

        let view =
            reading::open_module(&mut store, &profile.id, reading::Readers::Learners, &course.id, &first.id, at(1))
                .unwrap();
        assert!(view.html.contains("<h1"), "rendered HTML expected");
        assert!(!view.html.contains("<script"));
        assert_eq!(view.previous_id, None);
        assert!(view.next_id.is_some());
        assert_eq!(view.status, "in_progress");
        reading::complete_module(&mut store, &profile.id, reading::Readers::Learners, &course.id, &first.id, at(2))
            .unwrap();
        (profile.id, course.id.clone())
    };

    // A new process: same file, same learner, same progress.
    let mut store = Store::open(&db).unwrap();
    library::install_bundled_courses(&mut store, &shipped_courses(), at(10)).unwrap();
    let profile = profiles::active_profile(&mut store, at(10)).unwrap();
    assert_eq!(profile.id, profile_id);
    let outline = reading::outline(&store, &profile.id, reading::Readers::Learners, &course_id).unwrap();
    assert_eq!(outline.sections[0].modules[0].status, "completed");
    assert_eq!(outline.course.completed_count, 1);
}

#[test]
fn opening_an_unknown_module_is_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    library::install_bundled_courses(&mut store, &shipped_courses(), at(0)).unwrap();
    let profile = profiles::active_profile(&mut store, at(0)).unwrap();
    let err = reading::open_module(
        &mut store,
        &profile.id,
        reading::Readers::Learners,
        "qunxue.community-ops",
        "nope",
        at(1),
    )
    .unwrap_err();
    assert_eq!(err.kind(), qunxue_app::ErrorKind::NotFound);
}
