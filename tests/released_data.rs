//! Data written by the last released version still reads. The fixture in
//! `tests/fixtures/released/` was made by `main` at aa812a1 (schema 23),
//! before the consistency changes of issue #32, with the real `qunxue`
//! binary: an admin, the `good` pack, `qunxue demo` with 3 learners, then a
//! learner's submissions and records bundles, the instructor's grades bundle
//! for that learner, and every xAPI statement. `values.json` holds every row
//! of every table as that version wrote it (`dump_values.py`).
//!
//! A later migration may convert a stored value; the comparison names each
//! conversion here rather than dropping the column from the check. So far
//! one: migration 24 wrote every instant in one form (`as_migrated`).

use std::path::{Path, PathBuf};

use qunxue_store::Store;
use qunxue_tests::cli::qunxue_with_pin;
use qunxue_tests::packs::{fixture, repo_root};
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use rusqlite::types::ValueRef;
use serde_json::{json, Value};

/// The learner whose bundles the fixture holds (林嘉懿).
const LEARNER: &str = "6145c21a-709b-42ef-bb58-ae744023d822";

fn released(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/released").join(name)
}

/// A copy of the released database in a folder of its own.
fn released_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    std::fs::copy(released("learner.db"), &db).unwrap();
    (dir, db)
}

/// A stored value as `dump_values.py` wrote it: blobs as `{"hex": …}`.
fn as_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(r) => json!(r),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!({ "hex": b.iter().map(|byte| format!("{byte:02x}")).collect::<String>() }),
    }
}

/// What a value of `column` became in the migrations since schema 23:
/// instants are in the store's one form (migration 24, SQLite's strftime);
/// everything else is as it was.
fn as_migrated(conn: &rusqlite::Connection, column: &str, was: &Value) -> Value {
    match was.as_str() {
        Some(text) if qunxue_store::time::is_time_column(column) => conn
            .query_row("SELECT CASE WHEN ?1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' THEN strftime('%Y-%m-%dT%H:%M:%fZ', ?1) END", [text], |r| r.get::<_, Option<String>>(0))
            .unwrap()
            .map_or_else(|| was.clone(), Value::from),
        _ => was.clone(),
    }
}

fn rows_now(conn: &rusqlite::Connection, table: &str, columns: &[String]) -> Vec<Vec<Value>> {
    let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut statement = conn.prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY rowid")).unwrap();
    statement
        .query_map([], |row| (0..columns.len()).map(|i| row.get_ref(i).map(as_json)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_database_written_by_the_released_version_migrates_with_every_value_intact() {
    let before: Value = serde_json::from_str(&std::fs::read_to_string(released("values.json")).unwrap()).unwrap();
    assert_eq!(before["user_version"], 23);
    let (_dir, db) = released_copy();
    let store = Store::open(&db).expect("the released database opens and migrates");
    let conn = store.conn();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert!(version >= 23);

    let tables = before["tables"].as_object().unwrap();
    assert!(tables.len() >= 45, "the fixture covers every table of schema 23");
    let mut rows_checked = 0;
    for (table, old) in tables {
        let columns: Vec<String> = serde_json::from_value(old["columns"].clone()).unwrap();
        let old_rows: Vec<Vec<Value>> = serde_json::from_value(old["rows"].clone()).unwrap();
        let now = rows_now(conn, table, &columns);
        assert_eq!(now.len(), old_rows.len(), "{table}: rows after migrating");
        for (i, (was, is)) in old_rows.iter().zip(&now).enumerate() {
            for ((column, was), is) in columns.iter().zip(was).zip(is) {
                let expected = as_migrated(conn, column, was);
                assert_eq!(is, &expected, "{table} row {i} column {column} changed in migration");
                if qunxue_store::time::is_time_column(column) {
                    if let Some(text) = is.as_str() {
                        assert!(qunxue_store::time::is_stored_form(text), "{table}.{column} = {text:?}");
                    }
                }
            }
        }
        rows_checked += old_rows.len();
    }
    assert!(rows_checked > 150, "{rows_checked} rows checked");
}

#[test]
fn the_released_database_still_serves_the_app() {
    let (_dir, db) = released_copy();
    let db_arg = db.to_str().unwrap();
    let listed = qunxue_with_pin(ADMIN_PIN, &["profile", "list", "--db", db_arg]);
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("林嘉懿") && listed.contains("演示讲师"), "{listed}");

    // The learner's own records, read through every service a bundle draws on.
    let out = db.with_file_name("mine.zip");
    let exported = qunxue_with_pin(
        ADMIN_PIN,
        &[
            "records",
            "export",
            "--db",
            db_arg,
            "--profile",
            LEARNER,
            "--course",
            "acme.demo",
            "--out",
            out.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let summary: Value = serde_json::from_slice(&exported.stdout).unwrap();
    assert_eq!(summary["items"], 1, "{summary}");
}

fn run_json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--db", db.to_str().unwrap(), "--json"]);
    let out = qunxue_with_pin(ADMIN_PIN, &all);
    assert!(out.status.success(), "qunxue {all:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn bundles_written_by_the_released_version_import() {
    // An instructor's machine set up by this version takes the learner's
    // submissions and records bundles.
    let dir = tempfile::tempdir().unwrap();
    let teacher_db = dir.path().join("qunxue.db");
    let admin = add_admin(&teacher_db);
    let installed = qunxue_with_pin(
        ADMIN_PIN,
        &["import", fixture("good").to_str().unwrap(), "--db", teacher_db.to_str().unwrap(), "--profile", &admin],
    );
    assert!(installed.status.success(), "{}", String::from_utf8_lossy(&installed.stderr));
    let submissions = released("submissions.zip");
    let taken = run_json(&teacher_db, &["import-submissions", submissions.to_str().unwrap(), "--profile", &admin]);
    assert_eq!((taken["added"].as_u64(), taken["signerName"].as_str()), (Some(1), Some("林嘉懿")), "{taken}");
    let records = released("records.zip");
    let taken = run_json(&teacher_db, &["records", "import", records.to_str().unwrap(), "--profile", &admin]);
    assert_eq!(taken["learners"], 1, "{taken}");
    assert!(taken["added"].as_u64().unwrap() >= 5, "{taken}");

    // The learner's machine, migrated, takes the instructor's mark of a
    // short answer back: the mark it held is cleared first so that the import
    // has something to apply.
    let (_learner_dir, learner_db) = released_copy();
    let store = Store::open(&learner_db).unwrap();
    let clear =
        "UPDATE attempt_answers SET manual_score = NULL, manual_comment = NULL, graded_by = NULL, graded_at = NULL
                 WHERE attempt_id = 'e764de3b-0d37-4a76-92a8-7e46273232eb' AND question_id = 'q-short'";
    assert_eq!(store.conn().execute(clear, []).unwrap(), 1);
    drop(store);
    let grades = released("grades.zip");
    let taken = run_json(&learner_db, &["import-grades", grades.to_str().unwrap(), "--profile", LEARNER]);
    assert_eq!((taken["added"].as_u64(), taken["alreadyImported"].as_bool()), (Some(1), Some(false)), "{taken}");
    let comment: Option<String> = Store::open(&learner_db)
        .unwrap()
        .conn()
        .query_row("SELECT manual_comment FROM attempt_answers WHERE question_id = 'q-short' AND attempt_id = 'e764de3b-0d37-4a76-92a8-7e46273232eb'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(comment.as_deref(), Some("要点齐全。"));
}
