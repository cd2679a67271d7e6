//! Classes and learner records that travel between machines.

use std::path::Path;

use qunxue_store::profiles::Role;

use crate::msg;
use crate::records::bundle::{export_records, import_records, RecordsImported, Whose};
use crate::records::class_export::{export_class_list, TableExport};
use crate::records::class_list::{class_list, ClassList};
use crate::records::classes::{create_class, join_class, list_classes, ClassView};
use crate::session::{Action, Session};
use crate::tasks::bundles::ExportSummary;
use crate::{AppError, Result};

impl Session {
    /// A new class of `course` with its join code (instructors).
    pub fn create_class(&self, course_id: &str, name: &str) -> Result<ClassView> {
        let mut a = self.authorise(Action::CreateClass)?;
        create_class(&mut a.store, course_id, name, a.now)
    }

    /// The acting learner joins the class whose code they typed.
    pub fn join_class(&self, course_id: &str, code: &str) -> Result<ClassView> {
        let mut a = self.authorise(Action::JoinClass)?;
        join_class(&mut a.store, &a.caller.profile_id, course_id, code, a.now)
    }

    /// The classes of a course the acting profile belongs to.
    pub fn my_classes(&self, course_id: &str) -> Result<Vec<ClassView>> {
        let a = self.authorise(Action::JoinClass)?;
        Ok(qunxue_store::classes::classes_of_member(a.store.conn(), a.profile(), course_id)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A course's classes.
    pub fn list_classes(&self, course_id: &str) -> Result<Vec<ClassView>> {
        let a = self.authorise(Action::JoinClass)?;
        list_classes(&a.store, course_id)
    }

    /// Every learner of a course (of one class, when given), from every source.
    pub fn class_list(&self, course_id: &str, class: Option<&str>) -> Result<ClassList> {
        let a = self.authorise(Action::ViewClass)?;
        let class = class.map(crate::records::classes::normalise_code).transpose()?;
        class_list(&a.store, course_id, class.as_deref(), a.now)
    }

    /// The class view written to an XLSX or CSV file (by its extension):
    /// the same rows as [`Session::class_list`].
    pub fn export_class_list(&self, course_id: &str, class: Option<&str>, path: &Path) -> Result<TableExport> {
        let list = self.class_list(course_id, class)?;
        export_class_list(&list, path)
    }

    /// Takes a member out of a class (their records stay: they are the
    /// course's, whichever class they were in).
    pub fn remove_class_member(&self, class: &str, profile_id: &str) -> Result<()> {
        let mut a = self.authorise(Action::ManageClass)?;
        let class = crate::records::classes::normalise_code(class)?;
        let removed = a.store.transact(|tx| qunxue_store::classes::remove_member(tx, &class, profile_id))?;
        if !removed {
            return Err(AppError::NotFound(msg!(
                "{profile_id} is not a member of class {class}",
                "{profile_id} 不在班级 {class} 中"
            )));
        }
        Ok(())
    }

    /// Writes a learner-record bundle: the acting learner's own records, or
    /// (instructors and admins of this machine) another learner's or every
    /// learner's.
    pub fn export_records(&self, course_id: &str, whose: &Whose, out: &Path) -> Result<ExportSummary> {
        let mut a = self.authorise(Action::ExportRecords)?;
        let own = matches!(whose, Whose::Learner(id) if *id == a.caller.profile_id);
        if !own && a.caller.role < Role::Instructor {
            return Err(AppError::Forbidden {
                action: msg!("exporting other learners' records", "导出其他学员的学习记录"),
                required: Role::Instructor,
                actual: a.caller.role,
            });
        }
        let caller = a.caller.clone();
        export_records(&mut a.store, a.data_dir, &caller, course_id, whose, out, a.now)
    }

    /// Takes in a learner-record bundle through the one merge path.
    pub fn import_records(&self, path: &Path) -> Result<RecordsImported> {
        let mut a = self.authorise(Action::ImportRecords)?;
        import_records(&mut a.store, a.data_dir, path, a.now)
    }
}
