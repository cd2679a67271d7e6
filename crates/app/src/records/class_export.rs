//! The class view as a spreadsheet: the same rows and figures as
//! [`super::class_list`], one row per member, in XLSX or CSV (by the file's
//! extension), through the shared table writer.

use std::path::{Path, PathBuf};

use crate::export::{write_tables, Cell, Sheet};
use crate::Result;

use super::class_list::ClassList;

/// What an export wrote, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableExport {
    /// How many member rows were written (the header not counted).
    pub rows: usize,
    /// The file written; the confirmation shows it.
    pub path: PathBuf,
}

/// Writes `list` to `path`.
pub fn export_class_list(list: &ClassList, path: &Path) -> Result<TableExport> {
    let header = [
        "学员 ID / id",
        "姓名 / name",
        "班级 / class",
        "完成模块 / modules done",
        "前测 % / pre-test %",
        "后测 % / post-test %",
        "标准化增益 / normalised gain",
        "通过测验 / quizzes passed",
        "需通过测验 / quizzes to pass",
        "作业得分 % / task score %",
        "待批改 / pending marks",
        "已完成 / completed",
        "最近活动 / last activity",
        "记录来源 / sources",
    ];
    let rows = list
        .members
        .iter()
        .map(|m| {
            vec![
                Cell::from(m.id.as_str()),
                Cell::from(m.name.as_str()),
                Cell::from(m.class.as_str()),
                Cell::Number(m.modules_done as f64),
                Cell::from(m.pre_score),
                Cell::from(m.post_score),
                Cell::from(m.gain),
                Cell::Number(m.quizzes_passed as f64),
                Cell::Number(m.quizzes_total as f64),
                Cell::from(m.task_score),
                Cell::Number(m.pending_marks as f64),
                Cell::from(if m.completed { "是 / yes" } else { "否 / no" }),
                m.last_activity.clone().map_or(Cell::Empty, Cell::Text),
                Cell::from(m.sources.join("+")),
            ]
        })
        .collect();
    let sheet = Sheet { name: "班级 class".into(), header: header.iter().map(ToString::to_string).collect(), rows };
    write_tables(path, std::slice::from_ref(&sheet))?;
    Ok(TableExport { rows: list.members.len(), path: path.to_path_buf() })
}
