//! The app itself: the about box and the course files the webview loads.

use std::path::PathBuf;

use serde::Serialize;

use crate::assets::parse_asset_request;
use crate::session::{Action, Session};
use crate::{AppError, Result};

/// The about box: version and where the data lives.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: &'static str,
    pub data_dir: String,
    pub db_path: String,
}

impl Session {
    pub fn app_info(&self) -> Result<AppInfo> {
        drop(self.authorise(Action::ReadAppInfo)?);
        Ok(AppInfo {
            version: crate::VERSION,
            data_dir: self.data_dir.display().to_string(),
            db_path: self.database_path.display().to_string(),
        })
    }

    /// The file an asset request (`/<course>/<path…>`, percent-decoded)
    /// names, if it lies inside that course's own folder: `..`, absolute
    /// paths and symlinks that lead out of it are refused.
    pub fn asset_file(&self, request_path: &str) -> Result<PathBuf> {
        let (course_id, relative) = parse_asset_request(request_path)
            .ok_or_else(|| AppError::Rejected(format!("{request_path} is not a course file")))?;
        let course_dir = {
            let a = self.authorise(Action::Read)?;
            PathBuf::from(qunxue_store::courses::get_course(a.store.conn(), course_id)?.source_dir)
        };
        let not_found = || AppError::NotFound(format!("{request_path}: no such course file"));
        let root = course_dir.canonicalize().map_err(|_| not_found())?;
        let file = course_dir.join(&relative).canonicalize().map_err(|_| not_found())?;
        if !file.starts_with(&root) {
            return Err(AppError::Rejected(format!("{request_path} leads outside its course folder")));
        }
        Ok(file)
    }
}
