//! `qunxue demo` on the shipped curriculum: it writes every kind of
//! activity through the app's services, and the same seed makes the same
//! activity (counts and scores), run after run.

use std::path::Path;

use chrono::Utc;
use qunxue_app::demo::{run_demo, DemoOptions};
use qunxue_app::library;
use qunxue_store::Store;
use qunxue_tests::cli::qunxue;
use qunxue_tests::packs::repo_root;

const TABLES: [&str; 9] = [
    "profiles",
    "module_progress",
    "attempts",
    "attempt_answers",
    "submission_versions",
    "marks",
    "results",
    "impact_studies",
    "impact_observations",
];

fn counts(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    TABLES
        .iter()
        .map(|t| (t.to_string(), conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0)).unwrap()))
        .collect()
}

/// The scores the demo produced, in a stable order (ids differ between runs),
/// to 3 decimals: the shuffled display order changes the order partial
/// credits are added in, hence the last bits of a sum.
fn scores(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT p.display_name || ':' || a.quiz_id || ':' || printf('%.3f', COALESCE(a.score, -1)) FROM attempts a JOIN profiles p ON p.id = a.profile_id ORDER BY 1")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn demo_database(dir: &Path, learners: usize, seed: u64) -> (std::path::PathBuf, qunxue_app::demo::DemoSummary) {
    let db = dir.join(format!("demo-{seed}.db"));
    let mut store = Store::open(&db).unwrap();
    library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
    let summary = run_demo(&mut store, DemoOptions { learners, seed }, Utc::now()).unwrap();
    (db, summary)
}

#[test]
fn the_same_seed_makes_the_same_activity_on_the_shipped_course() {
    let dir = tempfile::tempdir().unwrap();
    let (first_db, first) = demo_database(&dir.path().join("a").tap_dir(), 6, 42);
    let (second_db, mut second) = demo_database(&dir.path().join("b").tap_dir(), 6, 42);
    // Each machine's admin gets its own random recovery code; the activity is the same.
    assert!(first.admin_recovery_code.is_some() && first.admin_recovery_code != second.admin_recovery_code);
    second.admin_recovery_code.clone_from(&first.admin_recovery_code);
    assert_eq!(first, second);
    assert_eq!(counts(&first_db), counts(&second_db));
    assert_eq!(scores(&first_db), scores(&second_db));

    // Every kind of activity is there.
    assert_eq!((first.courses, first.learners), (1, 6));
    assert!(first.modules_opened >= 6 && first.modules_completed > 0, "{first:?}");
    assert!(first.quiz_attempts > 0 && first.answers > first.correct_answers && first.correct_answers > 0, "{first:?}");
    assert!(first.submissions > 0 && first.grades_released > 0, "{first:?}");
    assert!(first.studies == 1 && first.metric_values > 0, "{first:?}");
    let tables = counts(&first_db);
    assert!(tables.iter().all(|(_, n)| *n > 0), "{tables:?}");

    // Another seed makes other choices.
    let (other_db, _) = demo_database(&dir.path().join("c").tap_dir(), 6, 7);
    assert_ne!(scores(&first_db), scores(&other_db));
}

#[test]
fn the_cli_reports_what_it_wrote_and_refuses_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    let out = qunxue(&["demo", "--db", empty.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("qunxue import"), "{}", String::from_utf8_lossy(&out.stderr));

    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db).unwrap();
    library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
    drop(store);
    let out = qunxue(&["demo", "--db", db.to_str().unwrap(), "--learners", "3", "--seed", "9", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["learners"], 3);
    assert_eq!(summary["instructorPin"], "246810");
    let learners: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM profiles WHERE role = 'learner'", [], |r| r.get(0))
        .unwrap();
    assert!(learners >= 3);
}

/// Issue #32: every service writes an instant in the store's one form, so
/// a database the demo filled (every kind of activity) holds no other.
#[test]
fn every_instant_the_services_write_is_in_the_one_stored_form() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = demo_database(&dir.path().join("t").tap_dir(), 3, 5);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut checked = 0;
    for table in &tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|c: &String| qunxue_store::time::is_time_column(c))
            .collect();
        for column in columns {
            let values: Vec<String> = conn
                .prepare(&format!("SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            for value in values {
                assert!(qunxue_store::time::is_stored_form(&value), "{table}.{column} = {value:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} instants checked");
}

trait TapDir {
    fn tap_dir(self) -> Self;
}

impl TapDir for std::path::PathBuf {
    /// Creates the folder and returns it.
    fn tap_dir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}
