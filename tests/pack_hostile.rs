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
    let err = refused_without_change(pack);
    let diagnostic = &err.diagnostics()[0];
    assert_eq!((diagnostic.file.as_str(), diagnostic.line), (entry, 1), "{diagnostic}");
    assert!(diagnostic.message.contains(message), "{diagnostic}");

    let outcome = validate_path(pack);
    assert!(!outcome.valid);
    assert_eq!(outcome.diagnostics[0].file, entry);
}

/// Like [`assert_refused`] for problems inside a file: some diagnostic
/// names `entry` at `line` and says `message`.
fn assert_refused_at(pack: &Path, entry: &str, line: usize, message: &str) {
    let err = refused_without_change(pack);
    let all: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert!(
        err.diagnostics().iter().any(|d| d.file == entry && d.line == line && d.message.contains(message)),
        "no diagnostic for {entry}:{line} saying {message:?} in {all:#?}"
    );
}

/// Imports `pack` over an installed v1 and returns the refusal, having
/// checked that the database and the data folder did not change.
fn refused_without_change(pack: &Path) -> qunxue_app::AppError {
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
    assert_eq!(data.snapshot(), before);
    err
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

/// `tests/fixtures/hostile/<name>`.
fn hostile(name: &str) -> std::path::PathBuf {
    qunxue_tests::packs::repo_root().join("tests/fixtures/hostile").join(name)
}

/// The valid v2 pack in `dir`, with its first module replaced by `text`.
fn pack_with_intro(dir: &Path, text: &[u8]) -> std::path::PathBuf {
    copy_fixture("good-v2", dir);
    std::fs::write(dir.join("courses/demo/modules/01-intro.md"), text).unwrap();
    dir.to_path_buf()
}

const INTRO: &str = "courses/demo/modules/01-intro.md";

/// A zip whose entry `name` claims an uncompressed size of `declared` bytes
/// (local header and central directory both), whatever it really holds.
fn zip_declaring(dir: &Path, name: &str, bytes: &[u8], declared: u32) -> std::path::PathBuf {
    let zip = zip_with(dir, &[Entry::File(name, bytes)]);
    let mut data = std::fs::read(&zip).unwrap();
    let name_bytes = name.as_bytes();
    let mut patched = 0;
    for at in 0..data.len().saturating_sub(4) {
        let (header, size_at, name_at) = match &data[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => ("local", at + 22, at + 30),
            [0x50, 0x4b, 0x01, 0x02] => ("central", at + 24, at + 46),
            _ => continue,
        };
        if data.get(name_at..name_at + name_bytes.len()) == Some(name_bytes) {
            data[size_at..size_at + 4].copy_from_slice(&declared.to_le_bytes());
            patched += 1;
            let _ = header;
        }
    }
    assert_eq!(patched, 2, "both headers of {name} patched");
    std::fs::write(&zip, data).unwrap();
    zip
}

#[test]
fn declared_sizes_are_not_trusted() {
    // Claims 4 GB for a 4 KB asset: the claim is ignored, the real bytes are
    // measured and installed, and nothing is reserved for the claim.
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_declaring(dir.path(), "courses/demo/assets/claims-4gb.png", &[7u8; 4096], u32::MAX - 1);
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), &zip, false, Utc::now(), &mut |_| {}).unwrap();
    let installed: Vec<String> =
        files_under(&data.packs()).into_iter().filter(|f| f.ends_with("claims-4gb.png")).collect();
    assert_eq!(installed.len(), 1);
    assert_eq!(std::fs::metadata(data.packs().join(&installed[0])).unwrap().len(), 4096);

    // Claims 10 bytes for 3 MB of Markdown: the real size is measured and refused.
    let dir = tempfile::tempdir().unwrap();
    let text = "社群运营".repeat(3 * 1024 * 1024 / 12 + 1);
    let zip = zip_declaring(dir.path(), "courses/demo/modules/claims-small.md", text.as_bytes(), 10);
    let err = refused_without_change(&zip);
    let d = &err.diagnostics()[0];
    assert_eq!(d.file, "courses/demo/modules/claims-small.md", "{d}");
}

#[test]
fn a_10_mb_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"+++\nid = \"m01-intro\"\nkind = \"theory\"\ntitle = \"x\"\n+++\n".to_vec();
    text.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
    let pack = pack_with_intro(dir.path(), &text);
    assert_refused(&pack, INTRO, "larger than the limit");
}

#[test]
fn invalid_utf8_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read(fixture("good-v2").join(INTRO)).unwrap();
    let line = text.iter().filter(|&&b| b == b'\n').count() + 1;
    text.extend_from_slice(b"GBK \xc9\xe7\xc8\xba\n");
    let pack = pack_with_intro(dir.path(), &text);
    assert_refused_at(&pack, INTRO, line, "not UTF-8");
}

#[test]
fn nul_bytes_are_refused_in_toml_and_neutralised_in_markdown() {
    // In front matter (TOML forbids control characters): refused at the line.
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(fixture("good-v2").join(INTRO)).unwrap();
    let in_toml = original.replacen("title = \"", "title = \"\0", 1);
    let pack = pack_with_intro(dir.path(), in_toml.as_bytes());
    assert_refused_at(&pack, INTRO, 4, "");

    // In the Markdown body: imported, the NUL replaced, never stored raw.
    let dir = tempfile::tempdir().unwrap();
    let in_body = format!("{original}\n社群\0运营\n");
    let pack = pack_with_intro(dir.path(), in_body.as_bytes());
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), &pack, false, Utc::now(), &mut |_| {}).unwrap();
    let html: String =
        store.conn().query_row("SELECT html FROM modules WHERE id = 'm01-intro'", [], |r| r.get(0)).unwrap();
    assert!(!html.contains('\0') && (html.contains("社群运营") || html.contains("社群\u{FFFD}运营")), "{html}");
}

#[test]
fn bom_and_crlf_files_import_like_plain_ones() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    for rel in files_under(dir.path()) {
        if !qunxue_core::pack::is_text_path(&rel) {
            continue;
        }
        let text = std::fs::read_to_string(dir.path().join(&rel)).unwrap();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        std::fs::write(dir.path().join(&rel), windows).unwrap();
    }
    let outline = |pack: &Path| {
        let data = DataDir::new();
        let mut store = Store::open(&data.db()).unwrap();
        import_pack(&mut store, data.path(), pack, false, Utc::now(), &mut |_| {}).unwrap();
        let mut stmt =
            store.conn().prepare("SELECT id, kind, title, minutes, html FROM modules ORDER BY position").unwrap();
        let rows: Vec<(String, String, String, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let questions: i64 = store.conn().query_row("SELECT COUNT(*) FROM questions", [], |r| r.get(0)).unwrap();
        (rows, questions)
    };
    let (windows, windows_questions) = outline(dir.path());
    let (plain, plain_questions) = outline(&fixture("good-v2"));
    assert_eq!(windows_questions, plain_questions);
    assert_eq!(windows.len(), plain.len());
    for (w, p) in windows.iter().zip(&plain) {
        assert_eq!((&w.0, &w.1, &w.2, w.3), (&p.0, &p.1, &p.2, p.3));
        assert!(!w.4.contains('\u{feff}'), "a BOM leaked into {}", w.0);
        assert_eq!(w.4.replace('\r', ""), p.4.replace('\r', ""), "module {} renders differently", w.0);
    }
}

#[test]
fn deeply_nested_markdown_imports_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(fixture("good-v2").join(INTRO)).unwrap();
    let mut text = original.clone();
    text.push_str(&format!("\n{}深\n\n", "> ".repeat(100_000)));
    text.push_str(&"* ".repeat(50_000));
    text.push_str("\n\n");
    text.push_str(&"<div>".repeat(50_000));
    text.push_str(&"[".repeat(50_000));
    text.push_str(&"*_".repeat(50_000));
    assert!(text.len() < qunxue_core::pack::limits::MAX_TEXT_FILE_BYTES as usize);
    let pack = pack_with_intro(dir.path(), text.as_bytes());
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), &pack, false, Utc::now(), &mut |_| {}).unwrap();
    let html: String =
        store.conn().query_row("SELECT html FROM modules WHERE id = 'm01-intro'", [], |r| r.get(0)).unwrap();
    assert!(html.contains("深"));
}

#[test]
fn a_module_listed_twice_and_duplicate_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    let manifest = dir.path().join("courses/demo/course.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    // The reading order loops back to the first module.
    std::fs::write(
        &manifest,
        text.replace(
            "  \"modules/04-case-cafe.md\",\n",
            "  \"modules/04-case-cafe.md\",\n  \"modules/01-intro.md\",\n",
        ),
    )
    .unwrap();
    assert_refused_at(dir.path(), "courses/demo/course.toml", 12, "listed twice");

    // Two modules with one id.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    let second = dir.path().join("courses/demo/modules/02-practice.md");
    let text = std::fs::read_to_string(&second).unwrap();
    let id_line = text.lines().position(|l| l.starts_with("id = ")).unwrap() + 1;
    let replaced: Vec<String> = text
        .lines()
        .map(|l| if l.starts_with("id = ") { "id = \"m01-intro\"".to_string() } else { l.to_string() })
        .collect();
    std::fs::write(&second, replaced.join("\n") + "\n").unwrap();
    assert_refused_at(dir.path(), "courses/demo/modules/02-practice.md", id_line, "duplicate module id");

    assert_refused_at(&fixture("duplicate-ids"), "quizzes/demo/banks/intro.toml", 13, "duplicate");
}

/// Each line of `injection.md` holding an injection, with what the validator says.
const INJECTIONS: [(usize, &str); 11] = [
    (11, "<script>"),
    (13, "onerror"),
    (15, "javascript:"),
    (17, "data:"),
    (19, "<script>"),
    (21, "<iframe>"),
    (23, "<style>"),
    (27, "javascript:"),
    (29, "<object>"),
    (31, "<form>"),
    (33, "<base>"),
];

#[test]
fn injection_in_every_form_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_with_intro(dir.path(), &std::fs::read(hostile("injection.md")).unwrap());
    let err = refused_without_change(&pack);
    for (line, needle) in INJECTIONS {
        assert!(
            err.diagnostics().iter().any(|d| d.file == INTRO && d.line == line && d.message.contains(needle)),
            "line {line} ({needle}) not reported: {err}"
        );
    }
}

/// What must never reach the webview, whatever the source text.
pub const FORBIDDEN_IN_HTML: [&str; 14] = [
    "<script",
    "onerror",
    "onload",
    "javascript:",
    "data:text",
    "<iframe",
    "<style",
    "style=",
    "<object",
    "<embed",
    "<form",
    "<base",
    "<meta",
    "<svg",
];

#[test]
fn injection_in_every_form_is_neutralised_by_the_renderer() {
    // Defence in depth: even text the validator never saw (a learner's
    // submission, an instructor's GIFT import) goes through the same renderer.
    let text = std::fs::read_to_string(hostile("injection.md")).unwrap();
    let body = qunxue_core::front_matter::split(&text).unwrap().body;
    let html = qunxue_core::markdown::render(body, &Default::default()).html;
    let lower = html.to_ascii_lowercase();
    for forbidden in FORBIDDEN_IN_HTML {
        assert!(!lower.contains(forbidden), "{forbidden} survived: {html}");
    }
    assert!(html.contains("样式") && html.contains("大小写"), "harmless text is kept: {html}");
}

#[test]
fn an_svg_with_script_is_only_ever_an_image() {
    // An SVG asset is allowed (it is a common logo format) but only as an
    // image: the module links it through <img>, where scripts never run, and
    // the asset protocol serves it as image/svg+xml under the app's CSP.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good-v2", dir.path());
    std::fs::copy(hostile("evil.svg"), dir.path().join("courses/demo/assets/evil.svg")).unwrap();
    let intro = dir.path().join(INTRO);
    let text = std::fs::read_to_string(&intro).unwrap() + "\n![标志](../assets/evil.svg)\n";
    std::fs::write(&intro, text).unwrap();
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), dir.path(), false, Utc::now(), &mut |_| {}).unwrap();
    let html: String =
        store.conn().query_row("SELECT html FROM modules WHERE id = 'm01-intro'", [], |r| r.get(0)).unwrap();
    assert!(html.contains("<img") && html.contains("evil.svg"), "{html}");
    assert!(!html.to_ascii_lowercase().contains("<svg"), "{html}");
    assert!(!html.contains("<object") && !html.contains("<embed") && !html.contains("<iframe"));
}
