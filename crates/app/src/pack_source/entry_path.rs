//! Turning a file name from a folder or an archive into a pack path
//! (`courses/x/course.toml`), refusing every name that could land outside
//! the pack when extracted (zip-slip) on any operating system.

use super::error::UnsafeReason;

/// Normalises `raw` to a `/`-separated relative path without `.` or empty
/// segments. Backslashes count as separators because Windows tools write
/// them into archives, and Windows would honour them on extraction.
pub(crate) fn normalise(raw: &str) -> Result<String, UnsafeReason> {
    if raw.chars().any(char::is_control) {
        return Err(UnsafeReason::ControlCharacter);
    }
    let unified = raw.replace('\\', "/");
    if unified.starts_with('/') {
        return Err(UnsafeReason::Absolute);
    }
    let mut segments = Vec::new();
    for segment in unified.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(UnsafeReason::ParentDir),
            // `C:` drive letters, `NUL:` devices and NTFS alternate streams.
            s if s.contains(':') => return Err(UnsafeReason::Drive),
            s => segments.push(s),
        }
    }
    Ok(segments.join("/"))
}

/// Files that tools leave behind and that are never part of a pack:
/// dot-files (`.DS_Store`, `.git/`) and macOS archive metadata.
pub(crate) fn is_ignored(path: &str) -> bool {
    path.split('/').any(|segment| segment.starts_with('.') || segment == "__MACOSX")
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("courses/a/course.toml", "courses/a/course.toml")]
    #[case("./courses//a/./b.md", "courses/a/b.md")]
    #[case("courses\\a\\b.md", "courses/a/b.md")]
    #[case("courses/a/", "courses/a")]
    #[case("课程/图.png", "课程/图.png")]
    fn accepts_and_normalises(#[case] raw: &str, #[case] expected: &str) {
        assert_eq!(normalise(raw).as_deref(), Ok(expected));
    }

    #[rstest]
    #[case("../evil.txt", UnsafeReason::ParentDir)]
    #[case("courses/../../evil.txt", UnsafeReason::ParentDir)]
    #[case("..\\evil.txt", UnsafeReason::ParentDir)]
    #[case("/etc/passwd", UnsafeReason::Absolute)]
    #[case("\\\\server\\share\\x", UnsafeReason::Absolute)]
    #[case("C:/Windows/x.dll", UnsafeReason::Drive)]
    #[case("c:evil", UnsafeReason::Drive)]
    #[case("a/b.md:stream", UnsafeReason::Drive)]
    #[case("a/b\0.md", UnsafeReason::ControlCharacter)]
    fn refuses_unsafe_names(#[case] raw: &str, #[case] reason: UnsafeReason) {
        assert_eq!(normalise(raw), Err(reason));
    }

    #[test]
    fn ignores_tool_litter_only() {
        assert!(is_ignored("courses/a/.DS_Store"));
        assert!(is_ignored("__MACOSX/courses/a/._x.md"));
        assert!(!is_ignored("courses/a/modules/01.md"));
    }
}
