//! Turning a validated course into database rows and writing them: the
//! step shared by imported packs and the bundled curriculum.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use qunxue_core::instructor_blocks::{self, BlockError};
use qunxue_core::markdown::{self, RenderOptions, TermLinks};
use qunxue_core::pack::model::Question;
use qunxue_core::pack::CourseBundle;
use qunxue_core::Audience;
use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, CourseRecord, ModuleRecord};
use qunxue_store::key_changes;
use qunxue_store::questions::{self, QuestionRecord};
use qunxue_store::Transaction;
use rayon::prelude::*;
use serde::Serialize;

use crate::assets::module_asset_base;
use crate::{msg, AppError, Result};

/// Writes one course — manifest, rendered modules, questions and the other
/// pack items — inside the caller's transaction, and indexes it for search.
/// Whatever the previous version had and this one lacks is archived, never
/// deleted.
pub(crate) fn save_course(
    tx: &Transaction<'_>,
    bundle: &CourseBundle,
    source_dir: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let course = course_record(bundle, source_dir, now);
    let new_questions = question_records(bundle);
    record_key_changes(tx, &course, &new_questions, now)?;
    courses::upsert_course(tx, &course)?;
    courses::replace_instructor_keys(tx, &course.id, &bundle.manifest.instructor_keys)?;
    let rule = bundle.manifest.completion.as_ref().map(|r| serde_json::to_string(r).expect("a rule always serialises"));
    courses::replace_completion_rule(tx, &course.id, rule.as_deref())?;
    courses::set_reviewed_on(tx, &course.id, bundle.manifest.reviewed.as_deref())?;
    courses::replace_modules(tx, &course.id, &module_records(bundle)?)?;
    courses::replace_glossary(tx, &course.id, &glossary_records(bundle))?;
    questions::replace_questions(tx, &course.id, &new_questions)?;
    for (kind, items) in item_records(bundle) {
        course_items::replace_items(tx, &course.id, kind, &items)?;
    }
    crate::search::index_course(tx, &course.id)
}

/// Before an update replaces the questions: every question whose answer key
/// the update changes is recorded, so an instructor can see the attempts
/// scored by the old key and regrade them. Saved attempts keep their score.
fn record_key_changes(
    tx: &Transaction<'_>,
    course: &CourseRecord,
    new: &[QuestionRecord],
    now: DateTime<Utc>,
) -> Result<()> {
    let Ok(installed) = courses::get_course(tx, &course.id) else { return Ok(()) };
    if installed.version == course.version {
        return Ok(());
    }
    let old: std::collections::HashMap<String, QuestionRecord> =
        questions::list_questions(tx, &course.id)?.into_iter().map(|q| (q.id.clone(), q)).collect();
    for record in new {
        let Some(before) = old.get(&record.id) else { continue };
        let (Ok(before_q), Ok(after_q)) = (parse_question(&before.body), parse_question(&record.body)) else {
            continue;
        };
        if qunxue_core::quiz::key_changed(&before_q, &after_q) {
            key_changes::record(
                tx,
                &key_changes::KeyChange {
                    course_id: course.id.clone(),
                    question_id: record.id.clone(),
                    from_version: installed.version.clone(),
                    to_version: course.version.clone(),
                    changed_at: qunxue_store::time::stamp(now),
                    old_body: before.body.clone(),
                    regraded_at: None,
                    regraded_by: None,
                },
            )?;
        }
    }
    Ok(())
}

fn parse_question(json: &str) -> serde_json::Result<Question> {
    serde_json::from_str(json)
}

fn course_record(bundle: &CourseBundle, source_dir: &str, now: DateTime<Utc>) -> CourseRecord {
    let m = &bundle.manifest;
    let branding = m.branding.as_ref();
    let now = qunxue_store::time::stamp(now);
    CourseRecord {
        id: m.id.clone(),
        version: m.version.to_string(),
        title: m.title.clone(),
        language: m.language.clone(),
        description: m.description.clone(),
        organisation: branding.map(|b| b.organisation.clone()),
        primary_colour: branding.and_then(|b| b.primary_colour.clone()),
        logo_path: branding.and_then(|b| b.logo.clone()),
        source_dir: source_dir.to_string(),
        installed_at: now.clone(),
        updated_at: now,
    }
}

/// A fence problem in Chinese, at its line of the body (its `Display` is the
/// English).
fn block_error_zh(error: &BlockError) -> String {
    match error {
        BlockError::Unclosed(line) => format!("第 {line} 行：`::: instructor` 没有用 `:::` 结束"),
        BlockError::Nested(line) => format!("第 {line} 行：讲师块不能嵌套，请先用 `:::` 结束上面的块"),
        BlockError::StrayClose(line) => format!("第 {line} 行：`:::` 前面没有打开的块"),
        BlockError::UnknownBlock { line, name } => {
            format!("第 {line} 行：不认识的块 `::: {name}`；只支持 `::: instructor`")
        }
    }
}

/// Renders and sanitises every module, with relative links pointing at the
/// course's assets through the asset protocol; on every core, as sanitising
/// is the costliest step of an import and each module stands alone.
///
/// A module with `::: instructor` blocks is kept twice: without them (its
/// `markdown` and `html`, all a learner is ever served or can search) and
/// whole (`instructor_html`). An instructor-only module is kept whole.
fn module_records(bundle: &CourseBundle) -> Result<Vec<ModuleRecord>> {
    let course_id = &bundle.manifest.id;
    let terms = Arc::new(TermLinks::new(&bundle.glossary));
    bundle
        .modules
        .par_iter()
        .enumerate()
        .map(|(index, module)| {
            let options = RenderOptions {
                asset_base: Some(module_asset_base(course_id, &module.relative)),
                terms: Some(terms.clone()),
            };
            let split = instructor_blocks::split(&module.body).map_err(|errors| {
                let path = &module.path;
                let problems_en = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                let problems_zh = errors.iter().map(block_error_zh).collect::<Vec<_>>().join("；");
                AppError::Rejected(msg!("{path}: {problems_en}", "{path}：{problems_zh}"))
            })?;
            let audience = module.meta.audience;
            let (markdown, html, instructor_html) = match audience {
                Audience::Instructor => (split.instructor.clone(), render(&split.instructor, &options), None),
                Audience::Learner if split.has_blocks() => {
                    (split.learner.clone(), render(&split.learner, &options), Some(render(&split.instructor, &options)))
                }
                Audience::Learner => (module.body.clone(), render(&module.body, &options), None),
            };
            Ok(ModuleRecord {
                id: module.meta.id.clone(),
                position: index as i64 + 1,
                kind: module.meta.kind.as_str().to_string(),
                title: module.meta.title.clone(),
                minutes: i64::from(module.meta.minutes),
                objectives: module.meta.objectives.clone(),
                source_path: module.relative.clone(),
                markdown,
                html,
                audience: audience.as_str().to_string(),
                instructor_html,
            })
        })
        .collect()
}

fn render(markdown_text: &str, options: &RenderOptions) -> String {
    markdown::render(markdown_text, options).html
}

/// The glossary as `(term id, JSON)` in file order.
fn glossary_records(bundle: &CourseBundle) -> Vec<(String, String)> {
    bundle.glossary.iter().map(|term| (term.id.clone(), to_json(term))).collect()
}

fn question_records(bundle: &CourseBundle) -> Vec<QuestionRecord> {
    bundle.banks.iter().flat_map(|bank| bank.questions.iter().map(|q| question_record(&bank.id, q))).collect()
}

/// A question of bank `bank_id` as the store keeps it.
pub(crate) fn question_record(bank_id: &str, q: &Question) -> QuestionRecord {
    QuestionRecord {
        id: q.id.clone(),
        bank_id: bank_id.to_string(),
        kind: q.kind.as_str().to_string(),
        difficulty: i64::from(q.difficulty),
        tags: q.tags.clone(),
        body: to_json(q),
    }
}

fn item_records(bundle: &CourseBundle) -> [(ItemKind, Vec<ItemRecord>); 5] {
    [
        (ItemKind::Quiz, items(&bundle.quizzes, |q| &q.id)),
        (ItemKind::Task, items(&bundle.tasks, |t| &t.id)),
        (ItemKind::Rubric, items(&bundle.rubrics, |r| &r.id)),
        (ItemKind::MetricTemplate, items(&bundle.metrics, |m| &m.id)),
        (ItemKind::Survey, items(&bundle.surveys, |s| &s.id)),
    ]
}

fn items<T: Serialize>(models: &[T], id: impl Fn(&T) -> &String) -> Vec<ItemRecord> {
    models.iter().map(|model| ItemRecord { id: id(model).clone(), body: to_json(model) }).collect()
}

fn to_json(model: &impl Serialize) -> String {
    // The pack models are plain data (strings, numbers, lists): serialising
    // them to JSON cannot fail.
    serde_json::to_string(model).expect("pack models always serialise to JSON")
}
