//! Folder reading and limits. Hostile archives are exercised end to end by
//! the integration suite (`tests/pack_hostile.rs`).

use std::fs;
use std::path::Path;

use super::*;

fn write(root: &Path, path: &str, content: &[u8]) {
    let file = root.join(path);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, content).unwrap();
}

fn sample_pack() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "courses/a/course.toml", b"id = \"a\"");
    write(dir.path(), "courses/a/assets/logo.png", &[0x89, b'P', b'N', b'G']);
    write(dir.path(), "courses/a/.DS_Store", b"litter");
    write(dir.path(), "quizzes/a/tasks.toml", b"");
    write(dir.path(), "quizzes/b/tasks.toml", b"");
    write(dir.path(), "README.md", b"not part of the pack");
    dir
}

fn paths(pack: &OpenedPack) -> Vec<&str> {
    pack.files().paths().collect()
}

#[test]
fn reads_the_pack_folders_only_with_text_bytes_and_asset_sizes() {
    let dir = sample_pack();
    let pack = open(dir.path()).unwrap();
    assert_eq!(
        paths(&pack),
        ["courses/a/assets/logo.png", "courses/a/course.toml", "quizzes/a/tasks.toml", "quizzes/b/tasks.toml"]
    );
    let logo = pack.files().get("courses/a/assets/logo.png").unwrap();
    assert_eq!((logo.size, logo.bytes.is_none()), (4, true));
    assert_eq!(pack.files().get("courses/a/course.toml").unwrap().bytes.as_deref(), Some(&b"id = \"a\""[..]));
    assert_eq!(pack.folder_root(), Some(dir.path()));
}

#[test]
fn a_course_folder_reads_its_own_course_and_quizzes_from_the_pack_root() {
    let dir = sample_pack();
    let pack = open(&dir.path().join("courses/a")).unwrap();
    assert_eq!(paths(&pack), ["courses/a/assets/logo.png", "courses/a/course.toml", "quizzes/a/tasks.toml"]);
    // The `courses/` folder stands for the whole pack around it.
    assert_eq!(open(&dir.path().join("courses")).unwrap().files().len(), 4);
}

#[test]
fn a_folder_wrapping_a_pack_is_tolerated_and_anything_else_refused() {
    let outer = tempfile::tempdir().unwrap();
    write(outer.path(), "my-pack/courses/a/course.toml", b"");
    assert_eq!(paths(&open(outer.path()).unwrap()), ["courses/a/course.toml"]);
    write(outer.path(), "other/x.txt", b"");
    assert!(matches!(open(outer.path()), Err(PackSourceError::NotAPack { .. })));
}

#[test]
fn limits_are_enforced_and_name_the_entry() {
    let dir = sample_pack();
    let few = Limits { max_files: 2, ..Limits::default() };
    let err = open_with_limits(dir.path(), few).err().unwrap();
    assert!(
        matches!(&err, PackSourceError::TooManyFiles { entry, limit: 2 } if entry == "quizzes/a/tasks.toml"),
        "{err}"
    );

    let small = Limits { max_asset_bytes: 3, ..Limits::default() };
    let err = open_with_limits(dir.path(), small).err().unwrap();
    assert_eq!(err.to_diagnostic().file, "courses/a/assets/logo.png");
    assert!(err.to_string().contains("larger than the limit of 3 bytes"), "{err}");

    let total = Limits { max_pack_bytes: 5, ..Limits::default() };
    assert!(matches!(open_with_limits(dir.path(), total), Err(PackSourceError::PackTooLarge { .. })));
}

#[cfg(unix)]
#[test]
fn links_inside_a_folder_are_refused() {
    let dir = sample_pack();
    std::os::unix::fs::symlink("/etc/passwd", dir.path().join("courses/a/assets/passwd.txt")).unwrap();
    let err = open(dir.path()).err().unwrap();
    assert!(matches!(&err, PackSourceError::Symlink { entry } if entry == "courses/a/assets/passwd.txt"), "{err}");
}

#[test]
fn copies_text_from_memory_and_assets_from_the_folder() {
    let dir = sample_pack();
    let mut pack = open(dir.path()).unwrap();
    // Text is written as validated, even if the folder changed since.
    write(dir.path(), "courses/a/course.toml", b"changed");
    let out = tempfile::tempdir().unwrap();
    pack.copy_file("courses/a/course.toml", &out.path().join("course.toml")).unwrap();
    pack.copy_file("courses/a/assets/logo.png", &out.path().join("logo.png")).unwrap();
    assert_eq!(fs::read(out.path().join("course.toml")).unwrap(), b"id = \"a\"");
    assert_eq!(fs::read(out.path().join("logo.png")).unwrap().len(), 4);
    assert!(pack.copy_file("courses/a/course.toml", &out.path().join("course.toml")).is_err(), "never overwrites");
}
