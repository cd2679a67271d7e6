//! Learner → instructor: a learner exports their submitted versions of a
//! course (with attachments) as a signed bundle; the instructor imports it on
//! another machine, creating the learner's profile there if needed.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::profiles::{self, Profile};
use qunxue_store::submissions::{self, BlobRecord, VersionRecord, SOURCE_SUBMISSION};
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use super::format::{read_bundle, BundleKind};
use super::keys::learner_signer;
use super::sign::write_signed;
use super::trust::{admit, already, record, Admission, ExportSummary, ImportSummary};
use crate::access::{self, Role};
use crate::msg;
use crate::tasks::attachments::{blob_path, sha256_hex, write_blob};
use crate::tasks::common::{from_json, load_task, stamp, AttachmentRef};
use crate::{AppError, Result};

const BODY: &str = "submissions.json";

#[derive(Debug, Serialize, Deserialize)]
struct Body {
    learner_id: String,
    learner_name: String,
    versions: Vec<VersionRecord>,
    blobs: Vec<BlobRecord>,
}

fn blob_entry(sha256: &str) -> String {
    format!("attachments/{sha256}")
}

/// A bundle's attachment entries (`attachments/<sha256>` → bytes) and their records.
pub(crate) type AttachmentEntries = (BTreeMap<String, Vec<u8>>, Vec<BlobRecord>);

/// The attachments `versions` name, each once.
pub(crate) fn attachment_entries(
    store: &Store,
    data_dir: &Path,
    versions: &[VersionRecord],
) -> Result<AttachmentEntries> {
    let mut entries = BTreeMap::new();
    let mut blobs = BTreeMap::new();
    for v in versions {
        for a in from_json::<Vec<AttachmentRef>>(&v.attachments, msg!("attachment list", "附件列表"))? {
            if blobs.contains_key(&a.sha256) {
                continue;
            }
            let path = blob_path(data_dir, &a.sha256)?;
            let bytes = std::fs::read(&path).map_err(AppError::read(&path))?;
            entries.insert(blob_entry(&a.sha256), bytes);
            blobs.insert(a.sha256.clone(), submissions::blob(store.conn(), &a.sha256)?);
        }
    }
    Ok((entries, blobs.into_values().collect()))
}

/// Writes a bundle's attachments to the data folder, each checked against its
/// hash. They go first, outside the import's transaction: content-addressed
/// and idempotent, so one left behind by a failed transaction is harmless and
/// reused by the next import.
pub(crate) fn write_attachments(
    data_dir: &Path,
    entries: &BTreeMap<String, Vec<u8>>,
    blobs: &[BlobRecord],
) -> Result<()> {
    for blob in blobs {
        let sha256 = &blob.sha256;
        let bytes = entries.get(&blob_entry(sha256)).ok_or_else(|| {
            AppError::Rejected(msg!("attachment {sha256} is missing from the bundle", "附件 {sha256} 不在包中"))
        })?;
        if sha256_hex(bytes) != *sha256 {
            return Err(AppError::Rejected(msg!(
                "attachment hash mismatch: the content of {sha256} does not match its checksum",
                "附件 {sha256} 的内容与其校验值不符"
            )));
        }
        write_blob(data_dir, &blob.sha256, bytes)?;
    }
    Ok(())
}

/// Writes the caller's submitted versions of `course` to `out`.
pub fn export_submissions(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    course: &str,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<ExportSummary> {
    let caller = access::caller(store.conn(), profile)?;
    let learner = profiles::get(store.conn(), &caller.profile_id)?;
    qunxue_store::courses::get_course(store.conn(), course)?;
    let versions: Vec<_> = submissions::versions_of_learner(store.conn(), profile, course)?
        .into_iter()
        .filter(|v| v.source == SOURCE_SUBMISSION)
        .collect();
    if versions.is_empty() {
        return Err(AppError::Rejected(msg!(
            "nothing submitted in {course} to export",
            "课程 {course} 中还没有已提交的作业可以导出"
        )));
    }
    let (mut entries, blobs) = attachment_entries(store, data_dir, &versions)?;
    let body = Body { learner_id: learner.id.clone(), learner_name: learner.display_name.clone(), versions, blobs };
    entries.insert(BODY.to_string(), serde_json::to_vec_pretty(&body).expect("body serialises"));
    let (bundle_id, sequence) =
        write_signed(store, data_dir, &learner, BundleKind::Submissions, course, &entries, out, now)?;
    Ok(ExportSummary {
        bundle_id,
        course_id: course.to_string(),
        sequence,
        items: body.versions.len(),
        attachments: body.blobs.len(),
    })
}

/// Imports a learner's submissions bundle (instructors only). All or nothing.
pub fn import_submissions(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    bundle_path: &Path,
    expected_course: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    access::require(store.conn(), profile, Role::Instructor, msg!("importing submissions", "导入学员作业"))?;
    let bundle = read_bundle(bundle_path, BundleKind::Submissions)?;
    let manifest = &bundle.manifest;
    let signer = learner_signer(&manifest.signer_id);
    if admit(store.conn(), manifest, &signer, expected_course)? == Admission::AlreadyImported {
        return Ok(already(manifest));
    }
    let body: Body = serde_json::from_slice(
        bundle.entries.get(BODY).ok_or_else(|| AppError::Rejected(msg!("{BODY} is missing", "作业包缺少 {BODY}")))?,
    )
    .map_err(|e| AppError::Rejected(msg!("{BODY} is malformed: {e}", "{BODY} 无法解析：{e}")))?;
    if body.learner_id != manifest.signer_id {
        return Err(AppError::Rejected(msg!(
            "the learner in the bundle is not the signer",
            "作业包中的学员与签名者不一致"
        )));
    }
    for v in &body.versions {
        if v.profile_id != body.learner_id || v.course_id != manifest.course_id || v.source != SOURCE_SUBMISSION {
            let id = &v.id;
            return Err(AppError::Rejected(msg!(
                "version {id} in the bundle does not belong to this learner or course",
                "作业包中的版本 {id} 不属于该学员或该课程"
            )));
        }
        load_task(store.conn(), &v.course_id, &v.task_id).map_err(|_| {
            let task = &v.task_id;
            AppError::Rejected(msg!(
                "task {task} is not installed on this computer: update the course first",
                "本机课程中没有作业 {task}，请先更新课程"
            ))
        })?;
        for a in from_json::<Vec<AttachmentRef>>(&v.attachments, msg!("attachment list", "附件列表"))? {
            if !bundle.entries.contains_key(&blob_entry(&a.sha256)) {
                let (name, sha256) = (&a.name, &a.sha256);
                return Err(AppError::Rejected(msg!(
                    "attachment “{name}” ({sha256}) is missing from the bundle",
                    "作业包缺少附件「{name}」"
                )));
            }
        }
    }
    write_attachments(data_dir, &bundle.entries, &body.blobs)?;
    let now = stamp(now);
    let (added, skipped) = store.transact(|tx| -> Result<(usize, usize)> {
        if profiles::get(tx, &body.learner_id).is_err() {
            profiles::insert(tx, &Profile::learner(&body.learner_id, &body.learner_name, &now))?;
        }
        for blob in &body.blobs {
            submissions::insert_blob(tx, blob)?;
        }
        let mut added = 0;
        for v in &body.versions {
            added += usize::from(submissions::insert_version(tx, v)?);
        }
        record(tx, manifest, &signer, &now)?;
        Ok((added, body.versions.len() - added))
    })?;
    Ok(ImportSummary {
        bundle_id: manifest.bundle_id.clone(),
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        already_imported: false,
        added,
        skipped,
    })
}
