//! The author preview: a pack folder validated and rendered as learners will
//! see it, straight from the files — nothing is installed and nothing is
//! written to a learner database. The desktop app's author mode calls
//! [`snapshot`] on every save; a broken file still gives everything else,
//! with the problem located (`file:line:col`, both languages).

use std::path::Path;
use std::time::Instant;

use crate::assets::asset_url;
use crate::pack_source;
use qunxue_core::instructor_blocks;
use qunxue_core::markdown::{render, Heading, RenderOptions};
use qunxue_core::pack::model::{Question, QuizPurpose};
use qunxue_core::pack::{self, CourseBundle};
use qunxue_core::{Audience, Diagnostic, ModuleKind};
use serde::Serialize;

use crate::authoring::AuthoringError;

/// The course segment of asset URLs served from the folder being previewed.
/// Course ids start with a letter or digit, so it can never name an
/// installed course.
pub const PREVIEW_ASSETS: &str = "_author";

/// A pack folder as the author preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorSnapshot {
    /// The pack folder previewed, as a displayable path.
    pub folder: String,
    /// Set by the caller: 1 for the first snapshot, +1 per re-render.
    pub revision: u64,
    /// How long loading and rendering took, in milliseconds; the live status line shows it.
    pub elapsed_ms: u64,
    /// Every problem in the pack, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// The courses found in the folder; empty when `course.toml` is broken.
    pub courses: Vec<AuthorCourse>,
}

/// One course of the previewed pack, with its modules and quizzes rendered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorCourse {
    /// The course's folder name under `courses/`.
    pub slug: String,
    /// The course id from `course.toml`.
    pub id: String,
    /// The course title from `course.toml`.
    pub title: String,
    /// The course language tag, e.g. `zh-CN` or `en`.
    pub language: String,
    /// The course description; `None` when empty.
    pub description: Option<String>,
    /// The organisation named in the course's branding, shown beside the logo.
    pub organisation: Option<String>,
    /// The branding accent colour (CSS colour, e.g. `#ea580c`) the preview is tinted with.
    pub primary_colour: Option<String>,
    /// The branding logo as a `qxasset` URL served from the folder being previewed.
    pub logo_url: Option<String>,
    /// Pack-relative path of the manifest, e.g. `courses/x/course.toml`.
    pub manifest_path: String,
    /// The modules, in reading order.
    pub modules: Vec<AuthorModule>,
    /// The course's quizzes, each with the questions it can ask.
    pub quizzes: Vec<AuthorQuiz>,
}

/// One module of a previewed course, rendered as the reader shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorModule {
    /// The module id from its front matter.
    pub id: String,
    /// Pack-relative, as diagnostics name it.
    pub path: String,
    /// The module's kind from its front matter.
    pub kind: ModuleKind,
    /// The module title from its front matter.
    pub title: String,
    /// The estimated study time, in minutes.
    pub minutes: u32,
    /// The learning objectives listed in the front matter.
    pub objectives: Vec<String>,
    /// Who the module is for: learners, or instructors only.
    pub audience: Audience,
    /// Sanitised; instructor blocks shown as the reader shows them to instructors.
    pub html: String,
    /// The rendered headings, for the preview's table of contents.
    pub headings: Vec<Heading>,
    /// Ids of the quizzes the module offers, shown under it.
    pub quiz_ids: Vec<String>,
    /// Ids of the tasks the module sets.
    pub task_ids: Vec<String>,
}

/// One quiz of a previewed course.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorQuiz {
    /// The quiz id, as modules refer to it.
    pub id: String,
    /// The quiz title.
    pub title: String,
    /// What the quiz is for: a module check, the pre-test, the post-test or practice.
    pub purpose: QuizPurpose,
    /// The pass mark as a fraction of the maximum score, 0–1.
    pub pass_mark: f64,
    /// How many questions an attempt draws at random besides the fixed ones.
    pub drawn: u32,
    /// The fixed items, then every question a draw may pick.
    pub questions: Vec<AuthorQuestion>,
}

/// One question as the preview shows it: rendered, with its answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorQuestion {
    /// The question text rendered to sanitised HTML.
    pub stem_html: String,
    /// The explanation shown after answering, rendered to sanitised HTML; may be empty.
    pub explanation_html: String,
    /// `single`, `multiple`: each option rendered as an attempt renders it.
    pub options_html: Vec<String>,
    /// As written in the bank, answers included: the preview shows them.
    pub question: Question,
}

/// Reads, validates and renders the pack folder `folder`.
pub fn snapshot(folder: &Path, revision: u64) -> crate::authoring::Result<AuthorSnapshot> {
    let started = Instant::now();
    let opened = pack_source::open(folder).map_err(|e| match e {
        pack_source::PackSourceError::NotAPack { .. } => AuthoringError::NotAPack { path: folder.to_path_buf() },
        other => {
            AuthoringError::BadPackage { path: folder.to_path_buf(), part: String::new(), message: other.to_string() }
        }
    })?;
    let report = pack::load(opened.files());
    let courses = report.courses.iter().map(course).collect();
    Ok(AuthorSnapshot {
        folder: folder.display().to_string(),
        revision,
        elapsed_ms: started.elapsed().as_millis() as u64,
        diagnostics: report.diagnostics,
        courses,
    })
}

fn course(bundle: &CourseBundle) -> AuthorCourse {
    let manifest = &bundle.manifest;
    let branding = manifest.branding.as_ref();
    let url = |relative: &str| asset_url(PREVIEW_ASSETS, &format!("{}/{relative}", bundle.slug));
    AuthorCourse {
        slug: bundle.slug.clone(),
        id: manifest.id.clone(),
        title: manifest.title.clone(),
        language: manifest.language.clone(),
        description: Some(manifest.description.clone()).filter(|d| !d.is_empty()),
        organisation: branding.map(|b| b.organisation.clone()),
        primary_colour: branding.and_then(|b| b.primary_colour.clone()),
        logo_url: branding.and_then(|b| b.logo.as_deref()).map(url),
        manifest_path: bundle.manifest_path.clone(),
        modules: bundle.modules.iter().map(|m| module(bundle, m)).collect(),
        quizzes: bundle.quizzes.iter().map(|q| quiz(bundle, q)).collect(),
    }
}

fn module(bundle: &CourseBundle, module: &pack::BundledModule) -> AuthorModule {
    let base = match module.relative.rsplit_once('/') {
        Some((dir, _)) => format!("{}/{dir}/", bundle.slug),
        None => format!("{}/", bundle.slug),
    };
    let options = RenderOptions { asset_base: Some(asset_url(PREVIEW_ASSETS, &base)), ..RenderOptions::default() };
    // A broken fence is already a diagnostic; the text is shown as written meanwhile.
    let body =
        instructor_blocks::split(&module.body).map(|split| split.instructor).unwrap_or_else(|_| module.body.clone());
    let rendered = render(&body, &options);
    let meta = &module.meta;
    AuthorModule {
        id: meta.id.clone(),
        path: module.path.clone(),
        kind: meta.kind,
        title: meta.title.clone(),
        minutes: meta.minutes,
        objectives: meta.objectives.clone(),
        audience: meta.audience,
        html: rendered.html,
        headings: rendered.headings,
        quiz_ids: meta.quizzes.clone(),
        task_ids: meta.tasks.clone(),
    }
}

fn quiz(bundle: &CourseBundle, quiz: &pack::model::Quiz) -> AuthorQuiz {
    let questions = bundle.banks.iter().flat_map(|bank| bank.questions.iter().map(move |q| (bank.id.as_str(), q)));
    let mut chosen: Vec<&Question> = quiz
        .items
        .iter()
        .filter_map(|id| bundle.banks.iter().flat_map(|b| &b.questions).find(|q| &q.id == id))
        .collect();
    for draw in &quiz.draws {
        for (bank, question) in questions.clone() {
            if bank == draw.bank
                && draw.accepts(&question.tags, question.difficulty)
                && !chosen.iter().any(|q| q.id == question.id)
            {
                chosen.push(question);
            }
        }
    }
    let options = RenderOptions {
        asset_base: Some(asset_url(PREVIEW_ASSETS, &format!("{}/", bundle.slug))),
        ..RenderOptions::default()
    };
    AuthorQuiz {
        id: quiz.id.clone(),
        title: quiz.title.clone(),
        purpose: quiz.purpose,
        pass_mark: quiz.pass_mark,
        drawn: quiz.draws.iter().map(|d| d.count).sum(),
        questions: chosen
            .into_iter()
            .map(|q| AuthorQuestion {
                stem_html: render(&q.stem, &options).html,
                explanation_html: render(&q.explanation, &options).html,
                options_html: q.options.iter().flatten().map(|o| render(o, &options).html).collect(),
                question: q.clone(),
            })
            .collect(),
    }
}

/// The folder that holds `courses/` for the pack folder the author chose
/// (they may have chosen the pack, its `courses/` or one course folder).
pub fn pack_root(folder: &Path) -> Option<std::path::PathBuf> {
    pack_source::open(folder).ok()?.folder_root().map(Path::to_path_buf)
}

/// The file a preview asset URL's path (`<slug>/<path inside the course>`,
/// already normalised) names under `pack_root`, or `None` for a path that
/// could leave its courses.
pub fn asset_file(pack_root: &Path, path_in_courses: &str) -> Option<std::path::PathBuf> {
    if path_in_courses.split('/').any(|s| s == ".." || s == "." || s.is_empty() || s.contains('\\') || s.contains(':'))
    {
        return None;
    }
    // Links are refused, as the pack loader refuses them: a link in the
    // folder must not show the author's other files in the preview.
    let courses = pack_root.join("courses").canonicalize().ok()?;
    let file = courses.join(path_in_courses).canonicalize().ok()?;
    (file.starts_with(&courses) && file == courses.join(path_in_courses)).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn preview_assets_stay_inside_the_courses_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("courses/c/assets")).unwrap();
        std::fs::write(root.join("courses/c/assets/x.png"), "png").unwrap();
        std::fs::write(root.join("secret.txt"), "mine").unwrap();
        std::os::unix::fs::symlink(root.join("secret.txt"), root.join("courses/c/assets/link.png")).unwrap();
        assert_eq!(asset_file(&root, "c/assets/x.png"), Some(root.join("courses/c/assets/x.png")));
        assert_eq!(asset_file(&root, "c/../../secret.txt"), None);
        assert_eq!(asset_file(&root, "c//x"), None);
        assert_eq!(asset_file(&root, "c/assets/link.png"), None, "a link is not followed");
        assert!(!qunxue_core::pack::is_valid_id(PREVIEW_ASSETS), "no course can be called that");
    }
}
