//! Installing a course's files without ever leaving half a copy behind.
//!
//! Files are first copied into `<data>/packs/.staging-<uuid>/<course-id>/`,
//! then renamed to `<data>/packs/<course-id>/<version>/` — a rename within
//! one folder is atomic — as the last step before the database commits. If
//! anything fails before the commit, dropping the [`Staging`] removes the
//! staging folder and everything it had put in place. A process killed
//! mid-import cannot drop anything; its staging folder is swept by the
//! next import ([`super::leftovers`]).

use std::fs;
use std::path::{Path, PathBuf};

use qunxue_core::pack::CourseBundle;

use crate::pack_source::OpenedPack;
use crate::paths::{installed_course_dir, packs_dir};
use crate::{AppError, Result};

pub(crate) struct Staging {
    dir: PathBuf,
    /// Held locked while this import lives (see [`super::leftovers`]).
    _owner: fs::File,
    data_dir: PathBuf,
    /// Folders renamed into place, removed again unless committed.
    placed: Vec<PathBuf>,
    /// Folders this import created (`packs/`, `packs/<id>/`), removed again
    /// (when empty) unless committed.
    created: Vec<PathBuf>,
    committed: bool,
}

/// Where a course version is installed; the copy keeps the pack layout
/// (`courses/<slug>/…`, `quizzes/<slug>/…`), so it is a valid pack itself.
pub(crate) fn version_dir(data_dir: &Path, course_id: &str, version: &str) -> PathBuf {
    installed_course_dir(data_dir, course_id).join(version)
}

/// The course folder inside an installed version: what assets are served from.
pub(crate) fn course_source_dir(version_dir: &Path, slug: &str) -> PathBuf {
    version_dir.join("courses").join(slug)
}

impl Staging {
    pub(super) fn create(data_dir: &Path) -> Result<Self> {
        let packs = packs_dir(data_dir);
        let created = if packs.exists() { Vec::new() } else { vec![packs.clone()] };
        super::leftovers::sweep_abandoned_staging(&packs);
        let dir = packs.join(format!(".staging-{}", uuid::Uuid::new_v4()));
        fs::create_dir_all(&dir).map_err(AppError::write(&dir))?;
        let owner_path = dir.join(super::leftovers::OWNER_FILE);
        let owner = fs::File::create(&owner_path).map_err(AppError::write(&owner_path))?;
        owner.lock().map_err(AppError::write(&owner_path))?;
        Ok(Self { dir, _owner: owner, data_dir: data_dir.to_path_buf(), placed: Vec::new(), created, committed: false })
    }

    /// The pack files that make up `bundle`'s installed copy.
    pub(super) fn files_of(opened: &OpenedPack, bundle: &CourseBundle) -> Vec<String> {
        let course = format!("courses/{}/", bundle.slug);
        let quizzes = format!("quizzes/{}/", bundle.slug);
        let files = opened.files();
        files.paths_under(&course).chain(files.paths_under(&quizzes)).map(String::from).collect()
    }

    /// Copies one pack file into the course's staging folder.
    pub(super) fn copy(&self, opened: &mut OpenedPack, course_id: &str, pack_path: &str) -> Result<()> {
        let dest = self.dir.join(course_id).join(pack_path);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(AppError::write(parent))?;
        }
        opened.copy_file(pack_path, &dest).map_err(|e| AppError::Invalid(vec![e.to_diagnostic()]))
    }

    /// Moves the staged course into `<data>/packs/<id>/<version>/`. A folder
    /// already there is a leftover of an interrupted import (the installed
    /// version is never rewritten in place), so it is replaced.
    pub(super) fn place(&mut self, course_id: &str, version: &str) -> Result<PathBuf> {
        let parent = installed_course_dir(&self.data_dir, course_id);
        if !parent.exists() {
            fs::create_dir_all(&parent).map_err(AppError::write(&parent))?;
            self.created.push(parent);
        }
        let target = version_dir(&self.data_dir, course_id, version);
        if target.exists() {
            fs::remove_dir_all(&target).map_err(AppError::write(&target))?;
        }
        let staged = self.dir.join(course_id);
        fs::create_dir_all(&staged).map_err(AppError::write(&staged))?;
        fs::rename(&staged, &target).map_err(AppError::write(&target))?;
        self.placed.push(target.clone());
        Ok(target)
    }

    /// Flushes the staged (and any placed) files to disk in one go: called
    /// after the copies and again after the renames, before the database
    /// commits, so a committed course never points at files a power cut lost.
    pub(super) fn flush(&self) -> Result<()> {
        super::durable::flush(&self.dir).map_err(AppError::write(&self.dir))
    }

    /// Keeps what was placed: the database now points at it.
    pub(super) fn commit(mut self) {
        self.committed = true;
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Best effort: a failure here leaves a folder the app never reads.
        let _ = fs::remove_dir_all(&self.dir);
        if !self.committed {
            for dir in self.placed.iter().rev() {
                let _ = fs::remove_dir_all(dir);
            }
            for dir in self.created.iter().rev() {
                let _ = fs::remove_dir(dir);
            }
        }
    }
}
