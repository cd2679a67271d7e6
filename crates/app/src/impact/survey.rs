//! A learner answering the course's reaction survey (the report's first
//! level): the forms with the caller's earlier answers, and submitting them.
//! Learners answer for themselves only: the respondent is always the calling
//! profile.

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::{Survey, SurveyItem, SurveyItemType};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::survey_responses::{self, ResponseRecord};
use qunxue_store::{profiles, Store};
use serde::{Deserialize, Serialize};

use crate::{msg, AppError, Lang, Message, Result};

/// Longest free-text answer kept, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// One answer: a `rating` for a Likert item, `text` for a free-text item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyAnswer {
    /// The id of the survey item answered.
    pub item_id: String,
    /// For a Likert item: the rating chosen, from 1 to the item's scale.
    #[serde(default)]
    pub rating: Option<u8>,
    /// For a free-text item: the answer, at most [`MAX_TEXT_CHARS`] characters.
    #[serde(default)]
    pub text: Option<String>,
}

/// A survey as the learner fills it in, with their saved answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyForm {
    /// The course the survey belongs to.
    pub course_id: String,
    /// The survey's id in the course pack.
    pub id: String,
    /// The survey's title, shown above the form.
    pub title: String,
    /// The questions in the pack's order, rating scales and free text.
    pub items: Vec<SurveyItem>,
    /// The caller's earlier answers (empty before the first submission).
    pub answers: Vec<SurveyAnswer>,
    /// When the caller last submitted this survey.
    pub submitted_at: Option<String>,
}

fn parse_survey(course_id: &str, id: &str, body: &str) -> Result<Survey> {
    serde_json::from_str(body).map_err(|e| {
        AppError::Internal(msg!(
            "survey {id} of course {course_id} is corrupt: {e}",
            "课程 {course_id} 的问卷 {id} 已损坏：{e}"
        ))
    })
}

/// The course's surveys with the caller's own earlier answers.
pub fn survey_forms(store: &Store, profile: &str, course_id: &str) -> Result<Vec<SurveyForm>> {
    profiles::get(store.conn(), profile)?;
    qunxue_store::courses::get_course(store.conn(), course_id)?;
    let mine: Vec<ResponseRecord> = survey_responses::for_course(store.conn(), course_id)?
        .into_iter()
        .filter(|r| r.respondent == profile)
        .collect();
    course_items::list_items(store.conn(), course_id, ItemKind::Survey)?
        .iter()
        .map(|item| {
            let survey = parse_survey(course_id, &item.id, &item.body)?;
            let own: Vec<&ResponseRecord> = mine.iter().filter(|r| r.survey_id == survey.id).collect();
            Ok(SurveyForm {
                course_id: course_id.to_owned(),
                answers: own
                    .iter()
                    .map(|r| SurveyAnswer {
                        item_id: r.item_id.clone(),
                        rating: r.rating.and_then(|x| u8::try_from(x).ok()),
                        text: r.answer_text.clone(),
                    })
                    .collect(),
                submitted_at: own.iter().map(|r| r.submitted_at.clone()).max(),
                id: survey.id,
                title: survey.title,
                items: survey.items,
            })
        })
        .collect()
}

/// Saves the caller's answers (replacing earlier answers to the same items).
pub fn submit_survey(
    store: &mut Store,
    profile: &str,
    course_id: &str,
    survey_id: &str,
    answers: &[SurveyAnswer],
    now: DateTime<Utc>,
) -> Result<usize> {
    profiles::get(store.conn(), profile)?;
    let item = course_items::get_item(store.conn(), course_id, ItemKind::Survey, survey_id)?;
    let survey = parse_survey(course_id, survey_id, &item.body)?;
    let stamp = qunxue_store::time::stamp(now);
    let mut records = Vec::new();
    let mut problems: Vec<Message> = Vec::new();
    for answer in answers {
        let Some(question) = survey.items.iter().find(|q| q.id == answer.item_id) else {
            let item = &answer.item_id;
            problems.push(msg!("item {item:?} is not in survey {survey_id}", "题目 {item:?} 不在问卷 {survey_id} 中"));
            continue;
        };
        let (rating, answer_text) = match (question.kind, answer.rating, answer.text.as_deref().map(str::trim)) {
            (SurveyItemType::Likert, Some(r), None) if (1..=question.scale.unwrap_or(5)).contains(&r) => {
                (Some(i64::from(r)), None)
            }
            (SurveyItemType::Likert, _, _) => {
                let (item, scale) = (&question.id, question.scale.unwrap_or(5));
                problems.push(msg!(
                    "item {item:?} needs a rating from 1 to {scale}",
                    "题目 {item:?} 需要 1 到 {scale} 的评分"
                ));
                continue;
            }
            (SurveyItemType::Text, None, Some("")) => continue,
            (SurveyItemType::Text, None, Some(text)) if text.chars().count() <= MAX_TEXT_CHARS => {
                (None, Some(text.to_owned()))
            }
            (SurveyItemType::Text, _, _) => {
                let item = &question.id;
                problems.push(msg!(
                    "item {item:?} needs a text of at most {MAX_TEXT_CHARS} characters",
                    "题目 {item:?} 需要填写不超过 {MAX_TEXT_CHARS} 个字的文字"
                ));
                continue;
            }
        };
        records.push(ResponseRecord {
            survey_id: survey_id.to_owned(),
            respondent: profile.to_owned(),
            item_id: question.id.clone(),
            rating,
            answer_text,
            submitted_at: stamp.clone(),
        });
    }
    if !problems.is_empty() {
        let join =
            |lang: Lang, separator: &str| problems.iter().map(|p| p.in_lang(lang)).collect::<Vec<_>>().join(separator);
        return Err(AppError::Rejected(Message { en: join(Lang::En, "; "), zh: join(Lang::Zh, "；") }));
    }
    store.transact(|tx| survey_responses::upsert(tx, course_id, &records))?;
    Ok(records.len())
}
