//! A course's vital statistics, for `qunxue inspect --json` and the import screen.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::course::{Audience, ModuleKind};

use super::bundle::CourseBundle;

/// What `qunxue inspect --json` prints for one course; the keys are a stable contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseInspection {
    /// The course id from `course.toml`.
    pub id: String,
    /// The course's semantic version, e.g. `1.0.0`.
    pub version: String,
    /// Modules per kind, instructor-only ones counted apart.
    pub modules: ModuleCounts,
    /// Questions in all of the course's banks.
    pub questions: usize,
    /// Questions per type (`single`, `fill_blank`, …); types with none are left out.
    pub question_types: BTreeMap<String, usize>,
    /// Number of quizzes.
    pub quizzes: usize,
    /// Number of practice tasks.
    pub tasks: usize,
    /// Number of rubrics.
    pub rubrics: usize,
    /// Number of business-metric templates in `metrics.toml`.
    pub metric_templates: usize,
    /// Number of reaction surveys.
    pub surveys: usize,
    /// The organisation the course is branded for, if it is.
    pub branding: Option<String>,
    /// Non-whitespace characters in all module bodies: a language-neutral size.
    pub chars: usize,
}

/// Modules learners read, per kind, and the instructor-only ones apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ModuleCounts {
    /// Learner modules of kind `theory`.
    pub theory: usize,
    /// Learner modules of kind `practice`.
    pub practice: usize,
    /// Learner modules of kind `case`.
    pub case: usize,
    /// Instructor-only modules, whatever their kind.
    pub instructor: usize,
}

/// Counts what `bundle` holds, for `qunxue inspect --json` and the import screen.
pub fn inspect(bundle: &CourseBundle) -> CourseInspection {
    let mut modules = ModuleCounts::default();
    for module in &bundle.modules {
        *match (module.meta.audience, module.meta.kind) {
            (Audience::Instructor, _) => &mut modules.instructor,
            (Audience::Learner, ModuleKind::Theory) => &mut modules.theory,
            (Audience::Learner, ModuleKind::Practice) => &mut modules.practice,
            (Audience::Learner, ModuleKind::Case) => &mut modules.case,
        } += 1;
    }
    CourseInspection {
        id: bundle.manifest.id.clone(),
        version: bundle.manifest.version.to_string(),
        modules,
        questions: bundle.banks.iter().map(|b| b.questions.len()).sum(),
        question_types: bundle.banks.iter().flat_map(|b| &b.questions).fold(BTreeMap::new(), |mut types, q| {
            *types.entry(q.kind.as_str().to_string()).or_insert(0) += 1;
            types
        }),
        quizzes: bundle.quizzes.len(),
        tasks: bundle.tasks.len(),
        rubrics: bundle.rubrics.len(),
        metric_templates: bundle.metrics.len(),
        surveys: bundle.surveys.len(),
        branding: bundle.manifest.branding.as_ref().map(|b| b.organisation.clone()),
        chars: bundle.modules.iter().flat_map(|m| m.body.chars()).filter(|c| !c.is_whitespace()).count(),
    }
}
