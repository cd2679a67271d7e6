//! Links, images and raw HTML in Markdown: relative targets must exist
//! inside the course folder, remote media will not load offline, and what
//! the sanitiser would strip is reported where it was written.

use std::collections::HashSet;

use crate::course::Audience;
use crate::diagnostic::{line_col, Diagnostic, Message, Noun};
use crate::instructor_blocks::{Split, INSTRUCTOR_ASSETS};
use crate::markdown;
use crate::msg;
use crate::pack::bundle::BundledModule;
use crate::pack::files::PackFiles;
use crate::pack::paths;
use crate::pack::toml_doc::At;

use super::html::{self, Finding};

/// Where a link or media target leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A pack path inside the course folder.
    File(String),
    Outside,
    Absolute,
    Remote,
    /// `javascript:`, `vbscript:` or `data:`.
    Dangerous(String),
    /// An anchor, `mailto:` or another scheme the pack does not need to check.
    Elsewhere,
}

/// Resolves `target` written in a file in `folder`, for a course in `course_dir`.
pub(crate) fn resolve(target: &str, folder: &str, course_dir: &str) -> Target {
    let target = target.trim();
    if let Some(scheme) = html::dangerous_scheme(target) {
        return Target::Dangerous(scheme);
    }
    if let Some(scheme) = markdown::scheme(target) {
        let is_drive = scheme.len() == 1 && target[2..].starts_with(['/', '\\']);
        return match scheme.to_ascii_lowercase().as_str() {
            _ if is_drive => Target::Absolute,
            "http" | "https" => Target::Remote,
            _ => Target::Elsewhere,
        };
    }
    if target.starts_with("//") {
        return Target::Remote;
    }
    if target.starts_with(['/', '\\']) {
        return Target::Absolute;
    }
    if !markdown::is_relative_path(target) {
        return Target::Elsewhere;
    }
    match paths::join(folder, &paths::link_file_part(target)) {
        Some(path) if paths::is_inside(&path, course_dir) => Target::File(path),
        _ => Target::Outside,
    }
}

/// Checks one link or media target, returning the problem as (is_error, message).
fn target_problem(
    target: &str,
    is_media: bool,
    folder: &str,
    course_dir: &str,
    files: &PackFiles,
) -> Option<(bool, Message)> {
    let Noun { en, zh } = if is_media {
        Noun { en: "image or media file", zh: "图片或媒体文件" }
    } else {
        Noun { en: "link target", zh: "链接目标" }
    };
    match resolve(target, folder, course_dir) {
        Target::File(path) if !files.contains(&path) => {
            Some((true, msg!("{en} `{target}` not found ({path})", "找不到{zh} `{target}`（{path}）")))
        }
        Target::Outside => {
            Some((true, msg!("{en} `{target}` points outside the course folder", "{zh} `{target}` 指向课程文件夹之外")))
        }
        Target::Absolute => Some((
            true,
            msg!(
                "{en} `{target}` is an absolute path; write it relative to this file",
                "{zh} `{target}` 是绝对路径；请写成相对于本文件的路径"
            ),
        )),
        Target::Remote if is_media => {
            Some((false, msg!("remote {en} `{target}` will not load offline", "远程{zh} `{target}` 在离线时无法加载")))
        }
        Target::Dangerous(scheme) => Some((true, dangerous_url_message(&scheme))),
        Target::File(_) | Target::Remote | Target::Elsewhere => None,
    }
}

fn dangerous_url_message(scheme: &str) -> Message {
    msg!("`{scheme}:` URLs are not allowed; the renderer removes them", "不允许使用 `{scheme}:` 网址；显示时会被移除")
}

/// The message for raw HTML the sanitiser removes; `None` for references.
fn html_message(finding: &Finding) -> Option<Message> {
    match finding {
        Finding::DangerousTag { name, .. } => Some(msg!(
            "raw HTML `<{name}>` is not allowed in course text; the renderer removes it",
            "课程正文中不允许使用 HTML 标签 `<{name}>`；显示时会被移除"
        )),
        Finding::EventHandler { name, .. } => Some(msg!(
            "event handler attribute `{name}` is not allowed; the renderer removes it",
            "不允许使用事件属性 `{name}`；显示时会被移除"
        )),
        Finding::DangerousUrl { scheme, .. } => Some(dangerous_url_message(scheme)),
        Finding::Reference { .. } => None,
    }
}

/// What a module body is checked against besides the files of the pack.
pub(crate) struct BodyContext<'a> {
    /// Every name and alias of the course's glossary; `None` without one.
    pub terms: Option<&'a HashSet<&'a str>>,
    /// The body's instructor blocks; `None` when their fences are broken
    /// (already reported).
    pub blocks: Option<&'a Split>,
}

/// Checks a module body: links, images, media and raw HTML, glossary links,
/// and that only instructors' text links instructor-only assets, at file lines.
pub(crate) fn check_module_body(
    module: &BundledModule,
    course_dir: &str,
    files: &PackFiles,
    context: &BodyContext<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let body = module.body.as_str();
    let instructor_assets = format!("{course_dir}/{INSTRUCTOR_ASSETS}");
    let for_instructors = module.meta.audience == Audience::Instructor;
    let learners_read = |line: usize| !for_instructors && !context.blocks.is_some_and(|split| split.in_block(line));
    let folder = paths::parent(&module.path);
    let mut report = |offset: usize, problem: Option<(bool, Message)>| {
        let Some((is_error, message)) = problem else { return };
        let (line, col) = line_col(body, offset);
        let line = line + module.body_line - 1;
        out.push(if is_error {
            Diagnostic::error(&module.path, line, col, message)
        } else {
            Diagnostic::warning(&module.path, line, col, message)
        });
    };
    let scan = markdown::scan(body);
    for reference in &scan.references {
        let problem = target_problem(&reference.target, reference.is_image, folder, course_dir, files).or_else(|| {
            let Target::File(path) = resolve(&reference.target, folder, course_dir) else { return None };
            let line = line_col(body, reference.offset).0;
            (path.starts_with(&instructor_assets) && learners_read(line)).then(|| {
                let target = &reference.target;
                (
                    true,
                    msg!(
                        "`{target}` is an instructor-only asset ({INSTRUCTOR_ASSETS}); link it from an instructor-only module or a `::: instructor` block",
                        "`{target}` 是仅供讲师的资源（{INSTRUCTOR_ASSETS}）；只能在仅供讲师的模块或 `::: instructor` 块中链接"
                    ),
                )
            })
        });
        report(reference.offset, problem);
    }
    for term in &scan.terms {
        let name = &term.name;
        let problem = match context.terms {
            None => Some(msg!(
                "`[[{name}]]` links to the glossary, but the course has no glossary.toml",
                "`[[{name}]]` 链接到术语表，但本课程没有 glossary.toml"
            )),
            Some(names) if !names.contains(name.as_str()) => Some(msg!(
                "`[[{name}]]`: the glossary has no term or alias `{name}`",
                "`[[{name}]]`：术语表中没有名为 `{name}` 的术语或别名"
            )),
            Some(_) => None,
        };
        report(term.offset, problem.map(|message| (true, message)));
    }
    for range in scan.raw_html {
        let fragment = &body[range.clone()];
        for finding in html::inspect(fragment) {
            let problem = match &finding {
                Finding::Reference { url, is_media, .. } => target_problem(url, *is_media, folder, course_dir, files),
                other => html_message(other).map(|message| (true, message)),
            };
            report(range.start + finding.offset(), problem);
        }
        let lower = fragment.to_ascii_lowercase();
        if let Some(at) = lower.find("<video") {
            // The video's element runs to its `</video>`, which may be a
            // later piece of raw HTML (inline tags come one by one).
            let rest = body[range.start + at..].to_ascii_lowercase();
            let element = &rest[..rest.find("</video>").unwrap_or(rest.len())];
            if !element.contains("<track") {
                report(
                    range.start + at,
                    Some((
                        false,
                        msg!(
                            "a video without captions: add <track kind=\"captions\" src=\"….vtt\" srclang=\"zh\"> so learners who cannot hear it follow it",
                            "视频没有字幕：请添加 <track kind=\"captions\" src=\"….vtt\" srclang=\"zh\">，让听不到声音的学员也能看懂"
                        ),
                    )),
                );
            }
        }
    }
}

/// Checks Markdown kept in a TOML string (a stem, instructions) for what the
/// sanitiser removes. Offsets inside a TOML string do not map back to the
/// file reliably, so problems are reported at the string.
pub(crate) fn check_markdown_field(text: &str, at: At<'_>, out: &mut Vec<Diagnostic>) {
    if !text.contains(['<', ':']) {
        return;
    }
    let scan = markdown::scan(text);
    for reference in &scan.references {
        if let Some(scheme) = html::dangerous_scheme(&reference.target) {
            out.push(at.error(dangerous_url_message(&scheme)));
        }
    }
    for range in scan.raw_html {
        for finding in html::inspect(&text[range]) {
            if let Some(message) = html_message(&finding) {
                out.push(at.error(message));
            }
        }
    }
}

/// Checks that the images and links of Markdown kept in a TOML string (a
/// question's stem or explanation), which are relative to the course folder
/// (`assets/figure.png`), name files of the course; reported at the string.
pub(crate) fn check_course_files(
    text: &str,
    at: At<'_>,
    course_dir: &str,
    files: &PackFiles,
    out: &mut Vec<Diagnostic>,
) {
    if !text.contains("](") && !text.contains("src=") {
        return;
    }
    for reference in &markdown::scan(text).references {
        let target = &reference.target;
        match resolve(target, course_dir, course_dir) {
            Target::File(path) if path.starts_with(&format!("{course_dir}/{INSTRUCTOR_ASSETS}")) => out.push(at.error(msg!(
                "`{target}` is an instructor-only asset; learners see questions, so a question cannot show it",
                "`{target}` 是仅供讲师的资源；题目会展示给学员，不能链接它"
            ))),
            Target::File(path) if !files.contains(&path) => out.push(at.error(msg!(
                "`{target}` not found ({path}); question text links files relative to the course folder, e.g. `assets/figure.png`",
                "找不到 `{target}`（{path}）；题目文字中的链接相对于课程文件夹，例如 `assets/figure.png`"
            ))),
            Target::Outside => out.push(at.error(msg!(
                "`{target}` points outside the course folder",
                "`{target}` 指向课程文件夹之外"
            ))),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_targets() {
        let dir = "courses/c";
        let folder = "courses/c/modules";
        let file = |p: &str| Target::File(p.to_string());
        let cases = [
            ("../assets/a.png", file("courses/c/assets/a.png")),
            ("02-x.md#part", file("courses/c/modules/02-x.md")),
            ("../assets/my%20a.png", file("courses/c/assets/my a.png")),
            ("../../../quizzes/c/x.csv", Target::Outside),
            ("../../../../../etc/passwd", Target::Outside),
            ("/etc/passwd", Target::Absolute),
            ("C:\\x.png", Target::Absolute),
            ("https://example.com/a.png", Target::Remote),
            ("//cdn.example.com/a.png", Target::Remote),
            ("JavaScript:alert(1)", Target::Dangerous("javascript".into())),
            ("data:image/png;base64,AA", Target::Dangerous("data".into())),
            ("mailto:a@b.c", Target::Elsewhere),
            ("#section", Target::Elsewhere),
        ];
        for (target, expected) in cases {
            assert_eq!(resolve(target, folder, dir), expected, "{target}");
        }
    }
}
