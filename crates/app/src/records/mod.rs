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
    pub profile_id: String,
    pub display_name: String,
    #[serde(default)]
    pub classes: Vec<ClassRef>,
    #[serde(default)]
    pub progress: Vec<ProgressRow>,
    #[serde(default)]
    pub attempts: Vec<AttemptRow>,
    #[serde(default)]
    pub surveys: Vec<SurveyRow>,
    #[serde(default)]
    pub versions: Vec<VersionRecord>,
    #[serde(default)]
    pub results: Vec<ResultRecord>,
}

/// A class as records name it: the join code and, when known, its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRef {
    pub id: String,
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
    pub format: u32,
    pub course_id: String,
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
