//! The curriculum shipped in `courses/` and `quizzes/` must always validate.

use std::path::{Path, PathBuf};

use qunxue_core::pack::{self, inspect, is_text_path, PackFiles};

/// Reads the repository's `courses/` and `quizzes/` into memory; the
/// validator itself never touches the filesystem.
fn shipped_curriculum() -> PackFiles {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = PackFiles::new();
    for top in ["courses", "quizzes"] {
        let mut pending = vec![root.join(top)];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path: PathBuf = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                if is_text_path(&relative) {
                    files.insert_text(relative, std::fs::read(&path).unwrap());
                } else {
                    files.insert_asset(relative, std::fs::metadata(&path).unwrap().len());
                }
            }
        }
    }
    files
}

#[test]
fn the_shipped_curriculum_validates_without_errors() {
    let report = pack::load(&shipped_curriculum());
    let errors: Vec<_> = report.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let warnings: Vec<_> = report.warnings().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    let course = report.courses.iter().find(|c| c.slug == "community-ops").expect("community-ops is shipped");
    let summary = inspect(course);
    assert_eq!(summary.id, "qunxue.community-ops");
    // 22 lessons, and the facilitator's and grading guides for instructors only.
    assert_eq!(summary.modules.theory + summary.modules.practice + summary.modules.case, 22);
    assert_eq!(summary.modules.instructor, 2);
    assert!(!course.glossary.is_empty() && course.manifest.completion.is_some());
    assert!(summary.questions >= 200, "{summary:?}");
}
