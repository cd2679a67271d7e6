//! The use-cases, one file per domain, each a method of [`super::Session`]
//! that starts with its permission check and then calls the domain service.

mod accounts;
mod app;
mod backups;
mod certificates;
mod impact;
mod library;
mod machine;
mod quizzes;
mod records;
mod studying;
mod tasks;
mod xapi;

pub use accounts::SessionStatus;
pub use app::AppInfo;
pub use backups::{BackupList, Restored};
pub use library::{CourseRemoval, ImportSummary};
pub use machine::SharedMachine;
pub use tasks::{BundleKind, GradesExport, LearnerGrades};
