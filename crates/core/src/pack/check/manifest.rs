//! `course.toml`: the module list, the course id and the branding.

use std::collections::HashMap;

use crate::course::CourseManifest;
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::msg;
use crate::pack::files::PackFiles;
use crate::pack::ids::check_syntax;
use crate::pack::layout::CourseLayout;
use crate::pack::parsed::{ModuleFile, Sourced};
use crate::pack::paths;

use super::links::{resolve, Target};
use super::require_text;

/// Resolves the modules `course.toml` lists, reporting bad, repeated and
/// missing paths, and warns about module files it does not list. Missing
/// files stay in the result so the course is known to be incomplete.
pub(crate) fn listed_modules(
    manifest: &Sourced<'_, CourseManifest>,
    layout: &CourseLayout,
    files: &PackFiles,
    out: &mut Vec<Diagnostic>,
) -> Vec<ModuleFile> {
    let list = manifest.doc.root().key("modules");
    if manifest.value.modules.is_empty() {
        out.push(list.error(msg!("a course needs at least one module", "一门课程至少需要一个模块")));
    }
    let mut first_listed: HashMap<String, String> = HashMap::new();
    let mut listed = Vec::new();
    for (i, relative) in manifest.value.modules.iter().enumerate() {
        let at = list.idx(i);
        let path = markdown::is_relative_path(relative)
            .then(|| paths::join(&layout.course_dir, relative))
            .flatten()
            .filter(|path| paths::is_inside(path, &layout.course_dir));
        let Some(path) = path else {
            out.push(at.error(msg!(
                "module `{relative}` must be a path inside the course folder",
                "模块 `{relative}` 必须是课程文件夹内的路径"
            )));
            continue;
        };
        if !path.ends_with(".md") {
            out.push(at.error(msg!(
                "module `{relative}` must be a Markdown file ending in .md",
                "模块 `{relative}` 必须是以 .md 结尾的 Markdown 文件"
            )));
            continue;
        }
        if let Some(first) = first_listed.get(&path) {
            out.push(at.error(msg!(
                "module `{relative}` is listed twice (first at {first})",
                "模块 `{relative}` 列出了两次（第一次在 {first}）"
            )));
            continue;
        }
        first_listed.insert(path.clone(), at.location());
        if !files.contains(&path) {
            out.push(
                at.error(msg!("module file `{relative}` not found ({path})", "找不到模块文件 `{relative}`（{path}）")),
            );
        }
        listed.push(ModuleFile { relative: relative.clone(), path });
    }
    for module in modules_in_folder(layout, files) {
        if !first_listed.contains_key(&module.path) {
            out.push(Diagnostic::warning(
                &module.path,
                1,
                1,
                msg!(
                    "module file is not listed in course.toml and will not be imported",
                    "此模块文件未列在 course.toml 中，不会被导入"
                ),
            ));
        }
    }
    listed
}

/// Every Markdown file under `courses/<slug>/modules/`, in path order.
pub(crate) fn modules_in_folder(layout: &CourseLayout, files: &PackFiles) -> Vec<ModuleFile> {
    let course_prefix = format!("{}/", layout.course_dir);
    files
        .paths_under(&format!("{course_prefix}modules/"))
        .filter(|path| path.ends_with(".md"))
        .map(|path| ModuleFile { relative: path[course_prefix.len()..].to_string(), path: path.to_string() })
        .collect()
}

/// Checks the manifest's own values. `course_ids` maps each course id of the
/// pack seen so far to where it was defined.
pub(crate) fn check(
    manifest: &Sourced<'_, CourseManifest>,
    course_dir: &str,
    files: &PackFiles,
    course_ids: &mut HashMap<String, String>,
    out: &mut Vec<Diagnostic>,
) {
    let root = manifest.doc.root();
    let value = &manifest.value;
    check_syntax(&value.id, root.key("id"), out);
    match course_ids.get(&value.id) {
        Some(first) => {
            let id = &value.id;
            out.push(
                root.key("id")
                    .error(msg!("course id `{id}` is also used at {first}", "课程 id `{id}` 在 {first} 也用过了")),
            )
        }
        None => {
            course_ids.insert(value.id.clone(), root.key("id").location());
        }
    }
    require_text(&value.title, root.key("title"), "title", out);
    if !is_language_tag(&value.language) {
        let language = &value.language;
        out.push(root.key("language").error(msg!(
            "language `{language}` is not a BCP 47 tag such as zh-CN or en",
            "语言 `{language}` 不是 BCP 47 语言标记（例如 zh-CN 或 en）"
        )));
    }
    if let Some(reviewed) = &value.reviewed {
        if chrono::NaiveDate::parse_from_str(reviewed, "%Y-%m-%d").is_err() {
            out.push(root.key("reviewed").error(msg!(
                "reviewed `{reviewed}` is not a date written YYYY-MM-DD, like 2026-12-01",
                "reviewed `{reviewed}` 不是 YYYY-MM-DD 格式的日期（例如 2026-12-01）"
            )));
        }
    }
    for (i, key) in value.instructor_keys.iter().enumerate() {
        if key.len() != 64 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            out.push(root.key("instructor_keys").idx(i).error(msg!(
                "instructor key `{key}` is not an Ed25519 public key (64 hex digits, as `qunxue bundle-key` prints it)",
                "讲师密钥 `{key}` 不是 Ed25519 公钥（应为 64 位十六进制，可用 `qunxue bundle-key` 查看）"
            )));
        }
    }
    let Some(branding) = &value.branding else { return };
    let at = root.key("branding");
    if let Some(colour) = &branding.primary_colour {
        if !is_hex_colour(colour) {
            out.push(at.key("primary_colour").error(msg!(
                "primary_colour `{colour}` is not a #rrggbb colour",
                "主色 `{colour}` 不是 #rrggbb 格式的颜色"
            )));
        }
    }
    if let Some(logo) = &branding.logo {
        let problem = match resolve(logo, course_dir, course_dir) {
            Target::File(path) if files.contains(&path) => None,
            Target::File(path) => Some(msg!("logo `{logo}` not found ({path})", "找不到标志图片 `{logo}`（{path}）")),
            _ => Some(msg!(
                "logo `{logo}` must be a file inside the course folder",
                "标志图片 `{logo}` 必须是课程文件夹内的文件"
            )),
        };
        if let Some(message) = problem {
            out.push(at.key("logo").error(message));
        }
    }
}

/// `#rrggbb`.
fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The shape of a BCP 47 tag: a 2–3 letter language, then 1–8 character subtags.
fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_language_tags() {
        assert!(is_hex_colour("#0f766E"));
        for bad in ["0f766e", "#0f766", "#0f766eg", "red"] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
        for ok in ["zh-CN", "en", "zh-Hans-CN", "yue"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "中文", "zh_CN", "e", "zh-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
