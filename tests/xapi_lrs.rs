//! xAPI learning records against a real Learning Record Store: Ralph on its
//! filesystem backend, started on 127.0.0.1 for this test (installed by
//! `cargo xtask setup --test`). Real activity is generated through the
//! services on a real SQLite file — the shipped course read end to end, its
//! quiz answered, the quiz fixture passed and failed, a practice task
//! submitted and graded — then synced, with the LRS killed mid-sync and
//! restarted; the statements read back from the LRS must match the outbox
//! id for id, once each. The exported statements of every kind must pass an
//! independent validator (`@learninglocker/xapi-validation`).

use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use qunxue_app::quiz::{self, fixture as quiz_fixture};
use qunxue_app::tasks::fixture as task_fixture;
use qunxue_app::tasks::grading::{self, MarkInput};
use qunxue_app::xapi::{self, Credentials, SyncError, SyncOptions};
use qunxue_app::{library, profiles, reading, tasks};
use qunxue_core::quiz::LearnerAnswer;
use qunxue_core::xapi::VerbKind;
use qunxue_store::Store;
use qunxue_tests::cli::{qunxue_fed, qunxue_with_pin};
use qunxue_tests::packs::repo_root;
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use serde_json::{json, Value};

const USER: &str = "qunxue-test";
const PASSWORD: &str = "lrs-secret-42";

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap() + chrono::Duration::minutes(i64::from(minute))
}

/// The venv `cargo xtask setup --test` installs Ralph into.
fn ralph_bin() -> PathBuf {
    let venv = std::env::var_os("QUNXUE_RALPH_VENV").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/qunxue/ralph-venv")
    });
    let bin = venv.join("bin/ralph");
    assert!(
        bin.is_file(),
        "Ralph, the test LRS, is not installed ({} is missing): run `cargo xtask setup --test`",
        bin.display()
    );
    bin
}

/// One Ralph server in its own process group, so killing it takes its
/// uvicorn worker processes with it.
struct Ralph {
    child: Option<Child>,
    dir: PathBuf,
    port: u16,
    /// Ralph's restriction by authority and by scopes: a credential reads
    /// only the statements it wrote, and only within its scopes.
    restricted: bool,
}

/// An LRS account: name, password, scopes, and the agent Ralph records as
/// the `authority` of what it writes.
struct LrsUser {
    name: &'static str,
    password: &'static str,
    scopes: &'static [&'static str],
}

/// The account the single-credential tests use for everything.
const EVERYTHING: LrsUser = LrsUser { name: USER, password: PASSWORD, scopes: &["all"] };

impl Ralph {
    fn env(command: &mut Command, dir: &Path) {
        command
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("RALPH_AUTH_FILE", dir.join("auth.json"))
            .env("RALPH_APP_DIR", dir.join("app"))
            // Its file watcher must not see the data it writes.
            .current_dir(dir.join("cwd"));
    }

    /// Creates the credentials and starts the server on `port`.
    fn start(dir: &Path, port: u16) -> Ralph {
        Self::start_with(dir, port, &[EVERYTHING], false)
    }

    /// Starts a server whose accounts are `users`, restricted or not.
    fn start_with(dir: &Path, port: u16, users: &[LrsUser], restricted: bool) -> Ralph {
        std::fs::create_dir_all(dir.join("cwd")).unwrap();
        if !dir.join("auth.json").exists() {
            for user in users {
                let mut auth = Command::new(ralph_bin());
                let mbox = format!("mailto:{}@example.org", user.name);
                auth.args(["auth", "-u", user.name, "-p", user.password, "-M", &mbox, "-w"]);
                for scope in user.scopes {
                    auth.args(["-s", scope]);
                }
                Self::env(&mut auth, dir);
                let out = auth.output().expect("running `ralph auth`");
                assert!(out.status.success(), "ralph auth failed: {}", String::from_utf8_lossy(&out.stderr));
            }
        }
        let mut ralph = Ralph { child: None, dir: dir.to_path_buf(), port, restricted };
        ralph.restart();
        ralph
    }

    fn restart(&mut self) {
        use std::os::unix::process::CommandExt;
        let log = std::fs::File::create(self.dir.join(format!("ralph-{}.log", Utc::now().timestamp_millis()))).unwrap();
        // Ralph's app on its fs backend, appending (see tests/xapi/ralph_server.py for why not `ralph runserver`).
        let python = ralph_bin().with_file_name("python");
        let mut serve = Command::new(python);
        serve
            .arg(repo_root().join("tests/xapi/ralph_server.py"))
            .args(["127.0.0.1", &self.port.to_string()])
            .arg(self.dir.join("data"))
            .stdout(Stdio::null())
            .stderr(log)
            .process_group(0);
        Self::env(&mut serve, &self.dir);
        if self.restricted {
            serve.env("RALPH_LRS_RESTRICT_BY_AUTHORITY", "True").env("RALPH_LRS_RESTRICT_BY_SCOPES", "True");
        }
        self.child = Some(serve.spawn().expect("starting `ralph runserver`"));
        self.wait_until_ready();
    }

    fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if self.get("/xAPI/statements?limit=1").is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        panic!("Ralph did not answer on port {} within 90 s; see {}", self.port, self.dir.display());
    }

    /// Kills the whole process group at once (as a crash would).
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
        }
    }

    fn get(&self, path_and_query: &str) -> Result<Value, String> {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
        let mut response = ureq::get(&format!("http://127.0.0.1:{}{path_and_query}", self.port))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &format!("Basic {token}"))
            .call()
            .map_err(|e| e.to_string())?;
        let text = response.body_mut().read_to_string().map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }

    /// Every statement the LRS holds, following `more` page by page.
    fn statements(&self) -> Vec<Value> {
        let mut all = Vec::new();
        let mut next = "/xAPI/statements?limit=50".to_string();
        loop {
            let page = self.get(&next).expect("reading statements back from the LRS");
            all.extend(page["statements"].as_array().expect("a statements array").iter().cloned());
            match page["more"].as_str() {
                Some(more) if !more.is_empty() => next = more.to_string(),
                _ => return all,
            }
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI", self.port)
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A plausible answer for each question type; not necessarily right.
fn some_answer(question: &quiz::QuestionDto) -> LearnerAnswer {
    match question.kind.as_str() {
        "single" => LearnerAnswer::Choice("0".into()),
        "multiple" => LearnerAnswer::Choices(vec!["0".into()]),
        "true_false" => LearnerAnswer::Bool(true),
        "fill_blank" => LearnerAnswer::Blanks(vec!["私域".into(); question.blank_count.unwrap_or(1)]),
        "numeric" => LearnerAnswer::Number(1.0),
        "ordering" => LearnerAnswer::Order(question.items.iter().flatten().map(|i| i.key.clone()).collect()),
        "matching" => LearnerAnswer::Pairs(BTreeMap::from([("0".into(), "0".into())])),
        _ => LearnerAnswer::Text("先找对照组，再比较入群前后的变化，避免自选择偏差。".into()),
    }
}

/// Learning activity through the services, touching every statement kind.
fn generate_activity(store: &mut Store) {
    let shipped = repo_root().join("courses");
    library::install_bundled_courses(store, &shipped, at(0)).unwrap();
    let learner = profiles::active_profile(store, at(0)).unwrap().id;
    let course = "qunxue.community-ops";
    // The learner is in a class: every statement names it.
    let class = qunxue_app::records::classes::create_class(store, course, "华东门店一期", at(0)).unwrap();
    qunxue_app::records::classes::join_class(store, &learner, course, &class.id, at(0)).unwrap();

    // Read the whole course: launched + completed per module, then the course completed.
    let outline = reading::outline(store, &learner, reading::Readers::Learners, course).unwrap();
    let modules: Vec<String> = outline.sections.iter().flat_map(|s| s.modules.iter().map(|m| m.id.clone())).collect();
    for (i, module) in modules.iter().enumerate() {
        reading::open_module(store, &learner, reading::Readers::Learners, course, module, at(1 + i as u32)).unwrap();
        reading::complete_module(store, &learner, reading::Readers::Learners, course, module, at(1 + i as u32))
            .unwrap();
    }
    // Re-reading: experienced, many times, for a sync large enough to time.
    for i in 0..300 {
        reading::open_module(
            store,
            &learner,
            reading::Readers::Learners,
            course,
            &modules[i % modules.len()],
            at(100 + i as u32),
        )
        .unwrap();
    }

    // The first module's quizzes, every question answered (its design
    // practice has short answers, which wait for a marker: attempted).
    for quiz in quiz::module_quizzes(store, &learner, course, &modules[0], at(400)).unwrap() {
        let attempt = quiz::start_quiz(store, &learner, course, &quiz.quiz_id, at(401)).unwrap();
        for question in &attempt.questions {
            quiz::save_answer(store, &learner, &attempt.attempt_id, &question.id, &some_answer(question), at(402))
                .unwrap();
        }
        quiz::submit_attempt(store, &learner, &attempt.attempt_id, at(405)).unwrap();
    }

    // The quiz fixture: one attempt all right (passed), one empty (failed).
    quiz_fixture::install(store, &[quiz_fixture::quiz(json!({"max_attempts": 3}))]).unwrap();
    let p = quiz_fixture::PROFILE;
    let right = [
        ("s1", LearnerAnswer::Choice("1".into())),
        ("m1", LearnerAnswer::Choices(vec!["0".into(), "2".into()])),
        ("t1", LearnerAnswer::Bool(true)),
        ("n1", LearnerAnswer::Number(18.5)),
        ("f1", LearnerAnswer::Blanks(vec!["私域".into()])),
    ];
    let first = quiz::start_quiz(store, p, quiz_fixture::COURSE, quiz_fixture::QUIZ, at(410)).unwrap();
    for (question, answer) in &right {
        quiz::save_answer(store, p, &first.attempt_id, question, answer, at(411)).unwrap();
    }
    assert_eq!(quiz::submit_attempt(store, p, &first.attempt_id, at(412)).unwrap().passed, Some(true));
    let second = quiz::start_quiz(store, p, quiz_fixture::COURSE, quiz_fixture::QUIZ, at(413)).unwrap();
    assert_eq!(quiz::submit_attempt(store, p, &second.attempt_id, at(414)).unwrap().passed, Some(false));

    // A practice task submitted by a learner and graded by an instructor.
    task_fixture::install(store, false).unwrap();
    let (course, task) = (task_fixture::COURSE, task_fixture::TASK);
    tasks::learner::save_draft(store, task_fixture::LEARNER, course, task, "欢迎加入本群！", &[], at(420)).unwrap();
    let version = tasks::learner::submit(store, task_fixture::LEARNER, course, task, at(421)).unwrap().id;
    let levels = BTreeMap::from([("purpose".to_string(), 2usize), ("action".to_string(), 1usize)]);
    let mark = MarkInput { levels, complete: true, ..Default::default() };
    let comments = BTreeMap::from([("purpose".to_string(), "目的写得清楚。".to_string())]);
    let mark = MarkInput { comments, feedback: "欢迎语再具体一些。".into(), ..mark };
    grading::save_mark(store, task_fixture::INSTRUCTOR, &version, &mark, at(422)).unwrap();
    grading::release(store, task_fixture::INSTRUCTOR, &version, at(423)).unwrap();

    // A short answer of the first module's practice marked by hand, with a
    // comment: `scored` on the question, then the attempt's new outcome.
    let waiting = quiz::marking_queue(store, task_fixture::INSTRUCTOR, Some("qunxue.community-ops")).unwrap();
    let answer = waiting.first().expect("the design practice leaves a short answer to mark");
    quiz::grade_answer(
        store,
        task_fixture::INSTRUCTOR,
        &answer.attempt_id,
        &answer.question_id,
        1.0,
        Some("思路对，缺少数字。"),
        at(430),
    )
    .unwrap();
}

fn outbox_ids(store: &Store) -> BTreeSet<String> {
    let mut stmt = store.conn().prepare("SELECT id FROM xapi_outbox").unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn statements_reach_a_real_lrs_once_each_even_when_it_dies_mid_sync() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    let mut store = Store::open(&db).unwrap();
    generate_activity(&mut store);
    let ids = outbox_ids(&store);
    let total = ids.len();
    assert!(total > 350, "expected a few hundred statements, got {total}");
    assert_eq!(xapi::status(&store).unwrap().pending as usize, total);

    let lrs_dir = dir.path().join("lrs");
    let mut lrs = Ralph::start(&lrs_dir, free_port());
    let credentials = Credentials { endpoint: lrs.endpoint(), username: USER.into(), password: PASSWORD.into() };
    let store = Mutex::new(store);

    // The LRS dies right after the first batch is accepted.
    let small = SyncOptions { batch_size: 25, timeout: Duration::from_secs(10) };
    let killed = xapi::sync_now(&store, &credentials, &small, |report| {
        if report.batches == 1 {
            lrs.kill();
        }
    });
    match killed {
        Err(SyncError::Unreachable { .. }) => {}
        other => panic!("a dead LRS must be reported as unreachable, got {other:?}"),
    }
    let status = xapi::status(&store.lock().unwrap()).unwrap();
    assert_eq!((status.sent, status.pending as usize), (25, total - 25), "nothing lost, nothing marked sent");
    assert!(status.last_error.as_deref().is_some_and(|e| e.contains("cannot reach")), "{:?}", status.last_error);

    // Back up: the rest arrives.
    lrs.restart();
    let started = Instant::now();
    let report = xapi::sync_now(&store, &credentials, &SyncOptions::default(), |_| {}).unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!((report.sent, report.pending), (total - 25, 0));
    eprintln!(
        "xapi sync: {} statements in {} batches of ≤100 in {seconds:.2} s = {:.0} statements/s",
        report.sent,
        report.batches,
        report.sent as f64 / seconds
    );
    let status = xapi::status(&store.lock().unwrap()).unwrap();
    assert!(status.last_success_at.is_some() && status.last_error.is_none());

    // A second sync sends nothing.
    assert_eq!(xapi::sync_now(&store, &credentials, &SyncOptions::default(), |_| {}).unwrap().sent, 0);

    // A crash between the LRS's answer and our commit would leave statements
    // it already holds marked pending: sending them again counts as sent and
    // adds no duplicate.
    store.lock().unwrap().conn().execute("UPDATE xapi_outbox SET sent_at = NULL WHERE rowid % 7 = 0", []).unwrap();
    let again = xapi::sync_now(&store, &credentials, &SyncOptions::default(), |_| {}).unwrap();
    assert!(again.sent > 0 && again.pending == 0);

    let held = lrs.statements();
    let held_ids: Vec<String> = held.iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let unique: BTreeSet<String> = held_ids.iter().cloned().collect();
    assert_eq!(held_ids.len(), unique.len(), "the LRS holds a statement twice");
    assert_eq!(unique, ids, "the LRS must hold exactly the outbox's statements");
    eprintln!("xapi sync: LRS holds {} statements, ids match the outbox's {total}", held_ids.len());
    // What arrived is what was queued: actor and verb survive the trip.
    let launched = held.iter().find(|s| s["verb"]["id"] == VerbKind::Launched.iri()).expect("a launched statement");
    assert_eq!(launched["actor"]["account"]["homePage"], "https://qunxue.example.org/xapi");
}

#[test]
fn a_refusing_lrs_keeps_everything_pending() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("qunxue.db")).unwrap();
    library::install_bundled_courses(&mut store, &repo_root().join("courses"), at(0)).unwrap();
    let learner = profiles::active_profile(&mut store, at(0)).unwrap().id;
    let module =
        reading::outline(&store, &learner, reading::Readers::Learners, "qunxue.community-ops").unwrap().sections[0]
            .modules[0]
            .id
            .clone();
    reading::open_module(&mut store, &learner, reading::Readers::Learners, "qunxue.community-ops", &module, at(1))
        .unwrap();

    let lrs = Ralph::start(&dir.path().join("lrs"), free_port());
    let wrong = Credentials { endpoint: lrs.endpoint(), username: USER.into(), password: "wrong".into() };
    let store = Mutex::new(store);
    match xapi::sync_now(&store, &wrong, &SyncOptions::default(), |_| {}) {
        Err(SyncError::Refused { status: 401, .. }) => {}
        other => panic!("bad credentials must be refused with 401, got {other:?}"),
    }
    let status = xapi::status(&store.lock().unwrap()).unwrap();
    assert_eq!((status.pending, status.sent), (1, 0));
    assert!(lrs.statements().is_empty());
}

#[test]
fn every_statement_kind_passes_the_independent_validator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    generate_activity(&mut Store::open(&db).unwrap());
    let out = dir.path().join("statements.json");
    let admin = add_admin(&db);
    let export = qunxue_with_pin(
        ADMIN_PIN,
        &["xapi", "export", "--db", db.to_str().unwrap(), "--profile", &admin, "--out", out.to_str().unwrap()],
    );
    assert!(export.status.success(), "xapi export failed: {}", String::from_utf8_lossy(&export.stderr));

    let exported: Vec<Value> = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let verbs: BTreeSet<&str> = exported.iter().filter_map(|s| s["verb"]["id"].as_str()).collect();
    let all: Vec<&str> = VerbKind::ALL.iter().map(|v| v.iri()).collect();
    assert_eq!(verbs, all.iter().copied().collect(), "the activity must produce every statement kind");
    // What a reader needs to rebuild the records is there (docs/xapi.md).
    let carrying = |key: &str| {
        exported
            .iter()
            .filter(|s| s["context"]["extensions"].as_object().is_some_and(|e| e.keys().any(|k| k.ends_with(key))))
            .count()
    };
    for key in [
        "/extensions/attempt-id",
        "/extensions/attempt-number",
        "/extensions/question-id",
        "/extensions/class-ids",
        "/extensions/submission-version-id",
        "/extensions/presentation",
    ] {
        assert!(carrying(key) > 0, "no statement carries {key}");
    }
    // What a learner's machine needs to show a mark (company mode).
    let in_result = |key: &str| {
        exported
            .iter()
            .filter(|s| s["result"]["extensions"].as_object().is_some_and(|e| e.keys().any(|k| k.ends_with(key))))
            .count()
    };
    assert!(
        in_result("/extensions/comment") > 0 && in_result("/extensions/rubric-result") > 0,
        "marks carry their comment and result"
    );
    let in_class = exported
        .iter()
        .filter(|s| {
            s["context"]["contextActivities"]["grouping"].as_array().is_some_and(|g| {
                g.iter().any(|a| a["definition"]["type"].as_str().is_some_and(|t| t.ends_with("/activitytypes/class")))
            })
        })
        .count();
    assert!(in_class > 300, "the class groups the learner's statements: {in_class}");

    let validator = repo_root().join("node_modules/@learninglocker/xapi-validation");
    assert!(validator.is_dir(), "{} is missing: run `cargo xtask setup --test`", validator.display());
    let script = repo_root().join("tests/xapi/validate.mjs");
    let run = Command::new("node").arg(script).arg(&out).args(&all).current_dir(repo_root()).output();
    let run = run.expect("running node (install Node.js 20+: `cargo xtask setup --test`)");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "validator: {stdout}{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains(&format!("validated {} statements", exported.len())), "{stdout}");
    eprintln!("{stdout}");
}

/// A computer with its first admin and the shipped course, driven through
/// the real `qunxue` binary as that admin.
struct Computer {
    dir: tempfile::TempDir,
    admin: String,
}

impl Computer {
    fn new() -> Computer {
        let dir = tempfile::tempdir().unwrap();
        let admin = add_admin(&dir.path().join("qunxue.db"));
        let computer = Computer { dir, admin };
        computer.ok(&["import", repo_root().to_str().unwrap()], "");
        computer
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("qunxue.db")
    }

    fn ok(&self, args: &[&str], stdin: &str) -> Value {
        let db = self.db();
        let mut all = args.to_vec();
        all.extend(["--db", db.to_str().unwrap(), "--profile", self.admin.as_str()]);
        let out = qunxue_fed(&all, stdin, Some(ADMIN_PIN));
        assert!(out.status.success(), "qunxue {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }

    fn session(&self) -> qunxue_app::Session {
        qunxue_app::Session::open(qunxue_app::OpenOptions::for_database(self.db()), Some(&self.admin), Some(ADMIN_PIN))
            .unwrap()
    }

    /// Short answers waiting for a mark on this computer.
    fn short_answers_waiting(&self) -> usize {
        self.session().marking_queue(Some(COURSE)).unwrap().len()
    }

    /// The class view's figures by member id, without names, sources, task
    /// scores and submissions waiting for a grade (submissions and grades
    /// travel by bundle, docs/xapi.md) or times.
    fn class(&self) -> BTreeMap<String, Value> {
        let list = self.ok(&["class", "list", "--course", COURSE, "--json"], "");
        list["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                // Scores to 9 decimals: the same attempts summed in another
                // order (as the LRS returns them) differ in the 15th digit.
                let rounded = |v: &Value| v.as_f64().map(|x| format!("{x:.9}"));
                let figures = json!({
                    "modulesDone": m["modulesDone"], "preScore": rounded(&m["preScore"]), "postScore": rounded(&m["postScore"]),
                    "quizzesPassed": m["quizzesPassed"], "completed": m["completed"],
                    "gain": rounded(&m["gain"]),
                });
                (m["id"].as_str().unwrap().to_string(), figures)
            })
            .collect()
    }
}

const COURSE: &str = "qunxue.community-ops";

#[test]
fn a_class_read_back_from_the_lrs_is_the_class_the_bundles_bring_even_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut lrs = Ralph::start(&dir.path().join("lrs"), free_port());
    let endpoint = lrs.endpoint();

    // Two laptops of five learners each send their statements to the LRS,
    // and export the same records as bundles.
    let mut bundles = Vec::new();
    for seed in ["1", "2"] {
        let laptop = Computer::new();
        laptop.ok(&["demo", "--learners", "5", "--seed", seed, "--json"], "");
        let sync = ["xapi", "sync", "--endpoint", &endpoint, "--user", USER, "--password-stdin", "--json"];
        assert_eq!(laptop.ok(&sync, &format!("{PASSWORD}\n"))["pending"], 0);
        let bundle = dir.path().join(format!("laptop-{seed}.zip"));
        laptop.ok(&["records", "export", "--course", COURSE, "--all", "--out", bundle.to_str().unwrap(), "--json"], "");
        bundles.push(bundle);
    }
    let by_bundle = Computer::new();
    for bundle in &bundles {
        by_bundle.ok(&["records", "import", bundle.to_str().unwrap(), "--json"], "");
    }
    let expected = by_bundle.class();
    assert_eq!(expected.len(), 10);

    // A fresh instructor's computer reads the class from the LRS: the same
    // members with the same figures. The password comes on stdin.
    let by_lrs = Computer::new();
    let pull =
        ["class", "pull", "--course", COURSE, "--endpoint", &endpoint, "--user", USER, "--password-stdin", "--json"];
    let pulled = by_lrs.ok(&pull, &format!("{PASSWORD}\n"));
    assert_eq!(pulled["members"], 10, "{pulled}");
    assert!(pulled["statements"].as_u64().unwrap() > 500 && pulled["added"].as_u64().unwrap() > 0, "{pulled}");
    assert_eq!(by_lrs.class(), expected);
    // The same short answers wait for a mark, those marked on the laptops not.
    let waiting = by_bundle.short_answers_waiting();
    assert!(waiting > 0);
    assert_eq!(by_lrs.short_answers_waiting(), waiting);
    // Pulling again reads everything again and adds nothing.
    let again = by_lrs.ok(&pull, &format!("{PASSWORD}\n"));
    assert_eq!((again["added"].as_u64(), again["members"].as_u64()), (Some(0), Some(10)), "{again}");
    let sources = by_lrs.ok(&["class", "list", "--course", COURSE, "--json"], "");
    assert!(sources["members"].as_array().unwrap().iter().all(|m| m["sources"] == json!(["lrs"])), "{sources}");

    // The LRS dies after two pages: the next pull resumes and ends with the
    // same class, nothing twice.
    let killed = Computer::new();
    let session = killed.session();
    let credentials = Credentials { endpoint: endpoint.clone(), username: USER.into(), password: PASSWORD.into() };
    let small = qunxue_app::xapi::PullOptions { page_size: 100, timeout: Duration::from_secs(10) };
    let mut pages = 0;
    let failed = session.pull_class(COURSE, Some(credentials.clone()), &small, |_| {
        pages += 1;
        if pages == 2 {
            lrs.kill();
        }
    });
    assert!(matches!(failed, Err(SyncError::Unreachable { .. })), "{failed:?}");
    assert!(killed.class().is_empty(), "nothing is merged before the last page");
    lrs.restart();
    let resumed = session.pull_class(COURSE, Some(credentials), &small, |_| {}).unwrap();
    assert!(resumed.statements < pulled["statements"].as_u64().unwrap() as usize, "it resumed: {resumed:?}");
    drop(session);
    assert_eq!(killed.class(), expected);
    assert_eq!(killed.short_answers_waiting(), waiting);
}

/// A learner laptop's own LRS account: it writes, and reads what `scopes` allow.
fn laptop_account(scopes: &'static [&'static str]) -> LrsUser {
    LrsUser { name: "laptop-07", password: "laptop-secret-07", scopes }
}

impl Computer {
    /// Runs `args` against the LRS at `endpoint` as `user` (password on stdin).
    fn ok_as(&self, args: &[&str], endpoint: &str, user: &LrsUser) -> Value {
        let mut all = args.to_vec();
        all.extend(["--endpoint", endpoint, "--user", user.name, "--password-stdin", "--json"]);
        self.ok(&all, &format!("{}\n", user.password))
    }

    /// Sets how marks reach this computer, keeping the LRS settings.
    fn set_marks_arrive_by(&self, mode: qunxue_app::xapi::MarksArriveBy) {
        let session = self.session();
        let settings = session.xapi_settings().unwrap();
        let input = qunxue_app::xapi::SettingsInput {
            endpoint: settings.endpoint,
            username: settings.username,
            password: None,
            iri_base: settings.iri_base,
            marks_arrive_by: Some(mode),
        };
        assert_eq!(session.xapi_save_settings(&input).unwrap().marks_arrive_by, mode);
    }

    fn query<T: rusqlite::types::FromSql>(&self, sql: &str, params: &[&str]) -> Vec<T> {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    }
}

/// On the instructor's computer: the class read back from the LRS, one
/// short answer marked with a comment, and one of `learner`'s task
/// submissions (brought by their submissions bundle) graded and released;
/// then everything sent to the LRS as the instructor. Returns the marked
/// (attempt, question) and the released version.
fn mark_on_the_instructors_computer(laptop: &Computer, endpoint: &str, dir: &Path) -> ((String, String), String) {
    let instructor = Computer::new();
    instructor.ok_as(&["class", "pull", "--course", COURSE], endpoint, &EVERYTHING);
    let session = instructor.session();
    let waiting = session.marking_queue(Some(COURSE)).unwrap();
    let answer = waiting.first().expect("a short answer waits for a mark");
    session
        .grade_answer(&answer.attempt_id, &answer.question_id, answer.max_score, Some("定位清楚，举例具体。"))
        .unwrap();
    let marked = (answer.attempt_id.clone(), answer.question_id.clone());

    // A learner on the laptop whose submission has no grade there yet.
    let ungraded: Vec<String> = laptop.query(
        "SELECT v.profile_id FROM submission_versions v LEFT JOIN results r ON r.version_id = v.id
         WHERE v.course_id = ?1 AND r.version_id IS NULL ORDER BY v.id",
        &[COURSE],
    );
    let learner = ungraded.first().expect("the demo leaves some work ungraded").clone();
    let learner_session =
        qunxue_app::Session::open(qunxue_app::OpenOptions::for_database(laptop.db()), Some(&learner), None).unwrap();
    let work = dir.join("work.zip");
    learner_session.export_submissions(COURSE, &work).unwrap();
    drop(learner_session);
    session.import_submissions(&work, Some(COURSE)).unwrap();
    let version: String = instructor
        .query::<String>(
            "SELECT v.id FROM submission_versions v LEFT JOIN results r ON r.version_id = v.id
             WHERE v.profile_id = ?1 AND r.version_id IS NULL ORDER BY v.id",
            &[&learner],
        )
        .into_iter()
        .next()
        .expect("the imported submission waits for a grade");
    let view = session.grading_view(&version).unwrap();
    let levels = view.task.rubric.criteria.iter().map(|c| (c.id.clone(), c.levels.len() - 1)).collect();
    let comments =
        view.task.rubric.criteria.iter().take(1).map(|c| (c.id.clone(), "示例贴近门店实际。".to_string())).collect();
    let mark =
        MarkInput { levels, comments, feedback: "整体完成度高，注意发布时间。".into(), complete: true };
    session.grading_save_mark(&version, &mark).unwrap();
    session.grading_release(&version).unwrap();
    drop(session);
    assert_eq!(instructor.ok_as(&["xapi", "sync"], endpoint, &EVERYTHING)["pending"], 0);
    (marked, version)
}

#[test]
fn in_company_mode_marks_released_elsewhere_reach_the_learners_computer_through_the_lrs() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_user = laptop_account(&["statements/write", "statements/read"]);
    let lrs = Ralph::start_with(
        &dir.path().join("lrs"),
        free_port(),
        &[EVERYTHING, laptop_account(&["statements/write", "statements/read"])],
        true,
    );
    let endpoint = lrs.endpoint();
    let laptop = Computer::new();
    laptop.ok(&["demo", "--learners", "3", "--seed", "4", "--json"], "");
    assert_eq!(laptop.ok_as(&["xapi", "sync"], &endpoint, &laptop_user)["pending"], 0);
    let ((attempt, question), version) = mark_on_the_instructors_computer(&laptop, &endpoint, dir.path());

    // Company mode: the laptop takes both marks in, as a grades bundle would.
    laptop.set_marks_arrive_by(qunxue_app::xapi::MarksArriveBy::Lrs);
    let pulled = laptop.ok_as(&["xapi", "marks"], &endpoint, &laptop_user);
    assert_eq!(pulled["marksArriveBy"], "lrs", "{pulled}");
    assert!(
        pulled["writtenElsewhere"].as_u64().unwrap() >= 3,
        "the mark, the attempt's new outcome, the grade: {pulled}"
    );
    assert!(pulled["applied"].as_u64().unwrap() >= 2, "{pulled}");
    let comment: Vec<Option<String>> = laptop.query(
        "SELECT manual_comment FROM attempt_answers WHERE attempt_id = ?1 AND question_id = ?2 AND manual_score IS NOT NULL",
        &[&attempt, &question],
    );
    assert_eq!(comment, [Some("定位清楚，举例具体。".to_string())]);
    let feedback: Vec<String> = laptop.query("SELECT feedback FROM results WHERE version_id = ?1", &[&version]);
    assert_eq!(feedback, ["整体完成度高，注意发布时间。"]);

    // The learner sees the mark on their result screen, with the mode said.
    let learner: String = laptop.query("SELECT profile_id FROM attempts WHERE id = ?1", &[&attempt]).remove(0);
    let as_learner =
        qunxue_app::Session::open(qunxue_app::OpenOptions::for_database(laptop.db()), Some(&learner), None).unwrap();
    let result = as_learner.attempt_result(&attempt).unwrap();
    let item = result.items.iter().find(|i| i.question_id == question).unwrap();
    assert_eq!(item.grader_comment.as_deref(), Some("定位清楚，举例具体。"));
    assert_eq!(result.marks_arrive_by, qunxue_app::xapi::MarksArriveBy::Lrs);
    drop(as_learner);

    // Pulling again takes nothing twice.
    assert_eq!(laptop.ok_as(&["xapi", "marks"], &endpoint, &laptop_user)["applied"], 0);

    // A mark the laptop's own account writes about its learner (a learner
    // forging a better grade) is not taken in: it carries the laptop's authority.
    let forged = {
        let statement = lrs
            .statements()
            .into_iter()
            .find(|s| {
                s["verb"]["id"] == VerbKind::Scored.iri() && s["object"]["id"].as_str().unwrap().contains("/questions/")
            })
            .unwrap();
        let mut forged = statement.clone();
        forged.as_object_mut().unwrap().retain(|k, _| !matches!(k.as_str(), "authority" | "stored" | "version"));
        let nanos = Utc::now().timestamp_nanos_opt().unwrap() as u64;
        forged["id"] = json!(format!("6b3c9f1e-0d2a-4c8e-9f00-{:012x}", nanos & 0xffff_ffff_ffff));
        forged["timestamp"] = json!(Utc::now().to_rfc3339());
        forged["result"]["extensions"] = json!({});
        forged
    };
    let token =
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", laptop_user.name, laptop_user.password));
    let posted = ureq::post(&format!("{endpoint}/statements"))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", &format!("Basic {token}"))
        .header("Content-Type", "application/json")
        .send(json!([forged]).to_string())
        .unwrap();
    assert_eq!(posted.status().as_u16(), 200);
    assert_eq!(
        laptop.ok_as(&["xapi", "marks"], &endpoint, &laptop_user)["applied"],
        0,
        "a self-written mark is refused"
    );
    let still: Vec<Option<String>> = laptop.query(
        "SELECT manual_comment FROM attempt_answers WHERE attempt_id = ?1 AND question_id = ?2",
        &[&attempt, &question],
    );
    assert_eq!(still, [Some("定位清楚，举例具体。".to_string())]);
}

#[test]
fn in_private_mode_a_restricted_learner_account_reads_only_its_own_and_marks_come_by_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_user = laptop_account(&["statements/write", "statements/read/mine"]);
    let lrs = Ralph::start_with(
        &dir.path().join("lrs"),
        free_port(),
        &[EVERYTHING, laptop_account(&["statements/write", "statements/read/mine"])],
        true,
    );
    let endpoint = lrs.endpoint();
    let laptop = Computer::new();
    laptop.ok(&["demo", "--learners", "3", "--seed", "5", "--json"], "");
    assert_eq!(laptop.ok_as(&["xapi", "sync"], &endpoint, &laptop_user)["pending"], 0);
    mark_on_the_instructors_computer(&laptop, &endpoint, dir.path());
    assert!(
        lrs.statements().iter().any(|s| s["context"]["instructor"].is_object()),
        "the instructor's marks are in the LRS"
    );

    // The default, private mode: the laptop reads only what it wrote, takes
    // nothing in, and says marks arrive by grades bundle.
    let pulled = laptop.ok_as(&["xapi", "marks"], &endpoint, &laptop_user);
    assert_eq!(pulled["marksArriveBy"], "bundle", "{pulled}");
    assert!(pulled["statements"].as_u64().unwrap() > 0, "{pulled}");
    assert_eq!((pulled["writtenElsewhere"].as_u64(), pulled["applied"].as_u64()), (Some(0), Some(0)), "{pulled}");
    let learner: String = laptop.query("SELECT profile_id FROM attempts LIMIT 1", &[]).remove(0);
    let as_learner =
        qunxue_app::Session::open(qunxue_app::OpenOptions::for_database(laptop.db()), Some(&learner), None).unwrap();
    let attempt: String = laptop
        .query("SELECT id FROM attempts WHERE profile_id = ?1 AND status != 'in_progress' LIMIT 1", &[&learner])
        .remove(0);
    assert_eq!(as_learner.attempt_result(&attempt).unwrap().marks_arrive_by, qunxue_app::xapi::MarksArriveBy::Bundle);
    drop(as_learner);

    // Even switched to company mode, this account cannot see the marks.
    laptop.set_marks_arrive_by(qunxue_app::xapi::MarksArriveBy::Lrs);
    let pulled = laptop.ok_as(&["xapi", "marks"], &endpoint, &laptop_user);
    assert_eq!((pulled["writtenElsewhere"].as_u64(), pulled["applied"].as_u64()), (Some(0), Some(0)), "{pulled}");
}
