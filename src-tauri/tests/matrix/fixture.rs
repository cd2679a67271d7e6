//! The database every row of the matrix starts from, built once through the
//! app's own use-cases: the test pack `acme.demo` installed by an admin, an
//! admin, an instructor and two learners with PINs where their roles need
//! them, and for each of the three acting profiles the records a command
//! may act on (a finished and an open quiz attempt, a submission, a note, a
//! bookmark, survey answers), plus what the instructor's commands need (a
//! short answer to mark, a mark to release, a study, a comment, bundles).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use qunxue_app::accounts::NewProfile;
use qunxue_app::domain::quiz::LearnerAnswer;
use qunxue_app::domain::rows::Role;
use qunxue_app::impact::{ColumnMapping, StudyInput};
use qunxue_app::notes::NewNote;
use qunxue_app::quiz::local::LocalQuizRequest;
use qunxue_app::session::{system_clock, BundleKind, OpenOptions};
use qunxue_app::tasks::grading::MarkInput;
use qunxue_app::Session;

use super::Who;

pub(crate) const COURSE: &str = "acme.demo";
pub(crate) const QUIZ: &str = "quiz-intro";
pub(crate) const TASK: &str = "task-plan";
pub(crate) const ADMIN_PIN: &str = "975310";
pub(crate) const INSTRUCTOR_PIN: &str = "246810";

/// What one acting profile owns in the template.
#[derive(Debug, Clone)]
pub(crate) struct Own {
    pub profile: String,
    pub pin: Option<&'static str>,
    pub finished_attempt: String,
    pub open_attempt: String,
    pub version: String,
    pub attachment: String,
    pub note: String,
}

#[derive(Debug)]
pub(crate) struct Fixture {
    pub dir: tempfile::TempDir,
    pub repo: PathBuf,
    pub learner: Own,
    pub instructor: Own,
    pub admin: Own,
    /// A learner who is not acting: whose records others try to reach.
    pub other: String,
    pub other_attempt: String,
    pub other_version: String,
    pub study: String,
    pub study_input: serde_json::Value,
    pub mapping: serde_json::Value,
    pub comment: String,
    pub local_quiz: String,
    pub backup: String,
    /// Of the grades bundle at `in/grades.zip` (a submissions bundle is at
    /// `in/submissions.zip`, the learner's records at `in/records.zip`).
    pub grades_fingerprint: String,
    /// A class of the course every acting profile joined.
    pub class: String,
}

impl Fixture {
    pub(crate) fn own(&self, who: Who) -> &Own {
        match who {
            Who::Learner => &self.learner,
            Who::Instructor => &self.instructor,
            Who::Admin => &self.admin,
        }
    }

    pub(crate) fn data_dir(&self) -> &Path {
        self.dir.path()
    }
}

/// Built once per test binary.
pub(crate) fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(build)
}

fn named(name: &str) -> NewProfile {
    NewProfile::named(name)
}

fn answers() -> [(&'static str, LearnerAnswer); 6] {
    [
        ("q-single", LearnerAnswer::Choice("2".into())),
        ("q-multiple", LearnerAnswer::Choices(vec!["0".into(), "1".into()])),
        ("q-true-false", LearnerAnswer::Bool(false)),
        ("q-fill", LearnerAnswer::Blanks(vec!["私域".into()])),
        ("q-numeric", LearnerAnswer::Number(18.0)),
        ("q-short", LearnerAnswer::Text("让附近的顾客能反复被触达，也彼此认识。".into())),
    ]
}

fn build() -> Fixture {
    let repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        database_path: dir.path().join("qunxue.db"),
        data_dir: dir.path().to_path_buf(),
        bundled_pack: None,
        clock: system_clock(),
        zone: qunxue_app::session::system_zone(),
        lang: qunxue_app::domain::Lang::Zh,
    };
    let s = Session::start(options).unwrap().session;
    let learner = s.profile_id();
    let admin = s.add_profile(&named("管理员"), Role::Admin, Some(ADMIN_PIN)).unwrap().profile.id;
    switch(&s, &admin, Some(ADMIN_PIN));
    let instructor = s.add_profile(&named("王老师"), Role::Instructor, Some(INSTRUCTOR_PIN)).unwrap().profile.id;
    let other = s.add_profile(&named("李同学"), Role::Learner, None).unwrap().profile.id;
    s.import_pack(&repo.join("tests/fixtures/packs/good"), false, &mut |_| {}).unwrap();

    let own = |profile: &str, pin: Option<&'static str>| -> Own {
        switch(&s, profile, pin);
        for module in ["m01-intro", "m02-plan", "m03-case"] {
            s.open_module(COURSE, module).unwrap();
            s.complete_module(COURSE, module).unwrap();
        }
        let finished = s.start_quiz(COURSE, QUIZ).unwrap().attempt_id;
        for (question, answer) in answers() {
            s.save_answer(&finished, question, &answer).unwrap();
        }
        s.submit_attempt(&finished).unwrap();
        let open = s.start_quiz(COURSE, QUIZ).unwrap().attempt_id;
        s.save_answer(&open, "q-single", &LearnerAnswer::Choice("2".into())).unwrap();
        let attachment = s.task_add_attachment(COURSE, TASK, "方案.pdf", b"%PDF-1.7 plan").unwrap();
        s.task_save_draft(
            COURSE,
            TASK,
            "## 建群方案\n\n目标成员：门店三公里内的老顾客。",
            std::slice::from_ref(&attachment),
        )
        .unwrap();
        let version = s.task_submit(COURSE, TASK).unwrap().id;
        s.task_save_draft(COURSE, TASK, "## 建群方案（第二版）", &[]).unwrap();
        let note = s
            .add_note(&NewNote {
                course_id: COURSE.into(),
                module_id: "m01-intro".into(),
                body: "三要素：共同点、持续互动、身份规则。".into(),
                quote: None,
                anchor: None,
            })
            .unwrap()
            .id;
        s.set_bookmark(COURSE, "m01-intro", true).unwrap();
        s.save_reading_position(
            COURSE,
            "m01-intro",
            &serde_json::from_value(serde_json::json!({"anchor": null, "ratio": 0.4})).unwrap(),
        )
        .unwrap();
        s.submit_survey(
            COURSE,
            "survey-satisfaction",
            &serde_json::from_value::<Vec<_>>(serde_json::json!([{"itemId": "overall", "rating": 5}])).unwrap(),
        )
        .unwrap();
        Own {
            profile: profile.into(),
            pin,
            finished_attempt: finished,
            open_attempt: open,
            version,
            attachment: attachment.sha256,
            note,
        }
    };
    // A class the instructor created; every acting profile joins it below.
    switch(&s, &instructor, Some(INSTRUCTOR_PIN));
    let class = s.create_class(COURSE, "华东门店一期").unwrap().id;
    let own = |profile: &str, pin: Option<&'static str>| -> Own {
        let own = own(profile, pin);
        s.join_class(COURSE, &class).unwrap();
        own
    };
    let learner_own = own(&learner, None);
    let instructor_own = own(&instructor, Some(INSTRUCTOR_PIN));
    let admin_own = own(&admin, Some(ADMIN_PIN));

    // The other learner's work waits for the instructor.
    switch(&s, &other, None);
    let other_attempt = s.start_quiz(COURSE, QUIZ).unwrap().attempt_id;
    for (question, answer) in answers() {
        s.save_answer(&other_attempt, question, &answer).unwrap();
    }
    s.submit_attempt(&other_attempt).unwrap();
    s.task_save_draft(COURSE, TASK, "## 我的方案", &[]).unwrap();
    let other_version = s.task_submit(COURSE, TASK).unwrap().id;
    switch(&s, &learner, None);
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    s.export_records(
        COURSE,
        &qunxue_app::records::bundle::Whose::Learner(learner.clone()),
        &dir.path().join("in/records.zip"),
    )
    .unwrap();
    switch(&s, &other, None);
    let submissions_bundle = dir.path().join("in/submissions.zip");
    std::fs::create_dir_all(submissions_bundle.parent().unwrap()).unwrap();
    s.export_submissions(COURSE, &submissions_bundle).unwrap();

    // The instructor marks every acting profile's short answer in full (so
    // their quizzes pass and certificates can be had), releases the
    // learner's task grade, and leaves the other learner's work waiting.
    switch(&s, &instructor, Some(INSTRUCTOR_PIN));
    for attempt in [&learner_own.finished_attempt, &instructor_own.finished_attempt, &admin_own.finished_attempt] {
        s.grade_answer(attempt, "q-short", 1.0, Some("言之有理。")).unwrap();
    }
    let full = MarkInput {
        levels: [("audience".to_string(), 1), ("activities".to_string(), 1)].into(),
        comments: Default::default(),
        feedback: "结构清楚。".into(),
        complete: true,
    };
    s.grading_save_mark(&learner_own.version, &full).unwrap();
    s.grading_release(&learner_own.version).unwrap();
    s.grading_save_mark(&other_version, &full).unwrap();
    let grades_bundle = dir.path().join("in/grades.zip");
    s.export_grades_for(COURSE, &learner, &grades_bundle).unwrap();
    let comment = s.comment_bank_add(COURSE, None, "请把负责人写到每一项上。").unwrap().id;
    // A second marker's complete mark, so either may release and moderation has two marks.
    switch(&s, &admin, Some(ADMIN_PIN));
    s.grading_save_mark(&other_version, &full).unwrap();
    switch(&s, &instructor, Some(INSTRUCTOR_PIN));
    let local_quiz = s
        .import_local_quiz(
            COURSE,
            &serde_json::from_value::<LocalQuizRequest>(serde_json::json!({
                "path": repo.join("tests/fixtures/quiz/aiken-sample.txt"),
                "format": "aiken",
                "title": "课后练习",
                "passMark": 0.6,
                "feedback": "after_submit",
            }))
            .unwrap(),
        )
        .unwrap()
        .quiz_id;

    let metrics = s.impact_metric_templates(COURSE).unwrap();
    let mut input: StudyInput = qunxue_app::impact::fixture::study_input();
    input.course_id = COURSE.into();
    input.metrics = metrics;
    input.treatment = vec!["s01".into(), "s02".into()];
    let study = s.impact_create_study(&input).unwrap().id;
    let mapping = ColumnMapping { learner: 0, group: Some(1), metric: 2, period: 3, value: 4 };
    s.impact_import(&study, &repo.join("tests/fixtures/packs/good/quizzes/demo/data/sample-impact.csv"), &mapping)
        .unwrap();
    let backup = s.create_backup_now().unwrap().file_name;
    let grades_fingerprint =
        qunxue_app::tasks::bundles::bundle_fingerprint(&grades_bundle, BundleKind::Grades).unwrap();

    // The app opens with the learner.
    switch(&s, &learner, None);
    drop(s);
    Fixture {
        dir,
        repo,
        learner: learner_own,
        instructor: instructor_own,
        admin: admin_own,
        other,
        other_attempt,
        other_version,
        study,
        study_input: serde_json::to_value(&input).unwrap(),
        mapping: serde_json::to_value(mapping).unwrap(),
        comment,
        local_quiz,
        backup,
        grades_fingerprint,
        class,
    }
}

fn switch(session: &Session, profile: &str, pin: Option<&str>) {
    let outcome = session.switch_profile(profile, pin).unwrap();
    assert!(matches!(outcome, qunxue_app::accounts::SwitchOutcome::Switched { .. }), "{outcome:?}");
}
