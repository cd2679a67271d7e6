//! `qunxue backup` and `qunxue restore` on a realistic database (the shipped
//! curriculum with demo activity): the restored file holds exactly what was
//! backed up, the replaced file is kept aside, and a bad backup changes
//! nothing. Also the certificate command's refusals. Prints the backup's size
//! and time (run with `--nocapture` to see them).

use std::path::Path;
use std::time::Instant;

use chrono::Utc;
use qunxue_app::demo::{run_demo, DemoOptions};
use qunxue_app::library;
use qunxue_store::testing::{snapshot, Snapshot};
use qunxue_store::Store;
use qunxue_tests::cli::{qunxue, qunxue_with_pin};
use qunxue_tests::packs::repo_root;

/// Every row of every table (FTS shadow tables aside), in a comparable form.
fn contents(db: &Path) -> Snapshot {
    snapshot(&rusqlite::Connection::open(db).unwrap())
}

fn learners(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM profiles WHERE role = 'learner'", [], |r| r.get(0)).unwrap()
}

/// The admin `qunxue demo` made (the demo instructor, PIN `DEMO_PIN`).
fn demo_admin(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT id FROM profiles WHERE role = 'admin'", [], |r| r.get(0)).unwrap()
}

/// The permission bits of `path` (owner-only is 0o600 for files).
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn demo_database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("qunxue.db");
    let mut store = Store::open(&db).unwrap();
    library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
    run_demo(&mut store, DemoOptions { learners: 30, seed: 5 }, Utc::now()).unwrap();
    db
}

#[test]
fn backup_and_restore_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let before = contents(&db);
    let learners_before = learners(&db);
    assert!(learners_before >= 30);

    let backup = dir.path().join("备份").join("qunxue-backup.db");
    std::fs::create_dir_all(backup.parent().unwrap()).unwrap();
    qunxue_tests::cli::qunxue_path(); // built before the clock starts
    let started = Instant::now();
    let out = qunxue(&["backup", "--db", db.to_str().unwrap(), "--out", backup.to_str().unwrap()]);
    let elapsed = started.elapsed();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let size = std::fs::metadata(&backup).unwrap().len();
    eprintln!(
        "backup of a {}-byte demo database ({} learners): {} bytes, {} ms including process start",
        std::fs::metadata(&db).unwrap().len(),
        learners_before,
        size,
        elapsed.as_millis()
    );
    assert!(text(&out.stdout).contains(&format!("{size} bytes")), "{}", text(&out.stdout));
    assert_eq!(contents(&backup), before, "the backup holds every row");
    assert_eq!(mode(&backup), 0o600, "a backup holds everyone's records: owner-only");

    // Learners deleted after the backup come back with the restore.
    rusqlite::Connection::open(&db).unwrap().execute("DELETE FROM profiles WHERE role = 'learner'", []).unwrap();
    assert_eq!(learners(&db), 0);
    // Restoring replaces everyone's data: a learner is refused, the demo's admin may.
    let restore = ["restore", "--from", backup.to_str().unwrap(), "--db", db.to_str().unwrap()];
    let refused = qunxue(&restore);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(learners(&db) < learners_before, "a refused restore brings nothing back");
    let admin = demo_admin(&backup);
    let mut as_admin = restore.to_vec();
    as_admin.extend(["--profile", admin.as_str()]);
    let replaced_learners = learners(&db);
    // A database an older version left readable by everyone…
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = qunxue_with_pin(qunxue_app::demo::DEMO_PIN, &as_admin);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // …is owner-only once restored.
    assert_eq!(mode(&db), 0o600, "the restored database");
    // Every row comes back, and the admin log says who restored it.
    let mut restored = contents(&db);
    let log = restored.remove("admin_log").unwrap().1;
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(format!("{log:?}").contains("restore_backup"), "{log:?}");
    let mut expected = before.clone();
    expected.remove("admin_log");
    assert_eq!(restored, expected);
    let stdout = text(&out.stdout);
    let kept = stdout
        .lines()
        .find_map(|l| l.strip_prefix("the replaced database is kept at "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(learners(Path::new(kept)), replaced_learners, "the file set aside is the one that was replaced");
    assert_eq!(mode(Path::new(kept)), 0o600, "the copy set aside");
}

#[test]
fn a_bad_backup_is_refused_and_the_database_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    drop(Store::open(&db).unwrap());
    let admin = qunxue_tests::profiles::add_admin(&db);
    let before = std::fs::read(&db).unwrap();
    let broken = dir.path().join("broken.db");
    std::fs::write(&broken, vec![7u8; 10_000]).unwrap();

    let out = qunxue_with_pin(
        qunxue_tests::profiles::ADMIN_PIN,
        &["restore", "--from", broken.to_str().unwrap(), "--db", db.to_str().unwrap(), "--profile", &admin],
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.db") && stderr.contains("nothing was changed"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let out = qunxue(&["backup", "--db", dir.path().join("missing.db").to_str().unwrap(), "--out", "x.db"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("missing.db"), "{}", text(&out.stderr));
}

#[test]
fn certificate_commands_refuse_unknown_codes_and_unfinished_courses() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let db_arg = db.to_str().unwrap();
    let out = qunxue(&["certificate", "verify", "QX-0000-0000-0000-0000", "--db", db_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no certificate with code QX-0000-0000-0000-0000"), "{}", text(&out.stderr));
    let out = qunxue(&["certificate", "verify", "hello", "--db", db_arg]);
    assert_eq!(out.status.code(), Some(1));

    // A learner who has not opened anything cannot have one; nothing is written.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO profiles (id, display_name, created_at, last_used_at) VALUES ('new-one', '新学员', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
        [],
    )
    .unwrap();
    let course: String = conn.query_row("SELECT id FROM courses ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    let pdf = dir.path().join("cert.pdf");
    let out = qunxue(&[
        "certificate",
        "export",
        "--db",
        db_arg,
        "--profile",
        "new-one",
        "--course",
        &course,
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("modules not completed yet"), "{}", text(&out.stderr));
    assert!(!pdf.exists());
}

#[test]
fn a_credential_exported_on_one_database_verifies_anywhere_and_one_changed_byte_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let db_arg = db.to_str().unwrap();
    let learners: Vec<String> = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn.prepare("SELECT id FROM profiles WHERE role = 'learner' ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let badge = dir.path().join("证书.json");
    let badge_arg = badge.to_str().unwrap();
    // The first demo learner who completed the course.
    let learner = learners
        .iter()
        .find(|id| {
            let args = [
                "certificate",
                "export",
                "--db",
                db_arg,
                "--profile",
                id.as_str(),
                "--course",
                "qunxue.community-ops",
                "--badge",
                badge_arg,
            ];
            qunxue(&args).status.success()
        })
        .expect("the demo has a learner who completed the course");
    let name: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT display_name FROM profiles WHERE id = ?1", [learner], |r| r.get(0))
        .unwrap();

    // Another computer: an empty database that never saw this learner.
    let elsewhere = tempfile::tempdir().unwrap();
    let other_db = elsewhere.path().join("qunxue.db");
    let out = qunxue(&["certificate", "verify", badge_arg, "--db", other_db.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let checked: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked["learnerName"], name.as_str());
    assert!(checked["issuerId"].as_str().unwrap().starts_with("did:key:z"), "{checked}");
    // Without any database at all, too.
    assert!(qunxue(&["certificate", "verify", badge_arg]).status.success());

    // One byte changed (a digit of the date): refused.
    let original = std::fs::read(&badge).unwrap();
    let needle = b"\"validFrom\": \"";
    // The last digit of the year.
    let at = original.windows(needle.len()).position(|w| w == needle).expect("validFrom") + needle.len() + 3;
    let mut changed = original.clone();
    changed[at] = if changed[at] == b'1' { b'2' } else { b'1' };
    std::fs::write(&badge, &changed).unwrap();
    let out = qunxue(&["certificate", "verify", badge_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("does not verify"), "{}", text(&out.stderr));
}
