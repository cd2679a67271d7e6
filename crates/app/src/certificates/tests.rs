//! Certificates end to end on a real database file: eligibility, the PDF
//! (checked with poppler's pdffonts and pdftotext), the signed Open Badges
//! credential and code verification.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use qunxue_store::attempts::{self, AttemptRecord, Outcome};
use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, ModuleRecord};
use qunxue_store::{profiles, progress, Store};
use serde_json::{json, Value};

use super::*;
use crate::quiz::fixture;

const LEARNER: &str = fixture::PROFILE;

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, d, 9, 30, 0).unwrap()
}

/// The quiz fixture's course with two modules, its module quiz and a
/// practice quiz (which does not count), and a learner named 王小明.
fn course(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    fixture::install(&mut store, &[fixture::quiz(json!({}))]).unwrap();
    store
        .transact(|tx| -> crate::Result<()> {
            let module = |id: &str, position: i64, title: &str| ModuleRecord {
                id: id.into(),
                position,
                kind: "theory".into(),
                title: title.into(),
                minutes: 10,
                objectives: vec![],
                source_path: format!("modules/{id}.md"),
                markdown: String::new(),
                html: String::new(),
                audience: "learner".into(),
                instructor_html: None,
            };
            courses::replace_modules(tx, fixture::COURSE, &[module("m1", 1, "社群定位"), module("m2", 2, "裂变增长")])?;
            let quizzes = [
                fixture::quiz(json!({})),
                fixture::quiz(json!({"id": "drill", "title": "随堂练习", "purpose": "practice"})),
            ];
            let items: Vec<ItemRecord> = quizzes
                .iter()
                .map(|q| ItemRecord { id: q["id"].as_str().unwrap().into(), body: q.to_string() })
                .collect();
            course_items::replace_items(tx, fixture::COURSE, ItemKind::Quiz, &items)?;
            profiles::rename(tx, LEARNER, "王小明")?;
            Ok(())
        })
        .unwrap();
    store
}

fn complete_everything(store: &mut Store) {
    store
        .transact(|tx| -> crate::Result<()> {
            for module in ["m1", "m2"] {
                progress::record_open(tx, LEARNER, fixture::COURSE, module, "2026-11-30T08:00:00Z")?;
                progress::mark_completed(tx, LEARNER, fixture::COURSE, module, "2026-11-30T09:00:00Z")?;
            }
            attempts::insert(
                tx,
                &AttemptRecord {
                    id: "att-1".into(),
                    profile_id: LEARNER.into(),
                    course_id: fixture::COURSE.into(),
                    quiz_id: fixture::QUIZ.into(),
                    number: 1,
                    seed: 1,
                    presentation: "{}".into(),
                    started_at: "2026-11-30T10:00:00Z".into(),
                    deadline_at: None,
                    submitted_at: None,
                    status: attempts::IN_PROGRESS,
                    score: None,
                    max_score: None,
                    percent: None,
                    passed: None,
                },
            )?;
            let outcome = Outcome {
                status: attempts::SUBMITTED,
                submitted_at: "2026-11-30T10:10:00Z",
                score: 5.0,
                max_score: 5.0,
                percent: 100.0,
                passed: Some(true),
            };
            attempts::finish(tx, "att-1", &outcome)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn not_eligible_names_what_is_missing_and_issues_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = course(&dir.path().join("q.db"));
    let status = eligibility(&store, LEARNER, fixture::COURSE).unwrap();
    assert!(!status.eligible);
    assert_eq!(
        status.modules_to_complete.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(),
        ["社群定位", "裂变增长"]
    );
    // The practice quiz is not required.
    assert_eq!(status.quizzes_to_pass.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), [fixture::QUIZ]);
    let error = issue(&mut store, LEARNER, fixture::COURSE, day(1), day(1).date_naive()).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, AppError::Rejected(_)));
    assert!(message.contains("社群定位") && message.contains("模块测验"), "{message}");
    let out = dir.path().join("cert.pdf");
    assert!(export_pdf(&mut store, LEARNER, fixture::COURSE, &out, day(1), day(1).date_naive()).is_err());
    assert!(!out.exists(), "nothing written for an ineligible learner");
    let count: i64 = store.conn().query_row("SELECT count(*) FROM certificates", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 0);
}

#[test]
fn one_certificate_per_course_version_with_a_verifiable_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = course(&dir.path().join("q.db"));
    complete_everything(&mut store);
    assert!(eligibility(&store, LEARNER, fixture::COURSE).unwrap().eligible);
    let first = issue(&mut store, LEARNER, fixture::COURSE, day(1), day(1).date_naive()).unwrap();
    assert_eq!(first.learner_name, "王小明");
    assert_eq!(first.issued_on, "2026-12-01");
    // Later exports give the same certificate.
    assert_eq!(issue(&mut store, LEARNER, fixture::COURSE, day(5), day(5).date_naive()).unwrap(), first);

    let checked = verify(&store, &first.code.to_lowercase()).unwrap();
    assert_eq!(checked.certificate, first);
    assert!(matches!(verify(&store, "QX-0000-0000-0000-0000"), Err(AppError::NotFound(_))));
    assert!(matches!(verify(&store, "not a code"), Err(AppError::Rejected(_))));
    // A row edited afterwards no longer matches its code.
    store.conn().execute("UPDATE certificates SET issued_on = '2025-01-01'", []).unwrap();
    let tampered = verify(&store, &first.code).unwrap_err().to_string();
    assert!(tampered.contains("altered"), "{tampered}");
}

fn poppler(tool: &str, file: &Path) -> String {
    let output = Command::new(tool).arg(file).arg("-").output().unwrap_or_else(|e| panic!("{tool} is needed: {e}"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_pdf_embeds_a_cjk_font_and_prints_the_name_course_and_code() {
    if CjkFont::find().is_err() {
        panic!("a CJK font is needed for certificates: apt-get install fonts-noto-cjk");
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = course(&dir.path().join("q.db"));
    complete_everything(&mut store);
    let out = dir.path().join("证书.pdf");
    let certificate = export_pdf(&mut store, LEARNER, fixture::COURSE, &out, day(1), day(1).date_naive()).unwrap();
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    let cjk = fonts.lines().find(|l| l.contains("CJK") || l.contains("Noto") || l.contains("WenQuanYi"));
    let cjk = cjk.unwrap_or_else(|| panic!("no CJK font listed:\n{fonts}"));
    let columns: Vec<&str> = cjk.split_whitespace().collect();
    // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object id, generation.
    assert_eq!(columns[columns.len() - 5], "yes", "the font is embedded: {cjk}");
    let text = poppler("pdftotext", &out);
    let squeezed: String = text.split_whitespace().collect();
    assert!(squeezed.contains("王小明"), "{text}");
    assert!(squeezed.contains("测验课程"), "{text}");
    assert!(squeezed.contains("结业证书"), "{text}");
    assert!(squeezed.contains(&certificate.code), "{text}");
    assert!(squeezed.contains("2026年12月1日"), "{text}");
}

#[test]
fn the_open_badge_has_the_ob3_fields_and_a_valid_eddsa_jcs_2022_proof() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = course(&dir.path().join("q.db"));
    complete_everything(&mut store);
    let out = dir.path().join("badge.json");
    let certificate =
        export_credential(&mut store, dir.path(), LEARNER, fixture::COURSE, &out, day(2), day(2).date_naive()).unwrap();
    let badge: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(badge["@context"], json!([VC_CONTEXT, OB3_CONTEXT]));
    assert_eq!(badge["type"], json!(["VerifiableCredential", "OpenBadgeCredential"]));
    assert!(badge["issuer"]["id"].as_str().unwrap().starts_with("did:key:z6Mk"), "Ed25519 did:key");
    assert_eq!(badge["issuer"]["type"], json!(["Profile"]));
    assert_eq!(badge["validFrom"], "2026-12-02T09:30:00.000Z");
    let subject = &badge["credentialSubject"];
    assert_eq!(subject["type"], json!(["AchievementSubject"]));
    assert_eq!(subject["identifier"][0]["identityHash"], "王小明");
    assert_eq!(subject["achievement"]["type"], json!(["Achievement"]));
    assert_eq!(subject["achievement"]["name"], "测验课程");
    assert!(subject["achievement"]["criteria"]["narrative"].as_str().unwrap().contains("2 个"));
    assert!(badge["id"].as_str().unwrap().ends_with(&certificate.code));
    assert_eq!(badge["proof"]["cryptosuite"], "eddsa-jcs-2022");
    assert!(badge["proof"]["proofValue"].as_str().unwrap().starts_with('z'));
    verify_credential(&badge).unwrap();

    // Any change to the signed content breaks the proof.
    let mut forged = badge.clone();
    forged["credentialSubject"]["identifier"][0]["identityHash"] = json!("李四");
    assert!(verify_credential(&forged).unwrap_err().to_string().contains("signature"));
    let mut swapped = badge.clone();
    swapped["proof"]["created"] = json!("2030-01-01T00:00:00Z");
    assert!(verify_credential(&swapped).is_err());
    // The same issuer key signs every credential of this installation.
    let again = dir.path().join("again.json");
    export_credential(&mut store, dir.path(), LEARNER, fixture::COURSE, &again, day(3), day(3).date_naive()).unwrap();
    let again: Value = serde_json::from_slice(&std::fs::read(&again).unwrap()).unwrap();
    assert_eq!(again["issuer"]["id"], badge["issuer"]["id"]);
}

/// The task fixture's course with one practice module its learner has
/// completed (it has no quizzes): only a completion rule stands between
/// the learner and the certificate.
fn task_course(path: &Path) -> Store {
    use crate::tasks::fixture as tasks;
    let mut store = Store::open(path).unwrap();
    tasks::install(&mut store, true).unwrap();
    store
        .transact(|tx| -> crate::Result<()> {
            let module = ModuleRecord {
                id: "m1".into(),
                position: 1,
                kind: "practice".into(),
                title: "欢迎语实操".into(),
                minutes: 30,
                objectives: vec![],
                source_path: "modules/m1.md".into(),
                markdown: String::new(),
                html: String::new(),
                audience: "learner".into(),
                instructor_html: None,
            };
            courses::replace_modules(tx, tasks::COURSE, &[module])?;
            progress::record_open(tx, tasks::LEARNER, tasks::COURSE, "m1", "2026-11-30T08:00:00Z")?;
            progress::mark_completed(tx, tasks::LEARNER, tasks::COURSE, "m1", "2026-11-30T09:00:00Z")?;
            Ok(())
        })
        .unwrap();
    store
}

#[test]
fn a_completion_rule_that_names_a_task_holds_the_certificate_until_the_task_is_graded_at_its_level() {
    use crate::tasks::fixture as tasks;
    use crate::tasks::grading::{self, MarkInput};
    use crate::tasks::learner;
    let dir = tempfile::tempdir().unwrap();
    let mut store = task_course(&dir.path().join("t.db"));
    assert!(
        eligibility(&store, tasks::LEARNER, tasks::COURSE).unwrap().eligible,
        "without a rule, reading is enough here"
    );

    let rule = r#"{"task":[{"id":"task-welcome","min_percent":60.0}],"surveys":[]}"#;
    store.transact(|tx| courses::replace_completion_rule(tx, tasks::COURSE, Some(rule))).unwrap();
    let status = eligibility(&store, tasks::LEARNER, tasks::COURSE).unwrap();
    assert!(!status.eligible);
    assert_eq!(status.tasks_to_reach.len(), 1);
    assert_eq!(
        (status.tasks_to_reach[0].title.as_str(), status.tasks_to_reach[0].best_percent),
        ("写一条新群欢迎语", None)
    );
    let refused =
        issue(&mut store, tasks::LEARNER, tasks::COURSE, day(1), day(1).date_naive()).unwrap_err().to_string();
    assert!(refused.contains("写一条新群欢迎语 (≥ 60%)"), "{refused}");

    // Graded below the level (2 + 3 of 10 points = 50 %): still not.
    let mark = |purpose: usize, action: usize| MarkInput {
        levels: [("purpose".to_string(), purpose), ("action".to_string(), action)].into(),
        complete: true,
        ..Default::default()
    };
    learner::save_draft(&mut store, tasks::LEARNER, tasks::COURSE, tasks::TASK, "欢迎加入！", &[], day(2)).unwrap();
    let first = learner::submit(&mut store, tasks::LEARNER, tasks::COURSE, tasks::TASK, day(2)).unwrap().id;
    grading::save_mark(&mut store, tasks::INSTRUCTOR, &first, &mark(1, 1), day(3)).unwrap();
    grading::release(&mut store, tasks::INSTRUCTOR, &first, day(3)).unwrap();
    let status = eligibility(&store, tasks::LEARNER, tasks::COURSE).unwrap();
    assert!(!status.eligible);
    assert_eq!(status.tasks_to_reach[0].best_percent, Some(50.0));

    // Resubmitted and graded at 4 + 3 = 70 %: the certificate is theirs.
    learner::save_draft(
        &mut store,
        tasks::LEARNER,
        tasks::COURSE,
        tasks::TASK,
        "欢迎加入！本周五晚八点读书会。",
        &[],
        day(4),
    )
    .unwrap();
    let second = learner::submit(&mut store, tasks::LEARNER, tasks::COURSE, tasks::TASK, day(4)).unwrap().id;
    grading::save_mark(&mut store, tasks::INSTRUCTOR, &second, &mark(2, 1), day(5)).unwrap();
    grading::release(&mut store, tasks::INSTRUCTOR, &second, day(5)).unwrap();
    let status = eligibility(&store, tasks::LEARNER, tasks::COURSE).unwrap();
    assert!(status.eligible && status.tasks_to_reach.is_empty(), "{status:?}");
    assert!(issue(&mut store, tasks::LEARNER, tasks::COURSE, day(6), day(6).date_naive()).is_ok());
}

/// Issue #32: a learner in UTC+8 who finishes at 07:30 gets that day's date,
/// not yesterday's (07:30 there is 23:30 UTC the day before).
#[test]
fn a_certificate_earned_at_half_past_seven_in_utc_plus_8_carries_that_local_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = course(&dir.path().join("q.db"));
    complete_everything(&mut store);
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap();
    let china = crate::session::fixed_zone(8 * 3600);
    let today = crate::session::local_date(now, &china);
    assert_eq!(today.to_string(), "2026-03-03");
    assert_eq!(crate::session::local_date(now, &crate::session::fixed_zone(0)).to_string(), "2026-03-02");

    let certificate = issue(&mut store, LEARNER, fixture::COURSE, now, today).unwrap();
    assert_eq!(certificate.issued_on, "2026-03-03");
    assert_eq!(certificate.issued_at, "2026-03-02T23:30:00.000Z", "the instant itself stays in UTC");
    assert_eq!(verify(&store, &certificate.code).unwrap().certificate, certificate);
}

/// The session takes "today" from its injected clock in its injected zone.
#[test]
fn the_session_dates_today_in_the_learners_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap();
    let clock: crate::session::Clock = std::sync::Arc::new(move || at);
    let open = |zone| {
        let options = crate::OpenOptions {
            clock: clock.clone(),
            zone,
            ..crate::OpenOptions::for_database(dir.path().join("q.db"))
        };
        crate::Session::start(options).unwrap().session
    };
    assert_eq!(open(crate::session::fixed_zone(8 * 3600)).today().to_string(), "2026-03-03");
    assert_eq!(open(crate::session::fixed_zone(-5 * 3600)).today().to_string(), "2026-03-02");
}
