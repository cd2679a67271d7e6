//! Reading a course's statements back from the company's LRS (issue 22):
//! `GET {endpoint}/statements`, page by page through `more`, keeping those
//! about the course. Each page is kept in `lrs_statements` with
//! the link to the next one in the same transaction, so a pull killed
//! half-way resumes where it stopped. When the last page is in, every
//! learner's records are rebuilt from all of their kept statements and go
//! through #21's one merge path, noting `lrs` as the source.
//!
//! Why no server-side filter: the spec's `activity` + `related_activities`
//! would fetch just the course, but Ralph's backends (Elasticsearch, MongoDB,
//! ClickHouse; checked in Ralph 5's source) match `activity` on `object.id`
//! only and do not implement `related_activities`, so a module's statements
//! (the course is in their context) would be lost; the statements are
//! filtered here instead. And not `since`: the spec filters it on `stored`,
//! but Ralph filters on the statement's `timestamp`, and an offline laptop
//! sends last week's statements today — a `since` cursor would miss them.
//! Reading again and merging idempotently never misses and never duplicates.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::Utc;
use qunxue_core::xapi::Iris;
use qunxue_store::{courses, lrs_mirror, xapi as outbox, Store};
use serde_json::Value;

use super::lrs::Lrs;
use super::rebuild::rebuild;
use super::settings::check_endpoint;
use super::sync::{locked, Credentials, SyncError};
use crate::msg;
use crate::records::merge::merge_learner;
use crate::tasks::common::stamp;
use crate::AppError;

/// How a pull from the LRS pages and waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullOptions {
    /// Statements per page asked for.
    pub page_size: usize,
    /// Per request, connect to last byte.
    pub timeout: Duration,
}

impl Default for PullOptions {
    fn default() -> Self {
        Self { page_size: 500, timeout: Duration::from_secs(60) }
    }
}

/// What a pull did (the CLI's `class pull --json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PullSummary {
    /// Statements read in this run (pages resumed from an earlier run count
    /// only from where it stopped).
    pub statements: usize,
    /// Learners with statements in the course.
    pub members: usize,
    /// Records the merge added (0 when everything was here already).
    pub added: usize,
    /// How long the pull took, in seconds.
    pub seconds: f64,
}

/// Pulls `course` from the LRS. `after_page` sees how many statements this
/// run has read so far. The store is locked per page, never during HTTP.
pub fn pull_course(
    store: &Mutex<Store>,
    credentials: &Credentials,
    course: &str,
    options: &PullOptions,
    mut after_page: impl FnMut(usize),
) -> Result<PullSummary, SyncError> {
    let started = Instant::now();
    let endpoint = check_endpoint(&credentials.endpoint)?;
    if endpoint.is_empty() {
        return Err(SyncError::NotConfigured);
    }
    let (course_iri, resume) = {
        let guard = locked(store)?;
        courses::get_course(guard.conn(), course)?;
        let iris = Iris::new(&outbox::iri_base(guard.conn())?)
            .map_err(|e| AppError::internal(msg!("reading the stored xAPI IRI base", "读取保存的 xAPI IRI 基址"), e))?;
        (iris.course(course), lrs_mirror::resume_point(guard.conn(), &endpoint, course)?)
    };
    let lrs = Lrs::new(&endpoint, credentials, options.timeout);
    let page_size = options.page_size.max(1).to_string();
    let mut read = 0;
    lrs.each_page(&[("limit", page_size.as_str())], resume, |statements, more| {
        let now = stamp(Utc::now());
        locked(store)?.transact(|tx| -> crate::Result<()> {
            for statement in statements.iter().filter(|s| is_about(s, &course_iri)) {
                let (Some(id), Some(actor)) =
                    (statement["id"].as_str(), statement["actor"]["account"]["name"].as_str())
                else {
                    continue;
                };
                lrs_mirror::keep(tx, id, course, actor, &statement.to_string(), &now)?;
            }
            // Until the last page is in, the next run resumes at `more`.
            lrs_mirror::set_resume_point(tx, &endpoint, course, Some(more.unwrap_or("")), &now)?;
            Ok(())
        })?;
        read += statements.len();
        after_page(read);
        Ok(())
    })?;
    let (members, added) = merge_everyone(store, &endpoint, course)?;
    Ok(PullSummary { statements: read, members, added, seconds: started.elapsed().as_secs_f64() })
}

/// Rebuilds and merges every learner of `course` from the kept statements,
/// and marks the pull finished, in one transaction.
fn merge_everyone(store: &Mutex<Store>, endpoint: &str, course: &str) -> Result<(usize, usize), SyncError> {
    let mut guard = locked(store)?;
    let kept = lrs_mirror::of_course(guard.conn(), course)?;
    let mut by_learner: Vec<(String, Vec<Value>)> = Vec::new();
    for (profile, body) in kept {
        let statement: Value = serde_json::from_str(&body).map_err(|e| {
            AppError::Internal(msg!("a kept statement is not JSON: {e}", "保存的一条学习记录不是 JSON：{e}"))
        })?;
        match by_learner.last_mut() {
            Some((last, list)) if *last == profile => list.push(statement),
            _ => by_learner.push((profile, vec![statement])),
        }
    }
    let now = stamp(Utc::now());
    let added = guard.transact(|tx| -> crate::Result<usize> {
        let mut added = 0;
        for (profile, statements) in &by_learner {
            let records = rebuild(course, profile, statements);
            added += merge_learner(tx, course, &records, "lrs", &now)?.records.added;
        }
        lrs_mirror::set_resume_point(tx, endpoint, course, None, &now)?;
        Ok(added)
    })?;
    Ok((by_learner.len(), added))
}

/// Whether `statement` is about the course: its object is the course or
/// lies under it, or the course is among its context activities.
fn is_about(statement: &Value, course_iri: &str) -> bool {
    let under = |id: &str| id == course_iri || id.strip_prefix(course_iri).is_some_and(|rest| rest.starts_with('/'));
    if statement["object"]["id"].as_str().is_some_and(under) {
        return true;
    }
    statement["context"]["contextActivities"].as_object().is_some_and(|activities| {
        activities.values().filter_map(Value::as_array).flatten().any(|a| a["id"] == course_iri)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_statement_is_about_the_course_by_its_object_or_its_context() {
        let course = "https://x.example/xapi/courses/c1";
        assert!(is_about(&json!({"object": {"id": course}}), course));
        assert!(is_about(&json!({"object": {"id": format!("{course}/modules/m1")}}), course));
        assert!(
            !is_about(&json!({"object": {"id": format!("{course}0/modules/m1")}}), course),
            "c10 is another course"
        );
        assert!(is_about(
            &json!({"object": {"id": "https://other/q"}, "context": {"contextActivities": {"grouping": [{"id": course}]}}}),
            course
        ));
        assert!(!is_about(&json!({"object": {"id": "https://other/q"}}), course));
    }
}
