//! The default curriculum meets the minimums the product promises (issue 5):
//! it validates cleanly and `inspect` counts enough modules of each kind,
//! questions, tasks, rubrics and metric templates; every theory module is a
//! real lesson, and every question type is used.

use std::collections::BTreeSet;

use qunxue_core::course::{Audience, ModuleKind};
use qunxue_core::pack;
use qunxue_tests::packs::shipped_course;

fn han_characters(text: &str) -> usize {
    text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count()
}

#[test]
fn inspect_reports_the_minimums() {
    let course = shipped_course();
    let summary = serde_json::to_value(pack::inspect(&course)).unwrap();
    let at_least = |pointer: &str, minimum: u64| {
        let n = summary.pointer(pointer).and_then(|v| v.as_u64()).unwrap_or(0);
        assert!(n >= minimum, "{pointer} is {n}, the minimum is {minimum}: {summary}");
    };
    at_least("/modules/theory", 6);
    at_least("/modules/practice", 5);
    at_least("/modules/case", 4);
    at_least("/questions", 120);
    at_least("/tasks", 5);
    at_least("/rubrics", 5);
    at_least("/metric_templates", 6);
}

#[test]
fn theory_modules_are_full_lessons_with_summary_and_self_check() {
    // The instructor-only guides are reference material, not lessons.
    let lessons = |m: &&qunxue_core::pack::BundledModule| {
        m.meta.kind == ModuleKind::Theory && m.meta.audience == Audience::Learner
    };
    for module in shipped_course().modules.iter().filter(lessons) {
        let chars = han_characters(&module.body);
        assert!(chars >= 2000, "{} has {chars} Chinese characters (minimum 2,000)", module.path);
        assert!(!module.meta.objectives.is_empty(), "{} has no objectives", module.path);
        assert!(module.body.contains("## 本课小结"), "{} has no summary", module.path);
        assert!(module.body.contains("## 自测题"), "{} has no self-check questions", module.path);
        assert!(!module.meta.quizzes.is_empty(), "{} has no quiz", module.path);
    }
}

#[test]
fn practice_modules_have_tasks_with_rich_rubrics() {
    let course = shipped_course();
    for module in course.modules.iter().filter(|m| m.meta.kind == ModuleKind::Practice) {
        assert!(!module.meta.tasks.is_empty(), "{} has no practice task", module.path);
        for task_id in &module.meta.tasks {
            let task = course.tasks.iter().find(|t| &t.id == task_id).expect("task exists");
            let rubric = course.rubrics.iter().find(|r| r.id == task.rubric).expect("rubric exists");
            assert!(rubric.criteria.len() >= 4, "rubric {} has {} criteria", rubric.id, rubric.criteria.len());
            for criterion in &rubric.criteria {
                assert!(criterion.levels.len() >= 3, "criterion {} of {} has too few levels", criterion.id, rubric.id);
            }
        }
    }
}

#[test]
fn every_question_type_is_used_and_explained_and_pre_post_tests_are_parallel() {
    let course = shipped_course();
    let questions: Vec<_> = course.banks.iter().flat_map(|b| &b.questions).collect();
    let types: BTreeSet<_> = questions.iter().map(|q| q.kind).collect();
    assert_eq!(types.len(), 8, "question types used: {types:?}");
    for q in &questions {
        assert!(q.explanation.trim().chars().count() >= 10, "question {} needs a real explanation", q.id);
    }
    let quiz = |id: &str| course.quizzes.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("quiz {id}"));
    let (pre, post) = (quiz("quiz-pre"), quiz("quiz-post"));
    assert!(pre.items.len() >= 20 && post.items.len() >= 20);
    assert_eq!(pre.items.len(), post.items.len(), "the pre- and post-test must be parallel");
    for module in
        course.modules.iter().filter(|m| m.meta.kind != ModuleKind::Practice && m.meta.audience == Audience::Learner)
    {
        // A case may be a discussion instead: then its model answers are
        // there for the instructor who runs it.
        let discussion = module.meta.kind == ModuleKind::Case && module.body.contains("::: instructor");
        assert!(
            !module.meta.quizzes.is_empty() || discussion,
            "{} has no quiz and no discussion with model answers",
            module.path
        );
    }
}

/// Learners can start the practice tasks from real templates (issue 31):
/// every practice module links at least one handout under
/// `assets/handouts/`, each linked workbook opens as XLSX with sheets, and
/// each linked document is a Word file (a zip holding word/document.xml).
#[test]
fn practice_modules_link_handouts_that_open() {
    use calamine::Reader;
    let root = qunxue_tests::packs::repo_root().join("courses/community-ops");
    let course = shipped_course();
    for module in course.modules.iter().filter(|m| m.meta.kind == ModuleKind::Practice) {
        let linked: Vec<String> = qunxue_core::markdown::references(&module.body)
            .into_iter()
            .map(|r| r.target)
            .filter(|t| t.contains("assets/handouts/"))
            .collect();
        assert!(!linked.is_empty(), "{} links no handout", module.path);
        for target in linked {
            let relative = target.trim_start_matches("../");
            // The links name the files as they are (Chinese, no escapes).
            let path = root.join(relative);
            if target.ends_with(".xlsx") {
                let mut workbook: calamine::Xlsx<_> =
                    calamine::open_workbook(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(!workbook.sheet_names().is_empty(), "{} has no sheet", path.display());
                let first = workbook.sheet_names()[0].clone();
                assert!(
                    workbook.worksheet_range(&first).is_ok_and(|r| !r.is_empty()),
                    "{}: empty first sheet",
                    path.display()
                );
            } else if target.ends_with(".docx") {
                let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let mut archive = zip::ZipArchive::new(file).unwrap();
                assert!(archive.by_name("word/document.xml").is_ok(), "{} is not a Word document", path.display());
            } else {
                panic!("{}: unexpected handout type {target}", module.path);
            }
        }
    }
}
