//! Deciding whether a verified bundle may be applied here: the course must be
//! installed (and the one expected), the signer's key must be one of the keys
//! trusted for that signer, and the bundle must be newer than anything already
//! imported from that key. Importing the very same bundle again is not an
//! error: it is recognised and changes nothing.
//!
//! Which keys are trusted: for a course's grades, the instructors' keys its
//! `course.toml` names (`instructor_keys`), and no other; when it names
//! none, the first key seen is pinned silently and another is trusted only
//! when an instructor or admin confirms its fingerprint with
//! [`trust_bundle_key`] (or the owner of a personal machine, who could edit
//! their own records anyway). For learners' bundles, the first key per
//! learner, then an instructor's confirmation.

use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::bundle_log::{self, ImportedBundle};
use qunxue_store::{courses, Store};
use qunxue_store::{Connection, Transaction};
use serde::Serialize;

use super::format::{read_bundle, BundleKind, Manifest};
use super::keys::{fingerprint, instructor_signer, learner_signer};
use crate::access::{self, Role};
use crate::msg;
use crate::tasks::common::stamp;
use crate::{AppError, Result};

/// Whether to apply a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Admission {
    Apply,
    AlreadyImported,
}

/// What an import did, for the CLI's `--json` and the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// The bundle's id (a UUID), by which a repeated import is recognised.
    pub bundle_id: String,
    /// The course the bundle belongs to.
    pub course_id: String,
    /// Display name of the person who exported and signed the bundle.
    pub signer_name: String,
    /// True when this bundle had been imported before; nothing was changed.
    pub already_imported: bool,
    /// Versions (submissions) or results (grades) written.
    pub added: usize,
    /// Entries already present, or not for anyone on this machine.
    pub skipped: usize,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    /// The new bundle's id (a UUID).
    pub bundle_id: String,
    /// The course exported.
    pub course_id: String,
    /// The bundle's number in the signer's series for this kind and course; importers refuse older ones.
    pub sequence: i64,
    /// Versions (submissions) or results (grades) in the bundle.
    pub items: usize,
    /// Attachment files included.
    pub attachments: usize,
}

pub(crate) fn admit(
    conn: &Connection,
    manifest: &Manifest,
    signer: &str,
    expected_course: Option<&str>,
) -> Result<Admission> {
    admit_course(conn, manifest, expected_course)?;
    if bundle_log::imported(conn, &manifest.bundle_id)?.is_some() {
        return Ok(Admission::AlreadyImported);
    }
    let named = course_instructor_keys(conn, manifest)?;
    if !named.is_empty() {
        if !named.contains(&manifest.public_key.to_ascii_lowercase()) {
            let (signer_name, found) = (&manifest.signer_name, fingerprint(&manifest.public_key));
            return Err(AppError::Rejected(msg!(
                "the course accepts grades only from the instructor keys it names; this bundle's key ({found}, signed by {signer_name}) is not one of them",
                "这个成绩包由「{signer_name}」的密钥（指纹 {found}）签名，但课程只接受它指定的讲师密钥"
            )));
        }
        return replay_check(conn, manifest, signer);
    }
    let trusted = bundle_log::trusted_keys(conn, signer)?;
    // No key yet: trust on first use, as before several keys were allowed.
    if !trusted.is_empty() && !trusted.contains(&manifest.public_key) {
        return Err(AppError::UntrustedKey {
            signer_name: manifest.signer_name.clone(),
            fingerprint: fingerprint(&manifest.public_key),
        });
    }
    replay_check(conn, manifest, signer)
}

/// The instructors' keys the course names, for a grades bundle (none for
/// learners' bundles).
fn course_instructor_keys(conn: &Connection, manifest: &Manifest) -> Result<Vec<String>> {
    Ok(match manifest.kind {
        BundleKind::Grades => courses::instructor_keys(conn, &manifest.course_id)?,
        BundleKind::Submissions | BundleKind::Records => Vec::new(),
    })
}

/// A bundle must be newer than anything imported from its key.
fn replay_check(conn: &Connection, manifest: &Manifest, signer: &str) -> Result<Admission> {
    let kind = manifest.kind.as_str();
    if let Some(last) =
        bundle_log::last_imported_sequence(conn, kind, signer, &manifest.course_id, &manifest.public_key)?
    {
        if manifest.sequence <= last {
            let sequence = manifest.sequence;
            return Err(AppError::Rejected(msg!(
                "replayed bundle: sequence {sequence} is not newer than {last}; import the latest bundle exported",
                "这是一个旧包（序号 {sequence}，本机已导入到 {last}），请导入最新导出的包"
            )));
        }
    }
    Ok(Admission::Apply)
}

/// The bundle's course must be installed here (and be the one expected).
fn admit_course(conn: &Connection, manifest: &Manifest, expected_course: Option<&str>) -> Result<()> {
    if let Some(expected) = expected_course.filter(|c| *c != manifest.course_id) {
        let course = &manifest.course_id;
        return Err(AppError::Rejected(msg!(
            "the bundle is for course {course}, not {expected}",
            "这个包属于课程 {course}，不是 {expected}"
        )));
    }
    if courses::get_course(conn, &manifest.course_id).is_err() {
        let course = &manifest.course_id;
        return Err(AppError::Rejected(msg!(
            "the bundle is for course {course}, which is not installed here",
            "这个包属于课程 {course}，本机没有安装该课程"
        )));
    }
    Ok(())
}

/// Pins the signer's key (first import) and records the bundle, inside the
/// import's transaction.
pub(crate) fn record(tx: &Transaction<'_>, manifest: &Manifest, signer: &str, now: &str) -> Result<()> {
    if bundle_log::trusted_keys(tx, signer)?.is_empty() {
        bundle_log::trust_key(tx, signer, &manifest.public_key, now, None)?;
    }
    bundle_log::record_import(
        tx,
        &ImportedBundle {
            bundle_id: manifest.bundle_id.clone(),
            kind: manifest.kind.as_str().to_string(),
            signer: signer.to_string(),
            course_id: manifest.course_id.clone(),
            sequence: manifest.sequence,
            imported_at: now.to_string(),
            public_key: manifest.public_key.clone(),
        },
    )?;
    Ok(())
}

pub(crate) fn already(manifest: &Manifest) -> ImportSummary {
    ImportSummary {
        bundle_id: manifest.bundle_id.clone(),
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        already_imported: true,
        added: 0,
        skipped: 0,
    }
}

/// A key someone chose to trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustedKey {
    /// The course the key is trusted for.
    pub course_id: String,
    /// Display name of the signer whose key is now trusted.
    pub signer_name: String,
    /// The key's fingerprint (groups of four hex digits), as the person confirmed it.
    pub fingerprint: String,
}

/// Trusts the key that signed the bundle at `bundle_path` for its signer, so
/// that the next import of it is admitted. The bundle is fully verified first
/// (a damaged or altered file cannot be used to plant a key). Only an
/// instructor or admin may trust a key — a learner trusting a key for their
/// own grades could forge them — except on a personal machine, whose one
/// user holds their own database anyway. A course that names its
/// instructors' keys trusts no other key for its grades.
/// `fingerprint` is the one the person confirmed: if the file now carries
/// another key (swapped after the refusal was shown), nothing is trusted.
pub fn trust_bundle_key(
    store: &mut Store,
    profile: &str,
    bundle_path: &Path,
    kind: BundleKind,
    confirmed_fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<TrustedKey> {
    let personal =
        qunxue_store::settings::get(store.conn(), qunxue_store::settings::MACHINE_USE)?.as_deref() == Some("personal");
    let caller = match kind {
        BundleKind::Grades if personal => access::caller(store.conn(), profile)?,
        BundleKind::Grades => access::require(
            store.conn(),
            profile,
            Role::Instructor,
            msg!("trusting a new instructor key", "信任新的讲师密钥"),
        )?,
        BundleKind::Submissions | BundleKind::Records => {
            access::require(store.conn(), profile, Role::Instructor, msg!("trusting a learner key", "信任学员密钥"))?
        }
    };
    let manifest = read_bundle(bundle_path, kind)?.manifest;
    admit_course(store.conn(), &manifest, None)?;
    if !course_instructor_keys(store.conn(), &manifest)?.is_empty() {
        return Err(AppError::Rejected(msg!(
            "the course names its instructors' keys; no other key can be trusted for its grades",
            "这门课程指定了讲师密钥，只接受这些密钥签名的成绩包，不能另行信任其他密钥"
        )));
    }
    let found = fingerprint(&manifest.public_key);
    if normalise(confirmed_fingerprint) != normalise(&found) {
        return Err(AppError::Rejected(msg!(
            "the confirmed fingerprint {confirmed_fingerprint} does not match the bundle's key {found}; nothing was trusted",
            "确认的指纹 {confirmed_fingerprint} 与包的签名密钥（指纹 {found}）不一致，未信任任何密钥"
        )));
    }
    let signer = match kind {
        BundleKind::Grades => instructor_signer(&manifest.course_id),
        BundleKind::Submissions => learner_signer(&manifest.signer_id),
        BundleKind::Records => crate::records::records_signer(&manifest.signer_id),
    };
    let now = stamp(now);
    store.transact(|tx| {
        bundle_log::trust_key(tx, &signer, &manifest.public_key, &now, Some(caller.profile_id.as_str()))
    })?;
    Ok(TrustedKey {
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        fingerprint: fingerprint(&manifest.public_key),
    })
}

/// Fingerprints compare without spaces and case, as people type them.
fn normalise(fingerprint: &str) -> String {
    fingerprint.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase()
}
