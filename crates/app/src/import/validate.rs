//! Reading and validating a pack without installing it: what `qunxue
//! validate` and `qunxue inspect` show, and the first half of every import.

use std::path::Path;

use qunxue_core::pack::{self, CourseBundle, CourseInspection};
use qunxue_core::{msg, Diagnostic};
use serde::Serialize;

use crate::pack_source::{self, OpenedPack};
use crate::{AppError, Result};

/// The verdict on a pack: valid when no diagnostic is an error. Warnings
/// (remote images, …) are listed either way; what each course holds only
/// when it is valid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidationOutcome {
    /// No diagnostic is an error: the pack may be imported.
    pub valid: bool,
    /// Every error and warning found, with file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// What each course holds; empty unless the pack is valid.
    pub courses: Vec<CourseInspection>,
}

/// A pack that was read and passed validation.
pub(crate) struct ValidPack {
    pub opened: OpenedPack,
    pub courses: Vec<CourseBundle>,
    /// Every diagnostic left, all warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and validates the pack at `path` (a folder or a `.zip`). Problems
/// reading it (unsafe names, links, sizes) are diagnostics like any other.
pub fn validate_path(path: &Path) -> ValidationOutcome {
    let invalid = |diagnostics| ValidationOutcome { valid: false, diagnostics, courses: Vec::new() };
    match read_valid(path) {
        Ok(pack) => ValidationOutcome {
            valid: true,
            courses: pack.courses.iter().map(pack::inspect).collect(),
            diagnostics: pack.warnings,
        },
        Err(AppError::Invalid(diagnostics)) => invalid(diagnostics),
        Err(other) => {
            let detail = other.to_string();
            let message = msg!("{detail}", "无法读取课程包：{detail}");
            invalid(vec![Diagnostic::error(path.display().to_string(), 1, 1, message)])
        }
    }
}

/// What each course of a valid pack holds; [`AppError::Invalid`] otherwise.
pub fn inspect_path(path: &Path) -> Result<Vec<CourseInspection>> {
    Ok(read_valid(path)?.courses.iter().map(pack::inspect).collect())
}

/// Reads the pack and validates it; every problem is reported at once as
/// [`AppError::Invalid`], errors and warnings together.
pub(crate) fn read_valid(path: &Path) -> Result<ValidPack> {
    let opened = read(path)?;
    check(opened)
}

pub(crate) fn read(path: &Path) -> Result<OpenedPack> {
    pack_source::open(path).map_err(|e| AppError::Invalid(vec![e.to_diagnostic()]))
}

pub(crate) fn check(opened: OpenedPack) -> Result<ValidPack> {
    let report = pack::load(opened.files());
    if report.has_errors() {
        return Err(AppError::Invalid(report.diagnostics));
    }
    Ok(ValidPack { opened, courses: report.courses, warnings: report.diagnostics })
}
