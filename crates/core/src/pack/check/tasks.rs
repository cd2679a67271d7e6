//! Practice tasks: their module and rubric exist, settings are sensible.

use crate::course::ModuleKind;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::model::MAX_ATTACHMENT_MB;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;
use super::links::check_markdown_field;
use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    for (task, at) in course.tasks() {
        if let Some(&kind) = index.modules.resolve(&task.module, at.key("module"), out) {
            if kind != ModuleKind::Practice {
                let (id, module, kind) = (&task.id, &task.module, kind.as_str());
                out.push(at.key("module").warning(msg!(
                    "task `{id}` belongs to `{module}`, a {kind} module; tasks normally belong to practice modules",
                    "实践任务 `{id}` 属于 `{module}`，它是 {kind} 类模块；实践任务通常属于实践（practice）模块"
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
                out.push(at.key("attachment_types").idx(i).error(msg!(
                    "attachment type `{extension}` must be a lower-case file extension without the dot, like `pdf`",
                    "附件类型 `{extension}` 应为不带点的小写扩展名，例如 `pdf`"
                )));
            }
        }
        if !(1..=MAX_ATTACHMENT_MB).contains(&task.max_attachment_mb) {
            let mb = task.max_attachment_mb;
            out.push(at.key("max_attachment_mb").error(msg!(
                "max_attachment_mb is {mb}; it must be between 1 and {MAX_ATTACHMENT_MB}",
                "`max_attachment_mb` 为 {mb}，应在 1 到 {MAX_ATTACHMENT_MB} 之间"
            )));
        }
        if !(task.grade_max.is_finite() && task.grade_max > 0.0) {
            out.push(at.key("grade_max").error(msg!("grade_max must be greater than 0", "`grade_max` 应大于 0")));
        }
    }
}
