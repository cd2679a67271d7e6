//! A learner answering the course's reaction survey (the report's first
//! level). Learners answer for themselves only: the respondent is always the
//! calling profile.

use chrono::{DateTime, SecondsFormat, Utc};
use qunxue_core::pack::model::{Survey, SurveyItemType};
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
    let survey: Survey = serde_json::from_str(&item.body).map_err(|e| {
        AppError::Internal(format!(
            "survey {survey_id} of course {course_id} is corrupt: {e}"
        ))
    })?;
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for answer in answers {
        let Some(question) = survey.items.iter().find(|q| q.id == answer.item_id) else {
            problems.push(format!(
                "item {:?} is not in survey {survey_id}",
                answer.item_id
            ));
            continue;
        };
        let (rating, answer_text) = match (
            question.kind,
            answer.rating,
            answer.text.as_deref().map(str::trim),
        ) {
            (SurveyItemType::Likert, Some(r), None)
                if (1..=question.scale.unwrap_or(5)).contains(&r) =>
            {
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
                problems.push(format!(
                    "item {:?} needs a text of at most {MAX_TEXT_CHARS} characters",
                    question.id
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
        return Err(AppError::Rejected(problems.join("; ")));
    }
    store.transact(|tx| survey_responses::upsert(tx, course_id, &records))?;
    Ok(records.len())
}
