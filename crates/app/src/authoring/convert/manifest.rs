//! A converted course's `course.toml`. The conversion owns four keys —
//! `format`, `id`, `version` and `modules` — and writes the rest (title,
//! language, description) only the first time: after that, whatever the
//! author changed or added (branding, a completion rule, the reviewed date,
//! a better title) is theirs, and converting again only updates the four
//! keys in their file, comments and all.

use std::path::Path;

use toml_edit::{value, Array, DocumentMut};

use super::modules::{toml_string, ModuleDraft};

/// What the conversion decides for the manifest.
pub(super) struct ManifestPlan<'a> {
    pub id: &'a str,
    pub version: &'a semver::Version,
    pub title: &'a str,
    pub chinese: bool,
    pub source: &'a Path,
    pub modules: &'a [ModuleDraft],
}

impl ManifestPlan<'_> {
    /// The new manifest: `existing` (the file on disk) with the owned keys
    /// updated when it parses, else a fresh one.
    pub(super) fn text(&self, existing: Option<&str>) -> String {
        existing.and_then(|text| self.updated(text)).unwrap_or_else(|| self.fresh())
    }

    fn module_paths(&self) -> Vec<String> {
        self.modules.iter().map(ModuleDraft::relative_path).collect()
    }

    fn updated(&self, existing: &str) -> Option<String> {
        let mut doc: DocumentMut = existing.parse().ok()?;
        doc["format"] = value(1);
        doc["id"] = value(self.id);
        doc["version"] = value(self.version.to_string());
        let mut modules = Array::new();
        for path in self.module_paths() {
            modules.push_formatted(toml_edit::Value::from(path).decorated("\n  ", ""));
        }
        modules.set_trailing("\n");
        modules.set_trailing_comma(true);
        doc["modules"] = value(modules);
        Some(doc.to_string())
    }

    fn fresh(&self) -> String {
        // The name goes into a comment and a string: no line break may end either.
        let file: String = self
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let (language, description) = if self.chinese {
            ("zh-CN", format!("由 {file} 转换而来。"))
        } else {
            ("en", format!("Converted from {file}."))
        };
        let modules: Vec<String> = self.module_paths().iter().map(|p| format!("  {},", toml_string(p))).collect();
        format!(
            "#:schema ../../schemas/course.schema.json\n\
             # Made by `qunxue convert` from {file}. Converting the document again updates\n\
             # format, id, version and modules here and keeps everything else you change.\n\
             format = 1\n\
             id = {}\n\
             version = \"{}\"\n\
             title = {}\n\
             language = \"{language}\"\n\
             description = {}\n\
             modules = [\n{}\n]\n",
            toml_string(self.id),
            self.version,
            toml_string(self.title),
            toml_string(&description),
            modules.join("\n")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authors_keys_and_comments_survive_an_update() {
        let plan = ManifestPlan {
            id: "local.a-123456",
            version: &semver::Version::new(1, 0, 0),
            title: "培训",
            chinese: true,
            source: Path::new("培训.docx"),
            modules: &[],
        };
        let first = plan.text(None);
        assert!(first.contains("title = \"培训\""), "{first}");
        let edited = first.replace("title = \"培训\"", "title = \"新员工培训\"")
            + "\n# 公司的样式\n[branding]\norganisation = \"群学\"\n";
        let next = ManifestPlan { version: &semver::Version::new(1, 0, 1), ..plan };
        let updated = next.text(Some(&edited));
        assert!(
            updated.contains("title = \"新员工培训\"")
                && updated.contains("# 公司的样式")
                && updated.contains("organisation = \"群学\""),
            "{updated}"
        );
        assert!(updated.contains("version = \"1.0.1\""), "{updated}");
        let parsed: toml::Value = toml::from_str(&updated).unwrap();
        assert_eq!(parsed["modules"].as_array().map(Vec::len), Some(0));
    }
}
