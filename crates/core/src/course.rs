//! The course model: the `course.toml` manifest and module front matter,
//! parsed with unknown keys rejected and errors located by line and column.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{line_col, Diagnostic};
use crate::front_matter;
use crate::msg;

/// The only pack format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// What a module is for; the outline groups modules by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ModuleKind {
    /// Concepts and background to read.
    Theory,
    /// Hands-on work, usually with practice tasks to hand in.
    Practice,
    /// A case study to analyse and discuss.
    Case,
}

impl ModuleKind {
    /// Every kind, in the order the outline groups them.
    pub const ALL: [ModuleKind; 3] = [ModuleKind::Theory, ModuleKind::Practice, ModuleKind::Case];

    /// The lower-case name used in front matter (`kind = "theory"`) and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            ModuleKind::Theory => "theory",
            ModuleKind::Practice => "practice",
            ModuleKind::Case => "case",
        }
    }

    /// The kind named by `text` as [`ModuleKind::as_str`] writes it; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// `course.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseManifest {
    /// Pack format version; this build reads only format 1 (`FORMAT_VERSION`).
    pub format: u32,
    /// Stable course id, unique within the pack (reverse-domain style recommended, e.g. `acme.demo`).
    pub id: String,
    /// Semantic version; importing a higher version updates an installed course.
    #[schemars(with = "String")]
    pub version: semver::Version,
    /// Course title shown to learners.
    pub title: String,
    /// BCP 47 language tag of the content, such as `zh-CN` or `en`.
    pub language: String,
    /// Short summary of the course, one to three sentences; empty when not given.
    #[serde(default)]
    pub description: String,
    /// Module files in reading order, relative to the manifest.
    pub modules: Vec<String>,
    /// The organisation's name, colour and logo (`[branding]`); `None` when absent.
    #[serde(default)]
    pub branding: Option<Branding>,
    /// The Ed25519 public keys (64 hex digits, as `qunxue bundle-key`
    /// prints them) of the instructors whose grades bundles learners'
    /// machines accept for this course. Empty: the first key seen is pinned,
    /// and trusting another needs an instructor or admin.
    #[serde(default)]
    pub instructor_keys: Vec<String>,
    /// What completing the course takes besides reading every module and
    /// passing every graded quiz (`[completion]`): practice tasks graded at
    /// or above a level, surveys answered. The certificate and the class
    /// view's "completed" follow it.
    #[serde(default)]
    pub completion: Option<CompletionRule>,
    /// When the platform rules and laws the course relies on were last
    /// checked (`YYYY-MM-DD`); learners see it on the course outline.
    #[serde(default)]
    pub reviewed: Option<String>,
}

/// `[completion]` in `course.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CompletionRule {
    /// `[[completion.task]]`: a practice task whose released grade must
    /// reach `min_percent` of its maximum.
    #[serde(default, rename = "task")]
    pub tasks: Vec<TaskRequirement>,
    /// Surveys the learner must have answered.
    #[serde(default)]
    pub surveys: Vec<String>,
}

/// `[[completion.task]]`: a practice task the learner must pass to complete the course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskRequirement {
    /// Id of a practice task of this course (`tasks.toml`).
    pub id: String,
    /// Percent of the task's grade maximum, more than 0 and at most 100.
    #[serde(default = "default_task_percent")]
    pub min_percent: f64,
}

/// The pass line of the shipped rubrics.
fn default_task_percent() -> f64 {
    60.0
}

/// A company's look for its courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// Name of the organisation that offers the course.
    pub organisation: String,
    /// Main colour of the course's screens, written `#rrggbb`.
    #[serde(default)]
    pub primary_colour: Option<String>,
    /// Path of the logo image, relative to the course folder (e.g. `assets/logo.svg`).
    #[serde(default)]
    pub logo: Option<String>,
}

/// The TOML block at the top of a module file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModuleFrontMatter {
    /// Stable module id, unique within the course; progress and notes are keyed on it.
    pub id: String,
    /// Whether the module is theory, practice or a case study.
    pub kind: ModuleKind,
    /// Module title shown in the outline and at the top of the page.
    pub title: String,
    /// Estimated study time in minutes; 0 when not given.
    #[serde(default)]
    pub minutes: u32,
    /// Learning objectives listed on the module, one sentence each.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Ids of the quizzes (from `quizzes/*.toml`) that belong to this module.
    #[serde(default)]
    pub quizzes: Vec<String>,
    /// Ids of the practice tasks (from `tasks.toml`) that belong to this module.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Who may read the module: everyone (the default), or instructors
    /// only (a facilitator's guide, a grading guide).
    #[serde(default)]
    pub audience: Audience,
}

/// Who a module is for. Instructor-only modules are never served to a
/// learner and do not count towards completing the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone enrolled may read it (the default).
    #[default]
    Learner,
    /// Only instructors and admins may read it; it does not count towards completion.
    Instructor,
}

impl Audience {
    /// The lower-case name used in front matter (`audience = "instructor"`) and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Learner => "learner",
            Audience::Instructor => "instructor",
        }
    }
}

/// A module file split and parsed; `body` is the Markdown after the front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedModule {
    /// The parsed TOML front matter.
    pub meta: ModuleFrontMatter,
    /// The Markdown source after the closing `+++` line.
    pub body: String,
    /// 1-based line in the file where the body starts.
    pub body_line: usize,
}

/// Parses `course.toml`; `file` is the name used in diagnostics.
pub fn parse_manifest(file: &str, text: &str) -> Result<CourseManifest, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let manifest: CourseManifest = parse_toml(file, text, 1)?;
    if manifest.format != FORMAT_VERSION {
        let (line, col) = toml::de::DeTable::parse(text)
            .ok()
            .and_then(|table| table.get_ref().get("format").map(|value| line_col(text, value.span().start)))
            .unwrap_or((1, 1));
        let format = manifest.format;
        return Err(Diagnostic::error(
            file,
            line,
            col,
            msg!(
                "unsupported pack format {format} (this version reads format {FORMAT_VERSION})",
                "不支持课程包格式 {format}（此版本只能读取格式 {FORMAT_VERSION}）"
            ),
        ));
    }
    Ok(manifest)
}

/// Parses a module file: front matter first, then keeps the Markdown body.
pub fn parse_module(file: &str, text: &str) -> Result<ParsedModule, Diagnostic> {
    let split = front_matter::split(text).map_err(|e| Diagnostic::error(file, 1, 1, e.message()))?;
    let meta: ModuleFrontMatter = parse_toml(file, split.front_matter, split.front_matter_line)?;
    Ok(ParsedModule { meta, body: split.body.to_string(), body_line: split.body_line })
}

/// Deserialises TOML, turning the error's span into a file position.
/// `first_line` is where `text` starts inside the file.
pub fn parse_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str, first_line: usize) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        let en = e.message().trim().to_string();
        let zh = crate::toml_message::chinese(&en);
        Diagnostic::error(file, line + first_line - 1, col, crate::Message { en, zh })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r##"
format = 1
id = "qunxue.community-ops"
version = "1.2.0"
title = "社群运营实战"
language = "zh-CN"
modules = ["modules/01-concept.md"]

[branding]
organisation = "群学"
primary_colour = "#0f766e"
"##;

    #[test]
    fn parses_a_manifest() {
        let m = parse_manifest("course.toml", MANIFEST).unwrap();
        assert_eq!(m.version, semver::Version::new(1, 2, 0));
        assert_eq!(m.branding.unwrap().organisation, "群学");
    }

    #[test]
    fn rejects_unknown_keys_with_position() {
        let text = MANIFEST.replace("language = \"zh-CN\"", "language = \"zh-CN\"\nlangauge = \"en\"");
        let err = parse_manifest("course.toml", &text).unwrap_err();
        assert_eq!(err.line, 7, "{err}");
        assert!(err.message.contains("langauge"), "{err}");
    }

    #[test]
    fn rejects_bad_versions_and_formats() {
        let err = parse_manifest("course.toml", &MANIFEST.replace("1.2.0", "1.2")).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        let err = parse_manifest("course.toml", &MANIFEST.replace("format = 1", "format = 2")).unwrap_err();
        assert!(err.message.contains("unsupported pack format 2"), "{err}");
    }

    #[test]
    fn parses_a_module_and_locates_front_matter_errors() {
        let ok = "+++\nid = \"m1\"\nkind = \"case\"\ntitle = \"案例\"\n+++\n# 案例\n";
        let m = parse_module("m.md", ok).unwrap();
        assert_eq!(m.meta.kind, ModuleKind::Case);
        assert_eq!(m.body, "# 案例\n");
        assert_eq!(m.body_line, 6);

        let bad = ok.replace("\"case\"", "\"lecture\"");
        let err = parse_module("m.md", &bad).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("m.md", 3), "{err}");
        assert!(err.message.contains("lecture") || err.message.contains("variant"), "{err}");
    }
}
