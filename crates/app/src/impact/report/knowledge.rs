//! The knowledge level: each pre-test paired with its post-test (the quiz's
//! `parallel`), each learner's first handed-in pre-test score against their
//! last handed-in post-test score, and the normalised gain.
//!
//! Whose scores count: in a study of learners, only the trained cohort's
//! members (a unit label may be the profile id or the display name), so the
//! level describes the same people as the business level. Teams and stores
//! cannot be traced to profiles, so those studies count every learner of the
//! course, and say so (`cohort_only` is false).

use std::collections::{BTreeMap, HashSet};

use qunxue_core::pack::model::{Quiz, QuizPurpose};
use qunxue_core::quiz::{cohort_gain, normalised_gain, CohortGain};
use qunxue_store::attempts;
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::profiles;
use qunxue_store::Connection;
use serde::Serialize;

use crate::{msg, AppError, Result};

/// The knowledge level of the report: pre-test against post-test scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeLevel {
    /// One entry per pre-test of the course that names a parallel post-test.
    pub pairs: Vec<KnowledgePair>,
    /// True when only the study's trained learners are counted.
    pub cohort_only: bool,
}

/// A pre-test and its parallel post-test, with the learners who took both.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgePair {
    /// The pre-test's quiz id.
    pub pre_quiz_id: String,
    /// The pre-test's title, as the report shows it.
    pub pre_title: String,
    /// The post-test's quiz id.
    pub post_quiz_id: String,
    /// The post-test's title, as the report shows it.
    pub post_title: String,
    /// The cohort's normalised gain over the paired learners.
    pub gain: CohortGain,
    /// Each paired learner's scores, sorted by name.
    pub learners: Vec<LearnerScores>,
    /// Learners with only a pre-test or only a post-test score (left out).
    pub unpaired: usize,
}

/// One learner's pre- and post-test scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnerScores {
    /// The learner's display name (the profile id when the profile is gone).
    pub name: String,
    /// The first handed-in pre-test score, in percent (0–100).
    pub pre: f64,
    /// The last handed-in post-test score, in percent (0–100).
    pub post: f64,
    /// The normalised gain `(post − pre) / (100 − pre)`; `None` when the pre-test was already perfect.
    pub gain: Option<f64>,
}

/// `cohort`: the labels of the study's trained learners, or `None` to count
/// every learner of the course; `people`: profile ids to narrow to (the
/// members of chosen classes), or `None`.
pub(super) fn knowledge_level(
    conn: &Connection,
    course_id: &str,
    cohort: Option<&HashSet<String>>,
    people: Option<&HashSet<String>>,
) -> Result<KnowledgeLevel> {
    let quizzes: Vec<Quiz> = course_items::list_items(conn, course_id, ItemKind::Quiz)?
        .iter()
        .map(|item| {
            serde_json::from_str(&item.body).map_err(|e| {
                let id = &item.id;
                AppError::Internal(msg!(
                    "quiz {id} of course {course_id} is corrupt: {e}",
                    "课程 {course_id} 的测验 {id} 已损坏：{e}"
                ))
            })
        })
        .collect::<Result<_>>()?;
    let mut pairs = Vec::new();
    for pre in quizzes.iter().filter(|q| q.purpose == QuizPurpose::PreTest) {
        let Some(post) = pre.parallel.as_deref().and_then(|id| quizzes.iter().find(|q| q.id == id)) else {
            continue;
        };
        pairs.push(pair(conn, course_id, pre, post, cohort, people)?);
    }
    Ok(KnowledgeLevel { pairs, cohort_only: cohort.is_some() })
}

fn pair(
    conn: &Connection,
    course_id: &str,
    pre: &Quiz,
    post: &Quiz,
    cohort: Option<&HashSet<String>>,
    people: Option<&HashSet<String>>,
) -> Result<KnowledgePair> {
    // Attempts come oldest first: the first pre score and the last post score win.
    let mut scores: BTreeMap<String, (Option<f64>, Option<f64>)> = BTreeMap::new();
    for attempt in attempts::finished_for_quiz(conn, course_id, &pre.id)? {
        if let Some(percent) = attempt.percent {
            scores.entry(attempt.profile_id).or_default().0.get_or_insert(percent);
        }
    }
    for attempt in attempts::finished_for_quiz(conn, course_id, &post.id)? {
        if let Some(percent) = attempt.percent {
            scores.entry(attempt.profile_id).or_default().1 = Some(percent);
        }
    }
    let mut learners = Vec::new();
    let mut unpaired = 0;
    for (profile_id, (pre_score, post_score)) in scores {
        if people.is_some_and(|people| !people.contains(&profile_id)) {
            continue;
        }
        let name = profiles::get(conn, &profile_id).map_or_else(|_| profile_id.clone(), |p| p.display_name);
        if cohort.is_some_and(|members| !members.contains(&profile_id) && !members.contains(&name)) {
            continue;
        }
        let (Some(pre_score), Some(post_score)) = (pre_score, post_score) else {
            unpaired += 1;
            continue;
        };
        learners.push(LearnerScores {
            name,
            pre: pre_score,
            post: post_score,
            gain: normalised_gain(pre_score, post_score),
        });
    }
    learners.sort_by(|a, b| a.name.cmp(&b.name));
    let pairs: Vec<(f64, f64)> = learners.iter().map(|l| (l.pre, l.post)).collect();
    Ok(KnowledgePair {
        pre_quiz_id: pre.id.clone(),
        pre_title: pre.title.clone(),
        post_quiz_id: post.id.clone(),
        post_title: post.title.clone(),
        gain: cohort_gain(&pairs),
        learners,
        unpaired,
    })
}
