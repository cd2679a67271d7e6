//! Fault injection on real database files and the real `qunxue` binary:
//! SIGKILL at every step of a pack import, in the middle of task
//! submissions and of a grade import; a full disk; a read-only data folder;
//! a damaged database file. Each ends with a clear message, the data that
//! was committed intact, and a way to carry on.
//!
//! (Detecting a damaged file at start-up and restoring the latest backup is
//! covered in `crates/app/src/backup/tests.rs`; here the CLI's message is.)

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{TimeZone, Utc};
use qunxue_app::import::import_pack;
use qunxue_app::tasks::fixture::{self, COURSE, INSTRUCTOR, INSTRUCTOR_PIN, LEARNER, TASK};
use qunxue_app::tasks::grading::{self, MarkInput};
use qunxue_app::tasks::learner;
use qunxue_app::{library, profiles, reading};
use qunxue_store::Store;
use qunxue_tests::cli::{qunxue, qunxue_path, qunxue_with_pin, test_support, test_support_path};
use qunxue_tests::packs::{fixture as pack_fixture, repo_root};
use qunxue_tests::snapshot::DataDir;

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn installed_version(db: &Path, course: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT version FROM courses WHERE id = ?1", [course], |r| r.get(0)).ok()
}

/// The installed course can be read: every module opens from the files
/// the database points at.
fn course_readable(db: &Path, course: &str) {
    let mut store = Store::open(db).unwrap();
    let profile = profiles::active_profile(&mut store, Utc::now()).unwrap();
    let outline = reading::outline(&store, &profile.id, reading::Readers::Learners, course).unwrap();
    let modules: Vec<String> = outline.sections.into_iter().flat_map(|s| s.modules).map(|m| m.id).collect();
    assert!(!modules.is_empty());
    for module in modules {
        let view =
            reading::open_module(&mut store, &profile.id, reading::Readers::Learners, course, &module, Utc::now())
                .unwrap();
        assert!(!view.html.is_empty(), "module {module} has no content");
    }
}

/// Runs `qunxue fault-run import` in lock-step and kills it with SIGKILL when
/// it reports progress step `kill_at`. Returns the stage it was killed at, or
/// `None` when the import finished before reaching that step.
fn import_killed_at(pack: &Path, db: &Path, kill_at: usize) -> Option<String> {
    let mut child = Command::new(test_support_path())
        .args(["fault-run", "import"])
        .arg(pack)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting qunxue fault-run import");
    let mut stdin = child.stdin.take().unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines().map(Result::unwrap);
    for (step, line) in lines.enumerate() {
        if line == "done" {
            break;
        }
        let stage = line.strip_prefix("progress ").unwrap_or_else(|| panic!("unexpected line {line:?}"));
        if step == kill_at {
            child.kill().expect("SIGKILL");
            child.wait().unwrap();
            return Some(stage.split(' ').next().unwrap_or_default().to_string());
        }
        writeln!(stdin, "go").unwrap();
    }
    assert!(child.wait().unwrap().success());
    None
}

#[test]
fn sigkill_at_every_step_of_an_import_leaves_the_old_or_the_new_course_whole() {
    let data = DataDir::new();
    {
        let mut store = Store::open(&data.db()).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        import_pack(&mut store, data.path(), &pack_fixture("good"), false, at, &mut |_| {}).unwrap();
    }
    let staging_folders = || {
        std::fs::read_dir(data.path().join("packs"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".staging-"))
            .count()
    };
    let mut kill_points = 0;
    let mut copy_kills = 0;
    for kill_at in 0.. {
        let Some(stage) = import_killed_at(&pack_fixture("good-v2"), &data.db(), kill_at) else {
            break;
        };
        if stage == "done" {
            break; // reported after the commit: nothing left to interrupt
        }
        kill_points += 1;
        assert_eq!(integrity(&data.db()), "ok", "after a kill at step {kill_at} ({stage})");
        // Every lock-step point before "done" precedes the commit: the old version stays, whole.
        assert_eq!(installed_version(&data.db(), "acme.demo").as_deref(), Some("1.0.0"), "kill at {stage}");
        course_readable(&data.db(), "acme.demo");
        if stage == "copying" {
            // A killed import cannot clean up after itself; the next one sweeps
            // its folder, so they never pile up.
            assert_eq!(staging_folders(), 1, "after a kill at step {kill_at}");
            copy_kills += 1;
        }
    }
    assert!(copy_kills >= 2, "only {copy_kills} kills while copying");
    // Reading, validating, one step per copied file and saving.
    assert!(kill_points >= 5, "only {kill_points} kill points");

    // Killed while the transaction runs (the kill races the commit): either
    // version may be installed, but it must be whole.
    for _ in 0..3 {
        let data = DataDir::new();
        {
            let mut store = Store::open(&data.db()).unwrap();
            import_pack(&mut store, data.path(), &pack_fixture("good"), false, Utc::now(), &mut |_| {}).unwrap();
        }
        let mut child = Command::new(test_support_path())
            .args(["fault-run", "import"])
            .arg(pack_fixture("good-v2"))
            .arg("--db")
            .arg(data.db())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for line in BufReader::new(child.stdout.take().unwrap()).lines().map(Result::unwrap) {
            let saving = line.starts_with("progress saving");
            let _ = writeln!(stdin, "go");
            if saving {
                child.kill().unwrap();
                break;
            }
        }
        child.wait().unwrap();
        assert_eq!(integrity(&data.db()), "ok");
        let version = installed_version(&data.db(), "acme.demo").unwrap();
        assert!(version == "1.0.0" || version == "1.1.0", "{version}");
        course_readable(&data.db(), "acme.demo");
    }

    // The way on: the same import, run again, completes ...
    assert_eq!(import_killed_at(&pack_fixture("good-v2"), &data.db(), usize::MAX), None);
    // ... and sweeps what the killed ones left behind.
    assert_eq!(staging_folders(), 0, "abandoned staging folders are removed by the next import");
    assert_eq!(installed_version(&data.db(), "acme.demo").as_deref(), Some("1.1.0"));
    course_readable(&data.db(), "acme.demo");
}

#[test]
fn sigkill_during_task_submissions_keeps_every_acknowledged_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    {
        let mut store = Store::open(&db).unwrap();
        library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
        profiles::active_profile(&mut store, Utc::now()).unwrap();
    }
    let (course, task) = ("qunxue.community-ops", "task-account-setup");
    let mut acknowledged: Vec<String> = Vec::new();
    for run in 0..8u64 {
        let kill_after = 1 + (run * 7) % 23;
        let mut child = Command::new(test_support_path())
            .args(["fault-run", "submit", "--db"])
            .arg(&db)
            .args(["--course", course, "--task", task, "--count", "100000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut acks = 0;
        for line in BufReader::new(child.stdout.take().unwrap()).lines().map(Result::unwrap) {
            if let Some(rest) = line.strip_prefix("ack ") {
                acknowledged.push(rest.split(' ').nth(1).unwrap().to_string());
                acks += 1;
                if acks == kill_after {
                    child.kill().unwrap();
                }
            }
        }
        child.wait().unwrap();
        assert_eq!(integrity(&db), "ok", "run {run}");
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn.prepare("SELECT id, number FROM submission_versions ORDER BY number").unwrap();
        let stored: Vec<(String, i64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        for id in &acknowledged {
            assert!(stored.iter().any(|(s, _)| s == id), "acknowledged version {id} lost in run {run}");
        }
        // Numbers stay 1, 2, 3…: no gap, no duplicate, whatever the kill interrupted.
        let numbers: Vec<i64> = stored.iter().map(|(_, n)| *n).collect();
        assert_eq!(numbers, (1..=stored.len() as i64).collect::<Vec<_>>(), "run {run}");
    }
    // The learner carries on: one more submission goes through.
    let out = test_support(&[
        "fault-run",
        "submit",
        "--db",
        db.to_str().unwrap(),
        "--course",
        course,
        "--task",
        task,
        "--count",
        "1",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A learner's machine and a grades bundle from the instructor's.
fn grades_bundle(dir: &Path) -> (PathBuf, PathBuf) {
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let learner_db = dir.join("learner/qunxue.db");
    let teacher_db = dir.join("teacher/qunxue.db");
    for db in [&learner_db, &teacher_db] {
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        fixture::install(&mut Store::open(db).unwrap(), true).unwrap();
    }
    let version = {
        let mut store = Store::open(&teacher_db).unwrap();
        learner::save_draft(&mut store, LEARNER, COURSE, TASK, "欢迎来到读书群！每周三晚八点共读。", &[], now).unwrap();
        let version = learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap().id;
        let levels = [("purpose".to_string(), 2), ("action".to_string(), 1)].into();
        let mark =
            MarkInput { levels, comments: Default::default(), feedback: "定位清楚。".into(), complete: true };
        grading::save_mark(&mut store, INSTRUCTOR, &version, &mark, now).unwrap();
        grading::release(&mut store, INSTRUCTOR, &version, now).unwrap();
        version
    };
    // The learner's machine holds the same submitted version (as after a submissions bundle).
    {
        let teacher = rusqlite::Connection::open(&teacher_db).unwrap();
        let row: (String, String) = teacher
            .query_row("SELECT markdown, submitted_at FROM submission_versions WHERE id = ?1", [&version], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let learner = rusqlite::Connection::open(&learner_db).unwrap();
        learner
            .execute(
                "INSERT INTO submission_versions (id, profile_id, course_id, task_id, number, source, markdown, attachments, submitted_at) \
                 VALUES (?1, ?2, ?3, ?4, 1, 'submission', ?5, '[]', ?6)",
                rusqlite::params![version, LEARNER, COURSE, TASK, row.0, row.1],
            )
            .unwrap();
    }
    let bundle = dir.join("grades.zip");
    let out = qunxue_with_pin(
        INSTRUCTOR_PIN,
        &[
            "export-grades",
            "--db",
            teacher_db.to_str().unwrap(),
            "--profile",
            INSTRUCTOR,
            "--learner",
            LEARNER,
            "--out",
            bundle.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (learner_db, bundle)
}

fn results_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM results", [], |r| r.get(0)).unwrap()
}

fn imported_bundles(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM imported_bundles", [], |r| r.get(0)).unwrap()
}

#[test]
fn sigkill_during_a_grade_import_applies_all_of_it_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (learner_db, bundle) = grades_bundle(dir.path());
    let mut outcomes = (0, 0);
    // Kills at growing delays land before, during and after the transaction;
    // whichever it was, the bundle is applied whole or not at all.
    for delay_ms in [0u64, 1, 2, 3, 5, 8, 12, 20, 30, 50] {
        let mut child = Command::new(qunxue_path())
            .args(["import-grades"])
            .arg(&bundle)
            .arg("--db")
            .arg(&learner_db)
            .args(["--profile", LEARNER])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        assert_eq!(integrity(&learner_db), "ok");
        let (results, logged) = (results_count(&learner_db), imported_bundles(&learner_db));
        assert!(
            (results, logged) == (0, 0) || (results, logged) == (1, 1),
            "after a kill at {delay_ms} ms: {results} results, {logged} bundles logged"
        );
        if results == 0 {
            outcomes.0 += 1;
        } else {
            outcomes.1 += 1;
            break;
        }
    }
    // Whatever happened, importing again completes (or says it already did).
    let out = qunxue(&[
        "import-grades",
        bundle.to_str().unwrap(),
        "--db",
        learner_db.to_str().unwrap(),
        "--profile",
        LEARNER,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!((results_count(&learner_db), imported_bundles(&learner_db)), (1, 1));
    assert!(outcomes.0 + outcomes.1 > 0);
}

#[test]
fn a_full_disk_refuses_the_write_clearly_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let mut store = Store::open(&db).unwrap();
    fixture::install(&mut store, true).unwrap();
    learner::save_draft(&mut store, LEARNER, COURSE, TASK, "第一版：欢迎语。", &[], now).unwrap();
    let first = learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap();

    // The "disk" ends two pages past what the file uses now.
    let pages: i64 = store.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    let limit: i64 =
        store.conn().query_row(&format!("PRAGMA max_page_count = {}", pages + 2), [], |r| r.get(0)).unwrap();
    assert_eq!(limit, pages + 2);
    let long = "欢迎语".repeat(30_000);
    let err = learner::save_draft(&mut store, LEARNER, COURSE, TASK, &long, &[], now).unwrap_err();
    let (english, chinese) = (err.text(qunxue_app::Lang::En), err.text(qunxue_app::Lang::Zh));
    assert!(english.contains("disk is full") && english.contains("nothing was saved"), "{english}");
    assert!(chinese.contains("磁盘空间不足") && chinese.contains("没有保存"), "{chinese}");
    assert_eq!(err.kind(), qunxue_app::ErrorKind::Database);

    // What was saved before is intact, and nothing half-written is visible.
    let page = learner::task_page(&store, LEARNER, COURSE, TASK).unwrap();
    assert_eq!(page.versions.len(), 1);
    assert_eq!(page.versions[0].version.id, first.id);
    assert!(page.draft.is_none(), "the refused draft must not be half-saved");
    drop(store);
    assert_eq!(integrity(&db), "ok");

    // Space is freed (here: the limit lifted on a new connection) and the same save succeeds.
    let mut store = Store::open(&db).unwrap();
    learner::save_draft(&mut store, LEARNER, COURSE, TASK, &long, &[], now).unwrap();
    assert_eq!(learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap().number, 2);
}

/// Runs the binary as an unprivileged user when the tests run as root (root
/// ignores file permissions), so a read-only folder really is read-only.
fn as_unprivileged(args: &[&str]) -> Option<std::process::Output> {
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    let mut cmd = if root {
        if !Path::new("/usr/bin/setpriv").exists() {
            return None;
        }
        let mut c = Command::new("/usr/bin/setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(qunxue_path());
        c
    } else {
        Command::new(qunxue_path())
    };
    Some(cmd.args(args).output().unwrap())
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_gives_a_clear_message_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = data.join("qunxue.db");
    {
        let mut store = Store::open(&db).unwrap();
        library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for path in [dir.path(), data.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let binary_reachable = qunxue_path().ancestors().all(|p| {
        std::fs::metadata(p).map(|m| p == qunxue_path() || m.permissions().mode() & 0o001 != 0).unwrap_or(false)
    });
    let db_arg = db.to_str().unwrap().to_string();
    let out = if binary_reachable { as_unprivileged(&["demo", "--db", &db_arg, "--learners", "2"]) } else { None };
    for path in [dir.path(), data.as_path(), db.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let Some(out) = out else {
        eprintln!("skipped: cannot run the binary as another user here");
        return;
    };
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&db_arg) || stderr.contains("read-only"),
        "the message names the file or the cause: {stderr}"
    );
    assert!(
        stderr.contains("read-only") || stderr.contains("readonly") || stderr.contains("unable to open"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "a refused run changes nothing");
    // With write access back, the same command works.
    let out = qunxue(&["demo", "--db", &db_arg, "--learners", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_damaged_database_file_is_named_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    {
        let mut store = Store::open(&db).unwrap();
        library::install_bundled_courses(&mut store, &repo_root().join("courses"), Utc::now()).unwrap();
    }
    // Overwrite the header and the first pages, as a failing disk might.
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().take(16 * 1024) {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = qunxue(&["demo", "--db", db.to_str().unwrap(), "--learners", "1"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(db.to_str().unwrap()), "names the file: {stderr}");
    assert!(stderr.contains("not a database") || stderr.contains("malformed"), "says what is wrong: {stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the damaged file is left as it was, for recovery");
}
