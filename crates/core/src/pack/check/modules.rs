//! Module files: what their front matter refers to, their instructor
//! blocks, and their Markdown.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::instructor_blocks::{self, BlockError};
use crate::msg;
use crate::pack::files::PackFiles;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;
use super::links::{check_module_body, BodyContext};
use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, files: &PackFiles, out: &mut Vec<Diagnostic>) {
    let terms: Option<HashSet<&str>> =
        course.glossary.as_ref().map(|_| course.terms().flat_map(|(term, _)| term.names().map(str::trim)).collect());
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
        let blocks = instructor_blocks::split(&module.value.body)
            .map_err(|errors| {
                for error in errors {
                    let line = module.value.body_line + error.line() - 1;
                    out.push(Diagnostic::error(&module.value.path, line, 1, block_message(&error)));
                }
            })
            .ok();
        let context = BodyContext { terms: terms.as_ref(), blocks: blocks.as_ref() };
        check_module_body(&module.value, &course.layout.course_dir, files, &context, out);
    }
}

fn block_message(error: &BlockError) -> crate::Message {
    match error {
        BlockError::Unclosed(_) => msg!(
            "`::: instructor` is never closed: end the block with a line `:::`",
            "`::: instructor` 没有结束：请用单独一行 `:::` 结束该块"
        ),
        BlockError::Nested(_) => msg!(
            "instructor blocks do not nest: close the block above with `:::` first",
            "讲师块不能嵌套：请先用 `:::` 结束上面的块"
        ),
        BlockError::StrayClose(_) => msg!(
            "`:::` closes no block: open one with `::: instructor`",
            "`:::` 前面没有打开的块：请用 `::: instructor` 开始"
        ),
        BlockError::UnknownBlock { name, .. } => msg!(
            "`::: {name}` is not a block this format knows; only `::: instructor` is",
            "不认识的块 `::: {name}`；只支持 `::: instructor`"
        ),
    }
}
