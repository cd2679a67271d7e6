//! Service tests on a real (in-memory or temporary-file) SQLite store.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use qunxue_store::Store;

use super::analytics;
use super::attachments::add_attachment;
use super::bundles::{
    export_grades, export_submissions, import_grades, import_submissions, trust_bundle_key, BundleKind,
};
use super::comment_bank;
use super::fixture::{self, COURSE, INSTRUCTOR, LEARNER, SECOND_MARKER, TASK};
use super::grading::{self, MarkInput};
use super::learner;
use super::queue::{self, QueueFilter, QueueStatus};
use crate::{AppError, ErrorKind, Lang};

fn t(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + Duration::seconds(seconds)
}

fn store(allow_resubmit: bool) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fixture::install(&mut store, allow_resubmit).unwrap();
    store
}

fn submit(store: &mut Store, text: &str, at: i64) -> String {
    learner::save_draft(store, LEARNER, COURSE, TASK, text, &[], t(at)).unwrap();
    learner::submit(store, LEARNER, COURSE, TASK, t(at + 1)).unwrap().id
}

fn input(purpose: usize, action: usize, complete: bool) -> MarkInput {
    MarkInput {
        levels: BTreeMap::from([("purpose".to_string(), purpose), ("action".to_string(), action)]),
        comments: BTreeMap::from([("action".to_string(), "活动时间写得很清楚".to_string())]),
        feedback: "整体不错".into(),
        complete,
    }
}

#[test]
fn draft_submit_and_resubmission_rules() {
    let mut s = store(false);
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    assert!(page.task.instructions_html.contains("<strong>群的用途</strong>"));
    assert_eq!(page.task.rubric.criteria.len(), 2);
    assert!(page.draft.is_none() && page.can_submit);

    let empty = learner::submit(&mut s, LEARNER, COURSE, TASK, t(0)).unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::InvalidInput);
    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "   ", &[], t(1)).unwrap();
    assert!(learner::submit(&mut s, LEARNER, COURSE, TASK, t(2)).unwrap_err().to_string().contains("empty"));

    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "草稿 <script>alert(1)</script>", &[], t(3)).unwrap();
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    assert_eq!(page.draft.unwrap().saved_at, "2026-03-01T09:00:03.000Z");
    let version = learner::submit(&mut s, LEARNER, COURSE, TASK, t(4)).unwrap();
    assert_eq!(version.number, 1);
    assert!(!version.html.contains("<script"), "submitted Markdown is sanitised: {}", version.html);

    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    assert!(page.draft.is_none(), "submitting clears the draft");
    assert_eq!(page.versions.len(), 1);
    assert!(!page.can_submit, "this task allows no resubmission");
    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "第二版", &[], t(5)).unwrap();
    assert!(learner::submit(&mut s, LEARNER, COURSE, TASK, t(6)).unwrap_err().to_string().contains("resubmission"));

    let mut s = store(true);
    submit(&mut s, "第一版", 0);
    let second = submit(&mut s, "第二版", 10);
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    assert_eq!(page.versions.iter().map(|v| v.version.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(page.versions[1].version.id, second);
}

#[test]
fn attachments_are_checked_and_stored_by_hash() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(true);
    let a = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "截图.PNG", b"png bytes", t(0)).unwrap();
    // sha256("png bytes"), computed independently with Python's hashlib.
    assert_eq!(a.sha256, "d013614dc14a37ee20fe92005737ab7d3427e7e93580ad56ef8a42205e7f7a4e");
    assert_eq!(std::fs::read(dir.path().join("attachments").join(&a.sha256)).unwrap(), b"png bytes");
    assert_eq!(a.media_type, "image/png");
    let same = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "again.png", b"png bytes", t(1)).unwrap();
    assert_eq!(same.sha256, a.sha256, "same content, same blob");

    let exe = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "run.exe", b"MZ", t(0)).unwrap_err();
    assert_eq!(exe.kind(), ErrorKind::InvalidInput);
    assert!(exe.to_string().contains(".exe"), "{exe}");
    let xlsx = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "表.xlsx", b"x", t(0)).unwrap_err();
    assert!(xlsx.to_string().contains("png, pdf, docx"), "the task narrows the app's list: {xlsx}");
    assert!(xlsx.text(Lang::Zh).contains("png、pdf、docx"), "the task narrows the app's list: {xlsx}");
    let big = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "大.pdf", &vec![0u8; 1024 * 1024 + 1], t(0))
        .unwrap_err();
    assert!(big.to_string().contains("1 MB"), "{big}");

    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "见附件", std::slice::from_ref(&a), t(2)).unwrap();
    let v = learner::submit(&mut s, LEARNER, COURSE, TASK, t(3)).unwrap();
    assert_eq!(v.attachments, std::slice::from_ref(&a));
    let forged = super::AttachmentRef { sha256: "0".repeat(64), ..a };
    assert_eq!(
        learner::save_draft(&mut s, LEARNER, COURSE, TASK, "x", &[forged], t(4)).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn attachments_are_read_back_inline_or_as_a_copy_by_the_owner_and_instructors_only() {
    use super::attachment_access::{inline_image, save_attachment_copy};
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(true);
    let png = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "海报.png", b"\x89PNG fake", t(0)).unwrap();
    let pdf = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "方案.pdf", b"%PDF-1.7 plan", t(0)).unwrap();
    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "见附件", &[png.clone(), pdf.clone()], t(1)).unwrap();
    let v = learner::submit(&mut s, LEARNER, COURSE, TASK, t(2)).unwrap().id;

    let image = inline_image(&s, dir.path(), INSTRUCTOR, &v, &png.sha256).unwrap();
    // base64("\x89PNG fake") = "iVBORyBmYWtl", worked out by hand.
    assert_eq!(image.data_url, "data:image/png;base64,iVBORyBmYWtl");
    assert_eq!(image.name, "海报.png");
    assert_eq!(inline_image(&s, dir.path(), LEARNER, &v, &png.sha256).unwrap(), image, "the owner may see it");
    let not_image = inline_image(&s, dir.path(), INSTRUCTOR, &v, &pdf.sha256).unwrap_err();
    assert_eq!(not_image.kind(), ErrorKind::InvalidInput);

    let out = dir.path().join("copy.pdf");
    assert_eq!(save_attachment_copy(&s, dir.path(), INSTRUCTOR, &v, &pdf.sha256, &out).unwrap(), 13);
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 plan");

    // Another learner, and a hash the version does not list, open nothing.
    s.transact(|tx| {
        qunxue_store::profiles::insert(tx, &qunxue_store::profiles::Profile::learner("p-other", "赵一", "2026-01-01"))
    })
    .unwrap();
    let other = inline_image(&s, dir.path(), "p-other", &v, &png.sha256).unwrap_err();
    assert_eq!(other.kind(), ErrorKind::Forbidden);
    // Nor can they attach it to their own draft to read it from there.
    let borrowed =
        learner::save_draft(&mut s, "p-other", COURSE, TASK, "借用", std::slice::from_ref(&png), t(2)).unwrap_err();
    assert_eq!(borrowed.kind(), ErrorKind::InvalidInput, "{borrowed}");
    assert!(borrowed.text(Lang::Zh).contains("不是你上传的"), "{borrowed}");
    // The owner may carry it into a new draft after submitting.
    learner::save_draft(&mut s, LEARNER, COURSE, TASK, "第二版", std::slice::from_ref(&png), t(3)).unwrap();
    let stray = add_attachment(&mut s, dir.path(), LEARNER, COURSE, TASK, "别的.png", b"other", t(3)).unwrap();
    let unlisted = inline_image(&s, dir.path(), INSTRUCTOR, &v, &stray.sha256).unwrap_err();
    assert_eq!(unlisted.kind(), ErrorKind::NotFound);
    // A blob damaged on disk is reported, not shown.
    std::fs::write(dir.path().join("attachments").join(&png.sha256), b"changed").unwrap();
    assert_eq!(inline_image(&s, dir.path(), INSTRUCTOR, &v, &png.sha256).unwrap_err().kind(), ErrorKind::Internal);
}

#[test]
fn grading_release_and_the_learner_sees_levels_and_comments() {
    let mut s = store(true);
    let v = submit(&mut s, "欢迎来到麦田小屋读书群", 0);
    let queue = queue::grading_queue(&s, INSTRUCTOR, COURSE, &QueueFilter::default()).unwrap().rows;
    assert_eq!((queue.len(), queue[0].status, queue[0].learner_name.as_str()), (1, QueueStatus::Ungraded, "林小雨"));

    let draft = grading::save_mark(
        &mut s,
        INSTRUCTOR,
        &v,
        &MarkInput { levels: BTreeMap::from([("purpose".into(), 2)]), ..Default::default() },
        t(5),
    )
    .unwrap();
    assert_eq!((draft.status.as_str(), draft.grade), ("draft", None), "a partial draft has no grade yet");
    assert!(grading::release(&mut s, INSTRUCTOR, &v, t(6)).unwrap_err().to_string().contains("complete your mark"));
    let incomplete =
        grading::save_mark(&mut s, INSTRUCTOR, &v, &MarkInput { complete: true, ..Default::default() }, t(6))
            .unwrap_err();
    assert!(incomplete.text(Lang::Zh).contains("定位清晰、行动引导"), "{incomplete}");
    let bad_level = grading::save_mark(
        &mut s,
        INSTRUCTOR,
        &v,
        &MarkInput { levels: BTreeMap::from([("action".into(), 3)]), ..Default::default() },
        t(6),
    );
    assert!(bad_level.unwrap_err().text(Lang::Zh).contains("第 4 档"));

    // purpose 优秀 (4) + action 基本达标 (3) = 7 of 0…10 → 70.
    let mark = grading::save_mark(&mut s, INSTRUCTOR, &v, &input(2, 1, true), t(7)).unwrap();
    assert_eq!((mark.points, mark.grade), (Some(7.0), Some(70.0)));
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    assert!(page.versions[0].result.is_none(), "nothing is visible before release");

    let result = grading::release(&mut s, INSTRUCTOR, &v, t(8)).unwrap();
    assert_eq!((result.grade, result.method.as_str(), result.released_by.as_str()), (70.0, "single", "王老师"));
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    let seen = page.versions[0].result.as_ref().unwrap();
    assert_eq!(seen.levels["purpose"], 2);
    assert_eq!(seen.comments["action"], "活动时间写得很清楚");
    assert_eq!(seen.feedback, "整体不错");
    let released = QueueFilter { status: Some(QueueStatus::Released), ..Default::default() };
    assert_eq!(queue::grading_queue(&s, INSTRUCTOR, COURSE, &released).unwrap().rows.len(), 1);
    let other = QueueFilter { learner_id: Some("someone".into()), ..Default::default() };
    assert!(queue::grading_queue(&s, INSTRUCTOR, COURSE, &other).unwrap().rows.is_empty());
}

#[test]
fn the_queue_comes_in_pages_with_counts_per_status_and_every_task() {
    let mut s = store(true);
    let versions: Vec<String> = (0..7).map(|i| submit(&mut s, &format!("第 {i} 版欢迎语"), i * 10)).collect();
    grading::save_mark(&mut s, INSTRUCTOR, &versions[2], &input(2, 1, true), t(100)).unwrap();
    grading::release(&mut s, INSTRUCTOR, &versions[2], t(101)).unwrap();
    grading::save_mark(&mut s, INSTRUCTOR, &versions[4], &input(1, 1, false), t(102)).unwrap();

    let page = |offset, limit, status| {
        let filter = QueueFilter { offset, limit: Some(limit), status, ..Default::default() };
        queue::grading_queue(&s, INSTRUCTOR, COURSE, &filter).unwrap()
    };
    let pages: Vec<_> = [0, 3, 6].iter().map(|offset| page(*offset, 3, None)).collect();
    assert_eq!(pages.iter().map(|p| p.rows.len()).collect::<Vec<_>>(), [3, 3, 1]);
    assert!(pages.iter().all(|p| p.total == 7 && p.limit == 3));
    let listed: Vec<&str> = pages.iter().flat_map(|p| p.rows.iter().map(|r| r.version_id.as_str())).collect();
    assert_eq!(listed, versions.iter().map(String::as_str).collect::<Vec<_>>(), "oldest first, no row twice");
    assert_eq!(pages[1].rows[1].my_mark.as_deref(), Some("draft"), "the marker's own draft is shown");

    let counts = &pages[0].status_counts;
    assert_eq!((counts[&QueueStatus::Ungraded], counts[&QueueStatus::Released]), (6, 1));
    let released = page(0, 50, Some(QueueStatus::Released));
    assert_eq!((released.total, released.rows[0].version_id.as_str()), (1, versions[2].as_str()));
    assert_eq!(&released.status_counts, counts, "the counts ignore the status filter, so every choice shows its size");

    let tasks = &pages[0].tasks;
    assert_eq!(tasks.len(), 1);
    assert_eq!((tasks[0].id.as_str(), tasks[0].versions, tasks[0].double_marked), (TASK, 7, false));
    assert_eq!(page(0, 0, None).limit, 1, "a page holds at least one row");
    assert_eq!(page(0, 100_000, None).limit, queue::MAX_PAGE_SIZE);
    assert!(page(50, 10, None).rows.is_empty(), "past the end is an empty page, not an error");
}

#[test]
fn double_marking_is_blind_and_moderated() {
    let mut s = store(true);
    let v = submit(&mut s, "欢迎语", 0);
    let all = QueueFilter::default();
    assert!(!queue::grading_queue(&s, INSTRUCTOR, COURSE, &all).unwrap().rows[0].double_marked);
    grading::set_double_marking(&mut s, INSTRUCTOR, COURSE, TASK, true).unwrap();
    // The queue carries the saved switch, so the page shows it after a reload.
    assert!(queue::grading_queue(&s, INSTRUCTOR, COURSE, &all).unwrap().rows[0].double_marked);
    grading::save_mark(&mut s, INSTRUCTOR, &v, &input(2, 2, true), t(5)).unwrap();
    assert!(grading::release(&mut s, INSTRUCTOR, &v, t(6)).unwrap_err().to_string().contains("moderate"));

    let second_view = grading::grading_view(&s, SECOND_MARKER, &v).unwrap();
    assert!(second_view.my_mark.is_none(), "the second marker does not see the first mark");
    assert_eq!(second_view.status, QueueStatus::NeedsSecondMark);
    let json = serde_json::to_string(&second_view).unwrap();
    assert!(!json.contains("整体不错") && !json.contains("王老师"), "no trace of the first mark: {json}");
    let queue_json =
        serde_json::to_string(&queue::grading_queue(&s, SECOND_MARKER, COURSE, &QueueFilter::default()).unwrap())
            .unwrap();
    assert!(
        !queue_json.contains("grade") && !queue_json.contains("levels"),
        "the queue carries no marks: {queue_json}"
    );
    assert!(grading::moderation_view(&s, SECOND_MARKER, &v).is_err(), "moderation opens only after the second mark");

    grading::save_mark(&mut s, SECOND_MARKER, &v, &input(1, 2, true), t(7)).unwrap();
    let moderation = grading::moderation_view(&s, INSTRUCTOR, &v).unwrap();
    assert_eq!(moderation.marks.len(), 2);
    assert_eq!((moderation.agreed["purpose"], moderation.agreed["action"]), (false, true));
    let result = grading::moderate(&mut s, INSTRUCTOR, &v, &input(2, 2, true), t(8)).unwrap();
    assert_eq!((result.grade, result.method.as_str()), (100.0, "moderated"));

    let report = grading::agreement_report(&s, INSTRUCTOR, COURSE, TASK).unwrap();
    assert_eq!(report[0].criterion_id, "purpose");
    assert_eq!(
        (report[0].agreement.pairs, report[0].agreement.exact_percent, report[0].agreement.adjacent_percent),
        (1, 0.0, 100.0)
    );
    assert_eq!(report[1].agreement.exact_percent, 100.0);
}

#[test]
fn observation_comment_bank_and_analytics() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(true);
    let obs =
        grading::record_observation(&mut s, INSTRUCTOR, COURSE, TASK, LEARNER, "现场演示了欢迎新人流程", t(0)).unwrap();
    assert_eq!((obs.source.as_str(), obs.number), ("observation", 1));
    grading::save_mark(&mut s, INSTRUCTOR, &obs.id, &input(1, 2, true), t(1)).unwrap();
    grading::release(&mut s, INSTRUCTOR, &obs.id, t(2)).unwrap();

    let c = comment_bank::add_comment(&mut s, INSTRUCTOR, COURSE, Some("action"), " 请写明活动时间 ", t(0)).unwrap();
    assert_eq!(c.text, "请写明活动时间");
    comment_bank::use_comment(&mut s, INSTRUCTOR, COURSE, &c.id).unwrap();
    assert_eq!(comment_bank::use_comment(&mut s, INSTRUCTOR, COURSE, &c.id).unwrap().uses, 2);
    assert_eq!(comment_bank::list_comments(&s, INSTRUCTOR, COURSE).unwrap().len(), 1);
    comment_bank::delete_comment(&mut s, INSTRUCTOR, &c.id).unwrap();

    // 2 + 6 = 8 points → 80.
    let scores = analytics::criterion_scores(s.conn(), COURSE).unwrap();
    assert_eq!(scores.len(), 2);
    assert_eq!(
        (scores[0].criterion_id.as_str(), scores[0].points, scores[0].max_points, scores[0].grade),
        ("purpose", 2.0, 4.0, 80.0)
    );
    let dist = analytics::criterion_distributions(&s, INSTRUCTOR, COURSE).unwrap();
    assert_eq!(dist[1].counts, [0, 0, 1]);
    let stats = analytics::grader_stats(&s, INSTRUCTOR, COURSE).unwrap();
    assert_eq!((stats[0].marker_name.as_str(), stats[0].grades.mean), ("王老师", Some(80.0)));

    let csv = dir.path().join("grades.csv");
    assert_eq!(analytics::export_grades_table(&s, INSTRUCTOR, COURSE, &csv).unwrap(), 1);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}学员ID,学员,作业,版本,task-welcome / 定位清晰,task-welcome / 行动引导,成绩,满分\n"),
        "{text}"
    );
    assert!(text.contains("林小雨,task-welcome") && text.contains(",2,6,80,100\n"), "{text}");
    let xlsx = dir.path().join("grades.xlsx");
    analytics::export_grades_table(&s, INSTRUCTOR, COURSE, &xlsx).unwrap();
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
}

#[test]
fn a_learner_is_refused_every_grading_service() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(true);
    let v = submit(&mut s, "欢迎语", 0);
    let out = dir.path().join("x.csv");
    let forbidden = [
        queue::grading_queue(&s, LEARNER, COURSE, &QueueFilter::default()).map(drop),
        grading::grading_view(&s, LEARNER, &v).map(drop),
        grading::save_mark(&mut s, LEARNER, &v, &input(2, 2, true), t(1)).map(drop),
        grading::release(&mut s, LEARNER, &v, t(1)).map(drop),
        grading::set_double_marking(&mut s, LEARNER, COURSE, TASK, true),
        grading::moderation_view(&s, LEARNER, &v).map(drop),
        grading::moderate(&mut s, LEARNER, &v, &input(2, 2, true), t(1)).map(drop),
        grading::record_observation(&mut s, LEARNER, COURSE, TASK, LEARNER, "", t(1)).map(drop),
        grading::agreement_report(&s, LEARNER, COURSE, TASK).map(drop),
        comment_bank::list_comments(&s, LEARNER, COURSE).map(drop),
        comment_bank::add_comment(&mut s, LEARNER, COURSE, None, "好", t(1)).map(drop),
        comment_bank::use_comment(&mut s, LEARNER, COURSE, "x").map(drop),
        comment_bank::delete_comment(&mut s, LEARNER, "x"),
        analytics::criterion_distributions(&s, LEARNER, COURSE).map(drop),
        analytics::grader_stats(&s, LEARNER, COURSE).map(drop),
        analytics::export_grades_table(&s, LEARNER, COURSE, &out).map(drop),
        export_grades(&mut s, dir.path(), LEARNER, COURSE, LEARNER, &out, t(1)).map(drop),
        import_submissions(&mut s, dir.path(), LEARNER, &out, None, t(1)).map(drop),
    ];
    for (i, result) in forbidden.into_iter().enumerate() {
        assert_eq!(result.unwrap_err().kind(), ErrorKind::Forbidden, "service #{i}");
    }
    assert!(!out.exists());
    assert!(s.conn().query_row("SELECT count(*) FROM marks", [], |r| r.get::<_, i64>(0)).unwrap() == 0);
}

/// A learner's machine and an instructor's (on a file, with the course but
/// without the learner, who is known there only from their bundles).
fn learner_and_teacher_machines() -> (tempfile::TempDir, tempfile::TempDir, Store, Store) {
    let learner_dir = tempfile::tempdir().unwrap();
    let teacher_dir = tempfile::tempdir().unwrap();
    let learner_db = store(true);
    let mut teacher_db = Store::open(&teacher_dir.path().join("t.db")).unwrap();
    fixture::install(&mut teacher_db, true).unwrap();
    teacher_db.conn().execute("DELETE FROM profiles WHERE id = ?1", [LEARNER]).unwrap();
    (learner_dir, teacher_dir, learner_db, teacher_db)
}

#[test]
fn bundles_round_trip_between_two_databases() {
    let (learner_dir, teacher_dir, mut learner_db, mut teacher_db) = learner_and_teacher_machines();

    let a = add_attachment(
        &mut learner_db,
        learner_dir.path(),
        LEARNER,
        COURSE,
        TASK,
        "欢迎语.pdf",
        b"%PDF-1.7 demo",
        t(0),
    )
    .unwrap();
    learner::save_draft(&mut learner_db, LEARNER, COURSE, TASK, "欢迎大家", std::slice::from_ref(&a), t(1)).unwrap();
    let v = learner::submit(&mut learner_db, LEARNER, COURSE, TASK, t(2)).unwrap().id;

    let sub_bundle = learner_dir.path().join("subs.zip");
    let exported = export_submissions(&mut learner_db, learner_dir.path(), LEARNER, COURSE, &sub_bundle, t(3)).unwrap();
    assert_eq!((exported.items, exported.attachments, exported.sequence), (1, 1, 1));
    let imported =
        import_submissions(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, &sub_bundle, Some(COURSE), t(4)).unwrap();
    assert_eq!((imported.added, imported.already_imported, imported.signer_name.as_str()), (1, false, "林小雨"));
    assert_eq!(std::fs::read(teacher_dir.path().join("attachments").join(&a.sha256)).unwrap(), b"%PDF-1.7 demo");
    let again = import_submissions(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, &sub_bundle, None, t(5)).unwrap();
    assert!(again.already_imported && again.added == 0);

    grading::save_mark(&mut teacher_db, INSTRUCTOR, &v, &input(2, 1, true), t(6)).unwrap();
    grading::release(&mut teacher_db, INSTRUCTOR, &v, t(7)).unwrap();
    let grade_bundle = teacher_dir.path().join("grades.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, COURSE, LEARNER, &grade_bundle, t(8)).unwrap();
    let applied = import_grades(&mut learner_db, LEARNER, &grade_bundle, None, t(9)).unwrap();
    assert_eq!((applied.added, applied.skipped), (1, 0));
    let page = learner::task_page(&learner_db, LEARNER, COURSE, TASK).unwrap();
    assert_eq!(page.versions[0].result.as_ref().unwrap().grade, 70.0);

    // Importing the same bundle again is recognised and changes nothing.
    assert!(import_grades(&mut learner_db, LEARNER, &grade_bundle, None, t(10)).unwrap().already_imported);
    // A bundle older than one already imported (never imported itself) is a replay.
    let stale = teacher_dir.path().join("stale.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, COURSE, LEARNER, &stale, t(11)).unwrap();
    let newer = teacher_dir.path().join("newer.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, COURSE, LEARNER, &newer, t(12)).unwrap();
    import_grades(&mut learner_db, LEARNER, &newer, None, t(13)).unwrap();
    let err = import_grades(&mut learner_db, LEARNER, &stale, None, t(14)).unwrap_err();
    assert!(err.to_string().contains("replayed bundle: sequence 2 is not newer than 3"), "{err}");

    // A second instructor's key for the same course is refused until someone
    // trusts it, with the fingerprint to check; then it is admitted, and its
    // own numbering (starting at 1) is not mistaken for a replay.
    let second = teacher_dir.path().join("second.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), SECOND_MARKER, COURSE, LEARNER, &second, t(15)).unwrap();
    let second_key = super::bundles::format::read_bundle(&second, BundleKind::Grades).unwrap().manifest.public_key;
    let expected_fingerprint = super::bundles::keys::fingerprint(&second_key);
    let err = import_grades(&mut learner_db, LEARNER, &second, None, t(16)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        matches!(&err, AppError::UntrustedKey { signer_name, fingerprint }
            if signer_name == "陈老师" && *fingerprint == expected_fingerprint),
        "{err:?}"
    );
    // The UI reads the fingerprint from this exact wording (api/tasks.ts).
    assert!(err.text(Lang::Zh).contains(&format!("（指纹 {expected_fingerprint}）")), "{err}");
    // Altered bytes cannot be used to plant a key.
    let mut bytes = std::fs::read(&second).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let altered = teacher_dir.path().join("altered.zip");
    std::fs::write(&altered, &bytes).unwrap();
    let fp = expected_fingerprint.as_str();
    assert!(trust_bundle_key(&mut learner_db, LEARNER, &altered, BundleKind::Grades, fp, t(17)).is_err());
    // A fingerprint that is not the bundle's key trusts nothing (the
    // learner's own laptop, where they may trust a key: see below).
    learner_db.transact(|tx| qunxue_store::settings::set(tx, qunxue_store::settings::MACHINE_USE, "personal")).unwrap();
    let first_fp = super::bundles::keys::fingerprint(
        &super::bundles::format::read_bundle(&newer, BundleKind::Grades).unwrap().manifest.public_key,
    );
    let err = trust_bundle_key(&mut learner_db, LEARNER, &second, BundleKind::Grades, &first_fp, t(17)).unwrap_err();
    assert!(err.to_string().contains("nothing was trusted"), "{err}");
    assert!(import_grades(&mut learner_db, LEARNER, &second, None, t(17)).is_err(), "still untrusted");
    // Only instructors may trust a learner's key (they import submissions).
    let err = trust_bundle_key(&mut learner_db, LEARNER, &sub_bundle, BundleKind::Submissions, fp, t(17)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    // Typed the way people do: lower case, without the spaces.
    let typed = fp.replace(' ', "").to_lowercase();
    // On a shared machine a learner may not trust a new instructor key (it
    // would let them sign their own grades)…
    let machine_use = |store: &mut Store, use_: &str| {
        store.transact(|tx| qunxue_store::settings::set(tx, qunxue_store::settings::MACHINE_USE, use_)).unwrap()
    };
    machine_use(&mut learner_db, "shared");
    let err = trust_bundle_key(&mut learner_db, LEARNER, &second, BundleKind::Grades, &typed, t(18)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
    // …on their own personal machine they may: they hold its database anyway.
    machine_use(&mut learner_db, "personal");
    let trusted = trust_bundle_key(&mut learner_db, LEARNER, &second, BundleKind::Grades, &typed, t(18)).unwrap();
    assert_eq!(trusted.signer_name, "陈老师");
    assert_eq!(trusted.fingerprint, expected_fingerprint);
    let applied = import_grades(&mut learner_db, LEARNER, &second, None, t(19)).unwrap();
    assert_eq!((applied.added, applied.already_imported), (1, false));
    // Both keys stay trusted: the first instructor's next bundle still imports.
    let latest = teacher_dir.path().join("latest.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, COURSE, LEARNER, &latest, t(20)).unwrap();
    assert_eq!(import_grades(&mut learner_db, LEARNER, &latest, None, t(21)).unwrap().added, 1);
    // A bundle for a course that is not the expected one.
    let err = import_grades(&mut learner_db, LEARNER, &newer, Some("other-course"), t(17)).unwrap_err();
    assert!(err.to_string().contains("not other-course"), "{err}");
}

#[test]
fn the_e2e_seed_gives_the_active_profile_work_to_grade_and_a_graded_task() {
    let mut s = store(true);
    s.transact(|tx| qunxue_store::settings::set(tx, qunxue_store::settings::ACTIVE_PROFILE, LEARNER)).unwrap();
    let seed = fixture::seed_for_e2e(&mut s, COURSE).unwrap();
    assert_eq!(seed.task_id, TASK);
    let view = grading::grading_view(&s, LEARNER, &seed.version_to_grade).unwrap();
    assert_eq!(view.learner_name, "林小雨");
    let page = learner::task_page(&s, LEARNER, COURSE, TASK).unwrap();
    // Highest level of 定位清晰 (4) + middle of 行动引导 (3) = 7 of 10.
    assert_eq!(page.versions[0].result.as_ref().unwrap().grade, 70.0);
}

#[test]
fn a_course_that_names_its_instructors_keys_takes_grades_from_those_keys_only() {
    let (learner_dir, teacher_dir, mut learner_db, mut teacher_db) = learner_and_teacher_machines();
    learner::save_draft(&mut learner_db, LEARNER, COURSE, TASK, "欢迎大家", &[], t(1)).unwrap();
    let v = learner::submit(&mut learner_db, LEARNER, COURSE, TASK, t(2)).unwrap().id;
    let subs = learner_dir.path().join("subs.zip");
    export_submissions(&mut learner_db, learner_dir.path(), LEARNER, COURSE, &subs, t(3)).unwrap();
    import_submissions(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, &subs, Some(COURSE), t(4)).unwrap();
    grading::save_mark(&mut teacher_db, INSTRUCTOR, &v, &input(2, 1, true), t(5)).unwrap();
    grading::release(&mut teacher_db, INSTRUCTOR, &v, t(6)).unwrap();
    let grades = teacher_dir.path().join("grades.zip");
    export_grades(&mut teacher_db, teacher_dir.path(), INSTRUCTOR, COURSE, LEARNER, &grades, t(7)).unwrap();
    let instructor_key = super::bundles::keys::encode_hex(
        super::bundles::keys::signing_key(teacher_dir.path(), INSTRUCTOR).unwrap().verifying_key().as_bytes(),
    );
    let name_keys = |store: &mut Store, keys: &[String]| {
        store.transact(|tx| qunxue_store::courses::replace_instructor_keys(tx, COURSE, keys)).unwrap()
    };

    // The course names another instructor's key: this one is refused even on
    // first use, and nobody can trust it by hand.
    name_keys(&mut learner_db, &["ab".repeat(32)]);
    let err = import_grades(&mut learner_db, LEARNER, &grades, None, t(8)).unwrap_err();
    assert!(err.to_string().contains("instructor keys it names"), "{err}");
    learner_db.transact(|tx| qunxue_store::settings::set(tx, qunxue_store::settings::MACHINE_USE, "personal")).unwrap();
    let fp = super::bundles::keys::fingerprint(&instructor_key);
    let err = trust_bundle_key(&mut learner_db, LEARNER, &grades, BundleKind::Grades, &fp, t(9)).unwrap_err();
    assert!(err.to_string().contains("no other key can be trusted"), "{err}");
    assert_eq!(learner::task_page(&learner_db, LEARNER, COURSE, TASK).unwrap().versions[0].result, None);

    // The course names this instructor's key (in upper case, as people paste it): taken.
    name_keys(&mut learner_db, &[instructor_key.to_ascii_uppercase()]);
    let applied = import_grades(&mut learner_db, LEARNER, &grades, None, t(10)).unwrap();
    assert_eq!(applied.added, 1);
    assert_eq!(
        learner::task_page(&learner_db, LEARNER, COURSE, TASK).unwrap().versions[0].result.as_ref().unwrap().grade,
        70.0
    );
}
