//! `qunxue new DIR [--title T] [--lang zh-CN|en]`: a valid pack to start
//! from — one module of each kind, a bank with a question of each type, a
//! quiz, a task with its rubric, two metric templates, a survey and
//! branding — every file commented so an author learns the format by reading
//! it. Its own course teaches how to write a course pack.

use std::path::{Path, PathBuf};

use crate::authoring::convert::{course_id_of, slug_of, write_file};
use crate::authoring::AuthoringError;

include!(concat!(env!("OUT_DIR"), "/skeleton_templates.rs"));

/// The languages a skeleton is written in.
pub const LANGUAGES: [&str; 2] = ["zh-CN", "en"];

/// What `qunxue new` was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPack {
    /// The folder to write the pack into; it must be new or empty.
    pub dir: PathBuf,
    /// The course title; the folder's name when not given.
    pub title: Option<String>,
    /// `zh-CN` or `en`.
    pub language: String,
    /// `YYYY-MM-DD`, for the course's `reviewed` date.
    pub today: String,
}

/// What was made.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPackOutcome {
    /// The new course's id, made from the folder's name.
    pub course_id: String,
    /// The course folder's name under `courses/`, made from the folder's name.
    pub slug: String,
    /// Pack-relative paths written, in order.
    pub files: Vec<String>,
}

/// Writes the skeleton into `request.dir`, which must be new or empty.
pub fn create(request: &NewPack) -> crate::authoring::Result<NewPackOutcome> {
    if !LANGUAGES.contains(&request.language.as_str()) {
        return Err(AuthoringError::Usage(format!("--lang is zh-CN or en, not {}", request.language)));
    }
    if is_non_empty_dir(&request.dir)? {
        return Err(AuthoringError::NotEmpty { path: request.dir.clone() });
    }
    let name = request.dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "course".into());
    let slug = slug_of(&name);
    let course_id = course_id_of(&name);
    let title = request.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| name.clone());
    // In TOML the title sits inside a quoted string; in Markdown it is text.
    let fill = |text: &str, path: &str| {
        let title = if path.ends_with(".toml") {
            escape_toml(&title)
        } else {
            crate::authoring::convert::escape_markdown(&title)
        };
        text.replace("{{title}}", &title)
            .replace("{{course_id}}", &course_id)
            .replace("{{slug}}", &slug)
            .replace("{{today}}", &request.today)
    };
    let mut files = Vec::new();
    for (language, path, bytes) in TEMPLATES.iter().filter(|(language, _, _)| *language == request.language) {
        debug_assert_eq!(*language, request.language);
        let path = path
            .split('/')
            .map(|segment| if segment == "SLUG" { slug.as_str() } else { segment })
            .collect::<Vec<_>>()
            .join("/");
        let contents = match std::str::from_utf8(bytes) {
            Ok(text) => fill(text, &path).into_bytes(),
            Err(_) => bytes.to_vec(),
        };
        write_file(&request.dir.join(&path), &contents)?;
        files.push(path);
    }
    crate::authoring::schema_files::write_into(&request.dir)?;
    write_file(&request.dir.join(".taplo.toml"), crate::authoring::schema_files::taplo_config().as_bytes())?;
    files.extend(crate::authoring::schema_files::all().into_iter().map(|(name, _)| format!("schemas/{name}")));
    files.push(".taplo.toml".into());
    Ok(NewPackOutcome { course_id, slug, files })
}

/// The title inside a TOML basic string (the templates quote it): quotes,
/// backslashes and control characters escaped.
fn escape_toml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn is_non_empty_dir(dir: &Path) -> crate::authoring::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(AuthoringError::Io { path: dir.to_path_buf(), error: e }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_files() {
        let files = |language: &str| -> Vec<&str> {
            TEMPLATES.iter().filter(|(l, _, _)| *l == language).map(|(_, p, _)| *p).collect()
        };
        assert!(!files("zh-CN").is_empty());
        assert_eq!(files("zh-CN"), files("en"));
    }

    #[test]
    fn a_title_with_quotes_and_line_breaks_stays_one_toml_string() {
        let escaped = escape_toml("销售 \"基础\"\n第二行");
        let parsed: toml::Value = toml::from_str(&format!("title = \"{escaped}\"")).unwrap();
        assert_eq!(parsed["title"].as_str(), Some("销售 \"基础\"\n第二行"));
    }

    #[test]
    fn a_folder_with_files_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let request =
            NewPack { dir: dir.path().into(), title: None, language: "zh-CN".into(), today: "2026-12-07".into() };
        assert!(matches!(create(&request), Err(AuthoringError::NotEmpty { .. })));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
