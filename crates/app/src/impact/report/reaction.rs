//! The reaction level: the course's satisfaction surveys — per Likert item
//! the number of answers, the mean and the distribution, and the free-text
//! comments.

use std::collections::BTreeSet;

use qunxue_core::pack::model::{Survey, SurveyItemType};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::survey_responses;
use rusqlite::Connection;
use serde::Serialize;

use crate::{AppError, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReactionLevel {
    pub surveys: Vec<SurveySummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveySummary {
    pub id: String,
    pub title: String,
    pub respondents: usize,
    pub items: Vec<LikertSummary>,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LikertSummary {
    pub id: String,
    pub prompt: String,
    pub scale: u8,
    pub n: usize,
    pub mean: Option<f64>,
    /// How many answered 1, 2, … `scale`.
    pub counts: Vec<usize>,
    /// Share (0–100) of answers in the top two points of the scale.
    pub top_two_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub prompt: String,
    pub text: String,
}

/// `people`: only their answers, or `None` for every respondent.
pub(super) fn reaction_level(
    conn: &Connection,
    course_id: &str,
    people: Option<&std::collections::HashSet<String>>,
) -> Result<ReactionLevel> {
    let mut responses = survey_responses::for_course(conn, course_id)?;
    responses.retain(|r| people.is_none_or(|p| p.contains(&r.respondent)));
    let mut surveys = Vec::new();
    for item in course_items::list_items(conn, course_id, ItemKind::Survey)? {
        let survey: Survey = serde_json::from_str(&item.body)
            .map_err(|e| AppError::Internal(format!("survey {} of course {course_id} is corrupt: {e}", item.id)))?;
        let answers: Vec<_> = responses.iter().filter(|r| r.survey_id == survey.id).collect();
        let respondents = answers.iter().map(|r| r.respondent.as_str()).collect::<BTreeSet<_>>().len();
        let mut items = Vec::new();
        let mut comments = Vec::new();
        for question in &survey.items {
            let mine = answers.iter().filter(|r| r.item_id == question.id);
            match question.kind {
                SurveyItemType::Likert => {
                    let scale = question.scale.unwrap_or(5);
                    let mut counts = vec![0usize; usize::from(scale)];
                    for rating in mine.filter_map(|r| r.rating) {
                        if let Some(slot) =
                            usize::try_from(rating).ok().and_then(|r| r.checked_sub(1)).and_then(|i| counts.get_mut(i))
                        {
                            *slot += 1;
                        }
                    }
                    let n: usize = counts.iter().sum();
                    let total: usize = counts.iter().enumerate().map(|(i, c)| (i + 1) * c).sum();
                    let top: usize = counts.iter().rev().take(2).sum();
                    items.push(LikertSummary {
                        id: question.id.clone(),
                        prompt: question.prompt.clone(),
                        scale,
                        n,
                        mean: (n > 0).then(|| total as f64 / n as f64),
                        counts,
                        top_two_percent: (n > 0).then(|| top as f64 / n as f64 * 100.0),
                    });
                }
                SurveyItemType::Text => comments.extend(
                    mine.filter_map(|r| r.answer_text.clone())
                        .filter(|t| !t.trim().is_empty())
                        .map(|text| Comment { prompt: question.prompt.clone(), text }),
                ),
            }
        }
        surveys.push(SurveySummary { id: survey.id, title: survey.title, respondents, items, comments });
    }
    Ok(ReactionLevel { surveys })
}
