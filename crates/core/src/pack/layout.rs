//! The shape of a pack: pack-wide limits and path safety, which courses it
//! holds, and what each file under `quizzes/<slug>/` is for.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Message, Noun};
use crate::msg;

use super::files::{is_text_path, PackFiles};
use super::ids::is_valid_id;
use super::limits::{MAX_ASSET_BYTES, MAX_FILES, MAX_PACK_BYTES, MAX_TEXT_FILE_BYTES};
use super::paths::is_normalised;

/// What a file under `quizzes/<slug>/` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuizRole {
    Bank,
    Quizzes,
    Tasks,
    Rubrics,
    Metrics,
    Surveys,
    Dataset,
    /// Any other file under `data/` (a spreadsheet, a read-me): kept, not checked.
    DataExtra,
}

/// One course's files, found by folder name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CourseLayout {
    pub slug: String,
    /// `courses/<slug>`
    pub course_dir: String,
    /// `courses/<slug>/course.toml`
    pub manifest_path: String,
    /// Files under `quizzes/<slug>/` with their role, in path order.
    pub quiz_files: Vec<(QuizRole, String)>,
}

impl CourseLayout {
    /// `courses/<slug>/glossary.toml`: the course's terms, when it has them.
    pub(super) fn glossary_path(&self) -> String {
        format!("{}/glossary.toml", self.course_dir)
    }
}

/// Reports unsafe paths, oversized files, too many files and too many bytes.
pub(crate) fn check_limits(files: &PackFiles, out: &mut Vec<Diagnostic>) {
    let mut total: u64 = 0;
    for (n, (path, entry)) in files.iter().enumerate() {
        if !is_normalised(path) {
            out.push(Diagnostic::error(
                path,
                1,
                1,
                msg!(
                    "unsafe path: a pack holds only relative paths without `.` or `..`",
                    "不安全的路径：课程包中只能是不含 `.` 或 `..` 的相对路径"
                ),
            ));
        }
        let (limit, what) =
            if is_text_path(path) { (MAX_TEXT_FILE_BYTES, TEXT_FILES) } else { (MAX_ASSET_BYTES, ASSETS) };
        if entry.size > limit {
            out.push(Diagnostic::error(path, 1, 1, {
                let (size, limit, Noun { en, zh }) = (human_size(entry.size), human_size(limit), what);
                msg!("the file is {size}; {en} may be at most {limit}", "文件大小为 {size}；{zh}最大只能是 {limit}")
            }));
        }
        if n == MAX_FILES {
            out.push(Diagnostic::error(path, 1, 1, {
                let count = files.len();
                msg!(
                    "the pack holds {count} files; at most {MAX_FILES} are allowed",
                    "课程包有 {count} 个文件；最多允许 {MAX_FILES} 个"
                )
            }));
        }
        let before = total;
        total = total.saturating_add(entry.size);
        if before <= MAX_PACK_BYTES && total > MAX_PACK_BYTES {
            out.push(Diagnostic::error(path, 1, 1, {
                let limit = human_size(MAX_PACK_BYTES);
                msg!("the pack's files add up to more than {limit} here", "课程包的文件总大小到这里超过了 {limit}")
            }));
        }
    }
}

/// Finds every `courses/<slug>/course.toml` and the quiz files that go with it,
/// reporting course folders without a manifest and files nothing reads.
pub(crate) fn discover(files: &PackFiles, out: &mut Vec<Diagnostic>) -> Vec<CourseLayout> {
    let mut courses: BTreeMap<&str, CourseLayout> = BTreeMap::new();
    for path in files.paths() {
        if let ["courses", slug, "course.toml"] = path.split('/').collect::<Vec<_>>()[..] {
            if !is_valid_id(slug) {
                out.push(Diagnostic::error(
                    path,
                    1,
                    1,
                    msg!(
                        "course folder name `{slug}` must use a-z, 0-9, '.', '_' and '-' (at most 64)",
                        "课程文件夹名 `{slug}` 只能使用 a-z、0-9、'.'、'_' 和 '-'（最多 64 个字符）"
                    ),
                ));
            }
            courses.insert(
                slug,
                CourseLayout {
                    slug: slug.to_string(),
                    course_dir: format!("courses/{slug}"),
                    manifest_path: path.to_string(),
                    quiz_files: Vec::new(),
                },
            );
        }
    }
    let mut reported_folders = Vec::new();
    for path in files.paths() {
        let mut parts = path.splitn(3, '/');
        let (Some(top @ ("courses" | "quizzes")), Some(slug)) = (parts.next(), parts.next()) else { continue };
        let Some(rest) = parts.next() else {
            out.push(Diagnostic::warning(
                path,
                1,
                1,
                msg!("files directly in `{top}/` are ignored", "直接放在 `{top}/` 下的文件会被忽略"),
            ));
            continue;
        };
        match courses.get_mut(slug) {
            Some(course) if top == "quizzes" => match quiz_role(rest) {
                Some(role) => course.quiz_files.push((role, path.to_string())),
                None => out.push(Diagnostic::warning(path, 1, 1, unknown_quiz_file())),
            },
            Some(_) => {}
            None if !reported_folders.contains(&(top, slug)) => {
                reported_folders.push((top, slug));
                out.push(if top == "courses" {
                    Diagnostic::error(
                        path,
                        1,
                        1,
                        msg!("courses/{slug}/ has no course.toml", "courses/{slug}/ 中没有 course.toml"),
                    )
                } else {
                    Diagnostic::warning(
                        path,
                        1,
                        1,
                        msg!(
                            "no course courses/{slug}/course.toml; quizzes/{slug}/ is ignored",
                            "没有课程 courses/{slug}/course.toml；quizzes/{slug}/ 被忽略"
                        ),
                    )
                });
            }
            None => {}
        }
    }
    if courses.is_empty() {
        out.push(Diagnostic::error(
            "courses",
            1,
            1,
            msg!(
                "no course found: a pack holds courses/<slug>/course.toml",
                "没有找到课程：课程包中应有 courses/<slug>/course.toml"
            ),
        ));
    }
    courses.into_values().collect()
}

const TEXT_FILES: Noun = Noun { en: "text files", zh: "文本文件" };
const ASSETS: Noun = Noun { en: "assets", zh: "资源文件" };

fn unknown_quiz_file() -> Message {
    msg!(
        "not part of the pack format, ignored: expected banks/*.toml, quizzes/*.toml, \
tasks.toml, rubrics.toml, metrics.toml, surveys.toml or data/*",
        "不属于课程包格式，已忽略：这里应是 banks/*.toml、quizzes/*.toml、\
tasks.toml、rubrics.toml、metrics.toml、surveys.toml 或 data/*"
    )
}

/// The role of a path relative to `quizzes/<slug>/`.
fn quiz_role(relative: &str) -> Option<QuizRole> {
    let single_toml = |rest: &str| !rest.contains('/') && rest.ends_with(".toml");
    match relative {
        "tasks.toml" => Some(QuizRole::Tasks),
        "rubrics.toml" => Some(QuizRole::Rubrics),
        "metrics.toml" => Some(QuizRole::Metrics),
        "surveys.toml" => Some(QuizRole::Surveys),
        _ => match relative.split_once('/') {
            Some(("banks", rest)) if single_toml(rest) => Some(QuizRole::Bank),
            Some(("quizzes", rest)) if single_toml(rest) => Some(QuizRole::Quizzes),
            Some(("data", rest)) if !rest.contains('/') && rest.ends_with(".csv") => Some(QuizRole::Dataset),
            Some(("data", _)) => Some(QuizRole::DataExtra),
            _ => None,
        },
    }
}

/// `3.1 MiB`-style sizes for messages.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_roles_by_path() {
        let cases = [
            ("banks/m01.toml", Some(QuizRole::Bank)),
            ("banks/deep/m01.toml", None),
            ("quizzes/a.toml", Some(QuizRole::Quizzes)),
            ("tasks.toml", Some(QuizRole::Tasks)),
            ("rubric.toml", None),
            ("data/sample.csv", Some(QuizRole::Dataset)),
            ("data/sample.xlsx", Some(QuizRole::DataExtra)),
            ("notes.md", None),
        ];
        for (path, role) in cases {
            assert_eq!(quiz_role(path), role, "{path}");
        }
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(2 * 1024 * 1024), "2 MiB");
        assert_eq!(human_size(3_300_000), "3.1 MiB");
        assert_eq!(human_size(1 << 30), "1 GiB");
    }
}
