//! Practice tasks: the learner's drafts and submissions, grading against
//! rubrics, grading analytics, and the signed bundles that carry work and
//! grades between machines.

use std::path::Path;

use qunxue_store::marks::BankComment;

use crate::msg;
use crate::session::{Action, Session};
use crate::tasks::analytics::{self, CriterionDistribution, GraderStats};
use crate::tasks::attachment_access::{self, InlineImage};
pub use crate::tasks::bundles::BundleKind;
use crate::tasks::bundles::{self, ExportSummary, ImportSummary, TrustedKey};
use crate::tasks::grading::{self, CriterionAgreement, GradingView, MarkInput, MarkView, ModerationView};
use crate::tasks::learner::{self, DraftView, ModuleTask, TaskPage};
use crate::tasks::queue::{self, QueueFilter, QueuePage};
use crate::tasks::{attachments, comment_bank, render_markdown, AttachmentRef, ResultView, VersionView};
use crate::Result;

/// What [`Session::export_grades_per_learner`] wrote.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradesExport {
    /// The folder the bundles were written into.
    pub folder: std::path::PathBuf,
    /// One grades bundle per learner with released grades in the course.
    pub bundles: Vec<LearnerGrades>,
}

/// One learner's grades bundle, as the export summary lists it.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnerGrades {
    /// The learner's profile id.
    pub learner_id: String,
    /// The learner's display name, also in the file name for whoever carries the USB stick.
    pub learner_name: String,
    /// The bundle file written (`成绩-<name>-<id start>.zip`).
    pub path: std::path::PathBuf,
    /// Task grades and marked short answers in the bundle.
    pub items: usize,
}

/// `成绩-林小雨-1a2b3c4d.zip`: the name for the person who carries the USB
/// stick, the id's start so two people of one name do not collide.
fn grades_file_name(name: &str, id: &str) -> String {
    let safe: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).take(40).collect();
    let short: String = id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    format!("成绩-{safe}-{short}.zip")
}

impl Session {
    /// The practice tasks of a module, in id order, for the module page's links.
    pub fn module_tasks(&self, course_id: &str, module_id: &str) -> Result<Vec<ModuleTask>> {
        let a = self.authorise(Action::DoTask)?;
        learner::module_tasks(&a.store, a.profile(), course_id, module_id)
    }

    /// Everything the acting learner's task page shows: the task, their draft and their versions.
    pub fn task_page(&self, course_id: &str, task_id: &str) -> Result<TaskPage> {
        let a = self.authorise(Action::DoTask)?;
        learner::task_page(&a.store, a.profile(), course_id, task_id)
    }

    /// A draft's Markdown as learners and graders will see it (sanitised).
    pub fn task_preview(&self, markdown: &str) -> Result<String> {
        drop(self.authorise(Action::DoTask)?);
        Ok(render_markdown(markdown))
    }

    /// Saves the acting learner's draft (called every few seconds while they type).
    pub fn task_save_draft(
        &self,
        course_id: &str,
        task_id: &str,
        markdown: &str,
        attached: &[AttachmentRef],
    ) -> Result<DraftView> {
        let mut a = self.authorise(Action::DoTask)?;
        learner::save_draft(&mut a.store, &a.caller.profile_id, course_id, task_id, markdown, attached, a.now)
    }

    /// Checks a file against the task's rules and stores it as the acting learner's upload for a draft.
    pub fn task_add_attachment(
        &self,
        course_id: &str,
        task_id: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<AttachmentRef> {
        let mut a = self.authorise(Action::DoTask)?;
        attachments::add_attachment(
            &mut a.store,
            a.data_dir,
            &a.caller.profile_id,
            course_id,
            task_id,
            name,
            bytes,
            a.now,
        )
    }

    /// Hands the acting learner's saved draft in as a new, immutable version.
    pub fn task_submit(&self, course_id: &str, task_id: &str) -> Result<VersionView> {
        let mut a = self.authorise(Action::DoTask)?;
        learner::submit(&mut a.store, &a.caller.profile_id, course_id, task_id, a.now)
    }

    /// One page of the course's grading queue, oldest first (instructors and admins).
    pub fn grading_queue(&self, course_id: &str, filter: &QueueFilter) -> Result<QueuePage> {
        let a = self.authorise(Action::GradeTasks)?;
        queue::grading_queue(&a.store, a.profile(), course_id, filter)
    }

    /// The grading screen: the work beside the rubric and the grader's own mark (instructors and admins).
    pub fn grading_view(&self, version_id: &str) -> Result<GradingView> {
        let a = self.authorise(Action::GradeTasks)?;
        grading::grading_view(&a.store, a.profile(), version_id)
    }

    /// Saves the grader's mark of a version, as a draft or complete (instructors and admins).
    pub fn grading_save_mark(&self, version_id: &str, mark: &MarkInput) -> Result<MarkView> {
        let mut a = self.authorise(Action::GradeTasks)?;
        grading::save_mark(&mut a.store, &a.caller.profile_id, version_id, mark, a.now)
    }

    /// Releases the grader's complete mark to the learner; refused for double-marked tasks.
    pub fn grading_release(&self, version_id: &str) -> Result<ResultView> {
        let mut a = self.authorise(Action::GradeTasks)?;
        grading::release(&mut a.store, &a.caller.profile_id, version_id, a.now)
    }

    /// Puts a task under double marking, or takes it off (instructors and admins).
    pub fn grading_set_double_marking(&self, course_id: &str, task_id: &str, on: bool) -> Result<()> {
        let mut a = self.authorise(Action::GradeTasks)?;
        grading::set_double_marking(&mut a.store, &a.caller.profile_id, course_id, task_id, on)
    }

    /// Every complete mark of a double-marked version side by side, with their agreement.
    pub fn moderation_view(&self, version_id: &str) -> Result<ModerationView> {
        let a = self.authorise(Action::GradeTasks)?;
        grading::moderation_view(&a.store, a.profile(), version_id)
    }

    /// Sets the final grade of a double-marked version and releases it (instructors and admins).
    pub fn grading_moderate(&self, version_id: &str, mark: &MarkInput) -> Result<ResultView> {
        let mut a = self.authorise(Action::GradeTasks)?;
        grading::moderate(&mut a.store, &a.caller.profile_id, version_id, mark, a.now)
    }

    /// Records that the instructor observed a learner's live practice, as a version ready to grade.
    pub fn grading_record_observation(
        &self,
        course_id: &str,
        task_id: &str,
        learner_id: &str,
        notes: &str,
    ) -> Result<VersionView> {
        let mut a = self.authorise(Action::GradeTasks)?;
        grading::record_observation(&mut a.store, &a.caller.profile_id, course_id, task_id, learner_id, notes, a.now)
    }

    /// Agreement between the first two complete marks of a task's double-marked versions, per criterion.
    pub fn grading_agreement(&self, course_id: &str, task_id: &str) -> Result<Vec<CriterionAgreement>> {
        let a = self.authorise(Action::GradeTasks)?;
        grading::agreement_report(&a.store, a.profile(), course_id, task_id)
    }

    /// The course's comment bank, for graders to reuse comments (instructors and admins).
    pub fn comment_bank_list(&self, course_id: &str) -> Result<Vec<BankComment>> {
        let a = self.authorise(Action::GradeTasks)?;
        comment_bank::list_comments(&a.store, a.profile(), course_id)
    }

    /// Banks a comment, for one criterion or the whole task (the same text already banked is reused).
    pub fn comment_bank_add(&self, course_id: &str, criterion_id: Option<&str>, text: &str) -> Result<BankComment> {
        let mut a = self.authorise(Action::GradeTasks)?;
        comment_bank::add_comment(&mut a.store, &a.caller.profile_id, course_id, criterion_id, text, a.now)
    }

    /// Counts one reuse of a banked comment and returns it.
    pub fn comment_bank_use(&self, course_id: &str, comment_id: &str) -> Result<BankComment> {
        let mut a = self.authorise(Action::GradeTasks)?;
        comment_bank::use_comment(&mut a.store, &a.caller.profile_id, course_id, comment_id)
    }

    /// Deletes a banked comment (instructors and admins).
    pub fn comment_bank_delete(&self, comment_id: &str) -> Result<()> {
        let mut a = self.authorise(Action::GradeTasks)?;
        comment_bank::delete_comment(&mut a.store, &a.caller.profile_id, comment_id)
    }

    /// How often each level of every criterion was released in the course, per task (instructors and admins).
    pub fn grading_distributions(&self, course_id: &str) -> Result<Vec<CriterionDistribution>> {
        let a = self.authorise(Action::GradeTasks)?;
        analytics::criterion_distributions(&a.store, a.profile(), course_id)
    }

    /// Per-grader statistics of the complete marks in the course (instructors and admins).
    pub fn grading_grader_stats(&self, course_id: &str) -> Result<Vec<GraderStats>> {
        let a = self.authorise(Action::GradeTasks)?;
        analytics::grader_stats(&a.store, a.profile(), course_id)
    }

    /// Writes the grades-by-criterion table as CSV or XLSX by `path`'s extension; returns the number of data rows.
    pub fn grading_export_table(&self, course_id: &str, path: &Path) -> Result<usize> {
        let a = self.authorise(Action::GradeTasks)?;
        analytics::export_grades_table(&a.store, a.profile(), course_id, path)
    }

    /// The acting profile's bundle-signing public key (64 hex digits) and
    /// its fingerprint, made the first time it is needed: what a course
    /// names in `instructor_keys`, and what others confirm when they trust it.
    pub fn bundle_signing_key(&self) -> Result<(String, String)> {
        let a = self.authorise(Action::SendSubmissions)?;
        let key = bundles::keys::signing_key(a.data_dir, &a.caller.profile_id)?;
        let public = bundles::keys::encode_hex(key.verifying_key().as_bytes());
        let fingerprint = bundles::keys::fingerprint(&public);
        Ok((public, fingerprint))
    }

    /// Writes the acting learner's submitted versions of the course to a signed bundle at `path`.
    pub fn export_submissions(&self, course_id: &str, path: &Path) -> Result<ExportSummary> {
        let mut a = self.authorise(Action::SendSubmissions)?;
        bundles::export_submissions(&mut a.store, a.data_dir, &a.caller.profile_id, course_id, path, a.now)
    }

    /// Imports a learner's signed submissions bundle, all or nothing (instructors and admins).
    pub fn import_submissions(&self, path: &Path, expected_course: Option<&str>) -> Result<ImportSummary> {
        let mut a = self.authorise(Action::ReceiveSubmissions)?;
        bundles::import_submissions(&mut a.store, a.data_dir, &a.caller.profile_id, path, expected_course, a.now)
    }

    /// One learner's grades bundle: their released task grades and marked
    /// short answers, nobody else's.
    pub fn export_grades_for(&self, course_id: &str, learner: &str, path: &Path) -> Result<ExportSummary> {
        let mut a = self.authorise(Action::SendGrades)?;
        bundles::export_grades(&mut a.store, a.data_dir, &a.caller.profile_id, course_id, learner, path, a.now)
    }

    /// A grades bundle per learner with grades in `course`, written into `dir`.
    pub fn export_grades_per_learner(&self, course_id: &str, dir: &Path) -> Result<GradesExport> {
        let learners = {
            let a = self.authorise(Action::SendGrades)?;
            bundles::grades::learners_with_grades(&a.store, course_id)?
        };
        if learners.is_empty() {
            return Err(crate::AppError::Rejected(msg!(
                "no released grades in {course_id}",
                "课程 {course_id} 还没有已发布的成绩"
            )));
        }
        std::fs::create_dir_all(dir).map_err(crate::AppError::write(dir))?;
        let mut bundles = Vec::new();
        for learner in learners {
            let name = {
                let a = self.authorise(Action::SendGrades)?;
                qunxue_store::profiles::get(a.store.conn(), &learner)?.display_name
            };
            let path = dir.join(grades_file_name(&name, &learner));
            let summary = self.export_grades_for(course_id, &learner, &path)?;
            bundles.push(LearnerGrades { learner_id: learner, learner_name: name, path, items: summary.items });
        }
        Ok(GradesExport { folder: dir.to_path_buf(), bundles })
    }

    /// Applies a signed grades bundle, all or nothing; any profile may, as only a pinned key's grades are taken.
    pub fn import_grades(&self, path: &Path, expected_course: Option<&str>) -> Result<ImportSummary> {
        let mut a = self.authorise(Action::ReceiveGrades)?;
        bundles::import_grades(&mut a.store, &a.caller.profile_id, path, expected_course, a.now)
    }

    /// Trusts the key that signed a bundle once its fingerprint is confirmed; a learner's key needs an instructor.
    pub fn trust_bundle_key(&self, path: &Path, kind: BundleKind, fingerprint: &str) -> Result<TrustedKey> {
        let mut a = self.authorise(Action::TrustBundleKey)?;
        // Trusting a learner's key decides whose work is taken in: an instructor's.
        if kind != BundleKind::Grades {
            a.require(Action::TrustBundleKey, qunxue_store::profiles::Role::Instructor, self)?;
        }
        bundles::trust_bundle_key(&mut a.store, &a.caller.profile_id, path, kind, fingerprint, a.now)
    }

    /// An image attachment of a submitted version as a `data:` URL, to show inline.
    pub fn task_attachment_image(&self, version_id: &str, sha256: &str) -> Result<InlineImage> {
        let a = self.authorise(Action::ViewAttachment)?;
        attachment_access::inline_image(&a.store, a.data_dir, a.profile(), version_id, sha256)
    }

    /// Copies an attachment of a submitted version to `path` (picked by the user); returns its size in bytes.
    pub fn task_attachment_save(&self, version_id: &str, sha256: &str, path: &Path) -> Result<u64> {
        let a = self.authorise(Action::ViewAttachment)?;
        attachment_access::save_attachment_copy(&a.store, a.data_dir, a.profile(), version_id, sha256, path)
    }
}
