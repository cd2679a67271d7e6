//! Pack-relative paths: joining, normalising and containment. Pack paths
//! are always `/`-separated and relative to the pack root.

use std::borrow::Cow;

/// True for a normalised pack path: relative, `/`-separated, no empty, `.`
/// or `..` segments, no drive letter. Readers must only produce these; the
/// validator re-checks because a pack is untrusted.
pub fn is_normalised(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && !path.contains(':')
        && path.split('/').all(|segment| !matches!(segment, "" | "." | ".."))
}

/// The folder holding `path` (`""` at the root).
pub(super) fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// Joins a relative reference to a folder and resolves `.` and `..`.
/// `None` when the result would climb above the pack root.
pub(super) fn join(folder: &str, relative: &str) -> Option<String> {
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for segment in relative.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            other => segments.push(other),
        }
    }
    Some(segments.join("/"))
}

/// True when `path` lies inside `folder` (given without a trailing slash).
pub(super) fn is_inside(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/') && rest.len() > 1)
}

/// The file part of a link target: without `#fragment` or `?query`, and
/// with `%XX` escapes decoded (authors write `my%20photo.png` for spaces).
pub(super) fn link_file_part(target: &str) -> Cow<'_, str> {
    let end = target.find(['#', '?']).unwrap_or(target.len());
    percent_decode(&target[..end])
}

fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_paths() {
        for ok in ["courses/a/course.toml", "a", "courses/a/图.png"] {
            assert!(is_normalised(ok), "{ok}");
        }
        for bad in ["", "/etc/passwd", "a//b", "a/./b", "a/../b", "..", "a\\b", "C:/x", "a/"] {
            assert!(!is_normalised(bad), "{bad}");
        }
    }

    #[test]
    fn joins_and_resolves_dots() {
        assert_eq!(join("courses/c/modules", "../assets/a.png").as_deref(), Some("courses/c/assets/a.png"));
        assert_eq!(join("courses/c", "./modules/01.md").as_deref(), Some("courses/c/modules/01.md"));
        assert_eq!(join("courses/c/modules", "..\\assets\\a.png").as_deref(), Some("courses/c/assets/a.png"));
        assert_eq!(join("courses/c/modules", "../../../../x"), None);
        assert_eq!(join("courses/c/modules", "../../../quizzes").as_deref(), Some("quizzes"));
    }

    #[test]
    fn containment_and_parents() {
        assert!(is_inside("courses/c/a.png", "courses/c"));
        assert!(!is_inside("courses/cx/a.png", "courses/c"));
        assert!(!is_inside("courses/c", "courses/c"));
        assert_eq!(parent("courses/c/modules/01.md"), "courses/c/modules");
        assert_eq!(parent("x"), "");
    }

    #[test]
    fn link_targets_lose_fragments_and_escapes() {
        assert_eq!(link_file_part("02-x.md#小节"), "02-x.md");
        assert_eq!(link_file_part("a%20b.png?v=1"), "a b.png");
        assert_eq!(link_file_part("%E5%9B%BE.png"), "图.png");
        assert_eq!(link_file_part("100%.png"), "100%.png");
        assert_eq!(link_file_part("%FF.png"), "%FF.png");
    }
}
