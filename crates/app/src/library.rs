//! The course library: installing the bundled curriculum, listing installed
//! courses and removing them. Packs the user imports go through
//! [`crate::import`]; the bundled curriculum goes through the same reading
//! and validation, but is used in place rather than copied.

use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::courses::{self, CourseRecord};
use qunxue_store::Store;
use serde::Serialize;

use crate::assets::asset_url;
use crate::import::{self, plan, read_valid, result_of, save_course, ImportResult, InstallOutcome, Plan, ValidPack};
use crate::paths::installed_course_dir;
use crate::{msg, AppError, Result};

/// What the course list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseSummary {
    /// The course's id, used to open it.
    pub id: String,
    /// The course's title, the card's heading.
    pub title: String,
    /// The installed version (semantic version).
    pub version: String,
    /// The course's language tag (e.g. `zh-CN`).
    pub language: String,
    /// The short description under the title.
    pub description: String,
    /// The organisation that made the course, if the course names one.
    pub organisation: Option<String>,
    /// The course's branding colour (`#rrggbb`), if it has one.
    pub primary_colour: Option<String>,
    /// The branding logo through the asset protocol, if the course has one.
    pub logo_url: Option<String>,
    /// When the course was first installed (RFC 3339); kept across updates.
    pub installed_at: String,
    /// When the course was last installed or updated (RFC 3339).
    pub updated_at: String,
    /// How many modules the installed version has.
    pub module_count: usize,
    /// How many of those modules the learner has opened (completed ones included).
    pub started_count: usize,
    /// How many of those modules the learner has completed.
    pub completed_count: usize,
    /// When the platform rules and laws the course relies on were last
    /// checked (`YYYY-MM-DD`), as the course says (`reviewed`).
    pub reviewed_on: Option<String>,
    /// How many terms the course's glossary defines (0: it has none).
    pub glossary_terms: usize,
}

/// Installs or updates the curriculum that ships with the app from its pack
/// folder (the folder holding `courses/` and `quizzes/`, or its `courses/`
/// folder). A course the user has since updated from a newer pack is left
/// alone; one whose version is already installed only has its folder
/// refreshed, because the app's resources can move between runs (AppImage
/// mounts them somewhere new each time).
pub fn install_bundled_courses(store: &mut Store, pack_root: &Path, now: DateTime<Utc>) -> Result<Vec<ImportResult>> {
    let ValidPack { opened, courses, warnings } = read_valid(pack_root)?;
    let root = opened.folder_root().ok_or_else(|| {
        AppError::Internal(msg!("the bundled curriculum must be a folder", "内置课程必须是一个文件夹"))
    })?;
    let mut results = Vec::with_capacity(courses.len());
    store.transact(|tx| -> Result<()> {
        for bundle in &courses {
            let source_dir = root.join("courses").join(&bundle.slug).to_string_lossy().into_owned();
            let previous = import::installed(tx, &bundle.manifest.id)?;
            let outcome = match plan(previous.as_ref().map(|c| c.version.as_str()), &bundle.manifest.version) {
                Plan::Write(outcome) => {
                    save_course(tx, bundle, &source_dir, now)?;
                    outcome
                }
                Plan::Unchanged | Plan::Older => {
                    if let Some(previous) = previous.filter(|p| p.source_dir != source_dir && !is_installed_copy(p)) {
                        courses::set_source_dir(tx, &previous.id, &source_dir)?;
                    }
                    InstallOutcome::Unchanged
                }
            };
            results.push(result_of(bundle, outcome, &warnings));
        }
        Ok(())
    })?;
    Ok(results)
}

/// True when a course is used from an imported copy
/// (`…/packs/<id>/<version>/courses/<slug>`) rather than from the app's own files.
fn is_installed_copy(course: &CourseRecord) -> bool {
    let ancestors: Vec<_> = Path::new(&course.source_dir).ancestors().skip(2).take(3).map(Path::file_name).collect();
    ancestors == [Some(course.version.as_ref()), Some(course.id.as_ref()), Some("packs".as_ref())]
}

/// Removes a course: its rows (modules, questions, items and the learners'
/// progress in it) and, for an imported course, its installed files. A
/// bundled course's files belong to the app and stay.
pub fn remove_course(store: &mut Store, data_dir: &Path, course_id: &str) -> Result<()> {
    let course = courses::get_course(store.conn(), course_id)?;
    store.transact(|tx| courses::delete_course(tx, course_id))?;
    let installed = installed_course_dir(data_dir, course_id);
    if Path::new(&course.source_dir).starts_with(&installed) {
        // Best effort after the commit: the course is gone either way, and a
        // leftover folder is never read again.
        let _ = std::fs::remove_dir_all(installed);
    }
    Ok(())
}

/// All installed courses with the active learner's progress counts.
pub fn list(store: &Store, profile_id: &str) -> Result<Vec<CourseSummary>> {
    courses::list_courses(store.conn())?.into_iter().map(|course| summarise(store, profile_id, course)).collect()
}

pub(crate) fn summarise(store: &Store, profile_id: &str, course: CourseRecord) -> Result<CourseSummary> {
    let modules = courses::list_modules(store.conn(), &course.id)?;
    let progress = qunxue_store::progress::for_course(store.conn(), profile_id, &course.id)?;
    let current = |id: &str| modules.iter().any(|m| m.id == id);
    let started_count = progress.iter().filter(|p| current(&p.module_id)).count();
    let completed_count = progress
        .iter()
        .filter(|p| p.status == qunxue_store::status::ProgressStatus::Completed && current(&p.module_id))
        .count();
    let reviewed_on = courses::reviewed_on(store.conn(), &course.id)?;
    let glossary_terms = courses::glossary(store.conn(), &course.id)?.len();
    Ok(CourseSummary {
        reviewed_on,
        glossary_terms,
        logo_url: course.logo_path.as_deref().map(|logo| asset_url(&course.id, logo)),
        id: course.id,
        title: course.title,
        version: course.version,
        language: course.language,
        description: course.description,
        organisation: course.organisation,
        primary_colour: course.primary_colour,
        installed_at: course.installed_at,
        updated_at: course.updated_at,
        module_count: modules.len(),
        started_count,
        completed_count,
    })
}
