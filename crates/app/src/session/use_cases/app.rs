//! The app itself: the about box and the course files the webview loads.

use std::path::PathBuf;

use serde::Serialize;

use std::path::Path;

use qunxue_core::instructor_blocks::INSTRUCTOR_ASSETS;
use qunxue_store::courses::Readers;

use crate::assets::parse_asset_request;
use crate::msg;
use crate::session::{Action, AssetGrant, Session};
use crate::{AppError, Result};

/// The about box: version and where the data lives.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version, as `qunxue --version` prints it.
    pub version: &'static str,
    /// The app-data folder, as a path to show.
    pub data_dir: String,
    /// The database file, as a path to show.
    pub db_path: String,
}

impl Session {
    /// The about box's content (anyone, even on the recovery screen).
    pub fn app_info(&self) -> Result<AppInfo> {
        drop(self.authorise(Action::ReadAppInfo)?);
        Ok(AppInfo {
            version: crate::VERSION,
            data_dir: self.data_dir.display().to_string(),
            db_path: self.database_path.display().to_string(),
        })
    }

    /// What failed in the background, as the acting profile may see it:
    /// instructors and admins (unlocked) get the errors, a learner only
    /// that records wait to be sent (see [`crate::health`]).
    pub fn health(&self) -> Result<crate::health::HealthReport> {
        let damage = self.recovery().map(|damage| damage.problem);
        let a = self.authorise(Action::SeeHealth)?;
        let sees_details = a.caller.role >= qunxue_store::profiles::Role::Instructor;
        let pending = if damage.is_some() { 0 } else { crate::xapi::status(&a.store)?.pending };
        Ok(self.health.report(sees_details, pending, damage.as_deref()))
    }

    /// The file an asset request (`/<course>/<path…>`, percent-decoded)
    /// names, if it lies inside that course's own folder and the caller may
    /// have it: `..`, absolute paths and symlinks that lead out of it are
    /// refused; module Markdown is never served (it holds the instructor
    /// blocks the rendered module leaves out); `assets/instructor/` only to
    /// instructors.
    pub fn asset_file(&self, request_path: &str) -> Result<PathBuf> {
        let (course_id, relative) = parse_asset_request(request_path).ok_or_else(|| {
            AppError::Rejected(msg!("{request_path} is not a course file", "{request_path} 不是课程文件"))
        })?;
        let AssetGrant { course_dir, readers } = self.asset_grant(course_id)?;
        let not_found =
            || AppError::NotFound(msg!("{request_path}: no such course file", "{request_path}：没有这个课程文件"));
        let root = course_dir.canonicalize().map_err(|_| not_found())?;
        let file = course_dir.join(&relative).canonicalize().map_err(|_| not_found())?;
        let Ok(inside) = file.strip_prefix(&root) else {
            return Err(AppError::Rejected(msg!(
                "{request_path} leads outside its course folder",
                "{request_path} 指向了课程文件夹之外"
            )));
        };
        match served_to(inside) {
            Serve::Nobody => Err(not_found()),
            Serve::Instructors if readers == Readers::Learners => Err(AppError::Forbidden {
                action: msg!("opening instructor-only files", "打开讲师资料"),
                required: qunxue_store::profiles::Role::Instructor,
                actual: qunxue_store::profiles::Role::Learner,
            }),
            Serve::Everyone | Serve::Instructors => Ok(file),
        }
    }

    /// The bytes of a course file the app shows itself (a PDF handout in its
    /// viewer), under the same rules as the asset protocol; at most
    /// [`MAX_SHOWN_FILE_BYTES`].
    pub fn course_file_bytes(&self, request_path: &str) -> Result<Vec<u8>> {
        let file = self.asset_file(request_path)?;
        let size = std::fs::metadata(&file).map_err(AppError::read(&file))?.len();
        if size > MAX_SHOWN_FILE_BYTES {
            let (mb, max) = (size / 1_048_576, MAX_SHOWN_FILE_BYTES / 1_048_576);
            return Err(AppError::Rejected(msg!(
                "{request_path} is {mb} MB; the app shows files up to {max} MB — save a copy to open it elsewhere",
                "{request_path} 有 {mb} MB，应用内最多显示 {max} MB 的文件，请保存后用其他程序打开"
            )));
        }
        std::fs::read(&file).map_err(AppError::read(&file))
    }

    /// Saves a copy of a course file (a handout, a template, a data set) where
    /// the reader chose, under the same rules as the asset protocol; returns
    /// the bytes written.
    pub fn save_course_file(&self, request_path: &str, target: &Path) -> Result<u64> {
        let file = self.asset_file(request_path)?;
        std::fs::copy(&file, target).map_err(AppError::write(target))
    }
}

/// The largest course file the app reads whole to show it (a PDF handout).
pub(super) const MAX_SHOWN_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Who a file of a course folder is served to.
#[derive(Debug, PartialEq, Eq)]
enum Serve {
    Everyone,
    Instructors,
    Nobody,
}

/// By its path inside the (canonical) course folder. Compared without case:
/// on a case-insensitive disk `Assets/Instructor/` is the same folder.
fn served_to(inside: &Path) -> Serve {
    let path = inside.to_string_lossy().replace('\\', "/").to_lowercase();
    if path.starts_with("modules/") && path.ends_with(".md") {
        Serve::Nobody
    } else if path.starts_with(INSTRUCTOR_ASSETS) {
        Serve::Instructors
    } else {
        Serve::Everyone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_sources_are_nobodys_and_instructor_assets_instructors() {
        assert_eq!(served_to(Path::new("assets/logo.svg")), Serve::Everyone);
        assert_eq!(served_to(Path::new("modules/figure.png")), Serve::Everyone);
        assert_eq!(served_to(Path::new("modules/16-case.md")), Serve::Nobody);
        assert_eq!(served_to(Path::new("modules/16-case.MD")), Serve::Nobody);
        assert_eq!(served_to(Path::new("assets/instructor/key.pdf")), Serve::Instructors);
        assert_eq!(served_to(Path::new("Assets/Instructor/key.pdf")), Serve::Instructors);
    }
}
