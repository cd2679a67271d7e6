//! Impact studies (before-and-after business metrics, the three-level
//! effect report) and the reaction survey learners answer.

use std::path::{Path, PathBuf};

use qunxue_core::impact::AnalysisOptions;
use qunxue_store::profiles::Role;

use crate::demo::{self, DemoOptions, DemoSummary};
use crate::impact::export::{export_study_report, write_report, ExportFormat};
use crate::impact::report::{build_report, build_report_for_classes, study_report, EffectReport};
use crate::impact::{
    self, ColumnMapping, ImportPreview, ImportSummary, MetricDefinition, ObservationInput, StudyInput, StudyView,
    SurveyAnswer, SurveyForm, WriteSummary,
};
use crate::session::{Action, Session};
use crate::{AppError, Result};

impl Session {
    /// The course's metric templates, offered when setting up an impact study (instructors and admins).
    pub fn impact_metric_templates(&self, course_id: &str) -> Result<Vec<MetricDefinition>> {
        let a = self.authorise(Action::ManageStudies)?;
        impact::metric_templates(&a.store, a.profile(), course_id)
    }

    /// Every impact study (of one course, when given), newest first (instructors and admins).
    pub fn impact_list_studies(&self, course_id: Option<&str>) -> Result<Vec<StudyView>> {
        let a = self.authorise(Action::ManageStudies)?;
        impact::list_studies(&a.store, a.profile(), course_id)
    }

    /// One impact study with its metrics and units (instructors and admins).
    pub fn impact_get_study(&self, study_id: &str) -> Result<StudyView> {
        let a = self.authorise(Action::ManageStudies)?;
        impact::get_study(&a.store, a.profile(), study_id)
    }

    /// Creates an impact study from the set-up form (instructors and admins).
    pub fn impact_create_study(&self, input: &StudyInput) -> Result<StudyView> {
        let mut a = self.authorise(Action::ManageStudies)?;
        impact::create_study(&mut a.store, &a.caller.profile_id, input, a.now)
    }

    /// Replaces a study's settings, metrics and groups; values of dropped metrics and units go too.
    pub fn impact_update_study(&self, study_id: &str, input: &StudyInput) -> Result<StudyView> {
        let mut a = self.authorise(Action::ManageStudies)?;
        impact::update_study(&mut a.store, &a.caller.profile_id, study_id, input, a.now)
    }

    /// Deletes a study with all its metrics, units and values (instructors and admins).
    pub fn impact_delete_study(&self, study_id: &str) -> Result<()> {
        let mut a = self.authorise(Action::ManageStudies)?;
        impact::delete_study(&mut a.store, &a.caller.profile_id, study_id)
    }

    /// Reads a CSV or XLSX file for the column-mapping step of an import, writing nothing.
    pub fn impact_preview_import(&self, study_id: &str, path: &Path) -> Result<ImportPreview> {
        let a = self.authorise(Action::ManageStudies)?;
        impact::preview_import(&a.store, a.profile(), study_id, path)
    }

    /// Imports every row of the file under `mapping` into the study, all or nothing.
    pub fn impact_import(&self, study_id: &str, path: &Path, mapping: &ColumnMapping) -> Result<ImportSummary> {
        let mut a = self.authorise(Action::ManageStudies)?;
        impact::import_observations(&mut a.store, &a.caller.profile_id, study_id, path, mapping, a.now)
    }

    /// Saves rows typed into the study's entry form, all or nothing (instructors and admins).
    pub fn impact_record(&self, study_id: &str, rows: &[ObservationInput]) -> Result<WriteSummary> {
        let mut a = self.authorise(Action::ManageStudies)?;
        impact::record_observations(&mut a.store, &a.caller.profile_id, study_id, rows, a.now)
    }

    /// A study's effect report with the default analysis.
    pub fn impact_report(&self, study_id: &str) -> Result<EffectReport> {
        let a = self.authorise(Action::ManageStudies)?;
        study_report(&a.store, a.profile(), study_id, &AnalysisOptions::default(), a.now)
    }

    /// The effect report with its learner figures narrowed to members of
    /// `classes` (join codes; every learner when empty).
    pub fn impact_report_for_classes(&self, study_id: &str, classes: &[String]) -> Result<EffectReport> {
        if classes.is_empty() {
            return self.impact_report(study_id);
        }
        let a = self.authorise(Action::ManageStudies)?;
        build_report_for_classes(a.store.conn(), study_id, &AnalysisOptions::default(), classes, a.now)
    }

    /// A study's effect report with chosen resampling (the CLI's `report`).
    pub fn impact_report_with(&self, study_id: &str, options: &AnalysisOptions) -> Result<EffectReport> {
        let a = self.authorise(Action::ManageStudies)?;
        build_report(a.store.conn(), study_id, options, a.now)
    }

    /// Writes the study's effect report to `dir` in each of `formats`; returns the files written.
    pub fn impact_export(&self, study_id: &str, dir: &Path, formats: &[ExportFormat]) -> Result<Vec<PathBuf>> {
        let a = self.authorise(Action::ManageStudies)?;
        export_study_report(&a.store, a.profile(), study_id, dir, formats, a.now)
    }

    /// The report as on screen, narrowed to `classes` (every learner when
    /// empty), written in each of `formats`.
    pub fn impact_export_for_classes(
        &self,
        study_id: &str,
        dir: &Path,
        formats: &[ExportFormat],
        classes: &[String],
    ) -> Result<Vec<PathBuf>> {
        if classes.is_empty() {
            return self.impact_export(study_id, dir, formats);
        }
        let report = self.impact_report_for_classes(study_id, classes)?;
        write_report(&report, dir, formats, &mut |_| {})
    }

    /// Saves the acting learner's answers to a course survey (replacing earlier ones); returns how many were saved.
    pub fn submit_survey(&self, course_id: &str, survey_id: &str, answers: &[SurveyAnswer]) -> Result<usize> {
        let mut a = self.authorise(Action::AnswerSurvey)?;
        impact::submit_survey(&mut a.store, &a.caller.profile_id, course_id, survey_id, answers, a.now)
    }

    /// The course's surveys with the acting learner's own earlier answers.
    pub fn survey_forms(&self, course_id: &str) -> Result<Vec<SurveyForm>> {
        let a = self.authorise(Action::AnswerSurvey)?;
        impact::survey_forms(&a.store, a.profile(), course_id)
    }

    /// Fills the database with reproducible demo activity (`qunxue demo`):
    /// anyone may on a database without an admin (made for trying the
    /// product), only an unlocked admin on one that has an admin.
    pub fn make_demo_data(&self, options: DemoOptions) -> Result<DemoSummary> {
        let mut a = self.authorise(Action::MakeDemoData)?;
        let admins = qunxue_store::profiles::count_with_role(a.store.conn(), Role::Admin)?;
        if admins > 0 && a.caller.role < Role::Admin {
            return Err(AppError::Forbidden {
                action: Action::MakeDemoData.describe(),
                required: Role::Admin,
                actual: a.caller.role,
            });
        }
        demo::run_demo(&mut a.store, options, a.now)
    }
}
