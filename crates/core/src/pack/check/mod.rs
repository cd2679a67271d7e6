//! The checks that need more than serde: value ranges, consistency inside
//! a question, ids and the references between files, links and HTML in
//! Markdown, CSV data. Each reports every problem it finds.

mod completion;
mod datasets;
mod glossary;
mod html;
mod index;
mod links;
pub(crate) mod manifest;
mod modules;
mod questions;
mod quizzes;
mod rubrics;
mod surveys;
mod tasks;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Noun};
use crate::msg;

use super::files::PackFiles;
use super::ids::Ids;
use super::parsed::ParsedCourse;
use super::toml_doc::At;

/// Runs every check on one parsed course. `course_ids` holds the course ids
/// of the pack seen so far, so two courses cannot share one.
pub(crate) fn run(
    course: &ParsedCourse<'_>,
    files: &PackFiles,
    course_ids: &mut HashMap<String, String>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(manifest) = &course.manifest {
        manifest::check(manifest, &course.layout.course_dir, files, course_ids, out);
    }
    let index = index::Index::build(course, out);
    modules::check(course, &index, files, out);
    questions::check(course, files, out);
    quizzes::check(course, &index, out);
    tasks::check(course, &index, out);
    rubrics::check(course, out);
    glossary::check(course, out);
    surveys::check(course, out);
    datasets::check(course, &index, out);
    completion::check(course, &index, out);
}

/// Reports `text` at `at` when it is empty or only whitespace.
fn require_text(text: &str, at: At<'_>, what: &str, out: &mut Vec<Diagnostic>) {
    if text.trim().is_empty() {
        out.push(at.error(msg!("{what} must not be empty", "`{what}` 不能为空")));
    }
}

/// The child tables of one parent (`[[rubric.criterion]]`, `[[survey.item]]`),
/// each with its position. Reports a parent without children and two
/// children sharing an id (child ids are unique within their parent).
fn children<'a, T>(
    parent: (&str, At<'a>),
    table: &str,
    items: &'a [T],
    id_of: impl Fn(&'a T) -> &'a str,
    what: Noun,
    out: &mut Vec<Diagnostic>,
) -> Vec<(&'a T, At<'a>)> {
    let (parent_id, parent_at) = parent;
    if items.is_empty() {
        let Noun { en, zh } = what;
        out.push(parent_at.error(msg!(
            "`{parent_id}` needs at least one {en}: add [[{table}]]",
            "`{parent_id}` 至少需要一个{zh}：请添加 [[{table}]]"
        )));
    }
    let key = table.rsplit('.').next().unwrap_or(table);
    let mut ids: Ids<'a> = Ids::new(what, true);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = parent_at.key(key).idx(i);
            ids.define(id_of(item), at.key("id"), (), out);
            (item, at)
        })
        .collect()
}
