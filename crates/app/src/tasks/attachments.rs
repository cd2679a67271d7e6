//! Attachments: checked against the task's and the app's allow-lists and the
//! size limit, then stored once per content (SHA-256) under the app-data
//! folder, so the same file attached twice or by two learners costs nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qunxue_core::pack::model::MAX_ATTACHMENT_MB;
use qunxue_store::submissions::{self, BlobRecord};
use qunxue_store::Store;
use sha2::{Digest, Sha256};

use super::common::{load_task, stamp, AttachmentRef};
use crate::msg;
use crate::{AppError, Result};

/// File types a learner may ever attach (images, PDF, Office and WPS
/// documents), with their media types. A task narrows this further.
pub const ALLOWED_TYPES: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("pdf", "application/pdf"),
    ("doc", "application/msword"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xls", "application/vnd.ms-excel"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt", "application/vnd.ms-powerpoint"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("wps", "application/vnd.ms-works"),
];

/// The folder holding attachment blobs.
pub fn attachments_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("attachments")
}

/// Where the blob with this hash is stored.
pub fn blob_path(data_dir: &Path, sha256: &str) -> Result<PathBuf> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return Err(AppError::Rejected(msg!(
            "`{sha256}` is not a SHA-256 content hash",
            "`{sha256}` 不是 SHA-256 内容哈希"
        )));
    }
    Ok(attachments_dir(data_dir).join(sha256))
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` as the blob `sha256` unless it is already there. Written
/// to a temporary name first, so a crash never leaves a truncated blob.
pub(crate) fn write_blob(data_dir: &Path, sha256: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = blob_path(data_dir, sha256)?;
    if path.exists() {
        return Ok(path);
    }
    let dir = attachments_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(AppError::write(&dir))?;
    let partial = dir.join(format!("{sha256}.partial"));
    let mut file = std::fs::File::create(&partial).map_err(AppError::write(&partial))?;
    file.write_all(bytes).and_then(|_| file.sync_all()).map_err(AppError::write(&partial))?;
    std::fs::rename(&partial, &path).map_err(AppError::write(&path))?;
    Ok(path)
}

/// The task's limit in bytes, never above [`MAX_ATTACHMENT_MB`] (the
/// validator refuses a pack that asks for more; this holds for a course
/// installed before that rule).
fn attachment_limit(max_attachment_mb: u32) -> (u32, u64) {
    let mb = max_attachment_mb.min(MAX_ATTACHMENT_MB);
    (mb, u64::from(mb) * 1024 * 1024)
}

/// Checks `name` and `bytes` against the task's rules and stores them as
/// `profile`'s upload (only they may attach it to a draft).
#[allow(clippy::too_many_arguments)]
pub fn add_attachment(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    course: &str,
    task_id: &str,
    name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<AttachmentRef> {
    let task = load_task(store.conn(), course, task_id)?;
    let extension =
        Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let Some((_, media_type)) = ALLOWED_TYPES.iter().find(|(ext, _)| *ext == extension) else {
        return Err(AppError::Rejected(msg!(
            "“{name}”: file type `.{extension}` is not allowed as an attachment (use images, PDF or Office documents)",
            "「{name}」的文件类型 `.{extension}` 不能作为附件（可用：图片、PDF、Office 文档）"
        )));
    };
    if !task.attachment_types.is_empty() && !task.attachment_types.iter().any(|t| t.eq_ignore_ascii_case(&extension)) {
        let (types_en, types_zh) = (task.attachment_types.join(", "), task.attachment_types.join("、"));
        return Err(AppError::Rejected(msg!(
            "task {task_id} accepts only {types_en} attachments; “{name}” is not one",
            "作业 {task_id} 只接受 {types_zh} 格式的附件，「{name}」不符合"
        )));
    }
    let (mb, limit) = attachment_limit(task.max_attachment_mb);
    if bytes.len() as u64 > limit {
        let size_mb = bytes.len() as f64 / 1024.0 / 1024.0;
        return Err(AppError::Rejected(msg!(
            "“{name}” is {size_mb:.1} MB: attachment exceeds {mb} MB, this task's limit per attachment",
            "「{name}」有 {size_mb:.1} MB，超过本作业每个附件 {mb} MB 的上限"
        )));
    }
    if bytes.is_empty() {
        return Err(AppError::Rejected(msg!("attachment “{name}” is empty", "「{name}」是空文件")));
    }
    let sha256 = sha256_hex(bytes);
    write_blob(data_dir, &sha256, bytes)?;
    let record = BlobRecord {
        sha256: sha256.clone(),
        size: bytes.len() as i64,
        media_type: media_type.to_string(),
        stored_at: stamp(now),
    };
    store.transact(|tx| {
        submissions::insert_blob(tx, &record)?;
        submissions::add_blob_owner(tx, &sha256, profile)
    })?;
    Ok(AttachmentRef { sha256, name: name.to_string(), size: bytes.len() as u64, media_type: media_type.to_string() })
}

/// Reads a file from disk and attaches it (the CLI and the desktop file picker).
pub fn add_attachment_file(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    course: &str,
    task_id: &str,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<AttachmentRef> {
    let task = load_task(store.conn(), course, task_id)?;
    let size = std::fs::metadata(path).map_err(AppError::read(path))?.len();
    // Refuse before reading a huge file into memory.
    let (mb, limit) = attachment_limit(task.max_attachment_mb);
    if size > limit {
        let shown = path.display();
        return Err(AppError::Rejected(msg!(
            "{shown}: attachment exceeds {mb} MB, this task's limit per attachment",
            "{shown} 超过本作业每个附件 {mb} MB 的上限"
        )));
    }
    let bytes = std::fs::read(path).map_err(AppError::read(path))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("attachment");
    add_attachment(store, data_dir, profile, course, task_id, name, &bytes, now)
}
