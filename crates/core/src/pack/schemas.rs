//! JSON Schemas of a pack's TOML files, generated from the same serde models
//! the loader parses them with, so the schema an editor checks while the
//! author types cannot drift from what `qunxue validate` accepts.
//!
//! The schemas check each file's shape (keys, types, unknown keys); what
//! needs more than one field or file (an answer index inside its options, a
//! quiz naming a bank that exists) stays with `validate`.

use schemars::{JsonSchema, Schema};

use crate::course::{CourseManifest, ModuleFrontMatter};

use super::model::{Bank, GlossaryFile, MetricFile, QuizFile, RubricFile, SurveyFile, TaskFile};

/// One schema: the name its file is saved under (`<name>.schema.json`),
/// which pack files it describes, and the schema itself.
#[derive(Debug, Clone)]
pub struct PackSchema {
    /// Short kebab-case name, e.g. `course` or `module-front-matter`; the file is `<name>.schema.json`.
    pub name: &'static str,
    /// Glob of the pack files it applies to, as Taplo's `include` reads it.
    pub applies_to: &'static str,
    /// The JSON Schema (draft 2020-12) itself, generated from the serde model.
    pub schema: Schema,
}

impl PackSchema {
    /// The file name in `docs/schemas/` and in a new pack's `schemas/`.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// Pretty-printed JSON, with a final newline, as it is written to disk.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema).expect("a schema is always JSON");
        text.push('\n');
        text
    }
}

/// Every schema, in the order the format documents the files.
pub fn pack_schemas() -> Vec<PackSchema> {
    vec![
        schema::<CourseManifest>("course", "courses/*/course.toml", "course.toml: a course's manifest"),
        schema::<ModuleFrontMatter>("module-front-matter", "courses/*/modules/*.md", "A module's +++ front matter"),
        schema::<GlossaryFile>("glossary", "courses/*/glossary.toml", "glossary.toml: terms and metric definitions"),
        schema::<Bank>("bank", "quizzes/*/banks/*.toml", "A question bank (one per file)"),
        schema::<QuizFile>("quizzes", "quizzes/*/quizzes/*.toml", "Quizzes and assessments drawn from the banks"),
        schema::<TaskFile>("tasks", "quizzes/*/tasks.toml", "tasks.toml: practice tasks"),
        schema::<RubricFile>("rubrics", "quizzes/*/rubrics.toml", "rubrics.toml: the tasks' rubrics"),
        schema::<MetricFile>("metrics", "quizzes/*/metrics.toml", "metrics.toml: business-metric templates"),
        schema::<SurveyFile>("surveys", "quizzes/*/surveys.toml", "surveys.toml: reaction surveys"),
    ]
}

fn schema<T: JsonSchema>(name: &'static str, applies_to: &'static str, title: &str) -> PackSchema {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema.insert(
        "$comment".into(),
        "Generated from Qunxue's pack models (pack format v1, docs/pack-format.md); do not edit by hand.".into(),
    );
    PackSchema { name, applies_to, schema }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_rejects_unknown_keys_at_the_top_as_the_loader_does() {
        for schema in pack_schemas() {
            let additional = schema.schema.get("additionalProperties");
            assert_eq!(additional, Some(&serde_json::Value::Bool(false)), "{}", schema.name);
        }
    }

    #[test]
    fn required_keys_are_those_without_a_default() {
        let course = pack_schemas().into_iter().find(|s| s.name == "course").unwrap();
        let required = course.schema.get("required").and_then(|r| r.as_array()).unwrap();
        let names: Vec<&str> = required.iter().filter_map(|v| v.as_str()).collect();
        for key in ["format", "id", "version", "title", "language", "modules"] {
            assert!(names.contains(&key), "{key} in {names:?}");
        }
        assert!(!names.contains(&"description"), "description has a default");
    }
}
