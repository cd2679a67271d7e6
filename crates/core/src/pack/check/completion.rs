//! `[completion]` in `course.toml`: the tasks and surveys it names exist,
//! and each task's level is a percentage that can be reached.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    let Some(manifest) = &course.manifest else { return };
    let Some(rule) = &manifest.value.completion else { return };
    let at = manifest.doc.root().key("completion");
    for (i, task) in rule.tasks.iter().enumerate() {
        let entry = at.key("task").idx(i);
        index.tasks.resolve(&task.id, entry.key("id"), out);
        let percent = task.min_percent;
        if !(percent.is_finite() && percent > 0.0 && percent <= 100.0) {
            out.push(entry.key("min_percent").error(msg!(
                "min_percent is a percentage of the task's grade: more than 0 and at most 100, not {percent}",
                "min_percent 是作业满分的百分比：应大于 0 且不超过 100，而不是 {percent}"
            )));
        }
    }
    for (i, survey) in rule.surveys.iter().enumerate() {
        index.surveys.resolve(survey, at.key("surveys").idx(i), out);
    }
}
