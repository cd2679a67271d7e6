//! The self-contained HTML report: tables rendered here, charts drawn in
//! the browser by Apache ECharts, whose minified build is inlined together
//! with the report data — the file opens offline, from a USB stick or mail.
//!
//! The page carries its own Content-Security-Policy: it runs exactly its
//! three inlined scripts (named by their SHA-256) and loads nothing, so a
//! name from the data that ever reached the page as markup could neither run
//! nor send anything anywhere.

use std::fmt::Write as _;
use std::sync::LazyLock;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::super::report::EffectReport;
use super::tables::{sections, Section};
use crate::{msg, AppError, Result};

// The npm package's build, copied by build.rs (one ECharts for the app and the report).
const ECHARTS: &str = include_str!(concat!(env!("OUT_DIR"), "/echarts.min.js"));
const CHART_OPTIONS: &str = include_str!("../../../assets/report/chart-options.js");
const CHARTS: &str = include_str!("../../../assets/report/charts.js");
const STYLE: &str = include_str!("../../../assets/report/report.css");

/// The scripts the page runs, in order, each inlined in a `<script>` element.
const SCRIPTS: [&str; 3] = [ECHARTS, CHART_OPTIONS, CHARTS];

/// Only the inlined scripts run and only inline styles apply (ECharts styles
/// its tooltip with `style` attributes); nothing is fetched, framed, posted
/// or loaded as an image. `default-src 'none'` alone would forbid the loads;
/// `connect-src` is spelled out so a reader sees that nothing is sent.
static CONTENT_SECURITY_POLICY: LazyLock<String> = LazyLock::new(|| {
    let hashes: Vec<String> = SCRIPTS.iter().map(|script| script_hash(script)).collect();
    format!(
        "default-src 'none'; script-src {}; style-src 'unsafe-inline'; connect-src 'none'; \
         img-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    )
});

/// A CSP source naming one inline script by the SHA-256 of its text.
fn script_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The report as one self-contained HTML page (ECharts and the report data inlined), which opens offline.
pub fn render_html(report: &EffectReport) -> Result<String> {
    let data = serde_json::to_string(report)
        .map_err(|e| AppError::internal(msg!("writing the report as JSON", "将报告写成 JSON"), e))?;
    let s = &report.study;
    let mut html = String::with_capacity(ECHARTS.len() + 64 * 1024);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · 培训效果评估报告</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <header><h1>培训效果评估报告</h1><p class=\"study\">{title}</p>\
         <p class=\"meta\">课程：{course} · 评估对象：{noun} · 基线期 {bs} 至 {be} · 培训后 {ps} 至 {pe} · 生成于 {generated}</p></header>\n",
        csp = CONTENT_SECURITY_POLICY.as_str(),
        title = escape(&s.name),
        course = escape(&s.course_title),
        noun = s.unit_kind_zh,
        bs = s.baseline_start,
        be = s.baseline_end,
        ps = s.post_start,
        pe = s.post_end,
        generated = escape(&report.generated_at),
    );
    for (index, section) in sections(report).iter().enumerate() {
        write_section(&mut html, report, index, section);
    }
    html.push_str("</main>\n");
    // JSON inside <script> must not close the element: escape every "</".
    // (A data block is not run, so the CSP need not name it.)
    let _ =
        writeln!(html, "<script type=\"application/json\" id=\"report-data\">{}</script>", data.replace("</", "<\\/"));
    // Exactly the scripts the CSP names by hash.
    for script in SCRIPTS {
        let _ = writeln!(html, "<script>{script}</script>");
    }
    html.push_str("</body>\n</html>\n");
    Ok(html)
}

fn write_section(html: &mut String, report: &EffectReport, index: usize, section: &Section) {
    let _ = writeln!(html, "<section id=\"section-{index}\"><h2>{}</h2>", section.title);
    if !section.notes.is_empty() {
        html.push_str("<ul class=\"notes\">");
        for note in &section.notes {
            let _ = write!(html, "<li>{}</li>", escape(note));
        }
        html.push_str("</ul>\n");
    }
    match section.title {
        "反应层" => {
            for (i, survey) in report.reaction.surveys.iter().enumerate() {
                if survey.items.iter().any(|item| item.n > 0) {
                    let _ = write!(html, "<div class=\"chart wide\" data-chart=\"reaction\" data-index=\"{i}\"></div>");
                }
            }
        }
        "知识层" => {
            for (i, pair) in report.knowledge.pairs.iter().enumerate() {
                if !pair.learners.is_empty() {
                    let _ =
                        write!(html, "<div class=\"chart wide\" data-chart=\"knowledge\" data-index=\"{i}\"></div>");
                }
            }
        }
        "业务影响" => {
            for (i, metric) in report.business.metrics.iter().enumerate() {
                let Some(stats) = &metric.stats else { continue };
                if stats.treatment.n == 0 {
                    continue;
                }
                let _ = write!(html, "<h3>{}</h3><div class=\"charts\">", escape(&metric.definition.name));
                let mut kinds = vec!["means", "change", "slope"];
                if stats.did.is_some() {
                    kinds.push("did");
                }
                for kind in kinds {
                    let _ = write!(html, "<div class=\"chart\" data-chart=\"{kind}\" data-index=\"{i}\"></div>");
                }
                html.push_str("</div>\n");
            }
        }
        _ => {}
    }
    for table in &section.tables {
        let _ = write!(html, "<table><caption>{}</caption><thead><tr>", escape(&table.caption));
        for header in &table.headers {
            let _ = write!(html, "<th>{}</th>", escape(header));
        }
        html.push_str("</tr></thead><tbody>");
        for row in &table.rows {
            html.push_str("<tr>");
            for cell in row {
                let class = if matches!(cell, super::tables::Cell::Text(_)) { "" } else { " class=\"num\"" };
                let _ = write!(html, "<td{class}>{}</td>", escape(&cell.display()));
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("</section>\n");
}

/// Minimal HTML text escaping: every value in the report is plain text.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
