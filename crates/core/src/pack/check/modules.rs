//! Module files: what their front matter refers to, and their Markdown.

use crate::diagnostic::Diagnostic;
use crate::pack::files::PackFiles;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;
use super::links::check_module_body;
use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, files: &PackFiles, out: &mut Vec<Diagnostic>) {
    for module in &course.modules {
        let meta = &module.value.meta;
        let root = module.doc.root();
        require_text(&meta.title, root.key("title"), "title", out);
        for (i, quiz) in meta.quizzes.iter().enumerate() {
            index.quizzes.resolve(quiz, root.key("quizzes").idx(i), out);
        }
        for (i, task) in meta.tasks.iter().enumerate() {
            index.tasks.resolve(task, root.key("tasks").idx(i), out);
        }
        check_module_body(&module.value, &course.layout.course_dir, files, out);
    }
}
