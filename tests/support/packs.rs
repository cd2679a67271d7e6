//! Fixture packs: the checked-in ones under `tests/fixtures/packs/`, and
//! archives built at test time (including hostile ones).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The repository root: itself a pack holding the shipped curriculum.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The default curriculum as the pack loader reads it, checked to load
/// without a single problem.
pub fn shipped_course() -> qunxue_app::domain::pack::CourseBundle {
    let opened = qunxue_app::pack_source::open(&repo_root()).expect("the repository root opens as a pack");
    let report = qunxue_app::domain::pack::load(opened.files());
    let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "the shipped curriculum has problems:\n{}", problems.join("\n"));
    report.courses.into_iter().find(|c| c.manifest.id == "qunxue.community-ops").expect("the default course")
}

/// `tests/fixtures/packs/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/packs").join(name)
}

/// One entry of an archive built by [`write_zip`].
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// A file stored with deflate compression.
    File(&'a str, &'a [u8]),
    /// A symbolic link (unix mode `lrwxrwxrwx`) pointing at the target.
    Symlink(&'a str, &'a str),
}

/// Writes a zip holding `entries` exactly as named: nothing is checked, so
/// hostile names like `../evil.txt` go in as they are.
pub fn write_zip(path: &Path, entries: &[Entry<'_>]) {
    let mut zip = ZipWriter::new(fs::File::create(path).unwrap());
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for entry in entries {
        match entry {
            Entry::File(name, bytes) => {
                zip.start_file(*name, options).unwrap();
                zip.write_all(bytes).unwrap();
            }
            Entry::Symlink(name, target) => zip.add_symlink(*name, *target, options).unwrap(),
        }
    }
    zip.finish().unwrap();
}

/// Zips the folder `dir` into `zip_path`, every entry under `prefix`
/// (`""` for the pack at the top, `"name/"` for a wrapping folder).
pub fn zip_folder(dir: &Path, zip_path: &Path, prefix: &str) {
    let owned: Vec<(String, Vec<u8>)> =
        files_under(dir).into_iter().map(|rel| (format!("{prefix}{rel}"), fs::read(dir.join(&rel)).unwrap())).collect();
    let entries: Vec<Entry<'_>> = owned.iter().map(|(name, bytes)| Entry::File(name, bytes)).collect();
    write_zip(zip_path, &entries);
}

/// Copies a fixture pack into `dest`, so a test can add hostile files to it.
pub fn copy_fixture(name: &str, dest: &Path) {
    let src = fixture(name);
    for rel in files_under(&src) {
        let to = dest.join(&rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(src.join(&rel), to).unwrap();
    }
}

/// Every file below `dir`, as sorted `/`-separated relative paths.
pub fn files_under(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.map(Result::unwrap) {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}
