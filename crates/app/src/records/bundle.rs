//! Learner-record bundles: a learner exports their own records of a course
//! (or an instructor or admin of a shared laptop exports every learner's),
//! signed and hashed like the task bundles; an instructor or admin imports
//! them elsewhere through the one merge path. Import is all or nothing.

use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::classes::SOURCE_BUNDLE;
use qunxue_store::profiles::{self, Role};
use qunxue_store::submissions;
use qunxue_store::Store;
use serde::Serialize;

use super::merge::merge_learner;
use super::{collect, records_signer, LearnerRecords, RecordsBody, RECORDS_FORMAT};
use crate::access::Caller;
use crate::msg;
use crate::tasks::bundles::format::{read_bundle, BundleKind};
use crate::tasks::bundles::sign::write_signed;
use crate::tasks::bundles::submissions::{attachment_entries, write_attachments};
use crate::tasks::bundles::trust::{admit, record, Admission, ExportSummary};
use crate::tasks::common::stamp;
use crate::{AppError, Result};

const BODY: &str = "records.json";

/// Whose records an export carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    /// One learner (the acting profile's own, or one an instructor names).
    Learner(String),
    /// Every learner of this machine with records in the course.
    All,
}

/// What an import did (the CLI's `records import --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordsImported {
    /// The bundle's id (a UUID), by which a repeated import is recognised.
    pub bundle_id: String,
    /// The course the records belong to.
    pub course_id: String,
    /// Display name of the person who exported and signed the bundle.
    pub signer_name: String,
    /// Learners in the bundle.
    pub learners: usize,
    /// Of them, people this machine did not know (now class members).
    pub new_members: usize,
    /// Records this machine did not have.
    pub added: usize,
    /// Records it had already, or cannot hold (a module this course version lacks).
    pub skipped: usize,
    /// True when this bundle had been imported before; nothing was changed and the counts are 0.
    pub already_imported: bool,
}

/// Writes the records of `whose` in `course` to `out`, signed by `caller`.
/// A learner may export only their own; `Whose::All` and another learner's
/// records need an instructor or admin (the session checks the role).
pub fn export_records(
    store: &mut Store,
    data_dir: &Path,
    caller: &Caller,
    course: &str,
    whose: &Whose,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<ExportSummary> {
    qunxue_store::courses::get_course(store.conn(), course)?;
    let ids: Vec<String> = match whose {
        Whose::Learner(id) => vec![id.clone()],
        Whose::All => {
            profiles::list(store.conn())?.into_iter().filter(|p| p.role == Role::Learner).map(|p| p.id).collect()
        }
    };
    if let Whose::Learner(id) = whose {
        if *id != caller.profile_id && caller.role < Role::Instructor {
            return Err(AppError::Forbidden {
                action: msg!("exporting someone else's records", "导出他人的学习记录"),
                required: Role::Instructor,
                actual: caller.role,
            });
        }
    }
    let mut learners = Vec::new();
    for id in &ids {
        let records = collect(store, id, course)?;
        if !records.is_empty() {
            learners.push(records);
        }
    }
    if learners.is_empty() {
        return Err(AppError::Rejected(msg!(
            "no learning records in {course} to export",
            "课程 {course} 中还没有可以导出的学习记录"
        )));
    }
    let versions: Vec<_> = learners.iter().flat_map(|l| l.versions.iter().cloned()).collect();
    let (mut entries, blobs) = attachment_entries(store, data_dir, &versions)?;
    let body = RecordsBody { format: RECORDS_FORMAT, course_id: course.to_string(), learners, blobs };
    entries.insert(BODY.to_string(), serde_json::to_vec_pretty(&body).expect("records serialise"));
    let signer = profiles::get(store.conn(), &caller.profile_id)?;
    let (bundle_id, sequence) =
        write_signed(store, data_dir, &signer, BundleKind::Records, course, &entries, out, now)?;
    Ok(ExportSummary {
        bundle_id,
        course_id: course.to_string(),
        sequence,
        items: body.learners.len(),
        attachments: body.blobs.len(),
    })
}

/// Imports a learner-record bundle: verified (signature, hashes, replay
/// guard, the signer's pinned key) before anything is written, then every
/// learner merged in one transaction.
pub fn import_records(store: &mut Store, data_dir: &Path, path: &Path, now: DateTime<Utc>) -> Result<RecordsImported> {
    let bundle = read_bundle(path, BundleKind::Records)?;
    let manifest = &bundle.manifest;
    let signer = records_signer(&manifest.signer_id);
    let summary = |learners: usize, new_members: usize, added: usize, skipped: usize, already: bool| RecordsImported {
        bundle_id: manifest.bundle_id.clone(),
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        learners,
        new_members,
        added,
        skipped,
        already_imported: already,
    };
    if admit(store.conn(), manifest, &signer, None)? == Admission::AlreadyImported {
        return Ok(summary(0, 0, 0, 0, true));
    }
    let body: RecordsBody = serde_json::from_slice(
        bundle.entries.get(BODY).ok_or_else(|| AppError::Rejected(msg!("{BODY} is missing", "记录包缺少 {BODY}")))?,
    )
    .map_err(|e| AppError::Rejected(msg!("{BODY} is malformed: {e}", "{BODY} 无法解析：{e}")))?;
    check_body(&body, &manifest.course_id)?;
    write_attachments(data_dir, &bundle.entries, &body.blobs)?;
    let stamp = stamp(now);
    let (new_members, added, skipped) = store.transact(|tx| -> Result<(usize, usize, usize)> {
        for blob in &body.blobs {
            submissions::insert_blob(tx, blob)?;
        }
        let (mut new_members, mut added, mut skipped) = (0, 0, 0);
        for learner in &body.learners {
            // A local profile stays local: its owner may have used both laptops.
            let outcome = merge_learner(tx, &body.course_id, learner, SOURCE_BUNDLE, &stamp)?;
            new_members += usize::from(outcome.new_member);
            added += outcome.records.added;
            skipped += outcome.records.skipped;
        }
        record(tx, manifest, &signer, &stamp)?;
        Ok((new_members, added, skipped))
    })?;
    Ok(summary(body.learners.len(), new_members, added, skipped, false))
}

/// Every record must belong to the learner it is filed under and to the
/// bundle's course; nothing is written otherwise.
fn check_body(body: &RecordsBody, course: &str) -> Result<()> {
    if body.format != RECORDS_FORMAT {
        let format = &body.format;
        return Err(AppError::Rejected(msg!(
            "records format {format} is not supported (this version reads format {RECORDS_FORMAT})",
            "记录包格式 {format} 不受支持（本版本读取格式 {RECORDS_FORMAT}）"
        )));
    }
    if body.course_id != course {
        return Err(AppError::Rejected(msg!(
            "the body's course differs from the manifest",
            "记录包的课程与签名清单不一致"
        )));
    }
    let foreign = |l: &LearnerRecords| {
        l.versions.iter().find(|v| v.profile_id != l.profile_id || v.course_id != course).map(|v| v.id.clone())
    };
    for learner in &body.learners {
        if learner.profile_id.trim().is_empty() {
            return Err(AppError::Rejected(msg!("a learner has no id", "记录包中有一位学员没有编号")));
        }
        if let Some(id) = foreign(learner) {
            let learner_id = &learner.profile_id;
            return Err(AppError::Rejected(msg!(
                "version {id} does not belong to its learner {learner_id}",
                "作业版本 {id} 不属于学员 {learner_id}"
            )));
        }
    }
    Ok(())
}
