//! The home screen: where to continue, what to do next, how many reviews
//! are due and how far each course is.

use chrono::{DateTime, Utc};
use qunxue_store::{courses, progress, study, Store};
use serde::Serialize;

use crate::quiz::review_queue;
use crate::Result;

/// The home screen's "continue where you left off": the module the learner read last.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContinueAt {
    /// The course of that module.
    pub course_id: String,
    /// The course's title, shown on the card.
    pub course_title: String,
    /// The module to reopen.
    pub module_id: String,
    /// The module's title, shown on the card.
    pub module_title: String,
    /// When the learner last opened it (RFC 3339 timestamp).
    pub last_opened_at: String,
    /// Heading to scroll to, as last saved.
    pub anchor: Option<String>,
}

/// The home screen's next step: a module not completed yet, to open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    /// The course of the module.
    pub course_id: String,
    /// The module to open.
    pub module_id: String,
    /// The module's title, shown on the card.
    pub module_title: String,
}

/// How far the learner is in one installed course, for the home screen's course list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseProgress {
    /// The course's id, to open it.
    pub course_id: String,
    /// The course's title.
    pub title: String,
    /// Current modules the learner has completed.
    pub completed: usize,
    /// The course's current modules.
    pub total: usize,
    /// Whole percent of current modules completed.
    pub percent: u32,
    /// Active study time credited in the course, in seconds (from heartbeats).
    pub active_seconds: i64,
}

/// The learner's home screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Home {
    /// The module read last, to continue; `None` before anything was read.
    pub continue_at: Option<ContinueAt>,
    /// The first unfinished module of the course being read (or of the first
    /// course when nothing was read yet); none when all are completed.
    pub next_step: Option<NextStep>,
    /// How many review cards are due now.
    pub due_reviews: usize,
    /// Every installed course with the learner's progress in it.
    pub courses: Vec<CourseProgress>,
}

/// The home screen of the learner `profile_id`: where to continue, the next step, due reviews, progress per course.
pub fn home(store: &Store, profile_id: &str, now: DateTime<Utc>) -> Result<Home> {
    let seconds = study::seconds_by_course(store.conn(), profile_id)?;
    let mut course_list = Vec::new();
    for course in courses::list_courses(store.conn())? {
        let modules = courses::list_modules(store.conn(), &course.id)?;
        let done = progress::for_course(store.conn(), profile_id, &course.id)?;
        let completed = modules
            .iter()
            .filter(|m| {
                done.iter().any(|p| p.module_id == m.id && p.status == qunxue_store::status::ProgressStatus::Completed)
            })
            .count();
        let percent = if modules.is_empty() { 0 } else { (completed * 100 / modules.len()) as u32 };
        course_list.push(CourseProgress {
            active_seconds: seconds.iter().find(|(id, _)| *id == course.id).map_or(0, |(_, s)| *s),
            course_id: course.id,
            title: course.title,
            completed,
            total: modules.len(),
            percent,
        });
    }
    let latest = study::latest(store.conn(), profile_id)?;
    let continue_at = match &latest {
        Some(a) => {
            let module = courses::get_module(store.conn(), &a.course_id, &a.module_id)?;
            let course = courses::get_course(store.conn(), &a.course_id)?;
            Some(ContinueAt {
                course_id: a.course_id.clone(),
                course_title: course.title,
                module_id: a.module_id.clone(),
                module_title: module.title,
                last_opened_at: a.last_opened_at.clone(),
                anchor: a.position_anchor.clone(),
            })
        }
        None => None,
    };
    let focus_course = latest.map(|a| a.course_id).or_else(|| course_list.first().map(|c| c.course_id.clone()));
    let next_step = match focus_course {
        Some(course_id) => next_unfinished(store, profile_id, &course_id)?,
        None => None,
    };
    Ok(Home {
        continue_at,
        next_step,
        due_reviews: review_queue(store, profile_id, now)?.due_count,
        courses: course_list,
    })
}

fn next_unfinished(store: &Store, profile_id: &str, course_id: &str) -> Result<Option<NextStep>> {
    let done = progress::for_course(store.conn(), profile_id, course_id)?;
    Ok(courses::list_modules(store.conn(), course_id)?
        .into_iter()
        .find(|m| {
            !done.iter().any(|p| p.module_id == m.id && p.status == qunxue_store::status::ProgressStatus::Completed)
        })
        .map(|m| NextStep { course_id: course_id.to_string(), module_id: m.id, module_title: m.title }))
}
