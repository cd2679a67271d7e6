//! What a course's own rules decide (issue 30), through the one door as
//! each role: instructor-only modules, blocks and assets reach instructors
//! and are refused to learners by every use-case that could serve them; the
//! glossary is served and linked; a gate criterion at its lowest level caps
//! a released grade and tells the learner why; a corrected answer key leaves
//! saved scores alone until an instructor regrades exactly the attempts it
//! affects.

use std::fs;
use std::path::Path;

use qunxue_app::accounts::NewProfile;
use qunxue_app::domain::quiz::{option_key, LearnerAnswer};
use qunxue_app::domain::rows::Role;
use qunxue_app::notes::NewNote;
use qunxue_app::tasks::grading::MarkInput;
use qunxue_app::{ErrorKind, OpenOptions, Session};
use qunxue_tests::packs::fixture;
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use qunxue_tests::snapshot::DataDir;

const COURSE: &str = "acme.demo";
const GUIDE: &str = "m04-facilitator";
const CASE: &str = "m03-case";
const INSTRUCTOR_PIN: &str = "864202";

/// A machine with the pack at `pack` installed by its admin, an instructor
/// and a learner; returns the session (acting as the learner) and their ids.
struct Machine {
    _data: DataDir,
    session: Session,
    admin: String,
    instructor: String,
    learner: String,
}

impl Machine {
    fn with_pack(pack: &Path) -> Self {
        let data = DataDir::new();
        let admin = add_admin(&data.db());
        let session = Session::open(OpenOptions::for_database(data.db()), Some(&admin), Some(ADMIN_PIN)).unwrap();
        session.import_pack(pack, false, &mut |_| {}).unwrap();
        let instructor = session
            .add_profile(&NewProfile::named("王老师"), Role::Instructor, Some(INSTRUCTOR_PIN))
            .unwrap()
            .profile
            .id;
        let learner = session.add_profile(&NewProfile::named("学员甲"), Role::Learner, None).unwrap().profile.id;
        session.switch_profile(&learner, None).unwrap();
        Machine { _data: data, session, admin, instructor, learner }
    }

    fn as_instructor(&self) -> &Session {
        self.session.switch_profile(&self.instructor, Some(INSTRUCTOR_PIN)).unwrap();
        &self.session
    }

    fn as_learner(&self) -> &Session {
        self.session.switch_profile(&self.learner, None).unwrap();
        &self.session
    }
}

fn forbidden<T: std::fmt::Debug>(result: qunxue_app::Result<T>, what: &str) {
    let error = result.expect_err(what);
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{what}: {error}");
}

#[test]
fn a_learner_is_refused_instructor_only_content_by_every_use_case_that_could_serve_it() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_learner();

    let outline = s.course_outline(COURSE).unwrap();
    let listed: Vec<&str> = outline.sections.iter().flat_map(|sec| sec.modules.iter().map(|m| m.id.as_str())).collect();
    assert!(!listed.contains(&GUIDE), "{listed:?}");
    assert!(outline.sections.iter().all(|sec| sec.kind != "instructor"));

    forbidden(s.open_module(COURSE, GUIDE), "open_module");
    forbidden(s.complete_module(COURSE, GUIDE), "complete_module");
    forbidden(s.module_notes(COURSE, GUIDE), "module_notes");
    let note =
        NewNote { course_id: COURSE.into(), module_id: GUIDE.into(), body: "偷看".into(), quote: None, anchor: None };
    forbidden(s.add_note(&note), "add_note");
    forbidden(s.set_bookmark(COURSE, GUIDE, true), "set_bookmark");
    forbidden(s.module_quizzes(COURSE, GUIDE), "module_quizzes");

    // The case module comes without its model answer, in every form.
    let case = s.open_module(COURSE, CASE).unwrap();
    assert!(!case.html.contains("参考答案") && !case.html.contains("qx-instructor"), "{}", case.html);
    assert!(!case.instructor_only);
    for query in ["参考答案", "讲师手册", "出炉提醒 促销"] {
        let hits = s.search(query).unwrap().hits;
        assert!(
            hits.iter().all(|h| {
                let text: String = h.snippet.segments.iter().map(|seg| seg.text.as_str()).collect();
                h.module_id.as_deref() != Some(GUIDE) && !text.contains("参考答案")
            }),
            "{query}: {hits:?}"
        );
    }

    // The asset protocol: the answer key and the module sources are not served.
    assert!(s.asset_file("/acme.demo/assets/instructor/answer-key.txt").is_err());
    assert!(s.asset_file("/acme.demo/modules/03-case.md").is_err());
    assert!(s.asset_file("/acme.demo/modules/04-facilitator.md").is_err());
    assert!(s.asset_file("/acme.demo/assets/growth.png").is_ok());
}

#[test]
fn an_instructor_reads_the_guide_the_blocks_and_the_answer_key() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_instructor();

    let outline = s.course_outline(COURSE).unwrap();
    let last = outline.sections.last().unwrap();
    assert_eq!(last.kind, "instructor");
    assert_eq!(last.modules.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), [GUIDE]);

    let guide = s.open_module(COURSE, GUIDE).unwrap();
    assert!(guide.instructor_only && guide.html.contains("讲师手册"));
    let case = s.open_module(COURSE, CASE).unwrap();
    assert!(case.html.contains("<div class=\"qx-instructor\">") && case.html.contains("参考答案"), "{}", case.html);
    assert!(s.search("讲师手册").unwrap().hits.iter().any(|h| h.module_id.as_deref() == Some(GUIDE)));
    let key = s.asset_file("/acme.demo/assets/instructor/answer-key.txt").unwrap();
    assert!(fs::read_to_string(key).unwrap().contains("参考答案"));
    assert!(s.asset_file("/acme.demo/modules/03-case.md").is_err(), "module sources are nobody's");
}

#[test]
fn instructor_only_modules_do_not_count_towards_a_learners_progress() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_learner();
    let modules: Vec<String> = s
        .course_outline(COURSE)
        .unwrap()
        .sections
        .iter()
        .flat_map(|sec| sec.modules.iter().map(|m| m.id.clone()))
        .collect();
    assert_eq!(modules.len(), 3);
    for id in &modules {
        s.open_module(COURSE, id).unwrap();
        s.complete_module(COURSE, id).unwrap();
    }
    let course = s.course_outline(COURSE).unwrap().course;
    assert_eq!((course.completed_count, course.module_count), (3, 3));
}

#[test]
fn the_glossary_is_served_in_order_and_module_links_point_at_its_terms() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_learner();
    let terms = s.course_glossary(COURSE).unwrap();
    let names: Vec<&str> = terms.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["新增粉丝数", "退群率", "活跃率"]);
    assert_eq!(terms[1].anchor, "qx-term-churn-rate");
    assert_eq!(terms[1].formula.as_deref(), Some("退群人数 ÷ 期初成员数 × 100%"));
    assert!(terms[1].definition_html.contains("期初成员数"));
    let case = s.open_module(COURSE, CASE).unwrap();
    assert!(case.html.contains("href=\"#qx-term-activity-rate\""), "{}", case.html);
    assert!(case.html.contains(">活跃率</a>"), "{}", case.html);
}

/// The `good` pack with the activities criterion made a gate capping at 20 %.
fn gated_pack(into: &Path) {
    copy_dir(&fixture("good"), into);
    let rubrics = into.join("quizzes/demo/rubrics.toml");
    let text = fs::read_to_string(&rubrics).unwrap().replace(
        "title = \"第一周互动可执行\"\n",
        "title = \"第一周互动可执行\"\n[rubric.criterion.gate]\ncap_percent = 20\nreason = \"没有可执行的互动：本作业最高 20 分。\"\n",
    );
    fs::write(rubrics, text).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_gate_at_its_lowest_level_caps_the_released_grade_and_the_learner_sees_why() {
    let pack = tempfile::tempdir().unwrap();
    gated_pack(pack.path());
    let machine = Machine::with_pack(pack.path());

    let s = machine.as_learner();
    s.task_save_draft(COURSE, "task-plan", "目标成员：门店三公里内的宝妈。", &[]).unwrap();
    let version = s.task_submit(COURSE, "task-plan").unwrap();

    let s = machine.as_instructor();
    let mark = |activities: usize| MarkInput {
        levels: [("audience".to_string(), 1), ("activities".to_string(), activities)].into(),
        comments: Default::default(),
        feedback: "目标成员清楚。".into(),
        complete: true,
    };
    // Audience at its best, activities (the gate) at its lowest: 2 of 5 points
    // would be 40, the gate caps it at 20.
    s.grading_save_mark(&version.id, &mark(0)).unwrap();
    let released = s.grading_release(&version.id).unwrap();
    assert!((released.grade - 20.0).abs() < 1e-9, "{}", released.grade);
    let cap = released.capped_by.clone().expect("the gate applied");
    assert_eq!(cap.criterion_id, "activities");

    let s = machine.as_learner();
    let page = s.task_page(COURSE, "task-plan").unwrap();
    let result = page.versions[0].result.as_ref().expect("released");
    assert!((result.grade - 20.0).abs() < 1e-9);
    assert_eq!(result.capped_by.as_ref().map(|c| c.reason.as_str()), Some("没有可执行的互动：本作业最高 20 分。"));
}

/// The `good` pack at version 1.0.1, where q-single's key says option 1
/// (持续互动) instead of option 2 (人数过百).
fn rekeyed_pack(into: &Path) {
    copy_dir(&fixture("good"), into);
    let manifest = into.join("courses/demo/course.toml");
    let text = fs::read_to_string(&manifest).unwrap().replace("version = \"1.0.0\"", "version = \"1.0.1\"");
    fs::write(manifest, text).unwrap();
    let bank = into.join("quizzes/demo/banks/intro.toml");
    let text = fs::read_to_string(&bank).unwrap().replacen("answer = 2\n", "answer = 1\n", 1);
    fs::write(bank, text).unwrap();
}

/// Hands in quiz-intro answering only q-single with the option at `index`
/// of the pack's list (keys name the pack's option, however it is shuffled).
fn answer_single(s: &Session, index: usize) -> String {
    let attempt = s.start_quiz(COURSE, "quiz-intro").unwrap();
    s.save_answer(&attempt.attempt_id, "q-single", &LearnerAnswer::Choice(option_key(index))).unwrap();
    s.submit_attempt(&attempt.attempt_id).unwrap();
    attempt.attempt_id
}

#[test]
fn a_corrected_key_changes_no_saved_score_until_the_instructor_regrades_exactly_the_affected_attempts() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_learner();
    let right_before = answer_single(s, 2);
    let right_after = answer_single(s, 1);
    let unaffected = answer_single(s, 0);
    let score = |s: &Session, id: &str| s.attempt_result(id).unwrap().score;
    let before = [score(s, &right_before), score(s, &right_after), score(s, &unaffected)];
    assert_eq!(before, [1.0, 0.0, 0.0], "q-single is worth one point");

    let pack = tempfile::tempdir().unwrap();
    rekeyed_pack(pack.path());
    let admin = machine.admin.clone();
    machine.session.switch_profile(&admin, Some(ADMIN_PIN)).unwrap();
    machine.session.import_pack(pack.path(), false, &mut |_| {}).unwrap();

    // Saved attempts keep their scores.
    let s = machine.as_learner();
    assert_eq!([score(s, &right_before), score(s, &right_after), score(s, &unaffected)], before);
    forbidden(s.quiz_key_changes(COURSE), "quiz_key_changes");
    forbidden(s.regrade_question(COURSE, "q-single"), "regrade_question");

    // The instructor sees the change and the two attempts it moves, not the third.
    let s = machine.as_instructor();
    let changes = s.quiz_key_changes(COURSE).unwrap();
    assert_eq!(changes.len(), 1, "only q-single's key changed: {changes:?}");
    let change = &changes[0];
    assert_eq!(
        (change.question_id.as_str(), change.from_version.as_str(), change.to_version.as_str()),
        ("q-single", "1.0.0", "1.0.1")
    );
    let moved: Vec<(&str, f64, f64)> =
        change.affected.iter().map(|a| (a.attempt_id.as_str(), a.score_before, a.score_after)).collect();
    assert_eq!(moved, [(right_before.as_str(), 1.0, 0.0), (right_after.as_str(), 0.0, 1.0)]);

    let outbox_before = outbox_len(&machine);
    let report = s.regrade_question(COURSE, "q-single").unwrap();
    assert_eq!(report.changes.len(), 2);
    assert_eq!(outbox_len(&machine), outbox_before + 2, "the LRS gets each corrected outcome");

    let s = machine.as_learner();
    assert_eq!([score(s, &right_before), score(s, &right_after), score(s, &unaffected)], [0.0, 1.0, 0.0]);
    let s = machine.as_instructor();
    let after = s.quiz_key_changes(COURSE).unwrap();
    assert!(after[0].regraded_at.is_some() && after[0].affected.is_empty(), "{after:?}");
}

fn outbox_len(machine: &Machine) -> i64 {
    let conn = rusqlite::Connection::open(machine._data.db()).unwrap();
    conn.query_row("SELECT COUNT(*) FROM xapi_outbox", [], |r| r.get(0)).unwrap()
}

/// Issue 28: a question's image (as a converted Moodle bank links it,
/// `assets/<name>` in the course folder) is served from the course's folder
/// in the quiz a learner takes.
#[test]
fn a_question_image_is_served_from_the_course_folder() {
    let pack = tempfile::tempdir().unwrap();
    copy_dir(&fixture("good"), pack.path());
    let bank = pack.path().join("quizzes/demo/banks/intro.toml");
    let text = fs::read_to_string(&bank).unwrap().replacen(
        "stem = \"哪一项**不是**社群的要素？\"",
        "stem = \"![增长曲线](assets/growth.png)哪一项**不是**社群的要素？\"",
        1,
    );
    fs::write(&bank, text).unwrap();
    let machine = Machine::with_pack(pack.path());
    let s = machine.as_learner();
    let attempt = s.start_quiz(COURSE, "quiz-intro").unwrap();
    let question = attempt.questions.iter().find(|q| q.id == "q-single").unwrap();
    let src = qunxue_app::assets::asset_url(COURSE, "assets/growth.png");
    assert!(question.stem_html.contains(&format!("src=\"{src}\"")), "{}", question.stem_html);
    assert!(s.asset_file("/acme.demo/assets/growth.png").is_ok());
}

/// Issue 29: a module's images keep loading while something (an import)
/// holds the database: the asset protocol answers from the folder it last
/// served to this reader instead of waiting.
#[test]
fn course_files_keep_loading_while_an_import_holds_the_database() {
    let machine = Machine::with_pack(&fixture("good"));
    let s = machine.as_learner();
    assert!(s.asset_file("/acme.demo/assets/growth.png").is_ok());
    std::thread::scope(|scope| {
        let held = s.hold_database();
        let (sent, answered) = std::sync::mpsc::channel();
        scope.spawn(move || {
            let _ = sent.send(s.asset_file("/acme.demo/assets/growth.png").map(|p| p.is_file()));
        });
        let answer = answered.recv_timeout(std::time::Duration::from_secs(5));
        drop(held);
        assert!(matches!(answer, Ok(Ok(true))), "the image waited for the database: {answer:?}");
        // Instructor-only files stay refused from the remembered grant too.
        let scope_check = s.hold_database();
        let (sent, answered) = std::sync::mpsc::channel();
        scope.spawn(move || {
            let _ = sent.send(s.asset_file("/acme.demo/assets/instructor/answer-key.txt").is_err());
        });
        let refused = answered.recv_timeout(std::time::Duration::from_secs(5));
        drop(scope_check);
        assert_eq!(refused, Ok(true));
    });
}
