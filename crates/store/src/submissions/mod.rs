//! Learners' practice-task work: autosaved drafts, immutable submitted
//! versions (and observation records, which are versions without written
//! work) and the content-addressed attachment blobs they point at.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::{OptionalExt, Result};

pub use crate::status::VersionSource;

/// A version the learner wrote and handed in.
pub const SOURCE_SUBMISSION: VersionSource = VersionSource::Submission;
/// A record of live practice an instructor observed and graded; it has no written work.
pub const SOURCE_OBSERVATION: VersionSource = VersionSource::Observation;

/// A draft as stored; `attachments` is JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftRecord {
    /// The learner working on the task.
    pub profile_id: String,
    /// The task's course.
    pub course_id: String,
    /// The practice task's id within the course.
    pub task_id: String,
    /// The learner's answer so far, as Markdown.
    pub markdown: String,
    /// JSON `[{sha256, name, size, media_type}]`: the files attached so far.
    pub attachments: String,
    /// When the draft was last autosaved: RFC 3339 UTC timestamp.
    pub saved_at: String,
}

/// A submitted (or observed) version as stored; `attachments` is JSON.
/// Deserialisable because versions travel between machines in bundles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionRecord {
    /// UUID of the version, kept when it travels to another machine.
    pub id: String,
    /// The learner whose work it is.
    pub profile_id: String,
    /// The task's course.
    pub course_id: String,
    /// The practice task's id within the course.
    pub task_id: String,
    /// 1, 2, … counting the learner's versions of this task.
    pub number: i64,
    /// [`SOURCE_SUBMISSION`] or [`SOURCE_OBSERVATION`].
    pub source: VersionSource,
    /// The handed-in answer as Markdown; empty for an observation.
    pub markdown: String,
    /// JSON `[{sha256, name, size, media_type}]`, as in drafts.
    pub attachments: String,
    /// When it was handed in (or observed): RFC 3339 UTC timestamp.
    #[serde(deserialize_with = "crate::time::arriving::deserialize")]
    pub submitted_at: String,
}

/// What an attachment blob is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobRecord {
    /// Hex SHA-256 of the content; the file lives at `attachments/<sha256>` under the app-data folder.
    pub sha256: String,
    /// Size of the file in bytes.
    pub size: i64,
    /// MIME type of the file, e.g. `application/pdf`.
    pub media_type: String,
    /// When the blob was first stored here: RFC 3339 UTC timestamp.
    pub stored_at: String,
}

/// Saves the learner's draft of a task, replacing the earlier one.
pub fn save_draft(tx: &Transaction<'_>, d: &DraftRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_draft.sql"),
        params![d.profile_id, d.course_id, d.task_id, d.markdown, d.attachments, d.saved_at],
    )?;
    Ok(())
}

/// The learner's draft of a task, if there is one.
pub fn draft(conn: &Connection, profile: &str, course: &str, task: &str) -> Result<Option<DraftRecord>> {
    Ok(conn
        .prepare_cached(include_str!("select_draft.sql"))?
        .query_row([profile, course, task], |r| {
            Ok(DraftRecord {
                profile_id: r.get(0)?,
                course_id: r.get(1)?,
                task_id: r.get(2)?,
                markdown: r.get(3)?,
                attachments: r.get(4)?,
                saved_at: r.get(5)?,
            })
        })
        .optional()?)
}

/// Deletes the learner's draft of a task (e.g. once it is handed in).
pub fn delete_draft(tx: &Transaction<'_>, profile: &str, course: &str, task: &str) -> Result<()> {
    tx.execute(include_str!("delete_draft.sql"), [profile, course, task])?;
    Ok(())
}

/// Inserts a version; returns false (and writes nothing) if its id exists.
pub fn insert_version(tx: &Transaction<'_>, v: &VersionRecord) -> Result<bool> {
    if tx.query_row(include_str!("version_exists.sql"), [&v.id], |_| Ok(())).optional()?.is_some() {
        return Ok(false);
    }
    tx.execute(
        include_str!("insert_version.sql"),
        params![
            v.id,
            v.profile_id,
            v.course_id,
            v.task_id,
            v.number,
            v.source,
            v.markdown,
            v.attachments,
            v.submitted_at
        ],
    )?;
    Ok(true)
}

/// One version by id; `NotFound` if there is none.
pub fn version(conn: &Connection, id: &str) -> Result<VersionRecord> {
    conn.prepare_cached(&format!("{} WHERE id = ?1", include_str!("select_version.sql")))?
        .query_row([id], version_from_row)
        .or_not_found(|| (format!("submission {id}"), format!("作业提交 {id}")))
}

/// One learner's versions of one task, first to last.
pub fn versions_of(conn: &Connection, profile: &str, course: &str, task: &str) -> Result<Vec<VersionRecord>> {
    let sql = format!(
        "{} WHERE profile_id = ?1 AND course_id = ?2 AND task_id = ?3 ORDER BY number",
        include_str!("select_version.sql")
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([profile, course, task], version_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every version of a course, oldest first (the grading queue filters it).
pub fn versions_of_course(conn: &Connection, course: &str) -> Result<Vec<VersionRecord>> {
    let sql = format!("{} WHERE course_id = ?1 ORDER BY submitted_at, id", include_str!("select_version.sql"));
    let rows = conn.prepare_cached(&sql)?.query_map([course], version_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One version as the grading queue lists it: no Markdown, and the facts its
/// queue status is worked out from, all read in one query (the queue of a
/// big course holds ten thousand versions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueEntry {
    /// The version in the queue.
    pub version_id: String,
    /// The practice task it answers.
    pub task_id: String,
    /// The learner whose work it is.
    pub profile_id: String,
    /// The learner's display name.
    pub learner_name: String,
    /// 1, 2, … counting the learner's versions of this task.
    pub number: i64,
    /// [`SOURCE_SUBMISSION`] or [`SOURCE_OBSERVATION`].
    pub source: VersionSource,
    /// When it was handed in (or observed): RFC 3339 UTC timestamp.
    pub submitted_at: String,
    /// A result has been released.
    pub released: bool,
    /// Marks with status `complete`, by any marker.
    pub complete_marks: i64,
    /// The status of the asking marker's own mark, if they have one.
    pub marker_status: Option<String>,
    /// The task is under double marking, so no single mark is released alone.
    pub double_marked: bool,
}

/// Every version of a course for the grading queue, oldest first, with
/// `marker`'s own mark status.
pub fn queue_entries(conn: &Connection, course: &str, marker: &str) -> Result<Vec<QueueEntry>> {
    let rows = conn
        .prepare_cached(include_str!("queue_entries.sql"))?
        .query_map([course, marker], |r| {
            Ok(QueueEntry {
                version_id: r.get(0)?,
                task_id: r.get(1)?,
                profile_id: r.get(2)?,
                learner_name: r.get(3)?,
                number: r.get(4)?,
                source: r.get(5)?,
                submitted_at: r.get(6)?,
                released: r.get(7)?,
                complete_marks: r.get(8)?,
                marker_status: r.get(9)?,
                double_marked: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One learner's versions in a course (what a submissions bundle carries).
pub fn versions_of_learner(conn: &Connection, profile: &str, course: &str) -> Result<Vec<VersionRecord>> {
    let sql = format!(
        "{} WHERE profile_id = ?1 AND course_id = ?2 ORDER BY task_id, number",
        include_str!("select_version.sql")
    );
    let rows =
        conn.prepare_cached(&sql)?.query_map([profile, course], version_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The number the learner's next version of the task gets.
pub fn next_number(conn: &Connection, profile: &str, course: &str, task: &str) -> Result<i64> {
    Ok(conn.query_row(include_str!("next_number.sql"), [profile, course, task], |r| r.get(0))?)
}

fn version_from_row(r: &Row<'_>) -> rusqlite::Result<VersionRecord> {
    Ok(VersionRecord {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        course_id: r.get(2)?,
        task_id: r.get(3)?,
        number: r.get(4)?,
        source: r.get(5)?,
        markdown: r.get(6)?,
        attachments: r.get(7)?,
        submitted_at: r.get(8)?,
    })
}

/// Records a blob; a blob already known is left as it is (same hash, same bytes).
pub fn insert_blob(tx: &Transaction<'_>, b: &BlobRecord) -> Result<()> {
    tx.execute(include_str!("insert_blob.sql"), params![b.sha256, b.size, b.media_type, b.stored_at])?;
    Ok(())
}

/// Records that `profile` uploaded the blob `sha256`.
pub fn add_blob_owner(tx: &Transaction<'_>, sha256: &str, profile: &str) -> Result<()> {
    tx.execute(include_str!("add_blob_owner.sql"), params![sha256, profile])?;
    Ok(())
}

/// Whether `profile` may reference the blob `sha256` in a draft: they
/// uploaded it, or one of their own submitted versions carries it.
pub fn blob_is_theirs(conn: &Connection, sha256: &str, profile: &str) -> Result<bool> {
    Ok(conn.prepare_cached(include_str!("blob_is_theirs.sql"))?.exists(params![sha256, profile])?)
}

/// What the blob with this hash is; `NotFound` if it was never stored.
pub fn blob(conn: &Connection, sha256: &str) -> Result<BlobRecord> {
    conn.query_row(include_str!("select_blob.sql"), [sha256], |r| {
        Ok(BlobRecord { sha256: r.get(0)?, size: r.get(1)?, media_type: r.get(2)?, stored_at: r.get(3)? })
    })
    .or_not_found(|| (format!("attachment {sha256}"), format!("附件 {sha256}")))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::course_items::{replace_items, ItemKind, ItemRecord};
    use crate::courses::tests::{install, sample_module};
    use crate::profiles::{self, Profile};
    use crate::Store;

    /// A store with course `c1`, task `t1` and learner `p1`.
    pub(crate) fn store_with_task() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        install(&mut store, &[sample_module("a", 1, "practice")]);
        store
            .transact(|tx| {
                replace_items(tx, "c1", ItemKind::Task, &[ItemRecord { id: "t1".into(), body: "{}".into() }])?;
                profiles::insert(tx, &Profile::learner("p1", "学员甲", "t0"))
            })
            .unwrap();
        store
    }

    pub(crate) fn version_record(id: &str, number: i64) -> VersionRecord {
        VersionRecord {
            id: id.into(),
            profile_id: "p1".into(),
            course_id: "c1".into(),
            task_id: "t1".into(),
            number,
            source: SOURCE_SUBMISSION,
            markdown: format!("第 {number} 版"),
            attachments: "[]".into(),
            submitted_at: format!("2026-01-0{number}T00:00:00.000Z"),
        }
    }

    #[test]
    fn drafts_are_rewritten_and_versions_are_immutable() {
        let mut store = store_with_task();
        let mut d = DraftRecord {
            profile_id: "p1".into(),
            course_id: "c1".into(),
            task_id: "t1".into(),
            markdown: "一".into(),
            attachments: "[]".into(),
            saved_at: "t1".into(),
        };
        store.transact(|tx| save_draft(tx, &d)).unwrap();
        d.markdown = "二".into();
        store.transact(|tx| save_draft(tx, &d)).unwrap();
        assert_eq!(draft(store.conn(), "p1", "c1", "t1").unwrap().unwrap().markdown, "二");

        assert_eq!(next_number(store.conn(), "p1", "c1", "t1").unwrap(), 1);
        assert!(store.transact(|tx| insert_version(tx, &version_record("v1", 1))).unwrap());
        assert!(
            !store.transact(|tx| insert_version(tx, &version_record("v1", 1))).unwrap(),
            "same id twice is a no-op"
        );
        assert_eq!(next_number(store.conn(), "p1", "c1", "t1").unwrap(), 2);
        let changed = store.conn().execute("UPDATE submission_versions SET markdown = 'x' WHERE id = 'v1'", []);
        assert!(changed.unwrap_err().to_string().contains("cannot be changed"));
        assert_eq!(version(store.conn(), "v1").unwrap().markdown, "第 1 版");
        store.transact(|tx| delete_draft(tx, "p1", "c1", "t1")).unwrap();
        assert!(draft(store.conn(), "p1", "c1", "t1").unwrap().is_none());
    }
}
