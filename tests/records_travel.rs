//! Records travel by file (issue 21), through the real `qunxue` binary and
//! real database files: two learner laptops filled by `qunxue demo` export
//! learner-record bundles; an instructor's machine takes both in and sees
//! one class of ten with the same figures as the laptops; a second import
//! changes nothing; an altered bundle is refused without a write; grades go
//! back one bundle per learner, each holding only its learner's results, and
//! a mark reaches the learner's result screen.

use std::io::Read;
use std::path::{Path, PathBuf};

use qunxue_app::impact::export::ExportFormat;
use qunxue_app::{OpenOptions, Session};
use qunxue_tests::cli::qunxue_with_pin;
use qunxue_tests::packs::repo_root;
use qunxue_tests::profiles::ADMIN_PIN;
use serde_json::Value;
use sha2::{Digest, Sha256};

const COURSE: &str = "qunxue.community-ops";

/// One computer: a database with its first admin and the shipped course.
struct Machine {
    dir: tempfile::TempDir,
    admin: String,
}

impl Machine {
    fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        let admin = qunxue_tests::profiles::add_admin(&dir.path().join("qunxue.db"));
        let machine = Machine { dir, admin };
        machine.ok(&["import", repo_root().to_str().unwrap()]);
        machine
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("qunxue.db")
    }

    /// `qunxue ARGS --db DB --profile ADMIN` with the admin's PIN.
    fn run(&self, args: &[&str]) -> std::process::Output {
        let db = self.db();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--db", db.to_str().unwrap(), "--profile", self.admin.as_str()]);
        qunxue_with_pin(ADMIN_PIN, &all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "qunxue {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// The session the desktop app would have, unlocked as the admin.
    fn session(&self) -> Session {
        Session::open(OpenOptions::for_database(self.db()), Some(&self.admin), Some(ADMIN_PIN)).unwrap()
    }

    fn class_list(&self) -> Vec<Value> {
        let list = self.json(&["class", "list", "--course", COURSE, "--json"]);
        list["members"].as_array().unwrap().clone()
    }

    /// The database's files, byte for byte.
    fn digest(&self) -> String {
        let mut digest = Sha256::new();
        for suffix in ["", "-wal"] {
            let path = PathBuf::from(format!("{}{suffix}", self.db().display()));
            digest.update(std::fs::read(path).unwrap_or_default());
        }
        format!("{:x}", digest.finalize())
    }
}

/// A learner laptop shared by five learners, filled by `qunxue demo`, and
/// the bundle of every learner's records.
fn laptop(seed: &str, out: &Path) -> Machine {
    let machine = Machine::new();
    machine.ok(&["demo", "--learners", "5", "--seed", seed, "--json"]);
    let exported =
        machine.json(&["records", "export", "--course", COURSE, "--all", "--out", out.to_str().unwrap(), "--json"]);
    assert_eq!(exported["items"], 5, "{exported}");
    machine
}

/// The figures the class view compares, without where they came from;
/// numbers to nine decimals (the gain is computed afresh on each machine).
fn figures(member: &Value) -> Value {
    let mut member = member.clone();
    let fields = member.as_object_mut().unwrap();
    fields.remove("sources");
    for value in fields.values_mut() {
        if let Some(x) = value.as_f64().filter(|_| !value.is_i64()) {
            *value = Value::String(format!("{x:.9}"));
        }
    }
    member
}

fn counts(report: &Value) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    let all =
        |v: &Value, key: &str| v.as_array().unwrap().iter().map(|x| x[key].as_u64().unwrap_or(0)).collect::<Vec<_>>();
    let reaction = all(&report["reaction"]["surveys"], "respondents");
    let knowledge = report["knowledge"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["learners"].as_array().unwrap().len() as u64)
        .collect();
    let practical = all(&report["practical"]["criteria"], "n");
    (reaction, knowledge, practical)
}

/// A study of stores (which counts every learner of the course) and its report's counts.
fn report_counts(machine: &Machine) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    let session = machine.session();
    let mut input = qunxue_app::impact::fixture::study_input();
    input.course_id = COURSE.into();
    input.metrics = session.impact_metric_templates(COURSE).unwrap();
    let study = session.impact_create_study(&input).unwrap();
    counts(&serde_json::to_value(session.impact_report(&study.id).unwrap()).unwrap())
}

fn sum(a: &[u64], b: &[u64]) -> Vec<u64> {
    a.iter().zip(b).map(|(x, y)| x + y).collect()
}

#[test]
fn two_laptops_records_make_one_class_on_the_instructors_machine() {
    let usb = tempfile::tempdir().unwrap();
    let (bundle_a, bundle_b) = (usb.path().join("a.zip"), usb.path().join("b.zip"));
    let laptop_a = laptop("1", &bundle_a);
    let laptop_b = laptop("2", &bundle_b);
    let instructor = Machine::new();

    for bundle in [&bundle_a, &bundle_b] {
        let imported = instructor.json(&["records", "import", bundle.to_str().unwrap(), "--json"]);
        assert_eq!(
            (imported["learners"].as_u64(), imported["alreadyImported"].as_bool()),
            (Some(5), Some(false)),
            "{imported}"
        );
        assert!(imported["added"].as_u64().unwrap() > 0);
    }

    // Ten members with the figures their own laptops show.
    let members = instructor.class_list();
    assert_eq!(members.len(), 10, "{members:?}");
    let mut sources: Vec<Value> = laptop_a.class_list();
    sources.extend(laptop_b.class_list());
    let mut here: Vec<Value> = members.iter().map(figures).collect();
    let mut there: Vec<Value> = sources.iter().map(figures).collect();
    let by_id = |v: &Value| v["id"].as_str().unwrap().to_string();
    here.sort_by_key(by_id);
    there.sort_by_key(by_id);
    assert_eq!(here, there);
    assert!(members.iter().all(|m| m["sources"] == serde_json::json!(["bundle"])), "{members:?}");
    let both_tests = members.iter().filter(|m| m["preScore"].is_number() && m["postScore"].is_number()).count();
    assert!(both_tests > 5, "most members took both tests: {both_tests} of 10");

    // The desktop's class view (the session's list) shows the same figures
    // as the CLI, and its spreadsheet holds the same rows.
    let session = instructor.session();
    let view = serde_json::to_value(session.class_list(COURSE, None).unwrap()).unwrap();
    let shown: Vec<Value> = view["members"].as_array().unwrap().iter().map(figures).collect();
    assert_eq!(shown, members.iter().map(figures).collect::<Vec<_>>());
    assert!(members.iter().all(|m| m["quizzesTotal"].as_u64() > Some(0) && m["sentNothing"] == false), "{members:?}");
    let xlsx = usb.path().join("class.xlsx");
    let exported = session.export_class_list(COURSE, None, &xlsx).unwrap();
    assert_eq!(exported.rows, 10);
    let sheet = read_sheet(&xlsx);
    assert_eq!(sheet.len(), 11, "a header and one row per member");
    for (row, member) in sheet[1..].iter().zip(&members) {
        assert_eq!(row[0], member["id"].as_str().unwrap());
        assert_eq!(row[1], member["name"].as_str().unwrap());
        assert_eq!(row[3], member["modulesDone"].to_string());
        let percent = |v: &Value| v.as_f64().map_or_else(String::new, |v| v.to_string());
        assert_eq!(
            (row[4].as_str(), row[5].as_str()),
            (percent(&member["preScore"]).as_str(), percent(&member["postScore"]).as_str())
        );
        assert_eq!(row[7], member["quizzesPassed"].to_string());
    }

    // Their short answers wait in the instructor's marking queue.
    let queued = session.marking_queue(Some(COURSE)).unwrap();
    let pending_short: usize =
        [&laptop_a, &laptop_b].iter().map(|m| m.session().marking_queue(Some(COURSE)).unwrap().len()).sum();
    assert!(pending_short > 0);
    assert_eq!(queued.len(), pending_short);

    // The effect report counts both laptops' people at every level.
    let (ra, ka, pa) = report_counts(&laptop_a);
    let (rb, kb, pb) = report_counts(&laptop_b);
    let (r, k, p) = report_counts(&instructor);
    assert_eq!((r, k, p), (sum(&ra, &rb), sum(&ka, &kb), sum(&pa, &pb)));

    // Importing again changes nothing.
    let before = instructor.digest();
    let again = instructor.json(&["records", "import", bundle_a.to_str().unwrap(), "--json"]);
    assert_eq!(again["alreadyImported"], true);
    assert_eq!(instructor.digest(), before);

    // One byte changed: refused, and the database is untouched.
    let mut bytes = std::fs::read(&bundle_b).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let altered = usb.path().join("altered.zip");
    std::fs::write(&altered, bytes).unwrap();
    let refused = instructor.run(&["records", "import", altered.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", String::from_utf8_lossy(&refused.stderr));
    assert_eq!(instructor.digest(), before);

    // Members are not profiles anyone can pick here.
    let member = members[0]["id"].as_str().unwrap();
    let pickable = session.list_profiles().unwrap();
    assert!(!pickable.profiles.iter().any(|p| p.id == member));
    assert!(session.switch_profile(member, None).is_err());
    let as_member = qunxue_with_pin(
        "",
        &["class", "list", "--course", COURSE, "--db", instructor.db().to_str().unwrap(), "--profile", member],
    );
    assert_ne!(as_member.status.code(), Some(0));
}

#[test]
fn grades_go_back_one_bundle_per_learner_and_reach_the_result_screen() {
    let usb = tempfile::tempdir().unwrap();
    let bundle = usb.path().join("records.zip");
    let laptop = laptop("3", &bundle);
    let instructor = Machine::new();
    instructor.ok(&["records", "import", bundle.to_str().unwrap()]);

    // The instructor marks one waiting short answer of one learner.
    let session = instructor.session();
    let waiting = session.marking_queue(Some(COURSE)).unwrap();
    let first = waiting.first().expect("a short answer waits for a mark");
    let marked = serde_json::to_value(first).unwrap();
    let (attempt, question) = (marked["attemptId"].as_str().unwrap(), marked["questionId"].as_str().unwrap());
    let name = marked["learnerName"].as_str().unwrap();
    let members = instructor.class_list();
    let learner = members.iter().find(|m| m["name"] == name).unwrap()["id"].as_str().unwrap().to_string();
    let comment = "第三点说到了复盘，很好；再补一个具体数字。";
    session.grade_answer(attempt, question, 1.0, Some(comment)).unwrap();
    drop(session);

    let out_dir = usb.path().join("grades");
    instructor.ok(&["export-grades", "--course", COURSE, "--out-dir", out_dir.to_str().unwrap(), "--json"]);
    let bundles: Vec<PathBuf> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(bundles.len() >= 2, "{bundles:?}");
    let mut learner_bundle = None;
    for path in &bundles {
        let text = bundle_text(path);
        let owners: Vec<&Value> = members.iter().filter(|m| text.contains(m["id"].as_str().unwrap())).collect();
        assert_eq!(owners.len(), 1, "{} names {} learners", path.display(), owners.len());
        for other in members.iter().filter(|m| m["id"] != owners[0]["id"]) {
            assert!(!text.contains(other["name"].as_str().unwrap()), "{} names {}", path.display(), other["name"]);
        }
        if owners[0]["id"] == learner.as_str() {
            learner_bundle = Some(path.clone());
        }
    }
    let learner_bundle = learner_bundle.expect("the marked learner has a bundle");

    // A laptop that knows the class only by the code typed into it…
    rusqlite::Connection::open(laptop.db()).unwrap().execute("UPDATE classes SET name = ''", []).unwrap();
    // On the learner's laptop, the mark shows on the attempt's result.
    laptop.ok(&["import-grades", learner_bundle.to_str().unwrap(), "--course", COURSE]);
    let on_laptop = laptop.session();
    on_laptop.switch_profile(&learner, None).unwrap();
    let result = serde_json::to_value(on_laptop.attempt_result(attempt).unwrap()).unwrap();
    assert!(result.to_string().contains(comment), "{result}");
    // …learns its name from the instructor's bundle.
    let classes = on_laptop.my_classes(COURSE).unwrap();
    assert!(!classes.is_empty() && classes.iter().all(|c| c.name.contains("门店")), "{classes:?}");
}

/// Every text entry of a bundle, joined.
/// Every cell of an XLSX file's first sheet, as text.
fn read_sheet(path: &Path) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(|row| row.iter().map(ToString::to_string).collect()).collect()
}

fn bundle_text(path: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        text.push_str(&String::from_utf8_lossy(&bytes));
    }
    text
}

#[test]
fn a_demo_class_of_twenty_fills_every_level_of_the_report() {
    let machine = Machine::new();
    let summary = machine.json(&["demo", "--learners", "20", "--seed", "7", "--json"]);
    assert!(summary["preTests"].as_u64().unwrap() >= 15 && summary["postTests"].as_u64().unwrap() >= 10, "{summary}");
    assert!(summary["surveyResponses"].as_u64().unwrap() >= 10, "{summary}");
    let dropped = 20 - summary["postTests"].as_u64().unwrap();
    assert!(dropped > 0, "some learners drop out: {summary}");
    let report_dir = machine.dir.path().join("report");
    machine.ok(&["report", "--out", report_dir.to_str().unwrap(), "--format", "csv"]);
    let session = machine.session();
    let study = &session.impact_list_studies(Some(COURSE)).unwrap()[0];
    let report = serde_json::to_value(session.impact_report(&study.id).unwrap()).unwrap();
    let (reaction, knowledge, practical) = counts(&report);
    assert!(reaction.iter().any(|n| *n > 0), "reaction: {reaction:?}");
    assert!(knowledge.iter().any(|n| *n > 0), "knowledge: {knowledge:?}");
    let paired = report["knowledge"]["pairs"][0]["learners"].as_array().unwrap();
    assert!(paired.iter().any(|l| l["gain"].is_number()), "normalised gain per learner: {paired:?}");
    assert!(practical.iter().any(|n| *n > 0), "practical: {practical:?}");
    assert!(!report["business"].is_null());

    // Narrowed to one of the demo's two classes: fewer people at every
    // learner level, together as many as the whole course, and the marking
    // queues hold only that class's work (issue 23).
    let classes = session.list_classes(COURSE).unwrap();
    assert_eq!(classes.len(), 2, "{classes:?}");
    let total = |v: &[u64]| v.iter().sum::<u64>();
    let all_short = session.marking_queue(Some(COURSE)).unwrap().len();
    let (mut people, mut short) = ([0_u64; 3], 0);
    for class in &classes {
        let codes = vec![class.id.clone()];
        let narrowed = serde_json::to_value(session.impact_report_for_classes(&study.id, &codes).unwrap()).unwrap();
        assert_eq!(narrowed["classes"], serde_json::json!(codes));
        let (r, k, p) = counts(&narrowed);
        assert!(total(&r) < total(&reaction) && total(&k) <= total(&knowledge), "{r:?} {k:?}");
        for (sum, n) in people.iter_mut().zip([total(&r), total(&k), total(&p)]) {
            *sum += n;
        }
        let queue = session.marking_queue_in_classes(Some(COURSE), &codes).unwrap();
        assert!(queue.len() < all_short, "{} of {all_short}", queue.len());
        short += queue.len();
        let members: std::collections::HashSet<String> =
            session.class_list(COURSE, Some(&class.id)).unwrap().members.into_iter().map(|m| m.id).collect();
        let filter: qunxue_app::tasks::queue::QueueFilter =
            serde_json::from_value(serde_json::json!({ "classes": codes, "limit": 200 })).unwrap();
        let page = session.grading_queue(COURSE, &filter).unwrap();
        assert!(page.rows.iter().all(|row| members.contains(&row.learner_id)), "only the class's work");
    }
    assert_eq!(people, [total(&reaction), total(&knowledge), total(&practical)], "the two classes make up the course");
    assert_eq!(short, all_short);

    // The exported report follows the screen: narrowed to a class, it lists fewer rows.
    let rows = |classes: &[String], name: &str| {
        let dir = machine.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let files = session.impact_export_for_classes(&study.id, &dir, &[ExportFormat::Html], classes).unwrap();
        std::fs::read_to_string(&files[0]).unwrap().matches("<tr").count()
    };
    assert!(rows(&[classes[0].id.clone()], "one-class") < rows(&[], "whole-course"));
}
