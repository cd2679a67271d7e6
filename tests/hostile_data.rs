//! Hostile business-data files (CSV and XLSX) and hostile submission/grade
//! bundles, on real database files. Each is refused with a message naming
//! the file (and the row, where there is one) and changes nothing — the
//! database file is byte-for-byte the same — or, for harmless oddities
//! (a BOM, CRLF), imports exactly like the plain file. The pack side of the
//! hostile suite is `tests/pack_hostile.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use qunxue_app::impact::fixture::{self as impact_fixture, INSTRUCTOR};
use qunxue_app::impact::{self, ColumnMapping};
use qunxue_app::tasks::fixture::{self as task_fixture, LEARNER};
use qunxue_store::Store;
use qunxue_tests::cli::qunxue;
use qunxue_tests::packs::{repo_root, write_zip, Entry};
use sha2::{Digest, Sha256};

fn hostile(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/hostile").join(name)
}

fn file_hash(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

/// A database with the impact course and an empty study over its metrics.
struct Study {
    dir: tempfile::TempDir,
    db: PathBuf,
    id: String,
}

impl Study {
    fn new() -> Study {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("qunxue.db");
        let mut store = Store::open(&db).unwrap();
        impact_fixture::install(&mut store).unwrap();
        let mut input = impact_fixture::study_input();
        input.metrics = impact::metric_templates(&store, INSTRUCTOR, impact_fixture::COURSE).unwrap();
        let id = impact::create_study(&mut store, INSTRUCTOR, &input, Utc::now()).unwrap().id;
        Study { dir, db, id }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn import(&self, path: &Path) -> qunxue_app::Result<impact::ImportSummary> {
        let mut store = Store::open(&self.db).unwrap();
        let mapping = ColumnMapping { learner: 0, group: Some(1), metric: 2, period: 3, value: 4 };
        impact::import_observations(&mut store, INSTRUCTOR, &self.id, path, &mapping, Utc::now())
    }

    /// Imports `path`, expects a refusal saying `needle` (and naming the
    /// file) and checks the database did not change.
    fn refused(&self, path: &Path, needle: &str) -> String {
        drop(Store::open(&self.db).unwrap()); // checkpointed, so the hash is stable
        let before = file_hash(&self.db);
        let message = self.import(path).expect_err("a hostile file must be refused").to_string();
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(message.contains(needle) && message.contains(name.as_ref()), "{message}");
        assert_eq!(file_hash(&self.db), before, "a refused import changed the database");
        message
    }
}

const HEADER: &str = "learner,group,metric,period,value\n";
const ROWS: &str = "北店,treatment,sales,before,100\n北店,treatment,sales,after,130\n南店,control,sales,before,90\n南店,control,sales,after,95\n";

#[test]
fn bom_and_crlf_import_like_the_plain_file() {
    let plain = Study::new();
    let a = plain.import(&plain.file("plain.csv", format!("{HEADER}{ROWS}").as_bytes())).unwrap();
    let windows = Study::new();
    let text = format!("\u{feff}{HEADER}{ROWS}").replace('\n', "\r\n");
    let b = windows.import(&windows.file("windows.csv", text.as_bytes())).unwrap();
    assert_eq!((a.rows_read, a.written), (b.rows_read, b.written));
}

#[test]
fn invalid_utf8_is_refused_with_the_byte() {
    let study = Study::new();
    let mut bytes = format!("{HEADER}北店,treatment,sales,before,100\n").into_bytes();
    bytes.extend_from_slice(b"\xc4\xcf\xb5\xea,treatment,sales,after,1\n"); // 南店 in GBK
    let message = study.refused(&study.file("gbk.csv", &bytes), "UTF-8");
    assert!(message.contains("byte"), "{message}");
}

#[test]
fn nul_bytes_and_control_characters_in_names_are_refused_at_their_row() {
    let study = Study::new();
    let text = format!("{HEADER}北店\0,treatment,sales,before,100\n北店,treatment,sales,after,1\u{1b}[31m\n");
    let message = study.refused(&study.file("nul.csv", text.as_bytes()), "control characters");
    assert!(message.contains("nul.csv:2:1"), "{message}");
    assert!(message.contains("nul.csv:3:5"), "the value with an escape sequence is refused too: {message}");
}

#[test]
fn a_10_mb_line_is_refused_without_echoing_it() {
    let study = Study::new();
    let long = "店".repeat(10 * 1024 * 1024 / 3);
    let text = format!("{HEADER}{long},treatment,sales,before,100\n北店,treatment,sales,{long},1\n");
    let message = study.refused(&study.file("long.csv", text.as_bytes()), "at most 120");
    assert!(message.len() < 2_000, "the message quotes the whole line ({} bytes)", message.len());
}

#[test]
fn html_and_formulas_in_unit_names_are_inert_in_every_export() {
    let study = Study::new();
    let summary = study.import(&hostile("injection-units.csv")).unwrap();
    assert_eq!(summary.rows_read, 6);
    let store = Store::open(&study.db).unwrap();
    let options = Default::default();
    let report = impact::report::study_report(&store, INSTRUCTOR, &study.id, &options, Utc::now()).unwrap();
    let html = impact::export::render_html(&report).unwrap();
    // The report's data travels as JSON in a non-executed script element,
    // which no "</" inside may close; the visible page escapes names.
    let open = "<script type=\"application/json\" id=\"report-data\">";
    let start = html.find(open).expect("report data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    assert!(!html[start..end].contains("</"), "the JSON could close its element");
    let page = format!("{}{}", &html[..start], &html[end..]);
    assert!(!page.contains("<script>alert(1)") && !page.contains("<img src=x"), "unit names are escaped in HTML");
    for (name, bytes) in impact::export::render_csv(&report).unwrap() {
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains("\n\"=HYPERLINK") && !text.contains("\n=HYPERLINK"),
            "{name} starts a cell with a formula"
        );
    }
}

/// An XLSX-shaped zip whose one sheet inflates from kilobytes to `size` bytes.
fn xlsx_bomb(path: &Path, size: usize) {
    let sheet = format!(
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{}</sheetData></worksheet>",
        " ".repeat(size)
    );
    write_zip(
        path,
        &[
            Entry::File("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            Entry::File("xl/workbook.xml", b"<workbook/>"),
            Entry::File("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
    );
}

#[test]
fn an_xlsx_zip_bomb_is_refused_before_it_is_inflated() {
    let study = Study::new();
    let path = study.dir.path().join("bomb.xlsx");
    xlsx_bomb(&path, 64 * 1024 * 1024);
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024);
    study.refused(&path, "zip bomb");
}

/// A minimal XLSX whose first sheet holds `cells` (reference, inline text).
fn xlsx_with(path: &Path, cells: &[(&str, &str)]) {
    let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut sheet = String::from(
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (reference, text) in cells {
        let row: String = reference.chars().filter(char::is_ascii_digit).collect();
        sheet.push_str(&format!(
            "<row r=\"{row}\"><c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c></row>"
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let content_types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    let root_rels = format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rels}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    let workbook = format!("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{rels}\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    let workbook_rels = format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rels}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    write_zip(
        path,
        &[
            Entry::File("[Content_Types].xml", content_types.as_bytes()),
            Entry::File("_rels/.rels", root_rels.as_bytes()),
            Entry::File("xl/workbook.xml", workbook.as_bytes()),
            Entry::File("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
            Entry::File("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
    );
}

#[test]
fn far_apart_cells_in_an_xlsx_do_not_allocate_the_rectangle_between_them() {
    // A1 and XFD1048576 span 17 billion cells: reading them as one range
    // would exhaust memory. Only used cells are read.
    let study = Study::new();
    let far = study.dir.path().join("far.xlsx");
    let header = ["learner", "group", "metric", "period", "value"];
    let mut cells: Vec<(String, &str)> =
        header.iter().enumerate().map(|(i, h)| (format!("{}1", (b'A' + i as u8) as char), *h)).collect();
    cells.push(("XFD1048576".into(), "x"));
    let refs: Vec<(&str, &str)> = cells.iter().map(|(r, t)| (r.as_str(), *t)).collect();
    xlsx_with(&far, &refs);
    study.refused(&far, "first 256 columns");

    // Far down but in range: read, with the spreadsheet's row number.
    let deep = study.dir.path().join("deep.xlsx");
    let mut cells = refs[..5].to_vec();
    let row = [
        ("A1048576", "北店"),
        ("B1048576", "treatment"),
        ("C1048576", "sales"),
        ("D1048576", "before"),
        ("E1048576", "1O0"),
    ];
    cells.extend_from_slice(&row);
    xlsx_with(&deep, &cells);
    let message = study.import(&deep).unwrap_err().to_string();
    assert!(message.contains("deep.xlsx:1048576:5"), "the bad value is found at its row: {message}");
}

#[test]
fn a_broken_xlsx_is_refused_with_its_name() {
    let study = Study::new();
    let path = study.file("broken.xlsx", b"PK\x03\x04 this is not really a workbook");
    study.refused(&path, "workbook");
}

// ---- bundles ----

/// A learner database, and the CLI arguments to import `bundle` into it.
fn import_grades(bundle: &Path) -> (String, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    task_fixture::install(&mut Store::open(&db).unwrap(), true).unwrap();
    let before = file_hash(&db);
    let out = qunxue(&["import-grades", bundle.to_str().unwrap(), "--db", db.to_str().unwrap(), "--profile", LEARNER]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let unchanged = file_hash(&db) == before;
    (stderr, out.status.code().map(|c| c.to_string()).unwrap_or_default(), unchanged)
}

fn bundle_with(dir: &Path, name: &str, extra: &[Entry<'_>]) -> PathBuf {
    let manifest = br#"{"format":"qunxue-bundle/1","kind":"grades","bundle_id":"b","course_id":"task-course","sequence":1,"created_at":"2026-03-01T00:00:00Z","signer_id":"p-teacher","signer_name":"x","public_key":"00","entries":[]}"#;
    let mut entries = vec![Entry::File("manifest.json", manifest), Entry::File("manifest.sig", b"00")];
    entries.extend_from_slice(extra);
    let path = dir.join(name);
    write_zip(&path, &entries);
    path
}

#[test]
fn hostile_bundles_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            bundle_with(dir.path(), "slip.zip", &[Entry::File("../../evil.json", b"{}")]),
            "unsafe entry name ../../evil.json",
        ),
        (
            bundle_with(dir.path(), "absolute.zip", &[Entry::File("/etc/cron.d/evil", b"x")]),
            "unsafe entry name /etc/cron.d/evil",
        ),
        (
            bundle_with(dir.path(), "link.zip", &[Entry::Symlink("grades.json", "/etc/passwd")]),
            "unsafe entry name grades.json",
        ),
        // An unsigned bomb is refused for its signature before its entry is
        // inflated at all (a signed one: `format::tests`, "zip bomb").
        (bundle_with(dir.path(), "bomb.zip", &[Entry::File("grades.json", &zeros)]), "signature does not match"),
        (bundle_with(dir.path(), "unsigned.zip", &[]), "signature"),
    ];
    for (bundle, needle) in cases {
        let (stderr, code, unchanged) = import_grades(&bundle);
        assert_eq!(code, "1", "{}: {stderr}", bundle.display());
        assert!(stderr.contains(needle), "{}: expected {needle:?} in {stderr}", bundle.display());
        assert!(unchanged, "{} changed the database", bundle.display());
    }
    // Not a zip at all.
    let junk = dir.path().join("junk.zip");
    std::fs::File::create(&junk).unwrap().write_all(b"not a zip").unwrap();
    let (stderr, code, unchanged) = import_grades(&junk);
    assert_eq!(code, "1", "{stderr}");
    assert!(stderr.contains("junk.zip") && unchanged, "{stderr}");
}

#[test]
fn learner_text_in_a_submission_reaches_the_grader_sanitised() {
    use qunxue_app::tasks::fixture::{COURSE, INSTRUCTOR as TEACHER, TASK};
    use qunxue_app::tasks::{grading, learner};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("qunxue.db")).unwrap();
    task_fixture::install(&mut store, true).unwrap();
    let text = std::fs::read_to_string(hostile("injection.md")).unwrap();
    let body = qunxue_core::front_matter::split(&text).unwrap().body;
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    learner::save_draft(&mut store, LEARNER, COURSE, TASK, body, &[], now).unwrap();
    let version = learner::submit(&mut store, LEARNER, COURSE, TASK, now).unwrap();
    let view = grading::grading_view(&store, TEACHER, &version.id).unwrap();
    let html = view.version.html.to_ascii_lowercase();
    for forbidden in ["<script", "onerror", "javascript:", "<iframe", "<style", "style=", "<object", "<form", "<svg"] {
        assert!(!html.contains(forbidden), "{forbidden} reached the grader: {html}");
    }
    // The learner's words are still there, as text.
    assert!(view.version.html.contains("样式"));
}
