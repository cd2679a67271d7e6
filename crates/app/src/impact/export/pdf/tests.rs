//! The PDF report of a 20-learner demo as poppler reads it: every word of
//! every page stays inside the right margin (tables included), and the
//! knowledge table's last header is there. The file is kept in
//! target/impact-report/ to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use qunxue_core::impact::AnalysisOptions;
use qunxue_store::Store;

use super::canvas::PAGE_W;
use super::{render_pdf, CjkFont, MARGIN};
use crate::demo::{run_demo, DemoOptions};
use crate::impact::report::build_report;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One word of `pdftotext -bbox`: its page, right edge and text.
struct Word {
    page: usize,
    x_max: f32,
    text: String,
}

/// The words of `pdftotext -bbox`'s XHTML (`<page …>` then `<word xMin=".." yMin=".." xMax=".." yMax="..">text</word>`).
fn words(bbox_html: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut page = 0;
    for line in bbox_html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let attribute = |name: &str| {
                let start = rest.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                rest[start..start + rest[start..].find('"').expect("closing quote")].to_owned()
            };
            let text = rest[rest.find('>').expect("tag end") + 1..rest.rfind("</word>").expect("end tag")].to_owned();
            words.push(Word { page, x_max: attribute("xMax").parse().expect("a number"), text });
        }
    }
    words
}

/// The effect report of the 20-learner demo on the shipped course.
fn demo_report() -> crate::impact::report::EffectReport {
    let now = Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    crate::library::install_bundled_courses(&mut store, &repo_root(), now).unwrap();
    run_demo(&mut store, DemoOptions { learners: 20, seed: 1 }, now).unwrap();
    let study: String = store.conn().query_row("SELECT id FROM impact_studies LIMIT 1", [], |r| r.get(0)).unwrap();
    let options = AnalysisOptions { resamples: 200, ..AnalysisOptions::default() };
    build_report(store.conn(), &study, &options, now).unwrap()
}

#[test]
fn a_table_too_long_for_paper_is_named_with_where_its_rows_are() {
    let Ok(font) = CjkFont::find() else {
        eprintln!("SKIPPED: no CJK font (apt-get install fonts-noto-cjk)");
        return;
    };
    let mut report = demo_report();
    let short = render_pdf(&report, &font).unwrap();
    // Every unit value a hundred times over: the detail table far past the limit.
    let metric = report.business.metrics.iter_mut().find(|m| !m.units.is_empty()).expect("a metric with units");
    let units = metric.units.clone();
    while metric.units.len() <= super::MAX_PDF_ROWS {
        metric.units.extend(units.iter().cloned());
    }
    let long = render_pdf(&report, &font).unwrap();
    let text = |pdf: &[u8]| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = Command::new("pdftotext").arg(&path).arg("-").output();
        out.map(|o| String::from_utf8_lossy(&o.stdout).replace(char::is_whitespace, "")).unwrap_or_default()
    };
    assert!(long.len() < short.len() * 2, "the long table was printed: {} vs {} bytes", long.len(), short.len());
    let long_text = text(&long);
    if !long_text.is_empty() {
        assert!(long_text.contains("此表共"), "the note is printed");
        assert!(long_text.contains("明细数据"), "the note names the sheet");
    }
}

#[test]
fn every_word_of_a_demo_report_stays_inside_the_right_margin() {
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    if !has_pdftotext {
        eprintln!("SKIPPED: pdftotext is missing (apt-get install poppler-utils; `cargo xtask setup --test` does)");
        return;
    }
    let font = CjkFont::find().expect("a CJK font (apt-get install fonts-noto-cjk)");
    let report = demo_report();
    let kept = repo_root().join("target/impact-report");
    std::fs::create_dir_all(&kept).unwrap();
    let pdf = kept.join("demo-20-learners.pdf");
    std::fs::write(&pdf, render_pdf(&report, &font).unwrap()).unwrap();
    let output = Command::new("pdftotext").arg("-bbox").arg(&pdf).arg("-").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let words = words(&String::from_utf8(output.stdout).unwrap());

    assert!(words.len() > 100, "the report has text: {} words", words.len());
    let right = PAGE_W - MARGIN;
    let outside: Vec<String> = words
        .iter()
        .filter(|w| w.x_max > right + 0.5)
        .map(|w| format!("page {}: {:?} ends at {:.1}", w.page, w.text, w.x_max))
        .collect();
    assert!(outside.is_empty(), "words past the right margin ({right}):\n{}", outside.join("\n"));
    assert!(
        words.iter().any(|w| w.text.contains("班级增益")),
        "the knowledge table's header 班级增益 g is printed ({})",
        pdf.display()
    );
}
