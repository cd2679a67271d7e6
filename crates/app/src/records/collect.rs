//! Collecting one learner's records of a course from this machine's database.

use qunxue_store::submissions::{self, SOURCE_SUBMISSION};
use qunxue_store::{classes, marks, profiles, travel, Store};

use super::LearnerRecords;
use crate::Result;

/// `profile`'s records of `course`. Observations (versions an instructor
/// recorded) travel with grades, not here; open quiz attempts stay behind.
pub fn collect(store: &Store, profile: &str, course: &str) -> Result<LearnerRecords> {
    let conn = store.conn();
    let person = profiles::get(conn, profile)?;
    let versions: Vec<_> = submissions::versions_of_learner(conn, profile, course)?
        .into_iter()
        .filter(|v| v.source == SOURCE_SUBMISSION)
        .collect();
    let mut results = Vec::new();
    for v in &versions {
        results.extend(marks::result(conn, &v.id)?);
    }
    Ok(LearnerRecords {
        profile_id: person.id,
        display_name: person.display_name,
        classes: classes::classes_of_member(conn, profile, course)?.into_iter().map(Into::into).collect(),
        progress: travel::progress_rows(conn, profile, course)?,
        attempts: travel::attempt_rows(conn, profile, course)?,
        surveys: travel::survey_rows(conn, profile, course)?,
        versions,
        results,
    })
}

impl LearnerRecords {
    /// Whether there is anything to carry.
    pub fn is_empty(&self) -> bool {
        self.progress.is_empty() && self.attempts.is_empty() && self.surveys.is_empty() && self.versions.is_empty()
    }
}
