//! Hostile packs, built at test time: zip-slip, absolute paths, links in a
//! folder and in a zip, a zip bomb, an oversized file and too many files.
//! Each is refused with a diagnostic naming the entry, before anything is
//! written: the database and the data folder stay byte-for-byte the same.

use std::path::Path;

use chrono::{TimeZone, Utc};
use qunxue_app::import::{import_pack, validate_path};
use qunxue_app::ErrorKind;
use qunxue_core::pack::limits::{MAX_FILES, MAX_TEXT_FILE_BYTES};
use qunxue_store::Store;
use qunxue_tests::packs::{copy_fixture, files_under, fixture, write_zip, Entry};
use qunxue_tests::snapshot::DataDir;

/// The files of the valid v2 pack, as zip entries to add hostile ones to.
fn v2_entries() -> Vec<(String, Vec<u8>)> {
    let root = fixture("good-v2");
    files_under(&root).into_iter().map(|rel| (rel.clone(), std::fs::read(root.join(rel)).unwrap())).collect()
}

fn zip_with(dir: &Path, hostile: &[Entry<'_>]) -> std::path::PathBuf {
    let owned = v2_entries();
    let mut entries: Vec<Entry<'_>> = owned.iter().map(|(name, bytes)| Entry::File(name, bytes)).collect();
    entries.extend_from_slice(hostile);
    let zip = dir.join("hostile.zip");
    write_zip(&zip, &entries);
    zip
}

/// Imports `pack` over an installed v1 (so a pack that slipped through would
/// visibly update it) and checks it is refused naming `entry`, with nothing
/// changed in the database or the data folder.
fn assert_refused(pack: &Path, entry: &str, message: &str) {
    let data = DataDir::new();
    {
        let mut store = Store::open(&data.db()).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        import_pack(&mut store, data.path(), &fixture("good"), false, at, &mut |_| {}).unwrap();
    }
    let before = data.snapshot();
    let err = {
        let mut store = Store::open(&data.db()).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
        import_pack(&mut store, data.path(), pack, false, at, &mut |_| {}).unwrap_err()
    };
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    let diagnostic = &err.diagnostics()[0];
    assert_eq!((diagnostic.file.as_str(), diagnostic.line), (entry, 1), "{diagnostic}");
    assert!(diagnostic.message.contains(message), "{diagnostic}");
    assert_eq!(data.snapshot(), before);

    let outcome = validate_path(pack);
    assert!(!outcome.valid);
    assert_eq!(outcome.diagnostics[0].file, entry);
}

#[test]
fn zip_slip_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_with(dir.path(), &[Entry::File("../evil.txt", b"escaped")]);
    assert_refused(&zip, "../evil.txt", "climbs out of the pack");
    assert!(!dir.path().parent().unwrap().join("evil.txt").exists());
}

#[test]
fn absolute_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("evil.txt");
    let name = target.to_string_lossy().into_owned();
    let zip = zip_with(dir.path(), &[Entry::File(&name, b"escaped")]);
    assert_refused(&zip, &name, "absolute path");
    assert!(!target.exists());
}

#[test]
fn links_in_a_zip_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_with(dir.path(), &[Entry::Symlink("courses/demo/assets/passwd.png", "/etc/passwd")]);
    assert_refused(&zip, "courses/demo/assets/passwd.png", "symbolic link");
}

#[cfg(unix)]
#[test]
fn links_in_a_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    std::os::unix::fs::symlink("/etc/passwd", dir.path().join("courses/demo/assets/passwd.png")).unwrap();
    assert_refused(dir.path(), "courses/demo/assets/passwd.png", "symbolic link");
}

#[test]
fn a_zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 8 MiB of zeros deflate to a few kilobytes: a ratio far above 100.
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let zip = zip_with(dir.path(), &[Entry::File("courses/demo/assets/bomb.bin", &zeros)]);
    assert!(std::fs::metadata(&zip).unwrap().len() < 100 * 1024);
    assert_refused(&zip, "courses/demo/assets/bomb.bin", "zip bomb");
}

#[test]
fn an_oversized_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    let huge = "社群".repeat(MAX_TEXT_FILE_BYTES as usize / 6 + 1);
    std::fs::write(dir.path().join("courses/demo/modules/huge.md"), huge).unwrap();
    assert_refused(dir.path(), "courses/demo/modules/huge.md", "larger than the limit");
}

#[test]
fn too_many_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..MAX_FILES).map(|i| format!("courses/demo/assets/many/{i:05}.txt")).collect();
    let extra: Vec<Entry<'_>> = names.iter().map(|name| Entry::File(name, b"x")).collect();
    let zip = zip_with(dir.path(), &extra);
    let over = format!("courses/demo/assets/many/{:05}.txt", MAX_FILES - files_under(&fixture("good-v2")).len());
    assert_refused(&zip, &over, "more than 20000 files");
}
