//! `qunxue convert FILE.docx|FILE.pptx --out DIR`: a Word document or a
//! PowerPoint deck to a pack folder, read from its Office XML inside the app
//! (no external program). Word headings of the chosen level start modules;
//! a deck is one module, or one per section, with a section per slide and
//! the speaker notes kept for instructors only. Everything that could not
//! be carried over is listed with its paragraph or slide.

mod blocks;
mod docx;
mod inline;
mod manifest;
mod modules;
mod naming;
mod output;
mod package;
mod picture;
mod pptx;
mod record;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use qunxue_core::{Diagnostic, ModuleKind};
use serde::Serialize;

pub use blocks::{Attention, Place};
pub(crate) use inline::escape as escape_markdown;
pub(crate) use naming::{course_id_of, slug_of};
pub(crate) use output::write_replacing as write_file;
pub use record::RECORD_FILE;

use crate::authoring::AuthoringError;
use blocks::Document;
use package::Package;
use record::{hash, Record};

/// What to convert and how.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvertOptions {
    /// The Word (`.docx`) or PowerPoint (`.pptx`) file to read.
    pub source: PathBuf,
    /// The pack folder (made if missing).
    pub out: PathBuf,
    /// Word headings of this level or higher (1–3) start a module.
    pub split_level: u8,
    /// The kind every module gets.
    pub kind: ModuleKind,
    /// Replace files the author edited since the last conversion.
    pub overwrite: bool,
}

/// One module made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConvertedModule {
    /// The module id; kept stable across conversions, since learners' progress is stored under it.
    pub id: String,
    /// The module's title, from the heading or deck section that starts it.
    pub title: String,
    /// Pack-relative path.
    pub path: String,
    /// Headings inside it.
    pub sections: usize,
}

/// What a conversion did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConvertReport {
    /// The converted file's path, for display.
    pub source: String,
    /// The pack folder's path, for display.
    pub out_dir: String,
    /// The course id in the manifest (the last conversion's, or one made from the file name).
    pub course_id: String,
    /// The course version written (semver): 1.0.0 at first, a patch higher whenever the content changed.
    pub version: String,
    /// Pack-relative files written.
    pub written: Vec<String>,
    /// Files whose content was already what the conversion makes.
    pub unchanged: Vec<String>,
    /// Files of the last conversion the document no longer makes (removed
    /// because nobody had edited them).
    pub removed: Vec<String>,
    /// Edited files replaced because `overwrite` was given.
    pub overwritten: Vec<String>,
    /// Files edited since the last conversion. Without `overwrite` nothing
    /// at all is written while this is not empty.
    pub edited_files: Vec<String>,
    /// The modules made, in course order.
    pub modules: Vec<ConvertedModule>,
    /// What could not be carried over as it was, each with its paragraph or slide.
    pub attention: Vec<Attention>,
    /// `qunxue validate` of the folder afterwards (empty when nothing was written).
    pub diagnostics: Vec<Diagnostic>,
}

impl ConvertReport {
    /// True when edited files stopped the conversion.
    pub fn refused(&self) -> bool {
        !self.edited_files.is_empty() && self.written.is_empty()
    }
}

/// The two kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceKind {
    Word,
    PowerPoint,
}

/// Converts `options.source` into the pack folder `options.out`.
pub fn convert(options: &ConvertOptions) -> crate::authoring::Result<ConvertReport> {
    if !(1..=3).contains(&options.split_level) {
        return Err(AuthoringError::Usage(format!("--split-level is 1, 2 or 3, not {}", options.split_level)));
    }
    let (doc, kind) = read_source(&options.source)?;
    let stem = options.source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let chinese = doc
        .blocks
        .iter()
        .any(|b| matches!(b, blocks::Block::Heading { text, .. } | blocks::Block::Paragraph(text) if has_cjk(text)));
    let split_level = if kind == SourceKind::PowerPoint { 1 } else { options.split_level };
    let mut drafts = modules::split(&doc, split_level, if chinese { "引言" } else { "Introduction" });
    if drafts.is_empty() {
        return Err(AuthoringError::BadPackage {
            path: options.source.clone(),
            part: "document".into(),
            message: "no text to convert".into(),
        });
    }

    let last = Record::load(&options.out)?;
    let slug = last.as_ref().map(|r| r.slug.clone()).unwrap_or_else(|| slug_of(&stem));
    keep_a_single_modules_id(&mut drafts, last.as_ref(), &slug);
    let course_id = last.as_ref().map(|r| r.course_id.clone()).unwrap_or_else(|| course_id_of(&stem));
    let course_dir = format!("courses/{slug}");
    let (mut plan, converted) = plan_files(&doc, &drafts, &course_dir, options.kind);
    let manifest_path = format!("{course_dir}/course.toml");
    let version = next_version(last.as_ref(), &plan, &manifest_path);
    let title = doc.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| stem.clone());
    // The manifest is merged with the author's, never refused as edited.
    let on_disk = std::fs::read_to_string(options.out.join(&manifest_path)).ok();
    let plan_manifest = manifest::ManifestPlan {
        id: &course_id,
        version: &version,
        title: &title,
        chinese,
        source: &options.source,
        modules: &drafts,
    };
    plan.insert(manifest_path.clone(), plan_manifest.text(on_disk.as_deref()).into_bytes());
    let mut last = last;
    if let (Some(record), Some(text)) = (last.as_mut(), &on_disk) {
        record.files.insert(manifest_path, hash(text.as_bytes()));
    }

    let record = Record {
        source: options.source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        course_id: course_id.clone(),
        slug,
        version: version.clone(),
        files: plan.iter().map(|(p, b)| (p.clone(), hash(b))).collect(),
    };
    let mut outcome = output::compare(&options.out, &plan, last.as_ref())?;
    let refused = !outcome.edited.is_empty() && !options.overwrite;
    let overwritten = if options.overwrite { outcome.edited.clone() } else { Vec::new() };
    let diagnostics = if refused {
        outcome.written.clear();
        outcome.removed.clear();
        Vec::new()
    } else {
        output::apply(&options.out, &plan, &mut outcome, options.overwrite, &record)?;
        crate::import::validate_path(&options.out).diagnostics
    };
    Ok(ConvertReport {
        source: options.source.display().to_string(),
        out_dir: options.out.display().to_string(),
        course_id,
        version: version.to_string(),
        written: outcome.written,
        unchanged: outcome.unchanged,
        removed: outcome.removed,
        overwritten,
        edited_files: outcome.edited,
        modules: converted,
        attention: doc.attention,
        diagnostics,
    })
}

/// Every file the conversion makes but the manifest: pictures, modules,
/// the editor schemas; and the modules as the report lists them.
fn plan_files(
    doc: &Document,
    drafts: &[modules::ModuleDraft],
    course_dir: &str,
    kind: ModuleKind,
) -> (BTreeMap<String, Vec<u8>>, Vec<ConvertedModule>) {
    let mut plan: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let media_names: Vec<String> =
        doc.media.iter().map(|m| format!("assets/img-{}.{}", &m.digest[..12], m.extension)).collect();
    let from_module: Vec<String> = media_names.iter().map(|name| format!("../{name}")).collect();
    for (media, name) in doc.media.iter().zip(&media_names) {
        plan.insert(format!("{course_dir}/{name}"), media.bytes.clone());
    }
    let mut converted = Vec::new();
    for draft in drafts {
        let path = format!("{course_dir}/{}", draft.relative_path());
        plan.insert(path.clone(), modules::write(draft, kind, doc, &from_module).into_bytes());
        converted.push(ConvertedModule {
            id: draft.id.clone(),
            title: draft.title.clone(),
            path,
            sections: draft.sections,
        });
    }
    for (name, json) in crate::authoring::schema_files::all() {
        plan.insert(format!("schemas/{name}"), json.into_bytes());
    }
    plan.insert(".taplo.toml".into(), crate::authoring::schema_files::taplo_config().into_bytes());
    (plan, converted)
}

/// 1.0.0 the first time; after that the last version, a patch higher when
/// what the document gives changed (the course's files other than the
/// manifest, which holds the version), so installing the new conversion
/// updates the course in place.
fn next_version(last: Option<&Record>, plan: &BTreeMap<String, Vec<u8>>, manifest_path: &str) -> semver::Version {
    let Some(record) = last else { return semver::Version::new(1, 0, 0) };
    let of_course = |path: &str| path.starts_with("courses/") && path != manifest_path;
    let before: BTreeMap<&str, &str> =
        record.files.iter().filter(|(p, _)| of_course(p)).map(|(p, h)| (p.as_str(), h.as_str())).collect();
    let hashes: BTreeMap<&str, String> =
        plan.iter().filter(|(p, _)| of_course(p)).map(|(p, b)| (p.as_str(), hash(b))).collect();
    let now: BTreeMap<&str, &str> = hashes.iter().map(|(p, h)| (*p, h.as_str())).collect();
    let mut version = record.version.clone();
    if before != now {
        version.patch += 1;
    }
    version
}

/// A deck without sections is one module titled by the deck: its title may
/// change (the document property), its id must not, or learners lose their
/// progress. When the last conversion also made a single module, it keeps
/// that module's id.
fn keep_a_single_modules_id(drafts: &mut [modules::ModuleDraft], last: Option<&Record>, slug: &str) {
    let prefix = format!("courses/{slug}/modules/");
    let previous: Vec<&str> = last
        .map(|r| r.files.keys().filter_map(|p| p.strip_prefix(&prefix)?.strip_suffix(".md")).collect())
        .unwrap_or_default();
    if let ([only], [was]) = (drafts, previous.as_slice()) {
        only.id = was.to_string();
    }
}

fn read_source(path: &Path) -> crate::authoring::Result<(Document, SourceKind)> {
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let mut package = Package::open(path)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    match extension.as_str() {
        "docx" if package.has_part("word/document.xml") => Ok((docx::read(&mut package)?, SourceKind::Word)),
        "pptx" if package.has_part("ppt/presentation.xml") => {
            Ok((pptx::read(&mut package, &stem)?, SourceKind::PowerPoint))
        }
        _ => Err(AuthoringError::NotOffice { path: path.to_path_buf() }),
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}
