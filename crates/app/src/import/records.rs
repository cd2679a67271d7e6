//! Turning a validated course into database rows and writing them: the
//! step shared by imported packs and the bundled curriculum.

use chrono::{DateTime, Utc};
use qunxue_core::markdown::{self, RenderOptions};
use qunxue_core::pack::model::Question;
use qunxue_core::pack::CourseBundle;
use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, CourseRecord, ModuleRecord};
use qunxue_store::questions::{self, QuestionRecord};
use rayon::prelude::*;
use rusqlite::Transaction;
use serde::Serialize;

use crate::assets::module_asset_base;
use crate::Result;

/// Writes one course — manifest, rendered modules, questions and the other
/// pack items — inside the caller's transaction, and indexes it for search.
/// Whatever the previous version had and this one lacks is archived, never
/// deleted.
pub(crate) fn save_course(tx: &Transaction<'_>, bundle: &CourseBundle, source_dir: &str, now: DateTime<Utc>) -> Result<()> {
    let course = course_record(bundle, source_dir, now);
    courses::upsert_course(tx, &course)?;
    courses::replace_instructor_keys(tx, &course.id, &bundle.manifest.instructor_keys)?;
    let rule = bundle.manifest.completion.as_ref().map(|r| serde_json::to_string(r).expect("a rule always serialises"));
    courses::replace_completion_rule(tx, &course.id, rule.as_deref())?;
    courses::set_reviewed_on(tx, &course.id, bundle.manifest.reviewed.as_deref())?;
    courses::replace_modules(tx, &course.id, &module_records(bundle))?;
    questions::replace_questions(tx, &course.id, &question_records(bundle))?;
    for (kind, items) in item_records(bundle) {
        course_items::replace_items(tx, &course.id, kind, &items)?;
    }
    crate::search::index_course(tx, &course.id)
}

fn course_record(bundle: &CourseBundle, source_dir: &str, now: DateTime<Utc>) -> CourseRecord {
    let m = &bundle.manifest;
    let branding = m.branding.as_ref();
    let now = now.to_rfc3339();
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

/// Renders and sanitises every module, with relative links pointing at the
/// course's assets through the asset protocol; on every core, as sanitising
/// is the costliest step of an import and each module stands alone.
fn module_records(bundle: &CourseBundle) -> Vec<ModuleRecord> {
    let course_id = &bundle.manifest.id;
    bundle
        .modules
        .par_iter()
        .enumerate()
        .map(|(index, module)| {
            let options = RenderOptions { asset_base: Some(module_asset_base(course_id, &module.relative)) };
            ModuleRecord {
                id: module.meta.id.clone(),
                position: index as i64 + 1,
                kind: module.meta.kind.as_str().to_string(),
                title: module.meta.title.clone(),
                minutes: i64::from(module.meta.minutes),
                objectives: module.meta.objectives.clone(),
                source_path: module.relative.clone(),
                markdown: module.body.clone(),
                html: markdown::render(&module.body, &options).html,
            }
        })
        .collect()
}

fn question_records(bundle: &CourseBundle) -> Vec<QuestionRecord> {
    bundle
        .banks
        .iter()
        .flat_map(|bank| {
            bank.questions.iter().map(|q| question_record(&bank.id, q))
        })
        .collect()
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
