//! A course's question bank written as GIFT or Moodle XML, so a company can
//! take its banks back to Moodle (`qunxue quiz export`). Answer keys are in
//! it, so it is an instructor's action.

use std::path::Path;

use qunxue_core::pack::model::{Bank, Question};
use qunxue_core::quiz::{to_gift, to_moodle_xml};
use qunxue_store::{courses, questions, Store};
use serde::Serialize;

use crate::msg;
use crate::{AppError, Result};

/// The file formats a bank is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum BankFormat {
    /// Moodle's GIFT text format.
    #[serde(rename = "gift")]
    Gift,
    /// Moodle XML, which any Moodle question bank imports.
    #[serde(rename = "moodle-xml")]
    MoodleXml,
}

/// What an export wrote, and each question it left out with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankExport {
    /// How many questions were written to the file.
    pub written: usize,
    /// The questions the format cannot express, left out.
    pub skipped: Vec<SkippedQuestion>,
}

/// A question an export left out, with the reason in English and Chinese.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedQuestion {
    /// The question's id in the bank.
    pub question_id: String,
    /// Why it was left out, in English.
    pub reason: String,
    /// Why it was left out, in Chinese.
    pub reason_zh: String,
}

/// Writes bank `bank` of `course` (its current questions) to `path`.
pub fn export_bank(store: &Store, course: &str, bank: &str, format: BankFormat, path: &Path) -> Result<BankExport> {
    let course_record = courses::get_course(store.conn(), course)?;
    let questions = questions::questions_for(store.conn(), course, &[bank], &[])?
        .iter()
        .map(|record| {
            let id = &record.id;
            serde_json::from_str::<Question>(&record.body).map_err(|e| {
                AppError::Internal(msg!("stored question {id} is unreadable: {e}", "已保存的题目 {id} 无法读取：{e}"))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if questions.is_empty() {
        return Err(AppError::NotFound(msg!(
            "bank {bank} of course {course} (it has no current questions)",
            "课程 {course} 的题库 {bank}（没有当前题目）"
        )));
    }
    let total = questions.len();
    let bank = Bank { id: bank.to_string(), title: format!("{}/{bank}", course_record.title), questions };
    let exported = match format {
        BankFormat::Gift => to_gift(&bank),
        BankFormat::MoodleXml => to_moodle_xml(&bank),
    };
    std::fs::write(path, &exported.text).map_err(AppError::write(path))?;
    Ok(BankExport {
        written: total - exported.skipped.len(),
        skipped: exported
            .skipped
            .into_iter()
            .map(|(question_id, reason)| SkippedQuestion { question_id, reason: reason.en, reason_zh: reason.zh })
            .collect(),
    })
}
