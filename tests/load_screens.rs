//! Load: one database holding 500 learners × 200 modules of progress, 10,000
//! task submissions (with marks for most), 500 attempts at one quiz and an
//! impact study over 500 learners × 12 metrics; then the queries behind
//! every main screen and the report are timed (median of 5 runs) and
//! printed. Run by hand — it takes minutes and prints figures, it does not
//! judge them:
//!
//! `cargo test --test load_screens -- --ignored --nocapture`
//!
//! The 200-module pack is the benchmarks' synthetic pack (`qunxue-bench
//! gen-pack`, run through cargo).
//!
//! The bulk rows are written with the store's own insert functions in big
//! transactions (the services would take an hour of single-row commits);
//! the quiz attempts, marks and impact values go through the services.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use qunxue_app::impact::{self, GroupInput, ObservationInput, PeriodInput, StudyInput, UnitKind};
use qunxue_app::import::import_pack;
use qunxue_app::tasks::grading;
use qunxue_app::tasks::queue::{self, QueueFilter};
use qunxue_app::{library, quiz, reading, search, study};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::submissions::{self, VersionRecord, SOURCE_SUBMISSION};
use qunxue_store::{progress, Store};

const LEARNERS: usize = 500;
const SUBMISSIONS: usize = 10_000;
const INSTRUCTOR: &str = "load-instructor";

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(label: &str, rows: &mut Vec<(String, f64)>, mut work: impl FnMut() -> T) -> T {
    let mut runs = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        last = Some(work());
        runs.push(start.elapsed());
    }
    let ms = median(runs).as_secs_f64() * 1000.0;
    println!("{label:<52} {ms:>9.2} ms");
    rows.push((label.to_string(), ms));
    last.expect("ran")
}

#[test]
#[ignore = "load figures: minutes of work, run by hand"]
fn main_screens_with_500_learners_200_modules_and_10k_submissions() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "-p", "qunxue-bench", "--", "gen-pack", "--modules", "200", "--seed", "7", "--out"])
        .arg(&pack)
        .current_dir(qunxue_tests::packs::repo_root())
        .status()
        .unwrap();
    assert!(status.success(), "qunxue-bench gen-pack failed");
    let db = dir.path().join("data/qunxue.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut store = Store::open(&db).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    import_pack(&mut store, db.parent().unwrap(), &pack, false, t0, &mut |_| {}).unwrap();
    let course = qunxue_store::courses::list_courses(store.conn()).unwrap()[0].id.clone();
    let module_ids: Vec<String> =
        qunxue_store::courses::list_modules(store.conn(), &course).unwrap().into_iter().map(|m| m.id).collect();
    let quiz_ids: Vec<String> =
        qunxue_store::course_items::list_items(store.conn(), &course, qunxue_store::course_items::ItemKind::Quiz)
            .unwrap()
            .into_iter()
            .map(|q| q.id)
            .collect();
    let setup = Instant::now();

    // Profiles and progress: 500 × 200 modules opened, 80% completed.
    let learners: Vec<String> = (0..LEARNERS).map(|i| format!("load-learner-{i:03}")).collect();
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            let mut teacher = Profile::learner(INSTRUCTOR, "负载讲师", "2026-09-01T00:00:00Z");
            teacher.role = Role::Instructor;
            profiles::insert(tx, &teacher)?;
            for (i, id) in learners.iter().enumerate() {
                profiles::insert(tx, &Profile::learner(id.clone(), format!("学员{i:03}"), "2026-09-01T00:00:00Z"))?;
                for (m, module) in module_ids.iter().enumerate() {
                    let at = format!("2026-09-{:02}T08:{:02}:00.000Z", 1 + m % 28, i % 60);
                    progress::record_open(tx, id, &course, module, &at)?;
                    if (i + m) % 5 != 0 {
                        progress::mark_completed(tx, id, &course, module, &at)?;
                    }
                }
            }
            qunxue_store::settings::set(tx, qunxue_store::settings::ACTIVE_PROFILE, &learners[0])?;
            Ok(())
        })
        .unwrap();

    // 10,000 submissions across the pack's tasks.
    let tasks: Vec<String> =
        qunxue_store::course_items::list_items(store.conn(), &course, qunxue_store::course_items::ItemKind::Task)
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect();
    assert!(!tasks.is_empty());
    let mut versions = Vec::with_capacity(SUBMISSIONS);
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            for n in 0..SUBMISSIONS {
                let learner = &learners[n % LEARNERS];
                let task = &tasks[(n / LEARNERS) % tasks.len()];
                let number = (n / (LEARNERS * tasks.len())) as i64 + 1;
                let id = format!("load-version-{n:05}");
                submissions::insert_version(
                    tx,
                    &VersionRecord {
                        id: id.clone(),
                        profile_id: learner.clone(),
                        course_id: course.clone(),
                        task_id: task.clone(),
                        number,
                        source: SOURCE_SUBMISSION,
                        markdown: format!("## 作答 {n}\n\n先定位，再设栏目，最后看数据复盘。"),
                        attachments: "[]".into(),
                        submitted_at: format!("2026-10-{:02}T09:00:{:02}.000Z", 1 + n % 28, n % 60),
                    },
                )?;
                versions.push(id);
            }
            Ok(())
        })
        .unwrap();
    // The instructor grades 300 of them through the service (marks + released results).
    let first_quiz = quiz_ids[0].clone();
    for version in versions.iter().step_by(SUBMISSIONS / 300) {
        let view = grading::grading_view(&store, INSTRUCTOR, version).unwrap();
        let levels = view.task.rubric.criteria.iter().map(|c| (c.id.clone(), c.levels.len() / 2)).collect();
        let mark = grading::MarkInput { levels, comments: Default::default(), feedback: "好".into(), complete: true };
        grading::save_mark(&mut store, INSTRUCTOR, version, &mark, t0).unwrap();
        grading::release(&mut store, INSTRUCTOR, version, t0).unwrap();
    }
    // 500 attempts at the first quiz, through the services.
    for (i, learner) in learners.iter().enumerate() {
        let at = t0 + chrono::Duration::minutes(i as i64);
        let attempt = quiz::start_quiz(&mut store, learner, &course, &first_quiz, at).unwrap();
        for (q, shown) in attempt.questions.iter().enumerate() {
            let key = shown.options.as_ref().map(|o| o[(i + q) % o.len()].key.clone()).unwrap_or_default();
            let answer = match shown.kind.as_str() {
                "single" => qunxue_core::quiz::LearnerAnswer::Choice(key),
                "multiple" => qunxue_core::quiz::LearnerAnswer::Choices(vec![key]),
                "true_false" => qunxue_core::quiz::LearnerAnswer::Bool((i + q) % 2 == 0),
                "numeric" => qunxue_core::quiz::LearnerAnswer::Number((i % 10) as f64),
                "fill_blank" => {
                    qunxue_core::quiz::LearnerAnswer::Blanks(vec!["社群".into(); shown.blank_count.unwrap_or(1)])
                }
                "ordering" => qunxue_core::quiz::LearnerAnswer::Order(
                    shown.items.iter().flatten().map(|item| item.key.clone()).collect(),
                ),
                "matching" => qunxue_core::quiz::LearnerAnswer::Pairs(
                    shown.right.iter().flatten().enumerate().map(|(l, r)| (l.to_string(), r.key.clone())).collect(),
                ),
                _ => qunxue_core::quiz::LearnerAnswer::Text("答案".into()),
            };
            quiz::save_answer(&mut store, learner, &attempt.attempt_id, &shown.id, &answer, at).unwrap();
        }
        quiz::submit_attempt(&mut store, learner, &attempt.attempt_id, at + chrono::Duration::minutes(5)).unwrap();
    }
    // An impact study: 500 trained learners, 12 metrics, before and after.
    let metrics = impact::metric_templates(&store, INSTRUCTOR, &course).unwrap();
    let names: Vec<String> = (0..LEARNERS).map(|i| format!("学员{i:03}")).collect();
    let input = StudyInput {
        course_id: course.clone(),
        name: "负载测试".into(),
        unit_kind: UnitKind::Learner,
        baseline_start: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        baseline_end: chrono::NaiveDate::from_ymd_opt(2026, 8, 31).unwrap(),
        post_start: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        post_end: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        programme_cost: Some(100_000.0),
        monetised_benefit: Some(150_000.0),
        metrics: metrics.clone(),
        treatment: names.clone(),
        control: Vec::new(),
    };
    let study_id = impact::create_study(&mut store, INSTRUCTOR, &input, t0).unwrap().id;
    let rows: Vec<ObservationInput> = names
        .iter()
        .enumerate()
        .flat_map(|(i, unit)| {
            metrics.iter().flat_map(move |m| {
                [(PeriodInput::Before, 100.0 + (i % 37) as f64), (PeriodInput::After, 112.0 + (i % 41) as f64)].map(
                    |(period, value)| ObservationInput {
                        unit: unit.clone(),
                        group: Some(GroupInput::Treatment),
                        metric_id: m.id.clone(),
                        period,
                        value: Some(value),
                    },
                )
            })
        })
        .collect();
    impact::record_observations(&mut store, INSTRUCTOR, &study_id, &rows, t0).unwrap();
    println!("setup (bulk rows + services) took {:.1} s", setup.elapsed().as_secs_f64());
    let size = std::fs::metadata(&db).unwrap().len();
    println!("database: {:.1} MB\n", size as f64 / 1_048_576.0);

    let learner = learners[LEARNERS / 2].clone();
    let now = Utc::now();
    let mut figures = Vec::new();
    let home = time("home (learner)", &mut figures, || study::home(&store, &learner, now).unwrap());
    let _ = home;
    time("library list (learner)", &mut figures, || library::list(&store, &learner).unwrap());
    let outline = time("course outline, 200 modules", &mut figures, || {
        reading::outline(&store, &learner, reading::Readers::Learners, &course).unwrap()
    });
    assert_eq!(outline.sections.iter().map(|s| s.modules.len()).sum::<usize>(), 200);
    let module = module_ids[100].clone();
    time("open a module", &mut figures, || {
        reading::open_module(&mut store, &learner, reading::Readers::Learners, &course, &module, now).unwrap()
    });
    let queue = time("grading queue, 10k submissions (first page)", &mut figures, || {
        queue::grading_queue(&store, INSTRUCTOR, &course, &QueueFilter::default()).unwrap()
    });
    assert_eq!(queue.total, SUBMISSIONS);
    let last_page =
        QueueFilter { offset: SUBMISSIONS - 50, status: Some(queue::QueueStatus::Ungraded), ..Default::default() };
    time("grading queue, 10k submissions (ungraded, a late page)", &mut figures, || {
        queue::grading_queue(&store, INSTRUCTOR, &course, &last_page).unwrap()
    });
    time("grading view of one submission", &mut figures, || {
        grading::grading_view(&store, INSTRUCTOR, &versions[SUBMISSIONS / 2]).unwrap()
    });
    time("marking queue (short answers)", &mut figures, || {
        quiz::marking_queue(&store, INSTRUCTOR, Some(&course)).unwrap()
    });
    let analysis = time("item analysis, 500 attempts", &mut figures, || {
        quiz::item_analysis(&store, INSTRUCTOR, &course, &first_quiz).unwrap()
    });
    let _ = analysis;
    time("search 社群", &mut figures, || search::search(&mut store, &learner, "社群").unwrap());
    let options = qunxue_core::impact::AnalysisOptions::default();
    let report = time("effect report (500 × 12 metrics)", &mut figures, || {
        impact::report::study_report(&store, INSTRUCTOR, &study_id, &options, now).unwrap()
    });
    time("report as HTML", &mut figures, || impact::export::render_html(&report).unwrap());
    time("report as XLSX", &mut figures, || impact::export::render_xlsx(&report).unwrap());
    time("report as CSV", &mut figures, || impact::export::render_csv(&report).unwrap());

    println!("\n| screen / query | median ms |\n|---|---|");
    for (label, ms) in &figures {
        println!("| {label} | {ms:.2} |");
    }
}
