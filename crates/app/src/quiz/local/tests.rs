//! Local quizzes from GIFT and Aiken files, on a real SQLite file.

use chrono::{DateTime, TimeZone, Utc};
use qunxue_core::pack::model::FeedbackMode;
use qunxue_core::quiz::QuestionFileFormat;
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::{questions, Store};
use serde_json::json;

use super::*;
use crate::quiz::fixture::{self, COURSE, PROFILE};
use crate::quiz::{attempt_result, save_answer, start_quiz, submit_attempt};
use crate::ErrorKind;

const TEACHER: &str = "p-teacher";

/// Three questions: a single choice with per-option feedback, a multiple
/// choice and a true/false item.
const GOOD_GIFT: &str = "// 社群基础\n\
::拉新:: 社群冷启动阶段最先要明确的是？{=社群定位 #先想清楚为谁解决什么问题 ~群规模 ~红包预算}\n\
\n\
::留存:: 以下哪些做法能提高七日留存？{~%50%新人欢迎仪式 ~%50%固定的每日话题 ~%-100%频繁刷屏广告}\n\
\n\
::活跃:: 群里发红包总能带来长期活跃。{F}\n";

/// Line 4 has an answer block that never closes.
const BROKEN_GIFT: &str = "::好题:: 私域流量的核心是？{=信任 ~曝光}\n\
\n\
::坏题::\n\
社群的核心是什么？{=信任 ~流量\n";

const AIKEN: &str = "社群运营的北极星指标通常选哪一个？\n\
A. 群成员总数\n\
B. 每周有效互动人数\n\
C. 每日消息条数\n\
ANSWER: B\n";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

struct Setup {
    dir: tempfile::TempDir,
    store: Store,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
        fixture::install(&mut store, &[fixture::quiz(json!({}))]).unwrap();
        store
            .transact(|tx| -> qunxue_store::Result<()> {
                profiles::insert(tx, &Profile::learner(TEACHER, "王老师", "2026-01-01T00:00:00Z"))?;
                profiles::set_role(tx, TEACHER, Role::Instructor)
            })
            .unwrap();
        Setup { dir, store }
    }

    fn file(&self, name: &str, text: &[u8]) -> std::path::PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn request(&self, name: &str, text: &str, format: QuestionFileFormat, partial: bool) -> LocalQuizRequest {
        LocalQuizRequest {
            path: self.file(name, text.as_bytes()),
            format,
            partial,
            title: "第三章 补充练习".into(),
            pass_mark: 0.6,
            feedback: FeedbackMode::Immediate,
        }
    }
}

#[test]
fn quiz_local_preview_marks_right_answers_and_saves_nothing() {
    let setup = Setup::new();
    let path = setup.file("基础.gift", GOOD_GIFT.as_bytes());
    let preview = preview_question_file(setup.store.conn(), TEACHER, &path, QuestionFileFormat::Gift).unwrap();
    assert_eq!(preview.file_name, "基础.gift");
    assert_eq!(preview.error_count, 0);
    let kinds: Vec<&str> = preview.questions.iter().map(|q| q.kind.as_str()).collect();
    assert_eq!(kinds, ["single", "multiple", "true_false"]);
    let first = &preview.questions[0];
    assert!(first.stem_html.contains("最先要明确"));
    let correct: Vec<bool> = first.options.iter().map(|o| o.correct).collect();
    assert_eq!(correct, [true, false, false]);
    assert_eq!(first.correct_answer, "社群定位");
    let second: Vec<bool> = preview.questions[1].options.iter().map(|o| o.correct).collect();
    assert_eq!(second, [true, true, false]);
    assert_eq!(preview.questions[2].correct_answer, "错误");
    assert!(local_quizzes(&mut Setup::new().store, PROFILE, COURSE, t0()).unwrap().is_empty());
}

#[test]
fn quiz_local_preview_lists_each_broken_item_by_line() {
    let setup = Setup::new();
    let path = setup.file("坏.gift", BROKEN_GIFT.as_bytes());
    let preview = preview_question_file(setup.store.conn(), TEACHER, &path, QuestionFileFormat::Gift).unwrap();
    assert_eq!(preview.questions.len(), 1, "the good item still shows");
    assert_eq!(preview.error_count, 1);
    let error = preview.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!((error.file.as_str(), error.line), ("坏.gift", 4), "{error}");
}

#[test]
fn quiz_local_import_is_all_or_nothing_unless_partial() {
    let mut setup = Setup::new();
    let request = setup.request("坏.gift", BROKEN_GIFT, QuestionFileFormat::Gift, false);
    let refused = import_local_quiz(&mut setup.store, TEACHER, COURSE, &request, t0()).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert!(refused.to_string().starts_with("坏.gift:4:"), "{refused}");
    assert!(local_quizzes(&mut setup.store, TEACHER, COURSE, t0()).unwrap().is_empty());
    assert_eq!(questions::list_questions(setup.store.conn(), COURSE).unwrap().len(), 5, "only the pack's questions");

    let partial = LocalQuizRequest { partial: true, ..request };
    let created = import_local_quiz(&mut setup.store, TEACHER, COURSE, &partial, t0()).unwrap();
    assert_eq!((created.question_count, created.skipped_errors), (1, 1));
    let listed = local_quizzes(&mut setup.store, TEACHER, COURSE, t0()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].title.as_str(), listed[0].question_count), ("第三章 补充练习", 1));
}

#[test]
fn quiz_local_quiz_is_taken_like_any_other_and_survives_a_pack_update() {
    let mut setup = Setup::new();
    let request = setup.request("基础.gift", GOOD_GIFT, QuestionFileFormat::Gift, false);
    let created = import_local_quiz(&mut setup.store, TEACHER, COURSE, &request, t0()).unwrap();
    assert_eq!(created.question_count, 3);

    // The course is installed again (a newer pack): the local quiz stays.
    fixture::install(&mut setup.store, &[fixture::quiz(json!({}))]).unwrap();
    let listed = local_quizzes(&mut setup.store, PROFILE, COURSE, t0()).unwrap();
    assert_eq!(listed.len(), 1);

    let view = start_quiz(&mut setup.store, PROFILE, COURSE, &created.quiz_id, t0()).unwrap();
    assert_eq!(view.questions.len(), 3);
    let tf = view.questions.iter().find(|q| q.kind == "true_false").unwrap();
    assert!(tf.id.starts_with(&created.quiz_id), "question ids are scoped to the quiz: {}", tf.id);
    let saved = save_answer(
        &mut setup.store,
        PROFILE,
        &view.attempt_id,
        &tf.id,
        &serde_json::from_value(json!({"value": false})).unwrap(),
        t0(),
    )
    .unwrap();
    assert_eq!(saved.feedback.unwrap().correct, Some(true), "immediate feedback as chosen on import");
    submit_attempt(&mut setup.store, PROFILE, &view.attempt_id, t0()).unwrap();
    let listed = local_quizzes(&mut setup.store, PROFILE, COURSE, t0()).unwrap();
    assert!(!listed[0].in_progress);
    assert!(listed[0].best_percent.unwrap() > 30.0);

    // Withdrawn: no longer listed, but the attempt can still be reviewed.
    archive_local_quiz(&mut setup.store, TEACHER, COURSE, &created.quiz_id).unwrap();
    assert!(local_quizzes(&mut setup.store, PROFILE, COURSE, t0()).unwrap().is_empty());
    let result = attempt_result(&mut setup.store, PROFILE, &view.attempt_id, t0()).unwrap();
    assert_eq!(result.items.len(), 3);
}

#[test]
fn quiz_local_aiken_files_import_too() {
    let mut setup = Setup::new();
    let request = setup.request("指标.txt", AIKEN, QuestionFileFormat::Aiken, false);
    let created = import_local_quiz(&mut setup.store, TEACHER, COURSE, &request, t0()).unwrap();
    assert_eq!(created.question_count, 1);
    let listed = local_quizzes(&mut setup.store, TEACHER, COURSE, t0()).unwrap();
    assert_eq!((listed[0].file_name.as_str(), listed[0].format.as_str()), ("指标.txt", "aiken"));
}

#[test]
fn quiz_local_import_refuses_bad_requests_with_clear_messages() {
    let mut setup = Setup::new();
    let untitled =
        LocalQuizRequest { title: "  ".into(), ..setup.request("a.gift", GOOD_GIFT, QuestionFileFormat::Gift, false) };
    assert!(import_local_quiz(&mut setup.store, TEACHER, COURSE, &untitled, t0())
        .unwrap_err()
        .to_string()
        .contains("title"));
    let no_pass =
        LocalQuizRequest { pass_mark: 0.0, ..setup.request("a.gift", GOOD_GIFT, QuestionFileFormat::Gift, false) };
    assert!(import_local_quiz(&mut setup.store, TEACHER, COURSE, &no_pass, t0())
        .unwrap_err()
        .to_string()
        .contains("pass mark"));
    let unknown_course = setup.request("a.gift", GOOD_GIFT, QuestionFileFormat::Gift, false);
    assert_eq!(
        import_local_quiz(&mut setup.store, TEACHER, "no-such-course", &unknown_course, t0()).unwrap_err().kind(),
        ErrorKind::NotFound
    );

    // A GBK-encoded file: the first byte that is not UTF-8 is named.
    let gbk = setup.file("旧.gift", b"::a:: ok {T}\n\xc9\xe7\xc8\xba {T}\n");
    let error = preview_question_file(setup.store.conn(), TEACHER, &gbk, QuestionFileFormat::Gift).unwrap_err();
    assert_eq!(error.to_string(), "旧.gift:2:1: the file is not UTF-8 text; save it as UTF-8 and try again");
    let missing = setup.dir.path().join("missing.gift");
    assert_eq!(
        preview_question_file(setup.store.conn(), TEACHER, &missing, QuestionFileFormat::Gift).unwrap_err().kind(),
        ErrorKind::Io
    );
    assert!(local_quizzes(&mut setup.store, TEACHER, COURSE, t0()).unwrap().is_empty());
}

#[test]
fn quiz_local_learners_cannot_preview_import_or_withdraw() {
    let mut setup = Setup::new();
    let request = setup.request("基础.gift", GOOD_GIFT, QuestionFileFormat::Gift, false);
    let forbidden = |e: crate::AppError| assert_eq!(e.kind(), ErrorKind::Forbidden, "{e}");
    forbidden(preview_question_file(setup.store.conn(), PROFILE, &request.path, request.format).unwrap_err());
    forbidden(import_local_quiz(&mut setup.store, PROFILE, COURSE, &request, t0()).unwrap_err());
    let created = import_local_quiz(&mut setup.store, TEACHER, COURSE, &request, t0()).unwrap();
    forbidden(archive_local_quiz(&mut setup.store, PROFILE, COURSE, &created.quiz_id).unwrap_err());
    assert_eq!(local_quizzes(&mut setup.store, PROFILE, COURSE, t0()).unwrap().len(), 1);
}

/// Issue 28: an instructor previews a Moodle XML bank like any other file;
/// its embedded image, which a practice quiz cannot serve, becomes its
/// description, and a warning says how to keep it.
#[test]
fn quiz_local_preview_reads_a_moodle_xml_bank() {
    let setup = Setup::new();
    let bank = include_bytes!("../../../../../tests/fixtures/quiz/moodle-bank.xml");
    let path = setup.file("moodle-bank.xml", bank);
    let preview = preview_question_file(setup.store.conn(), TEACHER, &path, QuestionFileFormat::MoodleXml).unwrap();
    assert_eq!(preview.error_count, 0, "{:?}", preview.diagnostics);
    assert_eq!(preview.questions.len(), 8);
    assert!(preview.questions[0].stem_html.contains("（图：漏斗示意图）"), "{}", preview.questions[0].stem_html);
    assert!(!preview.questions[0].stem_html.contains("<img"), "{}", preview.questions[0].stem_html);
    let image = &preview.questions[0].images[0];
    assert_eq!(image.description, "漏斗示意图");
    assert!(image.data_url.starts_with("data:image/png;base64,iVBOR"), "{}", image.data_url);
    assert!(preview.questions[1].images.is_empty());
    let warnings: Vec<&str> = preview.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(warnings.iter().any(|w| w.contains("1 embedded image(s)")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("(calculated) is left out")), "{warnings:?}");
}
