//! Practice tasks: their module and rubric exist, settings are sensible.

use crate::course::ModuleKind;
use crate::diagnostic::Diagnostic;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;
use super::links::check_markdown_field;
use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    for (task, at) in course.tasks() {
        if let Some(&kind) = index.modules.resolve(&task.module, at.key("module"), out) {
            if kind != ModuleKind::Practice {
                out.push(at.key("module").warning(format!(
                    "task `{}` belongs to `{}`, a {} module; tasks normally belong to practice modules",
                    task.id,
                    task.module,
                    kind.as_str()
                )));
            }
        }
        index.rubrics.resolve(&task.rubric, at.key("rubric"), out);
        require_text(&task.title, at.key("title"), "title", out);
        require_text(&task.instructions, at.key("instructions"), "instructions", out);
        check_markdown_field(&task.instructions, at.key("instructions"), out);
        for (i, extension) in task.attachment_types.iter().enumerate() {
            let valid = (1..=10).contains(&extension.len())
                && extension.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !valid {
                out.push(at.key("attachment_types").idx(i).error(format!(
                    "attachment type `{extension}` must be a lower-case file extension without the dot, like `pdf`"
                )));
            }
        }
        if task.max_attachment_mb == 0 {
            out.push(at.key("max_attachment_mb").error("max_attachment_mb must be at least 1"));
        }
        if !(task.grade_max.is_finite() && task.grade_max > 0.0) {
            out.push(at.key("grade_max").error("grade_max must be greater than 0"));
        }
    }
}
