//! `qunxue report` end to end on a real database: every format is written;
//! the PDF embeds a Chinese font, its text extracts as Chinese and its first
//! page renders (pdftoppm) to a page that is not blank; the HTML is
//! self-contained (ECharts and the data inlined, no external resources).
//! The rendered pages are kept under target/impact-report/ to look at, and
//! the HTML there is what tests/browser/report.spec.ts opens in Chromium,
//! beside a report whose names are markup.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use qunxue_app::impact;
use qunxue_app::impact::fixture::{install, populated_study, INSTRUCTOR};
use qunxue_store::Store;
use qunxue_tests::cli::{qunxue, qunxue_with_pin};
use qunxue_tests::packs::repo_root;
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use sha2::{Digest, Sha256};

fn has(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// Share of pixels darker than near-white in a binary PPM (P6) image.
fn ink_share(ppm: &[u8]) -> f64 {
    // Header: "P6\n<w> <h>\n<max>\n" then RGB bytes.
    let mut fields = Vec::new();
    let mut pos = 0;
    while fields.len() < 4 {
        while ppm[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let start = pos;
        while !ppm[pos].is_ascii_whitespace() {
            pos += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..pos]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let pixels = &ppm[pos + 1..];
    let dark = pixels.chunks(3).filter(|p| p.iter().any(|&c| c < 200)).count();
    dark as f64 / (pixels.len() / 3) as f64
}

fn report_dir() -> PathBuf {
    let dir = repo_root().join("target/impact-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_report_command_writes_every_format_and_the_pdf_shows_chinese_and_charts() {
    let work = tempfile::tempdir().unwrap();
    let db = work.path().join("learner.db");
    let study = {
        let mut store = Store::open(&db).unwrap();
        install(&mut store).unwrap();
        populated_study(&mut store).unwrap()
    };
    let admin = add_admin(&db);
    let out = work.path().join("out");
    let output = qunxue_with_pin(
        ADMIN_PIN,
        &[
            "report",
            "--profile",
            &admin,
            "--db",
            db.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--study",
            &study,
            "--resamples",
            "2000",
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8_lossy(&output.stdout);
    for name in
        ["impact-report.html", "impact-report.xlsx", "impact-summary.csv", "impact-units.csv", "impact-report.pdf"]
    {
        assert!(out.join(name).is_file(), "{name} missing; printed:\n{listed}");
        assert!(listed.contains(name), "{listed}");
    }

    let csv = std::fs::read(out.join("impact-summary.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}指标,组别,n".as_bytes()), "the CSV starts with a BOM and Chinese headers");
    let xlsx = std::fs::read(out.join("impact-report.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "XLSX is a zip");

    let html = std::fs::read_to_string(out.join("impact-report.html")).unwrap();
    assert!(html.contains("训练组的活跃率平均提升"), "conclusions are in the HTML");
    assert!(html.contains("echarts"), "ECharts is inlined");
    // (ECharts itself mentions SVG namespace URLs; what matters is that nothing is fetched.)
    for external in ["<script src", "<link ", "src=\"http", "href=\"http", "url(http"] {
        assert!(!html.contains(external), "the HTML must not load {external}");
    }
    std::fs::copy(out.join("impact-report.html"), report_dir().join("impact-report.html")).unwrap();
    // The same report as JSON: the desktop report view's browser test serves it from its mock backend.
    let store = Store::open(&db).unwrap();
    let options = qunxue_core::impact::AnalysisOptions { resamples: 2000, ..Default::default() };
    let report = qunxue_app::impact::report::build_report(store.conn(), &study, &options, chrono::Utc::now()).unwrap();
    std::fs::write(report_dir().join("report.json"), serde_json::to_string_pretty(&report).unwrap()).unwrap();

    let pdf = out.join("impact-report.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    check_pdf(&pdf);
}

fn check_pdf(pdf: &Path) {
    if !has("pdftoppm") {
        eprintln!(
            "SKIPPED the PDF rendering check: pdftoppm is missing (install poppler-utils; `cargo xtask setup` does)"
        );
        return;
    }
    let fonts = Command::new("pdffonts").arg(pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("CJK") && fonts.contains(" yes "), "a CJK font is embedded:\n{fonts}");
    let text = Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in ["培训效果评估报告", "反应层", "知识层", "实操层", "业务影响", "活跃率", "双重差分"]
    {
        assert!(text.contains(expected), "the PDF text holds {expected:?}");
    }
    let dir = report_dir();
    // Page 1: title and conclusions; page 2: the business charts.
    for (page, min_ink) in [(1, 0.01), (2, 0.02)] {
        let prefix = dir.join(format!("page{page}"));
        let status = Command::new("pdftoppm")
            .args(["-r", "60", "-f", &page.to_string(), "-l", &page.to_string(), "-singlefile"])
            .arg(pdf)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success());
        let ppm = std::fs::read(prefix.with_extension("ppm")).unwrap();
        let ink = ink_share(&ppm);
        assert!(ink > min_ink && ink < 0.6, "page {page} is blank or black: {ink:.3} of pixels inked");
        Command::new("pdftoppm")
            .args(["-png", "-r", "80", "-f", &page.to_string(), "-l", &page.to_string(), "-singlefile"])
            .arg(pdf)
            .arg(&prefix)
            .status()
            .unwrap();
    }
}

#[test]
fn the_report_command_explains_an_empty_database() {
    let work = tempfile::tempdir().unwrap();
    let db = work.path().join("learner.db");
    drop(Store::open(&db).unwrap());
    let out_dir = work.path().join("o");
    // Reports are an instructor's or admin's: a learner is refused.
    let refused = qunxue(&["report", "--db", db.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("needs the instructor role"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let admin = add_admin(&db);
    let output = qunxue_with_pin(
        ADMIN_PIN,
        &["report", "--profile", &admin, "--db", db.to_str().unwrap(), "--out", out_dir.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no impact studies"));
}

/// A learner's display name and a store's name that are markup (an `<img>`
/// whose `onerror` would set `window.__pwned`).
const MARKUP_NAME: &str = r#"<img src=x onerror="window.__pwned=1">"#;

/// The report of a study where a trained store (imported from a CSV, as an
/// instructor would) and a learner (renamed by themself) carry
/// [`MARKUP_NAME`], written by the real CLI. It goes to
/// target/impact-report/markup-names-report.html, which
/// tests/browser/report.spec.ts opens in Chromium and hovers those names'
/// chart points. Here: the page names exactly its own scripts in its CSP.
#[test]
fn the_report_of_names_that_are_markup_is_written_for_the_browser_check() {
    let work = tempfile::tempdir().unwrap();
    let db = work.path().join("learner.db");
    let study = {
        let mut store = Store::open(&db).unwrap();
        install(&mut store).unwrap();
        let study = populated_study(&mut store).unwrap();
        let csv = repo_root().join("tests/fixtures/hostile/markup-names.csv");
        let mapping = impact::ColumnMapping { learner: 0, group: Some(1), metric: 2, period: 3, value: 4 };
        let imported =
            impact::import_observations(&mut store, INSTRUCTOR, &study, &csv, &mapping, chrono::Utc::now()).unwrap();
        assert_eq!(imported.rows_read, 4);
        // p-a, one of the fixture's quiz takers, names themself.
        qunxue_app::accounts::rename_profile(&mut store, "p-a", "p-a", MARKUP_NAME).unwrap();
        study
    };
    let admin = add_admin(&db);
    let out = work.path().join("out");
    let output = qunxue_with_pin(
        ADMIN_PIN,
        &[
            "report",
            "--profile",
            &admin,
            "--db",
            db.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--study",
            &study,
            "--format",
            "html",
            "--resamples",
            "200",
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = std::fs::read_to_string(out.join("impact-report.html")).unwrap();
    // In the report's JSON data, which the browser check shows in tooltips.
    assert!(html.contains(r#"<img src=x onerror=\"window.__pwned=1\">"#), "the names reach the report");
    assert_scripts_named_by_csp(&html);
    std::fs::copy(out.join("impact-report.html"), report_dir().join("markup-names-report.html")).unwrap();
}

/// The page's CSP allows exactly the scripts it inlines, by their SHA-256:
/// a script added without a hash would not run, and an injected one never.
fn assert_scripts_named_by_csp(html: &str) {
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(meta).expect("a CSP meta element") + meta.len();
    assert!(start < html.find("<script").unwrap(), "the CSP comes before any script");
    let policy = &html[start..start + html[start..].find('"').unwrap()];
    let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
    for required in ["default-src 'none'", "connect-src 'none'", "base-uri 'none'"] {
        assert!(directives.contains(&required), "{required} missing from {policy}");
    }
    let script_src = directives.iter().find(|d| d.starts_with("script-src ")).expect("script-src");
    let allowed: Vec<&str> = script_src.split_whitespace().skip(1).collect();
    let inlined: Vec<String> = html
        .split("<script>")
        .skip(1)
        .map(|rest| {
            let body = &rest[..rest.find("</script>").unwrap()];
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)))
        })
        .collect();
    assert_eq!(inlined.len(), 3, "ECharts, the chart options and the drawing script");
    assert_eq!(
        allowed, inlined,
        "script-src names exactly the inlined scripts, nothing else ('unsafe-inline', a host)"
    );
}
