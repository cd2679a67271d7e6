//! [`load`]: from the files of a pack to its courses and every problem in them.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

use super::bundle::{CourseBundle, PackReport};
use super::check;
use super::files::PackFiles;
use super::layout::{self, CourseLayout, QuizRole};
use super::parsed::{self, ParsedCourse, SourceText};
use super::text;

/// Parses and validates every course in `files`. Never fails and never
/// stops at the first problem: the report lists all of them.
pub fn load(files: &PackFiles) -> PackReport {
    let mut diagnostics = Vec::new();
    layout::check_limits(files, &mut diagnostics);
    let mut course_ids = HashMap::new();
    let courses = layout::discover(files, &mut diagnostics)
        .iter()
        .filter_map(|course| load_course(files, course, &mut course_ids, &mut diagnostics))
        .collect();
    // Stable, so problems at the same place keep the order they were found in.
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    PackReport { courses, diagnostics }
}

/// One course: read its text files, parse them, check them together.
/// `course_ids` maps each course id seen so far to where it was defined.
fn load_course(
    files: &PackFiles,
    layout: &CourseLayout,
    course_ids: &mut HashMap<String, String>,
    out: &mut Vec<Diagnostic>,
) -> Option<CourseBundle> {
    let manifest_text = text::read(files, &layout.manifest_path, out);
    let manifest = manifest_text
        .as_deref()
        .and_then(|text| parsed::parse_manifest(&layout.manifest_path, text).map_err(|d| out.push(d)).ok());
    let module_files = match &manifest {
        Some(manifest) => check::manifest::listed_modules(manifest, layout, files, out),
        // Without the list, still check every module file there is.
        None => check::manifest::modules_in_folder(layout, files),
    };
    let module_texts: Vec<_> = module_files
        .into_iter()
        .map(|module| SourceText {
            text: text::read(files, &module.path, out),
            path: module.path.clone(),
            role: module,
        })
        .collect();
    let quiz_texts: Vec<_> = layout
        .quiz_files
        .iter()
        .filter(|(role, _)| *role != QuizRole::DataExtra)
        .map(|(role, path)| SourceText { role: *role, path: path.clone(), text: text::read(files, path, out) })
        .collect();
    let glossary_path = layout.glossary_path();
    let glossary_text = files.contains(&glossary_path).then(|| text::read(files, &glossary_path, out)).flatten();
    let mut course = ParsedCourse::parse(layout, manifest, &module_texts, &quiz_texts, out);
    course.parse_glossary(&glossary_path, glossary_text.as_deref(), out);
    check::run(&course, files, course_ids, out);
    course.into_bundle(files)
}
