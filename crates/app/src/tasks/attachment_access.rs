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
use crate::msg;
use crate::{AppError, Result};

/// Media types shown inline. SVG is left out on purpose: it can carry script.
pub const INLINE_IMAGE_TYPES: &[&str] = &["image/png", "image/jpeg", "image/gif", "image/webp"];

/// An image attachment ready for an `<img src>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InlineImage {
    /// The file name the learner gave the attachment.
    pub name: String,
    /// The image's MIME type: PNG, JPEG, GIF or WebP only.
    pub media_type: String,
    /// The image as a `data:<type>;base64,…` URL, ready for `<img src>`.
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
        let action = msg!("reading another learner's attachment", "查看他人的作业附件");
        access::require(conn, profile, Role::Instructor, action)?;
    }
    let attachment = from_json::<Vec<AttachmentRef>>(&version.attachments, msg!("attachment list", "附件列表"))?
        .into_iter()
        .find(|a| a.sha256 == sha256)
        .ok_or_else(|| {
            let number = version.number;
            AppError::NotFound(msg!("version {version_id} has no attachment {sha256}", "第 {number} 版没有这个附件"))
        })?;
    let path = blob_path(data_dir, sha256)?;
    let bytes = std::fs::read(&path).map_err(AppError::read(&path))?;
    // The blob is named by its hash; a mismatch means the file was damaged on disk.
    if sha256_hex(&bytes) != sha256 {
        let (name, shown) = (&attachment.name, path.display());
        return Err(AppError::Internal(msg!(
            "the attachment file “{name}” is damaged on this computer ({shown})",
            "附件「{name}」在本机已损坏（{shown}）"
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
        let (name, media_type) = (&attachment.name, &attachment.media_type);
        return Err(AppError::Rejected(msg!(
            "“{name}” ({media_type}) cannot be shown inline; save a copy and open it in another program",
            "「{name}」不是图片，无法直接显示，请另存后用其他程序打开"
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
