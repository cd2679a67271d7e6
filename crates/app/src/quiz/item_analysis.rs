//! Item analysis for instructors: per question of a quiz, over every
//! handed-in attempt — facility, discrimination (point-biserial against the
//! rest of the test) and how often each option was chosen — and its export
//! as CSV or XLSX. The statistics are `qunxue_core::quiz::item_analysis`.

use std::collections::BTreeMap;

use qunxue_core::pack::model::{Answer, Question};
use qunxue_core::quiz::{self, ItemResponse};
use qunxue_store::{attempt_answers, attempts, Store};
use serde::Serialize;

use super::common::{load_question, load_quiz, parse_answer, presentation};
use crate::access::{self, Role};
use crate::export::{Cell, Sheet};
use crate::{msg, Result};

/// One question's row of the analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemRow {
    /// The question's id in the bank.
    pub question_id: String,
    /// The question type (`single`, `multiple`, `short_answer`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The stem as plain Markdown text, shortened for tables.
    pub stem: String,
    /// Responses counted, answered or not (an unanswered question scores 0).
    pub n: usize,
    /// Facility: mean score / max, 0 … 1; `None` when the question has no points to earn.
    pub facility: Option<f64>,
    /// Discrimination: point-biserial against the rest of the test, −1 … 1; `None` with too little variation.
    pub discrimination: Option<f64>,
    /// Option key → (option text, times chosen), in the bank's option order.
    pub options: Vec<OptionCount>,
}

/// How often one option (or true/false answer) was chosen across the handed-in attempts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionCount {
    /// The option's key, its index in the bank (`"0"`, `"1"`, …), or the answer itself for true/false.
    pub key: String,
    /// The option's text (Markdown), or the answer for true/false.
    pub text: String,
    /// The option is (one of) the right answers; the table marks it with ✓.
    pub correct: bool,
    /// Times the option was chosen.
    pub chosen: u64,
}

/// An instructor's item analysis of one quiz: a row per question over every handed-in attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemAnalysis {
    /// The course the quiz belongs to.
    pub course_id: String,
    /// The quiz analysed.
    pub quiz_id: String,
    /// The quiz's title, the report's heading.
    pub quiz_title: String,
    /// Handed-in attempts the figures come from.
    pub attempts: usize,
    /// One row per question, ordered by question id.
    pub items: Vec<ItemRow>,
}

/// The analysis of `quiz_id` for the active profile; instructors and admins only.
pub fn item_analysis(store: &Store, profile: &str, course: &str, quiz_id: &str) -> Result<ItemAnalysis> {
    access::require(store.conn(), profile, Role::Instructor, msg!("viewing item analysis", "查看题目分析"))?;
    analyse_quiz(store.conn(), course, quiz_id)
}

/// The analysis without a role check, for callers that hold the database
/// file itself (the `qunxue` CLI): whoever can run it can read the file.
pub fn analyse_quiz(conn: &qunxue_store::Connection, course: &str, quiz_id: &str) -> Result<ItemAnalysis> {
    let quiz = load_quiz(conn, course, quiz_id)?;
    let finished = attempts::finished_for_quiz(conn, course, quiz_id)?;
    let mut responses = Vec::new();
    for attempt in &finished {
        let answers: BTreeMap<String, _> =
            attempt_answers::for_attempt(conn, &attempt.id)?.into_iter().map(|a| (a.question_id.clone(), a)).collect();
        // Unanswered questions count as responses with no points: a question
        // most learners skip is hard, and the analysis should show it.
        for presented in &presentation(attempt)?.questions {
            let answer = answers.get(&presented.question_id);
            let max = match answer {
                Some(a) => a.max_score,
                None => load_question(conn, course, &presented.question_id)?.points,
            };
            responses.push(ItemResponse {
                attempt_id: attempt.id.clone(),
                question_id: presented.question_id.clone(),
                score: answer.map_or(0.0, |a| a.manual_score.unwrap_or(a.score)),
                max,
                answer: answer.and_then(parse_answer),
            });
        }
    }
    let mut items = Vec::new();
    for stats in quiz::item_analysis(&responses) {
        let question = load_question(conn, course, &stats.question_id)?;
        items.push(ItemRow {
            kind: question.kind.as_str().to_string(),
            stem: shorten(&question.stem, 80),
            options: option_counts(&question, &stats.option_counts),
            question_id: stats.question_id,
            n: stats.n,
            facility: stats.facility,
            discrimination: stats.discrimination,
        });
    }
    Ok(ItemAnalysis {
        course_id: course.to_string(),
        quiz_id: quiz_id.to_string(),
        quiz_title: quiz.title,
        attempts: finished.len(),
        items,
    })
}

fn option_counts(question: &Question, counts: &BTreeMap<String, u64>) -> Vec<OptionCount> {
    let correct_indexes: Vec<usize> = match (&question.answer, &question.answers) {
        (Some(Answer::Integer(index)), _) => usize::try_from(*index).into_iter().collect(),
        (_, Some(indexes)) => indexes.clone(),
        _ => Vec::new(),
    };
    let mut options: Vec<OptionCount> = question
        .options
        .iter()
        .flatten()
        .enumerate()
        .map(|(index, text)| {
            let key = quiz::option_key(index);
            OptionCount {
                chosen: counts.get(&key).copied().unwrap_or(0),
                key,
                text: text.clone(),
                correct: correct_indexes.contains(&index),
            }
        })
        .collect();
    if options.is_empty() && !counts.is_empty() {
        // True/false: the keys are the answers themselves.
        options = counts
            .iter()
            .map(|(key, chosen)| OptionCount { key: key.clone(), text: key.clone(), correct: false, chosen: *chosen })
            .collect();
    }
    options
}

fn shorten(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    flat.chars().take(max_chars - 1).chain(std::iter::once('…')).collect()
}

/// The analysis as a table: one row per question, the option counts as
/// `A 12 · B 3 (✓) …` so a spreadsheet shows distractors at a glance.
pub fn item_analysis_sheet(analysis: &ItemAnalysis) -> Sheet {
    let header = ["题目 ID", "题型", "题干", "作答人次", "难度（得分率）", "区分度（点二列相关）", "选项选择次数"];
    let rows = analysis
        .items
        .iter()
        .map(|item| {
            let options = item
                .options
                .iter()
                .map(|o| format!("{} {}{}", o.key, o.chosen, if o.correct { " (✓)" } else { "" }))
                .collect::<Vec<_>>()
                .join(" · ");
            vec![
                Cell::from(item.question_id.clone()),
                Cell::from(item.kind.clone()),
                Cell::from(item.stem.clone()),
                Cell::Number(item.n as f64),
                Cell::from(item.facility),
                Cell::from(item.discrimination),
                Cell::from(options),
            ]
        })
        .collect();
    Sheet { name: "题目分析".into(), header: header.map(String::from).to_vec(), rows }
}
