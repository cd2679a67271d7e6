//! Installing courses into the learner database and listing them.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qunxue_core::course::{parse_manifest, parse_module, CourseManifest};
use qunxue_core::markdown::{self, RenderOptions};
use qunxue_store::courses::{self, CourseRecord, ModuleRecord};
use qunxue_store::Store;
use serde::Serialize;

use crate::assets::module_asset_base;
use crate::{AppError, Result};

/// A course read from its folder and rendered, ready to store.
#[derive(Debug, Clone)]
pub struct LoadedCourse {
    pub manifest: CourseManifest,
    pub dir: PathBuf,
    pub modules: Vec<ModuleRecord>,
}

/// What the course list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseSummary {
    pub id: String,
    pub title: String,
    pub version: String,
    pub language: String,
    pub description: String,
    pub organisation: Option<String>,
    pub primary_colour: Option<String>,
    pub module_count: usize,
    pub started_count: usize,
    pub completed_count: usize,
}

/// What installing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstallOutcome {
    Installed,
    Updated,
    Unchanged,
}

/// Reads `course.toml` and every module it lists from `dir`, renders and
/// sanitises the Markdown. Collects every problem before failing.
pub fn load_course_dir(dir: &Path) -> Result<LoadedCourse> {
    let manifest_path = dir.join("course.toml");
    let text = std::fs::read_to_string(&manifest_path).map_err(AppError::read(&manifest_path))?;
    let manifest = parse_manifest(&display(&manifest_path), &text).map_err(|d| AppError::Invalid(vec![d]))?;

    let mut modules = Vec::with_capacity(manifest.modules.len());
    let mut problems = Vec::new();
    for (index, relative) in manifest.modules.iter().enumerate() {
        let path = dir.join(relative);
        let source = std::fs::read_to_string(&path).map_err(AppError::read(&path))?;
        match parse_module(&display(&path), &source) {
            Ok(parsed) => {
                let options = RenderOptions { asset_base: Some(module_asset_base(&manifest.id, relative)) };
                let rendered = markdown::render(&parsed.body, &options);
                modules.push(ModuleRecord {
                    id: parsed.meta.id,
                    position: index as i64 + 1,
                    kind: parsed.meta.kind.as_str().to_string(),
                    title: parsed.meta.title,
                    minutes: i64::from(parsed.meta.minutes),
                    objectives: parsed.meta.objectives,
                    source_path: relative.clone(),
                    markdown: parsed.body,
                    html: rendered.html,
                });
            }
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    Ok(LoadedCourse { manifest, dir: dir.to_path_buf(), modules })
}

/// Stores a loaded course in one transaction. The same version again is a
/// no-op; a different version replaces content but keeps progress for
/// modules whose ids remain.
pub fn install(store: &mut Store, course: &LoadedCourse, now: DateTime<Utc>) -> Result<InstallOutcome> {
    let m = &course.manifest;
    let existing = courses::list_courses(store.conn())?.into_iter().find(|c| c.id == m.id);
    let outcome = match &existing {
        Some(c) if c.version == m.version.to_string() => return Ok(InstallOutcome::Unchanged),
        Some(_) => InstallOutcome::Updated,
        None => InstallOutcome::Installed,
    };
    let record = CourseRecord {
        id: m.id.clone(),
        version: m.version.to_string(),
        title: m.title.clone(),
        language: m.language.clone(),
        description: m.description.clone(),
        organisation: m.branding.as_ref().map(|b| b.organisation.clone()),
        primary_colour: m.branding.as_ref().and_then(|b| b.primary_colour.clone()),
        logo_path: m.branding.as_ref().and_then(|b| b.logo.clone()),
        source_dir: course.dir.to_string_lossy().into_owned(),
    };
    let now = now.to_rfc3339();
    store.transact(|tx| -> Result<()> {
        courses::upsert_course(tx, &record, &now)?;
        courses::replace_modules(tx, &record.id, &course.modules)?;
        Ok(())
    })?;
    Ok(outcome)
}

/// Installs (or updates) the curriculum that ships with the app, from the
/// `courses/` folder next to the binary or in the source tree.
pub fn install_bundled_courses(store: &mut Store, courses_dir: &Path, now: DateTime<Utc>) -> Result<Vec<InstallOutcome>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(courses_dir)
        .map_err(AppError::read(courses_dir))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("course.toml").is_file())
        .collect();
    dirs.sort();
    dirs.iter().map(|dir| install(store, &load_course_dir(dir)?, now)).collect()
}

/// All installed courses with the active learner's progress counts.
pub fn list(store: &Store, profile_id: &str) -> Result<Vec<CourseSummary>> {
    courses::list_courses(store.conn())?
        .into_iter()
        .map(|course| summarise(store, profile_id, course))
        .collect()
}

pub(crate) fn summarise(store: &Store, profile_id: &str, course: CourseRecord) -> Result<CourseSummary> {
    let modules = courses::list_modules(store.conn(), &course.id)?;
    let progress = qunxue_store::progress::for_course(store.conn(), profile_id, &course.id)?;
    let current = |id: &str| modules.iter().any(|m| m.id == id);
    let started_count = progress.iter().filter(|p| current(&p.module_id)).count();
    let completed_count = progress.iter().filter(|p| p.status == "completed" && current(&p.module_id)).count();
    Ok(CourseSummary {
        id: course.id,
        title: course.title,
        version: course.version,
        language: course.language,
        description: course.description,
        organisation: course.organisation,
        primary_colour: course.primary_colour,
        module_count: modules.len(),
        started_count,
        completed_count,
    })
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
