//! The course library: checking, importing and removing packs.

use std::path::Path;

use serde::Serialize;

use crate::backup::{create_backup, BackupReason};
use crate::import::{self, ImportProgress, ImportResult, ValidationOutcome};
use crate::library::{self, CourseSummary};
use crate::msg;
use crate::session::{Action, Session};
use crate::{AppError, Result};

/// What an import reports: the pack's first course at the top level (a pack
/// almost always holds one) and every course in `courses`.
#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    /// The pack's first course, flattened into the top level for the import screen.
    #[serde(flatten)]
    pub first: ImportResult,
    /// Every course of the pack, the first included.
    pub courses: Vec<ImportResult>,
}

/// What removing a course would delete, for its confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseRemoval {
    /// The course that would be removed.
    pub course_id: String,
    /// Its title, named in the confirmation.
    pub title: String,
    /// How many different people's records in the course the removal deletes.
    pub people_with_records: usize,
}

impl Session {
    /// Checks a pack (folder or `.zip`) without installing anything.
    pub fn validate_pack(&self, path: &Path) -> Result<ValidationOutcome> {
        drop(self.authorise(Action::ValidatePack)?);
        Ok(import::validate_path(path))
    }

    /// Installs or updates the courses of a pack, reporting each step.
    pub fn import_pack(
        &self,
        path: &Path,
        force: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        let courses = {
            let mut access = self.authorise(Action::ImportPack)?;
            import::import_pack(&mut access.store, access.data_dir, path, force, access.now, progress)?
        };
        let first = courses.first().cloned().ok_or_else(|| {
            AppError::Internal(msg!("a valid pack always holds a course", "有效的课程包总是包含一门课程"))
        })?;
        let installed: Vec<String> =
            courses.iter().map(|c| format!("{} {} ({:?})", c.course_id, c.version, c.outcome).to_lowercase()).collect();
        self.log_admin("import_pack", format!("{} ← {}", installed.join(", "), path.display()))?;
        log::info!("imported {} from {}", installed.join(", "), path.display());
        Ok(ImportSummary { first, courses })
    }

    /// All installed courses with the acting learner's progress.
    pub fn list_courses(&self) -> Result<Vec<CourseSummary>> {
        let access = self.authorise(Action::ListCourses)?;
        library::list(&access.store, access.profile())
    }

    /// What removing a course would delete (asked before the confirmation).
    pub fn course_removal(&self, course_id: &str) -> Result<CourseRemoval> {
        let access = self.authorise(Action::RemoveCourse)?;
        removal_of(&access.store, course_id)
    }

    /// Removes a course with everyone's records in it, after a backup of the
    /// database from which it can be brought back.
    pub fn remove_course(&self, course_id: &str) -> Result<CourseRemoval> {
        let removal = {
            let mut access = self.authorise(Action::RemoveCourse)?;
            let removal = removal_of(&access.store, course_id)?;
            create_backup(access.store.conn(), access.data_dir, BackupReason::PreRemoval, access.now)?;
            library::remove_course(&mut access.store, access.data_dir, course_id)?;
            removal
        };
        self.log_admin(
            "remove_course",
            format!(
                "{} {}（{} 人的记录 / records of {} people）",
                removal.course_id, removal.title, removal.people_with_records, removal.people_with_records
            ),
        )?;
        Ok(removal)
    }
}

/// What removing `course_id` would delete, as the confirmation says it.
fn removal_of(store: &qunxue_store::Store, course_id: &str) -> Result<CourseRemoval> {
    let course = qunxue_store::courses::get_course(store.conn(), course_id)?;
    let people_with_records = qunxue_store::courses::people_with_records(store.conn(), course_id)?;
    Ok(CourseRemoval { course_id: course.id, title: course.title, people_with_records })
}
