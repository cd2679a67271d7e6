//! Every id a course defines, gathered once so references can be resolved
//! and duplicates reported wherever they are.

use crate::course::ModuleKind;
use crate::diagnostic::Diagnostic;
use crate::pack::ids::Ids;
use crate::pack::model::Bank;
use crate::pack::nouns;
use crate::pack::parsed::ParsedCourse;

/// The ids of one course. Question, quiz and other ids are unique per
/// course, across all of its files.
pub(crate) struct Index<'a> {
    pub modules: Ids<'a, ModuleKind>,
    pub banks: Ids<'a, &'a Bank>,
    pub questions: Ids<'a>,
    pub quizzes: Ids<'a>,
    pub tasks: Ids<'a>,
    pub rubrics: Ids<'a>,
    pub metrics: Ids<'a>,
    pub surveys: Ids<'a>,
}

impl<'a> Index<'a> {
    /// Collects the ids, reporting malformed and duplicate ones.
    pub(super) fn build(course: &'a ParsedCourse<'_>, out: &mut Vec<Diagnostic>) -> Self {
        let complete = course.complete;
        let mut index = Index {
            modules: Ids::new(nouns::MODULE, complete.modules),
            banks: Ids::new(nouns::BANK, complete.banks),
            questions: Ids::new(nouns::QUESTION, complete.banks),
            quizzes: Ids::new(nouns::QUIZ, complete.quizzes),
            tasks: Ids::new(nouns::TASK, complete.tasks),
            rubrics: Ids::new(nouns::RUBRIC, complete.rubrics),
            metrics: Ids::new(nouns::METRIC, complete.metrics),
            surveys: Ids::new(nouns::SURVEY, true),
        };
        for module in &course.modules {
            let meta = &module.value.meta;
            index.modules.define(&meta.id, module.doc.root().key("id"), meta.kind, out);
        }
        for bank in &course.banks {
            index.banks.define(&bank.value.id, bank.doc.root().key("id"), &bank.value, out);
        }
        for (bank, i, at) in course.questions() {
            index.questions.define(&bank.value.questions[i].id, at.key("id"), (), out);
        }
        for (quiz, at) in course.quizzes() {
            index.quizzes.define(&quiz.id, at.key("id"), (), out);
        }
        for (task, at) in course.tasks() {
            index.tasks.define(&task.id, at.key("id"), (), out);
        }
        for (rubric, at) in course.rubrics() {
            index.rubrics.define(&rubric.id, at.key("id"), (), out);
        }
        for (metric, at) in course.metrics() {
            index.metrics.define(&metric.id, at.key("id"), (), out);
        }
        for (survey, at) in course.surveys() {
            index.surveys.define(&survey.id, at.key("id"), (), out);
        }
        index
    }
}
