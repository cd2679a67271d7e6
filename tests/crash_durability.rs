//! Power-cut safety: a `qunxue write-stream` process saves quiz answers and
//! records module openings, and is killed with SIGKILL at a different moment
//! each time, 20 times over on the same database. Every write the process
//! acknowledged must be in the file afterwards, the file must pass
//! `PRAGMA integrity_check`, and the quiz attempt must resume with its
//! answers and with the time that kept running while the app was dead.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use qunxue_app::{library, profiles, quiz};
use qunxue_store::Store;
use qunxue_tests::cli::test_support_path;

const COURSE: &str = "qunxue.community-ops";
/// An after-submit quiz: immediate-feedback quizzes lock an answer once checked.
const QUIZ: &str = "quiz-m16";
const RUNS: u64 = 20;

#[derive(Debug, Clone, PartialEq)]
enum Write {
    Answer { question: String, json: String },
    Open { module: String },
}

/// What the database must hold: every acknowledged write, across all runs.
#[derive(Default)]
struct Expected {
    answers: BTreeMap<String, String>,
    opens: BTreeMap<String, i64>,
}

struct Ready {
    attempt: String,
    remaining: i64,
    at: Instant,
}

#[test]
fn acknowledged_writes_survive_sigkill_and_the_attempt_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    {
        let mut store = Store::open(&db).unwrap();
        library::install_bundled_courses(&mut store, &repo().join("courses"), chrono::Utc::now()).unwrap();
    }

    let mut expected = Expected::default();
    let mut first: Option<Ready> = None;
    for run in 0..RUNS {
        // Kill points spread over 1..=97 acknowledgements, a different one each run.
        let kill_after = 1 + (run * 37 + 11) % 97;
        let (ready, in_flight) = stream_then_kill(&db, kill_after, &mut expected);
        if let Some(first) = &first {
            assert_eq!(ready.attempt, first.attempt, "run {run} started a new attempt instead of resuming");
        }
        first.get_or_insert(ready);
        check_database(&db, &mut expected, in_flight, run);
    }

    // "Restart the app": the same attempt comes back with its answers and the
    // clock that kept running.
    let first = first.expect("at least one run");
    let mut store = Store::open(&db).unwrap();
    let profile = profiles::active_profile(&mut store, chrono::Utc::now()).unwrap();
    let resumed = quiz::start_quiz(&mut store, &profile.id, COURSE, QUIZ, chrono::Utc::now()).unwrap();
    assert_eq!(resumed.attempt_id, first.attempt);
    assert!(!expected.answers.is_empty());
    for (question, answer) in &expected.answers {
        let stored = serde_json::to_string(&resumed.answers[question]).unwrap();
        assert_eq!(&stored, answer, "resumed answer to {question}");
    }
    let elapsed = i64::try_from(first.at.elapsed().as_secs()).unwrap();
    let remaining = resumed.remaining_seconds.expect("the quiz has a time limit");
    let should_be = first.remaining - elapsed;
    assert!(
        (remaining - should_be).abs() <= 3,
        "remaining time {remaining}s, expected about {should_be}s ({}s at the first start, {elapsed}s since)",
        first.remaining
    );
}

/// Runs one stream, kills it with SIGKILL after `kill_after` acknowledgements,
/// folds the acknowledged writes into `expected` and returns the write that
/// was in flight, if one was.
fn stream_then_kill(db: &Path, kill_after: u64, expected: &mut Expected) -> (Ready, Option<Write>) {
    let mut child = Command::new(test_support_path())
        .args(["write-stream", "--db"])
        .arg(db)
        .args(["--course", COURSE, "--quiz", QUIZ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting qunxue write-stream");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines().map(Result::unwrap);
    let ready_line = lines.next().expect("a ready line");
    let at = Instant::now();
    let words: Vec<&str> = ready_line.split(' ').collect();
    let ["ready", attempt, remaining] = words.as_slice() else { panic!("first line was {ready_line:?}") };
    let ready = Ready { attempt: (*attempt).to_string(), remaining: remaining.parse().expect("a time limit"), at };

    let mut pending: Option<Write> = None;
    let mut acks = 0;
    let mut killed = false;
    // After the kill, the lines still in the pipe are read until it closes.
    for line in lines.by_ref() {
        let parts: Vec<&str> = line.splitn(5, ' ').collect();
        match parts.as_slice() {
            ["write", _, "answer", question, json] => {
                pending = Some(Write::Answer { question: (*question).into(), json: (*json).into() })
            }
            ["write", _, "open", module] => pending = Some(Write::Open { module: (*module).into() }),
            ["ack", _] => {
                match pending.take().expect("an ack follows its write") {
                    Write::Answer { question, json } => {
                        expected.answers.insert(question, json);
                    }
                    Write::Open { module } => *expected.opens.entry(module).or_default() += 1,
                }
                acks += 1;
                if acks == kill_after && !killed {
                    child.kill().expect("SIGKILL");
                    killed = true;
                }
            }
            _ => panic!("unexpected line {line:?}"),
        }
    }
    assert!(killed, "the stream ended after {acks} writes, before the kill");
    child.wait().unwrap();
    (ready, pending)
}

/// Checks the file after a kill. The write in flight may or may not have
/// landed; whichever happened becomes part of what later runs must keep.
fn check_database(db: &Path, expected: &mut Expected, in_flight: Option<Write>, run: u64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "integrity check after run {run}");

    let mut stmt = conn.prepare("SELECT question_id, answer FROM attempt_answers").unwrap();
    let stored: BTreeMap<String, String> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    if let Some(Write::Answer { question, json }) = &in_flight {
        if stored.get(question) == Some(json) {
            expected.answers.insert(question.clone(), json.clone());
        }
    }
    for (question, answer) in &expected.answers {
        let value = stored.get(question).unwrap_or_else(|| panic!("run {run}: acknowledged answer to {question} lost"));
        assert_eq!(value, answer, "run {run}: answer to {question}");
    }

    let mut stmt = conn.prepare("SELECT module_id, open_count FROM module_progress").unwrap();
    let opens: BTreeMap<String, i64> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    if let Some(Write::Open { module }) = &in_flight {
        let acknowledged = expected.opens.get(module).copied().unwrap_or(0);
        if opens.get(module).copied().unwrap_or(0) == acknowledged + 1 {
            expected.opens.insert(module.clone(), acknowledged + 1);
        }
    }
    assert!(!expected.opens.is_empty() || run == 0);
    for (module, count) in &expected.opens {
        assert_eq!(opens.get(module).copied().unwrap_or(0), *count, "run {run}: openings of module {module}");
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
