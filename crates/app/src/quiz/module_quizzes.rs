//! The quizzes attached to one module (its front matter's `quizzes` list),
//! each with the learner's best result, for the "本课测验" panel.

use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_core::course::parse_module;
use qunxue_store::{courses, Store};
use serde::Serialize;

use super::overview::quiz_overview;
use crate::{AppError, Result};

/// One quiz of a module, with the learner's best result, for the module's "本课测验" panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleQuiz {
    /// The quiz's id within the course, to open it.
    pub quiz_id: String,
    /// The quiz's title.
    pub title: String,
    /// The learner has passed it at least once.
    pub passed: bool,
    /// The learner's best score at it, in percent (0–100); `None` before a handed-in attempt.
    pub best_percent: Option<f64>,
    /// The learner has an attempt at it open, to resume.
    pub in_progress: bool,
}

/// The module's quizzes in the order its front matter lists them. The list
/// is read from the installed module file, which import keeps beside the
/// database, so it always matches the installed version.
pub fn module_quizzes(
    store: &mut Store,
    profile: &str,
    course: &str,
    module: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ModuleQuiz>> {
    let course_record = courses::get_course(store.conn(), course)?;
    let module_record = crate::reading::module_for(store.conn(), profile, course, module)?;
    let path = Path::new(&course_record.source_dir).join(&module_record.source_path);
    let text = std::fs::read_to_string(&path).map_err(AppError::read(&path))?;
    let parsed = parse_module(&path.to_string_lossy(), &text).map_err(|d| AppError::Invalid(vec![d]))?;
    parsed
        .meta
        .quizzes
        .iter()
        .map(|quiz_id| {
            let overview = quiz_overview(store, profile, course, quiz_id, now)?;
            let best_percent = overview.best_percent();
            Ok(ModuleQuiz {
                quiz_id: overview.quiz_id,
                title: overview.title,
                passed: overview.mastered,
                best_percent,
                in_progress: overview.open_attempt_id.is_some(),
            })
        })
        .collect()
}
