//! What [`load`](super::load) hands back: each course of a pack, parsed.

use crate::course::{CourseManifest, ModuleFrontMatter};
use crate::diagnostic::Diagnostic;

use super::model::{Bank, MetricTemplate, Quiz, Rubric, Survey, Task, Term};

/// The outcome of validating a pack: its courses and every problem found.
#[derive(Debug, Clone, Default)]
pub struct PackReport {
    /// Every course whose `course.toml` parsed. A file that failed to parse
    /// is left out of its course; `diagnostics` says why.
    pub courses: Vec<CourseBundle>,
    /// Errors and warnings, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

impl PackReport {
    /// True when the pack must not be imported.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The problems that block import, in report order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The problems that do not block import, in report order.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// One course with all its material: `courses/<slug>/` and `quizzes/<slug>/`.
#[derive(Debug, Clone)]
pub struct CourseBundle {
    /// The folder name under `courses/` and `quizzes/`.
    pub slug: String,
    /// Pack-relative path of `course.toml`.
    pub manifest_path: String,
    /// The parsed `course.toml`.
    pub manifest: CourseManifest,
    /// In reading order.
    pub modules: Vec<BundledModule>,
    /// Question banks from `quizzes/<slug>/banks/*.toml`, one per file.
    pub banks: Vec<Bank>,
    /// Every `[[quiz]]` of `quizzes/<slug>/quizzes/*.toml`.
    pub quizzes: Vec<Quiz>,
    /// Practice tasks from `quizzes/<slug>/tasks.toml`; empty without one.
    pub tasks: Vec<Task>,
    /// Rubrics from `quizzes/<slug>/rubrics.toml`; empty without one.
    pub rubrics: Vec<Rubric>,
    /// Business-metric templates from `quizzes/<slug>/metrics.toml`; empty without one.
    pub metrics: Vec<MetricTemplate>,
    /// Reaction surveys from `quizzes/<slug>/surveys.toml`; empty without one.
    pub surveys: Vec<Survey>,
    /// `glossary.toml`'s terms in file order; empty without one.
    pub glossary: Vec<Term>,
    /// Pack-relative paths of `quizzes/<slug>/data/*.csv`.
    pub datasets: Vec<String>,
    /// Pack-relative paths of every file under `courses/<slug>/` other than
    /// `course.toml` and Markdown under `modules/` (images, media, downloads).
    pub assets: Vec<String>,
}

impl CourseBundle {
    /// `courses/<slug>`: the folder module paths and asset links are relative to.
    pub fn course_dir(&self) -> String {
        format!("courses/{}", self.slug)
    }
}

/// A module file, split and parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct BundledModule {
    /// Pack-relative path, e.g. `courses/x/modules/01-intro.md`.
    pub path: String,
    /// As listed in `course.toml`, relative to the course folder.
    pub relative: String,
    /// The parsed TOML front matter.
    pub meta: ModuleFrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
}
