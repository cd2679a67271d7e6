//! The home screen: where to continue, what to do next, how many reviews
//! are due and how far each course is.

use chrono::{DateTime, Utc};
use qunxue_store::{courses, progress, study, Store};
use serde::Serialize;

use crate::quiz::review_queue;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContinueAt {
    pub course_id: String,
    pub course_title: String,
    pub module_id: String,
    pub module_title: String,
    pub last_opened_at: String,
    /// Heading to scroll to, as last saved.
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    pub course_id: String,
    pub module_id: String,
    pub module_title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseProgress {
    pub course_id: String,
    pub title: String,
    pub completed: usize,
    pub total: usize,
    /// Whole percent of current modules completed.
    pub percent: u32,
    pub active_seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Home {
    pub continue_at: Option<ContinueAt>,
    /// The first unfinished module of the course being read (or of the first
    /// course when nothing was read yet); none when all are completed.
    pub next_step: Option<NextStep>,
    pub due_reviews: usize,
    pub courses: Vec<CourseProgress>,
}

pub fn home(store: &Store, profile_id: &str, now: DateTime<Utc>) -> Result<Home> {
    let seconds = study::seconds_by_course(store.conn(), profile_id)?;
    let mut course_list = Vec::new();
    for course in courses::list_courses(store.conn())? {
        let modules = courses::list_modules(store.conn(), &course.id)?;
        let done = progress::for_course(store.conn(), profile_id, &course.id)?;
        let completed =
            modules.iter().filter(|m| done.iter().any(|p| p.module_id == m.id && p.status == "completed")).count();
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
        .find(|m| !done.iter().any(|p| p.module_id == m.id && p.status == "completed"))
        .map(|m| NextStep { course_id: course_id.to_string(), module_id: m.id, module_title: m.title }))
}
