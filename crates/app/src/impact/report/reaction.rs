//! The reaction level: the course's satisfaction surveys — per Likert item
//! the number of answers, the mean and the distribution, and the free-text
//! comments.

use std::collections::BTreeSet;

use qunxue_core::pack::model::{Survey, SurveyItemType};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::survey_responses;
use qunxue_store::Connection;
use serde::Serialize;

use crate::{msg, AppError, Result};

/// The reaction level of the report: the course's satisfaction surveys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReactionLevel {
    /// One entry per survey of the course, answered or not.
    pub surveys: Vec<SurveySummary>,
}

/// One survey's answers, summarised.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveySummary {
    /// The survey's id in the course pack.
    pub id: String,
    /// The survey's title, as the report shows it.
    pub title: String,
    /// How many people answered at least one item.
    pub respondents: usize,
    /// The rating-scale (Likert) items, in the survey's order.
    pub items: Vec<LikertSummary>,
    /// The non-empty free-text answers.
    pub comments: Vec<Comment>,
}

/// One rating-scale item's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LikertSummary {
    /// The item's id in the survey.
    pub id: String,
    /// The question the item asks.
    pub prompt: String,
    /// The number of points on the scale (5 unless the pack says otherwise).
    pub scale: u8,
    /// How many ratings the item received.
    pub n: usize,
    /// The mean rating, 1 to `scale`; `None` without ratings.
    pub mean: Option<f64>,
    /// How many answered 1, 2, … `scale`.
    pub counts: Vec<usize>,
    /// Share (0–100) of answers in the top two points of the scale.
    pub top_two_percent: Option<f64>,
}

/// One free-text survey answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// The question it answers.
    pub prompt: String,
    /// The answer as the respondent wrote it.
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
        let survey: Survey = serde_json::from_str(&item.body).map_err(|e| {
            let id = &item.id;
            AppError::Internal(msg!(
                "survey {id} of course {course_id} is corrupt: {e}",
                "课程 {course_id} 的问卷 {id} 已损坏：{e}"
            ))
        })?;
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
