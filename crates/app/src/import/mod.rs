//! Importing a course pack (a folder or a `.zip`): read it under limits,
//! validate everything, decide per course by version, copy its files into
//! the data folder and store its content — all or nothing. An invalid pack
//! writes nothing at all; any later failure leaves the database and the
//! installed files as they were.

mod durable;
mod leftovers;
mod records;
mod staging;
mod validate;
mod version;

use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_core::pack::CourseBundle;
use qunxue_core::Diagnostic;
use qunxue_store::courses::{self, CourseRecord};
use qunxue_store::Connection;
use qunxue_store::{Store, StoreError};
use serde::Serialize;

pub(crate) use records::{question_record, save_course};
use staging::{course_source_dir, Staging};
pub use validate::{inspect_path, validate_path, ValidationOutcome};
pub(crate) use validate::{read_valid, ValidPack};
pub use version::InstallOutcome;
pub(crate) use version::{plan, Plan};

use crate::{msg, AppError, Lang, Message, Result};

/// Where an import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    /// Reading the pack's files (a folder or a `.zip`) under the size limits.
    Reading,
    /// Validating every course of the pack.
    Validating,
    /// Copying the courses' files into the data folder; steps are files.
    Copying,
    /// Saving the courses' content in the database; steps are courses.
    Saving,
    /// Finished; steps are the pack's courses.
    Done,
}

/// One progress report: the stage, and how many of its steps are done
/// (files while copying, courses while saving and when done; 0 of 0 when a
/// stage has no countable steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// The stage the import has reached.
    pub stage: ImportStage,
    /// Steps of this stage done so far.
    pub done: usize,
    /// Steps this stage has in all (0 when it has no countable steps).
    pub total: usize,
}

/// What happened to one course of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// The course's id, from its `course.toml`.
    pub course_id: String,
    /// The course's title, as the import summary lists it.
    pub title: String,
    /// The pack's version of the course (semantic version).
    pub version: String,
    /// Whether the course was installed, updated, downgraded or left unchanged.
    pub outcome: InstallOutcome,
    /// Warnings about this course's files (and about the pack as a whole).
    pub warnings: Vec<Diagnostic>,
}

/// A course of the pack with what to do about it.
struct Decision<'a> {
    bundle: &'a CourseBundle,
    outcome: InstallOutcome,
    previous: Option<CourseRecord>,
}

/// Imports the pack at `path` into `store`, installing course files under
/// `<data_dir>/packs/`. A newer version of an installed course updates it
/// (learner progress is kept for every id that remains; removed modules and
/// items are archived); the same version is left alone; an older one is
/// refused with [`AppError::Conflict`] unless `force`.
pub fn import_pack(
    store: &mut Store,
    data_dir: &Path,
    path: &Path,
    force: bool,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<Vec<ImportResult>> {
    let step = |stage, done, total| ImportProgress { stage, done, total };
    progress(step(ImportStage::Reading, 0, 0));
    let opened = validate::read(path)?;
    progress(step(ImportStage::Validating, 0, 0));
    let ValidPack { mut opened, courses, warnings } = validate::check(opened)?;
    let decisions = decide(store, &courses, force)?;
    let writes: Vec<&Decision<'_>> = decisions.iter().filter(|d| d.outcome != InstallOutcome::Unchanged).collect();

    if !writes.is_empty() {
        // An import rewrites course content: keep the way back (a file database only).
        if store.path() != Path::new(":memory:") {
            crate::backup::create_backup(store.conn(), data_dir, crate::backup::BackupReason::PreImport, now)?;
        }
        let staging = Staging::create(data_dir)?;
        let files: Vec<(&str, Vec<String>)> =
            writes.iter().map(|d| (d.bundle.manifest.id.as_str(), Staging::files_of(&opened, d.bundle))).collect();
        let total = files.iter().map(|(_, f)| f.len()).sum();
        let mut done = 0;
        for (course_id, paths) in &files {
            for pack_path in paths {
                staging.copy(&mut opened, course_id, pack_path)?;
                done += 1;
                progress(step(ImportStage::Copying, done, total));
            }
        }
        staging.flush()?;
        progress(step(ImportStage::Saving, 0, writes.len()));
        let staging = store.transact(|tx| -> Result<Staging> {
            let mut staging = staging;
            for decision in &writes {
                let bundle = decision.bundle;
                let placed = staging.place(&bundle.manifest.id, &bundle.manifest.version.to_string())?;
                let source_dir = course_source_dir(&placed, &bundle.slug);
                save_course(tx, bundle, &source_dir.to_string_lossy(), now)?;
            }
            // The renames, durable before the commit that points at them.
            staging.flush()?;
            Ok(staging)
        })?;
        staging.commit();
        for decision in &writes {
            remove_previous_version(data_dir, decision);
        }
    }
    progress(step(ImportStage::Done, courses.len(), courses.len()));
    Ok(decisions.iter().map(|d| result_of(d.bundle, d.outcome, &warnings)).collect())
}

/// Decides every course before anything is written, so a refused course
/// stops the whole pack.
fn decide<'a>(store: &Store, courses: &'a [CourseBundle], force: bool) -> Result<Vec<Decision<'a>>> {
    let mut decisions = Vec::with_capacity(courses.len());
    let mut refused = Vec::new();
    for bundle in courses {
        let previous = installed(store.conn(), &bundle.manifest.id)?;
        let outcome = match plan(previous.as_ref().map(|c| c.version.as_str()), &bundle.manifest.version) {
            Plan::Write(outcome) => outcome,
            Plan::Unchanged => InstallOutcome::Unchanged,
            Plan::Older if force => InstallOutcome::Downgraded,
            Plan::Older => {
                let installed = previous.as_ref().map_or("", |c| c.version.as_str());
                let (title, id, version) = (&bundle.manifest.title, &bundle.manifest.id, &bundle.manifest.version);
                refused.push(msg!(
                    "{title} ({id}): version {installed} is installed and this pack holds the older {version}; force the import to replace it anyway",
                    "「{title}」（{id}）：已安装版本 {installed}，这个包中是更旧的版本 {version}；如仍要替换，请强制导入"
                ));
                continue;
            }
        };
        decisions.push(Decision { bundle, outcome, previous });
    }
    if !refused.is_empty() {
        let join = |lang: Lang| refused.iter().map(|m| m.in_lang(lang)).collect::<Vec<_>>().join("\n");
        return Err(AppError::Conflict(Message { en: join(Lang::En), zh: join(Lang::Zh) }));
    }
    Ok(decisions)
}

/// The installed course with this id, if any.
pub(crate) fn installed(conn: &Connection, course_id: &str) -> Result<Option<CourseRecord>> {
    match courses::get_course(conn, course_id) {
        Ok(course) => Ok(Some(course)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// Removes the folder of the version this import replaced, if it was an
/// installed copy (bundled courses live elsewhere and are never touched).
/// Best effort: a leftover folder is never read again.
fn remove_previous_version(data_dir: &Path, decision: &Decision<'_>) {
    let Some(previous) = &decision.previous else { return };
    let old = staging::version_dir(data_dir, &previous.id, &previous.version);
    let new = staging::version_dir(data_dir, &previous.id, &decision.bundle.manifest.version.to_string());
    if old != new && Path::new(&previous.source_dir).starts_with(&old) {
        let _ = std::fs::remove_dir_all(old);
    }
}

/// The per-course result, with the warnings about its own files and those
/// about files of no course in particular.
pub(crate) fn result_of(bundle: &CourseBundle, outcome: InstallOutcome, warnings: &[Diagnostic]) -> ImportResult {
    let own = [format!("courses/{}/", bundle.slug), format!("quizzes/{}/", bundle.slug)];
    let concerns = |d: &&Diagnostic| {
        own.iter().any(|prefix| d.file.starts_with(prefix.as_str()))
            || !(d.file.starts_with("courses/") || d.file.starts_with("quizzes/"))
    };
    ImportResult {
        course_id: bundle.manifest.id.clone(),
        title: bundle.manifest.title.clone(),
        version: bundle.manifest.version.to_string(),
        outcome,
        warnings: warnings.iter().filter(concerns).cloned().collect(),
    }
}
