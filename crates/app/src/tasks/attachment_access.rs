//! Reading a submitted version's attachment back out of app data: images as
//! `data:` URLs the grading view shows inline (the page never gets a file
//! path), any attachment copied to a path the user picked. Only instructors
//! and the learner who owns the version may read it, and only the files that
//! version lists: a content hash alone opens nothing.

use std::path::Path;

use base64::Engine;
use qunxue_store::submissions;
use qunxue_store::Store;
use serde::Serialize;

use super::attachments::{blob_path, sha256_hex};
use super::common::{from_json, AttachmentRef};
use crate::access::{self, Role};
use crate::{AppError, Result};

/// Media types shown inline. SVG is left out on purpose: it can carry script.
pub const INLINE_IMAGE_TYPES: &[&str] = &["image/png", "image/jpeg", "image/gif", "image/webp"];

/// An image attachment ready for an `<img src>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InlineImage {
    pub name: String,
    pub media_type: String,
    pub data_url: String,
}

/// The attachment `sha256` of `version_id`, with its verified bytes.
fn read_attachment(
    store: &Store,
    data_dir: &Path,
    profile: &str,
    version_id: &str,
    sha256: &str,
) -> Result<(AttachmentRef, Vec<u8>)> {
    let conn = store.conn();
    let caller = access::caller(conn, profile)?;
    let version = submissions::version(conn, version_id)?;
    if version.profile_id != caller.profile_id {
        access::require(conn, profile, Role::Instructor, "查看他人的作业附件 / reading another learner's attachment")?;
    }
    let attachment = from_json::<Vec<AttachmentRef>>(&version.attachments, "attachment list")?
        .into_iter()
        .find(|a| a.sha256 == sha256)
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "第 {} 版没有这个附件 / version {version_id} has no attachment {sha256}",
                version.number
            ))
        })?;
    let path = blob_path(data_dir, sha256)?;
    let bytes = std::fs::read(&path).map_err(AppError::read(&path))?;
    // The blob is named by its hash; a mismatch means the file was damaged on disk.
    if sha256_hex(&bytes) != sha256 {
        return Err(AppError::Internal(format!(
            "附件「{}」在本机已损坏（{}）/ attachment file is damaged",
            attachment.name,
            path.display()
        )));
    }
    Ok((attachment, bytes))
}

/// An image attachment as a `data:` URL; other types are refused (offer
/// [`save_attachment_copy`] for them).
pub fn inline_image(
    store: &Store,
    data_dir: &Path,
    profile: &str,
    version_id: &str,
    sha256: &str,
) -> Result<InlineImage> {
    let (attachment, bytes) = read_attachment(store, data_dir, profile, version_id, sha256)?;
    if !INLINE_IMAGE_TYPES.contains(&attachment.media_type.as_str()) {
        return Err(AppError::Rejected(format!(
            "「{}」不是图片，无法直接显示，请另存后用其他程序打开 / {} cannot be shown inline",
            attachment.name, attachment.media_type
        )));
    }
    let data_url =
        format!("data:{};base64,{}", attachment.media_type, base64::engine::general_purpose::STANDARD.encode(&bytes));
    Ok(InlineImage { name: attachment.name, media_type: attachment.media_type, data_url })
}

/// Copies the attachment to `out` (a path the user picked); returns its size.
pub fn save_attachment_copy(
    store: &Store,
    data_dir: &Path,
    profile: &str,
    version_id: &str,
    sha256: &str,
    out: &Path,
) -> Result<u64> {
    let (_, bytes) = read_attachment(store, data_dir, profile, version_id, sha256)?;
    std::fs::write(out, &bytes).map_err(AppError::write(out))?;
    Ok(bytes.len() as u64)
}
