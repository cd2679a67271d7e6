//! The one merge path: a learner's records, from a bundle or the LRS, taken
//! into this machine's database inside the caller's transaction. Keyed by
//! stable ids (profile, attempt, version UUIDs), so taking the same records
//! in twice changes nothing, a newer copy adds only what is new, and the same
//! person seen on two laptops is one member.

use qunxue_store::classes::{self, ClassRecord};
use qunxue_store::travel::{self, Merged};
use qunxue_store::Transaction;
use qunxue_store::{marks, profiles, submissions};

use super::LearnerRecords;
use crate::tasks::common::load_task;
use crate::Result;

/// What merging one learner's records did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Whether the person was new here (and became a class member).
    pub new_member: bool,
    /// How many of the learner's records were added, and how many were already here or could not be held.
    pub records: Merged,
}

/// Merges `records` of `course`, noting `source` (`bundle` or `lrs`) as
/// where this machine learned them from.
pub fn merge_learner(
    tx: &Transaction<'_>,
    course: &str,
    records: &LearnerRecords,
    source: &str,
    now: &str,
) -> Result<MergeOutcome> {
    let profile = records.profile_id.as_str();
    let new_member = profiles::upsert_member(tx, profile, &records.display_name, now)?;
    classes::note_source(tx, profile, source, now)?;
    for class in &records.classes {
        let record = ClassRecord {
            id: class.id.clone(),
            course_id: course.into(),
            name: class.name.clone(),
            created_at: now.into(),
        };
        classes::upsert_class(tx, &record)?;
        classes::add_member(tx, &class.id, profile, now)?;
    }
    let mut merged = travel::merge_progress(tx, profile, course, &records.progress)?;
    merged += travel::merge_attempts(tx, profile, course, &records.attempts)?;
    merged += travel::merge_survey(tx, profile, course, &records.surveys)?;
    for version in &records.versions {
        let fits = version.profile_id == profile
            && version.course_id == course
            && load_task(tx, course, &version.task_id).is_ok();
        let added = fits && submissions::insert_version(tx, version)?;
        if added {
            merged.added += 1;
        } else {
            merged.skipped += 1;
        }
    }
    for result in &records.results {
        // A released grade is taken when this machine has none for the
        // version, or an older one.
        let ours = records.versions.iter().any(|v| v.id == result.version_id)
            && submissions::version(tx, &result.version_id).is_ok();
        let newer = match marks::result(tx, &result.version_id)? {
            Some(existing) => existing.released_at < result.released_at,
            None => true,
        };
        if ours && newer {
            marks::save_result(tx, result)?;
            merged.added += 1;
        } else {
            merged.skipped += 1;
        }
    }
    Ok(MergeOutcome { new_member, records: merged })
}
