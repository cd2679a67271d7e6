//! One course's files after parsing. Every value keeps the TOML tree it
//! came from, so the checks that run afterwards can point into the file.

use crate::course::{self, CourseManifest};
use crate::diagnostic::Diagnostic;
use crate::front_matter;

use super::bundle::{BundledModule, CourseBundle};
use super::files::PackFiles;
use super::layout::{CourseLayout, QuizRole};
use super::model::bank::Bank;
use super::model::glossary::GlossaryFile;
use super::model::metric::MetricFile;
use super::model::quiz::QuizFile;
use super::model::rubric::RubricFile;
use super::model::survey::SurveyFile;
use super::model::task::TaskFile;
use super::toml_doc::{At, TomlDoc};

/// A parsed value and the document it came from.
pub(crate) struct Sourced<'s, T> {
    pub value: T,
    pub doc: TomlDoc<'s>,
}

/// A module file to read: where `course.toml` lists it, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModuleFile {
    /// As written in `course.toml`, relative to the course folder.
    pub relative: String,
    /// Pack-relative.
    pub path: String,
}

/// A text file of the pack, with its text unless it could not be read
/// (missing, oversized or not UTF-8: already reported).
pub(crate) struct SourceText<R> {
    pub role: R,
    pub path: String,
    pub text: Option<String>,
}

/// Which kinds of file all parsed. A reference into a kind where some file
/// failed is not reported as dangling: the parse error is the real problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Completeness {
    pub modules: bool,
    pub banks: bool,
    pub quizzes: bool,
    pub tasks: bool,
    pub rubrics: bool,
    pub metrics: bool,
}

pub(crate) struct ParsedCourse<'s> {
    pub layout: &'s CourseLayout,
    pub manifest: Option<Sourced<'s, CourseManifest>>,
    /// In reading order; each doc is the module's front matter.
    pub modules: Vec<Sourced<'s, BundledModule>>,
    pub banks: Vec<Sourced<'s, Bank>>,
    pub quiz_files: Vec<Sourced<'s, QuizFile>>,
    /// At most one file each; a slice keeps iteration uniform.
    pub tasks: Vec<Sourced<'s, TaskFile>>,
    pub rubrics: Vec<Sourced<'s, RubricFile>>,
    pub metrics: Vec<Sourced<'s, MetricFile>>,
    pub surveys: Vec<Sourced<'s, SurveyFile>>,
    /// `(path, text)` of each CSV data set.
    pub datasets: Vec<(&'s str, &'s str)>,
    /// `courses/<slug>/glossary.toml`, when the course has one and it parsed.
    pub glossary: Option<Sourced<'s, GlossaryFile>>,
    pub complete: Completeness,
}

impl<'s> ParsedCourse<'s> {
    /// Parses every text read for the course, reporting each file that fails.
    pub(super) fn parse(
        layout: &'s CourseLayout,
        manifest: Option<Sourced<'s, CourseManifest>>,
        modules: &'s [SourceText<ModuleFile>],
        quiz_texts: &'s [SourceText<QuizRole>],
        out: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut course = ParsedCourse {
            layout,
            complete: Completeness {
                modules: manifest.is_some(),
                banks: true,
                quizzes: true,
                tasks: true,
                rubrics: true,
                metrics: true,
            },
            manifest,
            modules: Vec::new(),
            banks: Vec::new(),
            quiz_files: Vec::new(),
            tasks: Vec::new(),
            rubrics: Vec::new(),
            metrics: Vec::new(),
            surveys: Vec::new(),
            datasets: Vec::new(),
            glossary: None,
        };
        for source in modules {
            match source.text.as_deref().map(|text| parse_module(&source.role, &source.path, text)) {
                Some(Ok(module)) => course.modules.push(module),
                Some(Err(diagnostic)) => {
                    out.push(diagnostic);
                    course.complete.modules = false;
                }
                None => course.complete.modules = false,
            }
        }
        for source in quiz_texts {
            let path = source.path.as_str();
            let Some(text) = source.text.as_deref() else {
                course.mark_incomplete(source.role);
                continue;
            };
            let parsed = match source.role {
                QuizRole::Bank => toml_file(path, text).map(|s| course.banks.push(s)),
                QuizRole::Quizzes => toml_file(path, text).map(|s| course.quiz_files.push(s)),
                QuizRole::Tasks => toml_file(path, text).map(|s| course.tasks.push(s)),
                QuizRole::Rubrics => toml_file(path, text).map(|s| course.rubrics.push(s)),
                QuizRole::Metrics => toml_file(path, text).map(|s| course.metrics.push(s)),
                QuizRole::Surveys => toml_file(path, text).map(|s| course.surveys.push(s)),
                QuizRole::Dataset => {
                    course.datasets.push((path, text));
                    Ok(())
                }
                QuizRole::DataExtra => Ok(()),
            };
            if let Err(diagnostic) = parsed {
                out.push(diagnostic);
                course.mark_incomplete(source.role);
            }
        }
        course
    }

    fn mark_incomplete(&mut self, role: QuizRole) {
        let flag = match role {
            QuizRole::Bank => &mut self.complete.banks,
            QuizRole::Quizzes => &mut self.complete.quizzes,
            QuizRole::Tasks => &mut self.complete.tasks,
            QuizRole::Rubrics => &mut self.complete.rubrics,
            QuizRole::Metrics => &mut self.complete.metrics,
            QuizRole::Surveys | QuizRole::Dataset | QuizRole::DataExtra => return,
        };
        *flag = false;
    }

    /// Every question of every bank, with its position.
    pub(super) fn questions(&self) -> impl Iterator<Item = (&Sourced<'s, Bank>, usize, At<'_>)> {
        self.banks.iter().flat_map(|bank| {
            (0..bank.value.questions.len()).map(move |i| (bank, i, bank.doc.root().key("question").idx(i)))
        })
    }

    pub(super) fn quizzes(&self) -> impl Iterator<Item = (&super::model::Quiz, At<'_>)> {
        entries(&self.quiz_files, "quiz", |f| &f.quizzes)
    }

    pub(super) fn tasks(&self) -> impl Iterator<Item = (&super::model::Task, At<'_>)> {
        entries(&self.tasks, "task", |f| &f.tasks)
    }

    pub(super) fn rubrics(&self) -> impl Iterator<Item = (&super::model::Rubric, At<'_>)> {
        entries(&self.rubrics, "rubric", |f| &f.rubrics)
    }

    pub(super) fn metrics(&self) -> impl Iterator<Item = (&super::model::MetricTemplate, At<'_>)> {
        entries(&self.metrics, "metric", |f| &f.metrics)
    }

    pub(super) fn surveys(&self) -> impl Iterator<Item = (&super::model::Survey, At<'_>)> {
        entries(&self.surveys, "survey", |f| &f.surveys)
    }

    pub(super) fn terms(&self) -> impl Iterator<Item = (&super::model::Term, At<'_>)> {
        entries(self.glossary.as_slice(), "term", |f| &f.terms)
    }

    /// Parses the course's glossary, if it has one, reporting a file that fails.
    pub(super) fn parse_glossary(&mut self, path: &'s str, text: Option<&'s str>, out: &mut Vec<Diagnostic>) {
        match text.map(|text| toml_file(path, text)) {
            Some(Ok(glossary)) => self.glossary = Some(glossary),
            Some(Err(diagnostic)) => out.push(diagnostic),
            None => {}
        }
    }

    /// The course as handed to callers; `None` when `course.toml` did not parse.
    pub(super) fn into_bundle(self, files: &PackFiles) -> Option<CourseBundle> {
        let manifest = self.manifest?.value;
        let course_dir = &self.layout.course_dir;
        let modules_dir = format!("{course_dir}/modules/");
        let assets = files
            .paths_under(&format!("{course_dir}/"))
            .filter(|p| {
                *p != self.layout.manifest_path
                    && *p != self.layout.glossary_path()
                    && !(p.starts_with(&modules_dir) && p.ends_with(".md"))
            })
            .map(str::to_string)
            .collect();
        Some(CourseBundle {
            slug: self.layout.slug.clone(),
            manifest_path: self.layout.manifest_path.clone(),
            manifest,
            modules: self.modules.into_iter().map(|m| m.value).collect(),
            banks: self.banks.into_iter().map(|b| b.value).collect(),
            quizzes: self.quiz_files.into_iter().flat_map(|f| f.value.quizzes).collect(),
            tasks: self.tasks.into_iter().flat_map(|f| f.value.tasks).collect(),
            rubrics: self.rubrics.into_iter().flat_map(|f| f.value.rubrics).collect(),
            metrics: self.metrics.into_iter().flat_map(|f| f.value.metrics).collect(),
            surveys: self.surveys.into_iter().flat_map(|f| f.value.surveys).collect(),
            glossary: self.glossary.map(|g| g.value.terms).unwrap_or_default(),
            datasets: self
                .layout
                .quiz_files
                .iter()
                .filter(|(role, _)| *role == QuizRole::Dataset)
                .map(|(_, p)| p.clone())
                .collect(),
            assets,
        })
    }
}

/// The items of an array of tables (`[[quiz]]` …) across files, with positions.
fn entries<'a, 's: 'a, F, T: 'a>(
    files: &'a [Sourced<'s, F>],
    key: &'static str,
    list: impl Fn(&'a F) -> &'a Vec<T> + 'a,
) -> impl Iterator<Item = (&'a T, At<'a>)> + 'a {
    files.iter().flat_map(move |file| {
        list(&file.value).iter().enumerate().map(move |(i, item)| (item, file.doc.root().key(key).idx(i)))
    })
}

/// Parses a whole-file TOML model and keeps its tree.
fn toml_file<'s, T: serde::de::DeserializeOwned>(path: &'s str, text: &'s str) -> Result<Sourced<'s, T>, Diagnostic> {
    let value = course::parse_toml(path, text, 1)?;
    Ok(Sourced { value, doc: TomlDoc::new(path, text, 1) })
}

/// Parses `course.toml` and keeps its tree.
pub(crate) fn parse_manifest<'s>(path: &'s str, text: &'s str) -> Result<Sourced<'s, CourseManifest>, Diagnostic> {
    let value = course::parse_manifest(path, text)?;
    Ok(Sourced { value, doc: TomlDoc::new(path, text, 1) })
}

fn parse_module<'s>(file: &ModuleFile, path: &'s str, text: &'s str) -> Result<Sourced<'s, BundledModule>, Diagnostic> {
    let parsed = course::parse_module(path, text)?;
    let split = front_matter::split(text).map_err(|e| Diagnostic::error(path, 1, 1, e.message()))?;
    Ok(Sourced {
        value: BundledModule {
            path: path.to_string(),
            relative: file.relative.clone(),
            meta: parsed.meta,
            body: parsed.body,
            body_line: parsed.body_line,
        },
        doc: TomlDoc::new(path, split.front_matter, split.front_matter_line),
    })
}
