//! A learner's full record as one table — modules studied, quiz attempts
//! and notes — for CSV (UTF-8 with BOM) or XLSX through [`crate::export`].

use qunxue_store::status::{AttemptStatus, ProgressStatus};
use std::path::Path;

use qunxue_store::{learner_record, notes, Store};

use crate::export::{write_tables, Cell, Sheet};
use crate::Result;

const HEADER: [&str; 11] = [
    "类型",
    "课程",
    "内容",
    "状态",
    "开始时间",
    "完成时间",
    "专注学习（分钟）",
    "得分",
    "满分",
    "得分率（%）",
    "是否通过",
];

/// The learner's record: one row per opened module, quiz attempt and note.
pub fn learner_record_sheet(store: &Store, profile_id: &str) -> Result<Sheet> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for p in learner_record::progress(store.conn(), profile_id)? {
        rows.push(vec![
            "模块".into(),
            p.course_title.into(),
            p.module_title.into(),
            progress_text(p.status).into(),
            p.first_opened_at.into(),
            p.completed_at.unwrap_or_default().into(),
            // Whole minutes read better in a spreadsheet than seconds.
            ((p.active_seconds / 60) as f64).into(),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    for a in learner_record::attempts(store.conn(), profile_id)? {
        rows.push(vec![
            "测验".into(),
            a.course_title.into(),
            format!("{} 第 {} 次", a.quiz_id, a.number).into(),
            attempt_text(a.status).into(),
            a.started_at.into(),
            a.submitted_at.unwrap_or_default().into(),
            Cell::Empty,
            a.score.into(),
            a.max_score.into(),
            a.percent.into(),
            a.passed.map_or(Cell::Empty, |p| if p { "通过" } else { "未通过" }.into()),
        ]);
    }
    for row in notes::for_profile(store.conn(), profile_id)? {
        let n = row.note;
        let course =
            qunxue_store::courses::get_course(store.conn(), &n.course_id).map(|c| c.title).unwrap_or(n.course_id);
        let text = match n.quote {
            Some(quote) => format!("{}（摘录：{quote}）", n.body),
            None => n.body,
        };
        rows.push(vec![
            "笔记".into(),
            course.into(),
            format!("{}：{text}", row.module_title).into(),
            Cell::Empty,
            n.created_at.into(),
            n.updated_at.into(),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    Ok(Sheet { name: "学习记录".into(), header: HEADER.iter().map(|h| h.to_string()).collect(), rows })
}

/// Writes the record to `path` (`.csv` or `.xlsx`, by its extension).
pub fn export_learner_record(store: &Store, profile_id: &str, path: &Path) -> Result<()> {
    write_tables(path, &[learner_record_sheet(store, profile_id)?])
}

fn progress_text(status: ProgressStatus) -> &'static str {
    match status {
        ProgressStatus::InProgress => "学习中",
        ProgressStatus::Completed => "已完成",
    }
}

fn attempt_text(status: AttemptStatus) -> &'static str {
    match status {
        AttemptStatus::InProgress => "作答中",
        AttemptStatus::Submitted => "已交卷",
        AttemptStatus::Expired => "超时交卷",
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use qunxue_store::profiles::{self, Profile};

    use super::*;
    use crate::notes::{add_note, NewNote};
    use crate::reading::{complete_module, open_module};
    use qunxue_store::courses::Readers;

    #[test]
    fn the_record_holds_modules_attempts_and_notes_and_exports_as_csv_and_xlsx() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
        store.transact(|tx| profiles::insert(tx, &Profile::learner("p1", "王小丽", "t0"))).unwrap();
        crate::library::install_bundled_courses(&mut store, &Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."), now)
            .unwrap();
        let course = "qunxue.community-ops";
        let first = qunxue_store::courses::list_modules(store.conn(), course).unwrap().remove(0);
        open_module(&mut store, "p1", Readers::Learners, course, &first.id, now).unwrap();
        complete_module(&mut store, "p1", Readers::Learners, course, &first.id, now).unwrap();
        let note = NewNote {
            course_id: course.into(),
            module_id: first.id.clone(),
            body: "三要素".into(),
            quote: Some("共同点".into()),
            anchor: None,
        };
        add_note(&mut store, "p1", &note, now).unwrap();

        let sheet = learner_record_sheet(&store, "p1").unwrap();
        let kinds: Vec<_> = sheet.rows.iter().map(|r| r[0].clone()).collect();
        assert_eq!(kinds, [Cell::from("模块"), Cell::from("笔记")]);
        assert_eq!(sheet.rows[0][3], Cell::from("已完成"));
        assert_eq!(sheet.rows[1][2], Cell::from(format!("{}：三要素（摘录：共同点）", first.title)));

        let csv = dir.path().join("record.csv");
        export_learner_record(&store, "p1", &csv).unwrap();
        let bytes = std::fs::read(&csv).unwrap();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "Excel needs the BOM to read UTF-8");
        assert!(String::from_utf8(bytes).unwrap().contains("三要素"));
        let xlsx = dir.path().join("record.xlsx");
        export_learner_record(&store, "p1", &xlsx).unwrap();
        assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
        assert!(export_learner_record(&store, "p1", &dir.path().join("record.txt")).is_err());
    }
}
