//! Deciding whether a verified bundle may be applied here: the course must be
//! installed (and the one expected), the signer's key must match the key
//! pinned on first import, and the bundle must be newer than anything already
//! imported from that signer. Importing the very same bundle again is not an
//! error: it is recognised and changes nothing.

use qunxue_store::bundle_log::{self, ImportedBundle};
use qunxue_store::courses;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

use super::format::Manifest;
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
    pub bundle_id: String,
    pub course_id: String,
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
    pub bundle_id: String,
    pub course_id: String,
    pub sequence: i64,
    /// Versions (submissions) or results (grades) in the bundle.
    pub items: usize,
    pub attachments: usize,
}

pub(crate) fn admit(
    conn: &Connection,
    manifest: &Manifest,
    signer: &str,
    expected_course: Option<&str>,
) -> Result<Admission> {
    if let Some(expected) = expected_course.filter(|c| *c != manifest.course_id) {
        return Err(AppError::Rejected(format!(
            "这个包属于课程 {}，不是 {expected} / the bundle is for course {}, not {expected}",
            manifest.course_id, manifest.course_id
        )));
    }
    if courses::get_course(conn, &manifest.course_id).is_err() {
        return Err(AppError::Rejected(format!(
            "这个包属于课程 {}，本机没有安装该课程 / course {} is not installed here",
            manifest.course_id, manifest.course_id
        )));
    }
    if bundle_log::imported(conn, &manifest.bundle_id)?.is_some() {
        return Ok(Admission::AlreadyImported);
    }
    if let Some(pinned) = bundle_log::pinned_key(conn, signer)? {
        if pinned != manifest.public_key {
            return Err(AppError::Rejected(format!(
                "这个包的签名密钥与本机记录的「{}」的密钥不一致，可能是伪造的；如确需更换，请联系管理员 / the signing key does not match the key pinned for {signer}",
                manifest.signer_name
            )));
        }
    }
    if let Some(last) = bundle_log::last_imported_sequence(conn, manifest.kind.as_str(), signer, &manifest.course_id)? {
        if manifest.sequence <= last {
            return Err(AppError::Rejected(format!(
                "这是一个旧包（序号 {}，本机已导入到 {last}），请导入最新导出的包 / replayed bundle: sequence {} is not newer than {last}",
                manifest.sequence, manifest.sequence
            )));
        }
    }
    Ok(Admission::Apply)
}

/// Pins the signer's key (first import) and records the bundle, inside the
/// import's transaction.
pub(crate) fn record(tx: &Transaction<'_>, manifest: &Manifest, signer: &str, now: &str) -> Result<()> {
    if bundle_log::pinned_key(tx, signer)?.is_none() {
        bundle_log::pin_key(tx, signer, &manifest.public_key, now)?;
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
