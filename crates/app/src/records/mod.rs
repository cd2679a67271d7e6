//! Records that travel between machines. A learner's records of a course —
//! progress, handed-in quiz attempts with their answers, survey answers,
//! task submissions and their released grades, and the classes they belong
//! to — are collected in one form ([`LearnerRecords`]), carried by a signed
//! learner-record bundle ([`bundle`]) or, later, read back from the LRS, and
//! taken in through one merge ([`merge`]) keyed by stable ids.
//!
//! A person known here only from their records is a class *member*: their
//! profile row exists so their records can be stored and counted, but it is
//! never offered in the profile picker and cannot be acted as.

pub mod bundle;
pub mod class_export;
pub mod class_list;
pub mod classes;
mod collect;
pub mod merge;

use qunxue_store::classes::ClassRecord;
use qunxue_store::marks::ResultRecord;
use qunxue_store::submissions::{BlobRecord, VersionRecord};
use qunxue_store::travel::{AttemptRow, ProgressRow, SurveyRow};
use serde::{Deserialize, Serialize};

pub use collect::collect;

/// The version of the records format this build writes and reads.
pub const RECORDS_FORMAT: u32 = 1;

/// One learner's records of one course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnerRecords {
    /// The learner's profile id (a UUID), the same on every machine.
    pub profile_id: String,
    /// The learner's display name.
    pub display_name: String,
    /// The course's classes the learner belongs to.
    #[serde(default)]
    pub classes: Vec<ClassRef>,
    /// Their module progress in the course.
    #[serde(default)]
    pub progress: Vec<ProgressRow>,
    /// Their handed-in quiz attempts, with the answers.
    #[serde(default)]
    pub attempts: Vec<AttemptRow>,
    /// Their survey answers.
    #[serde(default)]
    pub surveys: Vec<SurveyRow>,
    /// Their task submissions (each handed-in version).
    #[serde(default)]
    pub versions: Vec<VersionRecord>,
    /// The released grades of those submissions.
    #[serde(default)]
    pub results: Vec<ResultRecord>,
}

/// A class as records name it: the join code and, when known, its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRef {
    /// The class's join code, which is its id on every machine.
    pub id: String,
    /// The class's name; empty when not known.
    #[serde(default)]
    pub name: String,
}

impl From<ClassRecord> for ClassRef {
    fn from(class: ClassRecord) -> Self {
        ClassRef { id: class.id, name: class.name }
    }
}

/// The body of a learner-record bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordsBody {
    /// The records format, [`RECORDS_FORMAT`]; any other is refused.
    pub format: u32,
    /// The course the records belong to; it must match the manifest's.
    pub course_id: String,
    /// Each learner's records.
    pub learners: Vec<LearnerRecords>,
    /// The attachments the submissions name (their bytes are entries of the bundle).
    #[serde(default)]
    pub blobs: Vec<BlobRecord>,
}

/// Who a records bundle is pinned to on the receiving machine: the person
/// (or the shared laptop's instructor) whose key signed it.
pub fn records_signer(signer_id: &str) -> String {
    format!("records:{signer_id}")
}

#[cfg(test)]
mod tests;
