//! A learner answering the course's reaction survey (the report's first
//! level): the forms with the caller's earlier answers, and submitting them.
//! Learners answer for themselves only: the respondent is always the calling
//! profile.

use chrono::{DateTime, SecondsFormat, Utc};
use qunxue_core::pack::model::{Survey, SurveyItem, SurveyItemType};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::survey_responses::{self, ResponseRecord};
use qunxue_store::{profiles, Store};
use serde::{Deserialize, Serialize};

use crate::{AppError, Result};

/// Longest free-text answer kept, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// One answer: a `rating` for a Likert item, `text` for a free-text item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyAnswer {
    pub item_id: String,
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub text: Option<String>,
}

/// A survey as the learner fills it in, with their saved answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyForm {
    pub course_id: String,
    pub id: String,
    pub title: String,
    pub items: Vec<SurveyItem>,
    /// The caller's earlier answers (empty before the first submission).
    pub answers: Vec<SurveyAnswer>,
    /// When the caller last submitted this survey.
    pub submitted_at: Option<String>,
}

fn parse_survey(course_id: &str, id: &str, body: &str) -> Result<Survey> {
    serde_json::from_str(body)
        .map_err(|e| AppError::Internal(format!("survey {id} of course {course_id} is corrupt: {e}")))
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
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for answer in answers {
        let Some(question) = survey.items.iter().find(|q| q.id == answer.item_id) else {
            problems.push(format!("item {:?} is not in survey {survey_id}", answer.item_id));
            continue;
        };
        let (rating, answer_text) = match (question.kind, answer.rating, answer.text.as_deref().map(str::trim)) {
            (SurveyItemType::Likert, Some(r), None) if (1..=question.scale.unwrap_or(5)).contains(&r) => {
                (Some(i64::from(r)), None)
            }
            (SurveyItemType::Likert, _, _) => {
                problems.push(format!(
                    "item {:?} needs a rating from 1 to {}",
                    question.id,
                    question.scale.unwrap_or(5)
                ));
                continue;
            }
            (SurveyItemType::Text, None, Some("")) => continue,
            (SurveyItemType::Text, None, Some(text)) if text.chars().count() <= MAX_TEXT_CHARS => {
                (None, Some(text.to_owned()))
            }
            (SurveyItemType::Text, _, _) => {
                problems.push(format!("item {:?} needs a text of at most {MAX_TEXT_CHARS} characters", question.id));
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
        return Err(AppError::Rejected(problems.join("; ")));
    }
    store.transact(|tx| survey_responses::upsert(tx, course_id, &records))?;
    Ok(records.len())
}
