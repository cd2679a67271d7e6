//! Marks back through the LRS (issue 22, company mode): a learner's machine
//! reads the statements about its own profiles (`GET statements?agent=…`)
//! and takes in the marks an instructor released elsewhere — a hand-marked
//! short answer (`scored` on the question, with its comment) and a task
//! grade (`scored` on the task, with the released result in the
//! `rubric-result` extension) — as a grades bundle would bring them.
//!
//! Which statements count as an instructor's: `scored` ones naming an
//! instructor, not written by this machine, and not stored under the
//! authority this machine's own statements carry (the LRS sets `authority`
//! from the credential that posted, so a learner's credential cannot pass
//! its own statement off as someone else's). A mark for an attempt or a
//! submission this machine does not hold, or one held by another profile,
//! is not taken.
//!
//! In private mode ([`MarksArriveBy::Bundle`]) the pull still reads (a
//! restricted credential sees only what this machine wrote), but takes
//! nothing in: marks arrive by grades bundle, and the summary says so.

use std::collections::BTreeSet;
use std::sync::Mutex;

use qunxue_core::xapi::{extension, Iris, VerbKind};
use qunxue_store::attempt_answers::ManualGrade;
use qunxue_store::{attempts, marks, profiles, submissions, xapi as outbox, Store};
use serde::Serialize;
use serde_json::Value;

use super::lrs::Lrs;
use super::pull::PullOptions;
use super::settings::{check_endpoint, MarksArriveBy};
use super::sync::{locked, Credentials, SyncError};
use crate::msg;
use crate::quiz::marking::apply_mark_from_elsewhere;
use crate::tasks::common::ResultView;
use crate::AppError;

/// What a marks pull did (the CLI's `xapi marks --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarksPull {
    /// The mode in force: with `bundle`, nothing read is taken in.
    pub marks_arrive_by: MarksArriveBy,
    /// This machine's profiles asked about.
    pub profiles: usize,
    /// Statements the LRS returned about them.
    pub statements: usize,
    /// Of those, written by another machine (an instructor's marks, or
    /// anything a restricted credential should not see).
    pub written_elsewhere: usize,
    /// Marks and grades taken in (0 when all were here already).
    pub applied: usize,
}

/// Reads the statements about this machine's profiles and, in company
/// mode, takes in the marks they carry. The store is locked per profile's
/// batch of work, never during HTTP.
pub fn pull_marks(
    store: &Mutex<Store>,
    credentials: &Credentials,
    options: &PullOptions,
) -> Result<MarksPull, SyncError> {
    let endpoint = check_endpoint(&credentials.endpoint)?;
    if endpoint.is_empty() {
        return Err(SyncError::NotConfigured);
    }
    let (mode, iris, local) = {
        let guard = locked(store)?;
        let iris = Iris::new(&outbox::iri_base(guard.conn())?)
            .map_err(|e| AppError::internal(msg!("reading the stored xAPI IRI base", "读取保存的 xAPI IRI 基址"), e))?;
        let local: Vec<String> = profiles::list(guard.conn())?.into_iter().map(|p| p.id).collect();
        (MarksArriveBy::configured(guard.conn())?, iris, local)
    };
    let lrs = Lrs::new(&endpoint, credentials, options.timeout);
    let page_size = options.page_size.max(1).to_string();
    let mut summary =
        MarksPull { marks_arrive_by: mode, profiles: local.len(), statements: 0, written_elsewhere: 0, applied: 0 };
    for profile in &local {
        let agent =
            serde_json::json!({ "objectType": "Agent", "account": { "homePage": iris.base(), "name": profile } })
                .to_string();
        let mut about: Vec<Value> = Vec::new();
        lrs.each_page(&[("agent", agent.as_str()), ("limit", page_size.as_str())], None, |page, _| {
            about.extend(page);
            Ok(())
        })?;
        summary.statements += about.len();
        let mut guard = locked(store)?;
        let (mut ours, mut elsewhere) = (Vec::new(), Vec::new());
        for statement in about {
            let here = match statement["id"].as_str() {
                Some(id) => outbox::queued_here(guard.conn(), id)?,
                None => false,
            };
            if here { &mut ours } else { &mut elsewhere }.push(statement);
        }
        summary.written_elsewhere += elsewhere.len();
        if mode == MarksArriveBy::Bundle {
            continue;
        }
        let own_authorities: BTreeSet<String> = ours.iter().map(|s| s["authority"].to_string()).collect();
        let marks: Vec<&Value> = elsewhere
            .iter()
            .filter(|s| s["verb"]["id"] == VerbKind::Scored.iri() && s["context"]["instructor"].is_object())
            .filter(|s| !own_authorities.contains(&s["authority"].to_string()))
            .collect();
        summary.applied += guard.transact(|tx| -> crate::Result<usize> {
            let mut applied = 0;
            for statement in marks_oldest_first(marks) {
                if take_in(tx, &iris, profile, statement)? {
                    applied += 1;
                }
            }
            Ok(applied)
        })?;
    }
    Ok(summary)
}

/// The newest mark for an answer or a submission wins, so they are taken
/// in oldest first: by the instant, not the text (an LRS may write any
/// RFC 3339 form, `+08:00` included).
fn marks_oldest_first(mut marks: Vec<&Value>) -> Vec<&Value> {
    marks.sort_by_key(|mark| statement_time(mark));
    marks
}

/// A statement's `timestamp` as an instant; `None` sorts first.
fn statement_time(statement: &Value) -> Option<chrono::DateTime<chrono::Utc>> {
    statement["timestamp"].as_str().and_then(|text| qunxue_store::time::parse(text).ok())
}

/// Takes in one instructor's `scored` statement about `profile`; whether it
/// changed anything.
fn take_in(tx: &qunxue_store::Transaction<'_>, iris: &Iris, profile: &str, statement: &Value) -> crate::Result<bool> {
    let result = &statement["result"];
    let context_extension = |name: &str| statement["context"]["extensions"][iris.extension(name)].as_str();
    let result_extension = |name: &str| &result["extensions"][iris.extension(name)];
    let object = statement["object"]["id"].as_str().unwrap_or_default();
    if object.contains("/questions/") {
        let (Some(attempt_id), Some(question_id)) =
            (context_extension(extension::ATTEMPT_ID), context_extension(extension::QUESTION_ID))
        else {
            return Ok(false);
        };
        if !attempts::get(tx, attempt_id).is_ok_and(|a| a.profile_id == profile) {
            return Ok(false);
        }
        let grade = ManualGrade {
            score: result["score"]["raw"].as_f64().unwrap_or(-1.0),
            comment: result_extension(extension::COMMENT).as_str().map(String::from),
            graded_by: None,
            graded_at: statement_time(statement).map(qunxue_store::time::stamp),
        };
        return apply_mark_from_elsewhere(tx, attempt_id, question_id, &grade);
    }
    let Some(version_id) = context_extension(extension::SUBMISSION_VERSION_ID) else { return Ok(false) };
    let Ok(mut released) = serde_json::from_value::<ResultView>(result_extension(extension::RUBRIC_RESULT).clone())
    else {
        return Ok(false);
    };
    // Compared as text below, so in the stored form whatever form it came in.
    let Ok(released_at) = qunxue_store::time::parse(&released.released_at) else { return Ok(false) };
    released.released_at = qunxue_store::time::stamp(released_at);
    let owned = submissions::version(tx, version_id).is_ok_and(|v| v.profile_id == profile);
    if !owned || released.version_id != version_id {
        return Ok(false);
    }
    if marks::result(tx, version_id)?.is_some_and(|held| held.released_at >= released.released_at) {
        return Ok(false);
    }
    marks::save_result(tx, &released.into_record())?;
    Ok(true)
}
