//! Practice-task bundles between two machines, through the real `qunxue`
//! binary and two separate database files: a learner's submissions travel to
//! the instructor, the grades travel back, and a bundle with one byte
//! changed, a replayed bundle and a bundle for another course are refused.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use qunxue_app::tasks::fixture::{self, COURSE, INSTRUCTOR, INSTRUCTOR_PIN, LEARNER, TASK};
use qunxue_app::tasks::grading::{self, MarkInput};
use qunxue_app::tasks::{attachments, learner};
use qunxue_store::Store;
use qunxue_tests::cli::{qunxue, qunxue_with_pin};
use serde_json::Value;

struct Machine {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Machine {
    fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("qunxue.db");
        let mut store = Store::open(&db).unwrap();
        fixture::install(&mut store, true).unwrap();
        Machine { _dir: dir, db }
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    fn data_dir(&self) -> &Path {
        self.db.parent().unwrap()
    }

    fn db_arg(&self) -> &str {
        self.db.to_str().unwrap()
    }
}

/// Runs `qunxue` as a script would, with the instructor's PIN in the
/// environment (a learner's profile needs none and ignores it).
fn run_json(args: &[&str]) -> Value {
    let out = qunxue_with_pin(INSTRUCTOR_PIN, args);
    assert!(out.status.success(), "qunxue {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("qunxue {args:?} printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn refused(args: &[&str]) -> String {
    let out = qunxue_with_pin(INSTRUCTOR_PIN, args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "qunxue {args:?} must be refused; stdout {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn submissions_and_grades_round_trip_between_two_databases() {
    let learner_pc = Machine::new();
    let teacher_pc = Machine::new();
    // The instructor's machine has never seen this learner.
    teacher_pc.store().conn().execute("DELETE FROM profiles WHERE id = ?1", [LEARNER]).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();

    let version_id = {
        let mut store = learner_pc.store();
        let a = attachments::add_attachment(
            &mut store,
            learner_pc.data_dir(),
            LEARNER,
            COURSE,
            TASK,
            "欢迎语.pdf",
            b"%PDF-1.7 welcome",
            now,
        )
        .unwrap();
        learner::save_draft(&mut store, LEARNER, COURSE, TASK, "欢迎来到**麦田小屋**读书群！", &[a], now).unwrap();
        learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap().id
    };

    let bundle_dir = tempfile::tempdir().unwrap();
    let subs = bundle_dir.path().join("submissions.zip");
    let subs_arg = subs.to_str().unwrap();
    let exported = run_json(&[
        "export-submissions",
        "--db",
        learner_pc.db_arg(),
        "--profile",
        LEARNER,
        "--out",
        subs_arg,
        "--json",
    ]);
    assert_eq!((exported["items"].as_u64(), exported["attachments"].as_u64()), (Some(1), Some(1)));

    // A learner cannot import submissions; an instructor can.
    let forbidden = refused(&["import-submissions", subs_arg, "--db", learner_pc.db_arg(), "--profile", LEARNER]);
    assert!(forbidden.contains("needs the instructor role"), "{forbidden}");
    let imported =
        run_json(&["import-submissions", subs_arg, "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR, "--json"]);
    assert_eq!((imported["added"].as_u64(), imported["alreadyImported"].as_bool()), (Some(1), Some(false)));
    let again =
        run_json(&["import-submissions", subs_arg, "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR, "--json"]);
    assert_eq!((again["added"].as_u64(), again["alreadyImported"].as_bool()), (Some(0), Some(true)));
    let again_text = qunxue_with_pin(
        INSTRUCTOR_PIN,
        &["import-submissions", subs_arg, "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR],
    );
    assert!(String::from_utf8_lossy(&again_text.stdout).contains("already imported; nothing changed"));

    {
        let mut store = teacher_pc.store();
        let levels = [("purpose".to_string(), 2), ("action".to_string(), 1)].into();
        let comments = [("action".to_string(), "活动时间写清楚了，参与方式再具体些".to_string())].into();
        let mark = MarkInput { levels, comments, feedback: "定位很清楚。".into(), complete: true };
        grading::save_mark(&mut store, INSTRUCTOR, &version_id, &mark, now).unwrap();
        grading::release(&mut store, INSTRUCTOR, &version_id, now).unwrap();
    }
    let grades = bundle_dir.path().join("grades.zip");
    let grades_arg = grades.to_str().unwrap();
    let refused_export = refused(&[
        "export-grades",
        "--db",
        learner_pc.db_arg(),
        "--profile",
        LEARNER,
        "--learner",
        LEARNER,
        "--out",
        grades_arg,
    ]);
    assert!(refused_export.contains("needs the instructor role"), "{refused_export}");
    assert!(!grades.exists());
    run_json(&[
        "export-grades",
        "--db",
        teacher_pc.db_arg(),
        "--profile",
        INSTRUCTOR,
        "--course",
        COURSE,
        "--learner",
        LEARNER,
        "--out",
        grades_arg,
        "--json",
    ]);

    // One byte changed anywhere in the bundle: refused, and nothing applied.
    let mut bytes = std::fs::read(&grades).unwrap();
    for position in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        let tampered = bundle_dir.path().join(format!("tampered-{position}.zip"));
        let original = bytes[position];
        bytes[position] ^= 0x01;
        std::fs::write(&tampered, &bytes).unwrap();
        bytes[position] = original;
        let message =
            refused(&["import-grades", tampered.to_str().unwrap(), "--db", learner_pc.db_arg(), "--profile", LEARNER]);
        assert!(
            message.contains("altered") || message.contains("changed") || message.contains("signature"),
            "byte {position}: {message}"
        );
    }
    let page = learner::task_page(&learner_pc.store(), LEARNER, COURSE, TASK).unwrap();
    assert!(page.versions[0].result.is_none(), "a refused bundle applies nothing");

    // A bundle for another course than the one asked for.
    let wrong = refused(&[
        "import-grades",
        grades_arg,
        "--db",
        learner_pc.db_arg(),
        "--profile",
        LEARNER,
        "--course",
        "another-course",
    ]);
    assert!(wrong.contains("not another-course"), "{wrong}");

    let applied = run_json(&["import-grades", grades_arg, "--db", learner_pc.db_arg(), "--profile", LEARNER, "--json"]);
    assert_eq!(applied["added"].as_u64(), Some(1));
    let page = learner::task_page(&learner_pc.store(), LEARNER, COURSE, TASK).unwrap();
    let result = page.versions[0].result.as_ref().expect("the grade arrived");
    // 优秀 (4) + 基本达标 (3) = 7 of 10 points → 70.
    assert_eq!(
        (result.grade, result.levels["purpose"], result.comments["action"].as_str()),
        (70.0, 2, "活动时间写清楚了，参与方式再具体些")
    );

    // Replay: an older bundle after a newer one has been imported.
    let older = bundle_dir.path().join("older.zip");
    let newer = bundle_dir.path().join("newer.zip");
    run_json(&[
        "export-grades",
        "--db",
        teacher_pc.db_arg(),
        "--profile",
        INSTRUCTOR,
        "--learner",
        LEARNER,
        "--out",
        older.to_str().unwrap(),
        "--json",
    ]);
    run_json(&[
        "export-grades",
        "--db",
        teacher_pc.db_arg(),
        "--profile",
        INSTRUCTOR,
        "--learner",
        LEARNER,
        "--out",
        newer.to_str().unwrap(),
        "--json",
    ]);
    run_json(&["import-grades", newer.to_str().unwrap(), "--db", learner_pc.db_arg(), "--profile", LEARNER, "--json"]);
    let replay =
        refused(&["import-grades", older.to_str().unwrap(), "--db", learner_pc.db_arg(), "--profile", LEARNER]);
    assert!(replay.contains("replayed bundle"), "{replay}");
}

/// A second instructor's grades bundle for the same course: refused with the
/// key's fingerprint, refused again with a wrong `--trust-key`, imported with
/// the right one; the first instructor's bundles still import afterwards.
#[test]
fn a_second_instructor_key_is_trusted_only_with_its_fingerprint() {
    let learner_pc = Machine::new();
    let teacher_pc = Machine::new();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let version_id = {
        let mut store = learner_pc.store();
        learner::save_draft(&mut store, LEARNER, COURSE, TASK, "欢迎大家来到读书群", &[], now).unwrap();
        learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap().id
    };
    let dir = tempfile::tempdir().unwrap();
    let subs = dir.path().join("subs.zip");
    let subs_arg = subs.to_str().unwrap();
    run_json(&["export-submissions", "--db", learner_pc.db_arg(), "--profile", LEARNER, "--out", subs_arg, "--json"]);
    run_json(&["import-submissions", subs_arg, "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR, "--json"]);
    {
        let mut store = teacher_pc.store();
        let levels = [("purpose".to_string(), 1), ("action".to_string(), 1)].into();
        let mark = MarkInput { levels, comments: Default::default(), feedback: String::new(), complete: true };
        grading::save_mark(&mut store, INSTRUCTOR, &version_id, &mark, now).unwrap();
        grading::release(&mut store, INSTRUCTOR, &version_id, now).unwrap();
    }
    let export = |profile: &str, name: &str| {
        let out = dir.path().join(name);
        let out_arg = out.to_str().unwrap().to_string();
        run_json(&[
            "export-grades",
            "--db",
            teacher_pc.db_arg(),
            "--profile",
            profile,
            "--learner",
            LEARNER,
            "--out",
            &out_arg,
            "--json",
        ]);
        out_arg
    };
    let first = export(INSTRUCTOR, "wang.zip");
    run_json(&["import-grades", &first, "--db", learner_pc.db_arg(), "--profile", LEARNER, "--json"]);

    let second = export(fixture::SECOND_MARKER, "chen.zip");
    let message = refused(&["import-grades", &second, "--db", learner_pc.db_arg(), "--profile", LEARNER]);
    // The CLI speaks English under the tests' C locale.
    let at =
        message.find("(fingerprint ").unwrap_or_else(|| panic!("no fingerprint in: {message}")) + "(fingerprint ".len();
    let fingerprint: String = message[at..].chars().take_while(|c| *c != ')').collect();
    assert_eq!(fingerprint.len(), 24, "{fingerprint}");
    assert!(message.contains("陈老师"), "{message}");

    let args = |trust: &str| {
        vec!["import-grades", second.as_str(), "--db", learner_pc.db_arg(), "--profile", LEARNER, "--trust-key", trust]
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // The learner's own laptop: they may trust a second instructor's key
    // (on a shared machine only an instructor or admin may).
    rusqlite::Connection::open(learner_pc.db_arg())
        .unwrap()
        .execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('machine_use', 'personal')", [])
        .unwrap();
    let wrong = args("0000 0000 0000 0000 0000");
    let refusal = refused(&wrong.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(refusal.contains("nothing was trusted"), "{refusal}");
    let right = args(&fingerprint);
    let mut json = right.iter().map(String::as_str).collect::<Vec<_>>();
    json.push("--json");
    let applied = run_json(&json);
    assert_eq!((applied["added"].as_u64(), applied["signerName"].as_str()), (Some(1), Some("陈老师")));

    let again = export(INSTRUCTOR, "wang-2.zip");
    let applied = run_json(&["import-grades", &again, "--db", learner_pc.db_arg(), "--profile", LEARNER, "--json"]);
    assert_eq!(applied["added"].as_u64(), Some(1), "the first key stays trusted");
}

#[test]
fn an_instructor_command_is_refused_without_the_pin_and_with_a_wrong_one() {
    let learner_pc = Machine::new();
    let teacher_pc = Machine::new();
    let dir = tempfile::tempdir().unwrap();
    let grades = dir.path().join("grades.zip");
    let args = [
        "export-grades",
        "--db",
        teacher_pc.db_arg(),
        "--profile",
        INSTRUCTOR,
        "--learner",
        LEARNER,
        "--out",
        grades.to_str().unwrap(),
    ];
    // No PIN anywhere (no QUNXUE_PIN, no --pin-stdin, no terminal): the
    // instructor's profile may do only what a learner may.
    let before = std::fs::read(&teacher_pc.db).unwrap();
    let out = qunxue(&args);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PIN"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!grades.exists());
    assert_eq!(std::fs::read(&teacher_pc.db).unwrap(), before, "a refused command changes nothing");
    // A wrong PIN is refused too, and counts towards the lock-out.
    let wrong = qunxue_with_pin("135790", &args);
    assert_ne!(wrong.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong PIN"), "{}", String::from_utf8_lossy(&wrong.stderr));
    let failures: i64 = teacher_pc
        .store()
        .conn()
        .query_row("SELECT failures FROM pin_failures WHERE profile_id = ?1", [INSTRUCTOR], |r| r.get(0))
        .unwrap();
    assert_eq!(failures, 1);
    // A learner's own command needs no PIN.
    let subs = dir.path().join("subs.zip");
    let own = qunxue(&[
        "export-submissions",
        "--db",
        learner_pc.db_arg(),
        "--profile",
        LEARNER,
        "--out",
        subs.to_str().unwrap(),
    ]);
    assert_ne!(own.status.code(), Some(2), "{}", String::from_utf8_lossy(&own.stderr));
}

#[test]
fn an_instructor_prints_the_signing_key_a_course_can_name() {
    let teacher_pc = Machine::new();
    let printed = run_json(&["bundle-key", "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR, "--json"]);
    let key = printed["publicKey"].as_str().unwrap().to_string();
    assert_eq!(key.len(), 64, "{printed}");
    assert_eq!(printed["fingerprint"].as_str().unwrap().replace(' ', "").len(), 20, "{printed}");
    // The same key every time: it is the profile's.
    assert_eq!(
        run_json(&["bundle-key", "--db", teacher_pc.db_arg(), "--profile", INSTRUCTOR, "--json"])["publicKey"],
        key.as_str()
    );
}
