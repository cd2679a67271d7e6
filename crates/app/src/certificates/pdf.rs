//! The printable certificate: one A4 page drawn with the PDF report's canvas
//! and its embedded (subset) CJK font, so it prints the same everywhere.

use qunxue_store::certificates::Certificate;

use crate::impact::export::pdf::canvas::{self, Pages, Rgb, ACCENT, INK, LINE, MUTED, PAGE_H, PAGE_W};
use crate::impact::export::pdf::font::Measurer;
use crate::impact::export::CjkFont;
use crate::Result;

/// What the page says besides the certificate row.
pub(super) struct PageText<'a> {
    pub issuer_name: &'a str,
    pub criteria: &'a str,
}

pub(super) fn render(certificate: &Certificate, text: &PageText<'_>, font: &CjkFont) -> Result<Vec<u8>> {
    let measurer = font.measurer()?;
    let mut page = Page { pages: Pages::default(), m: &measurer };
    page.pages.new_page();
    page.frame();
    page.centred(150.0, 34.0, "结业证书", ACCENT);
    page.centred(178.0, 11.0, "CERTIFICATE OF COMPLETION", MUTED);
    page.centred(260.0, 14.0, "兹证明", INK);
    page.centred(318.0, 30.0, &certificate.learner_name, INK);
    page.pages.line(vec![(PAGE_W / 2.0 - 120.0, 330.0), (PAGE_W / 2.0 + 120.0, 330.0)], 0.8, LINE, false);
    page.centred(380.0, 14.0, "已完成课程", INK);
    let mut y = 420.0;
    for line in measurer.wrap(&format!("《{}》", certificate.course_title), 20.0, PAGE_W - 160.0) {
        page.centred(y, 20.0, &line, ACCENT);
        y += 28.0;
    }
    page.centred(y + 4.0, 10.0, &format!("课程版本 {}", certificate.course_version), MUTED);
    y += 40.0;
    for line in measurer.wrap(text.criteria, 12.0, PAGE_W - 200.0) {
        page.centred(y, 12.0, &line, INK);
        y += 18.0;
    }
    page.centred(600.0, 12.0, &format!("颁发日期：{}", chinese_date(&certificate.issued_on)), INK);
    page.centred(622.0, 12.0, &format!("颁发方：{}", text.issuer_name), INK);
    page.centred(700.0, 11.0, &format!("验证码：{}", certificate.code), INK);
    page.centred(720.0, 9.0, &format!("核验：qunxue certificate verify {}", certificate.code), MUTED);
    canvas::render(&page.pages, &font.krilla()?)
}

struct Page<'a> {
    pages: Pages,
    m: &'a Measurer<'a>,
}

impl Page<'_> {
    fn centred(&mut self, y: f32, size: f32, text: &str, color: Rgb) {
        let x = (PAGE_W - self.m.width(text, size)) / 2.0;
        self.pages.text(x, y, size, text, color);
    }

    /// A double border: a thick outer rule and a thin inner one.
    fn frame(&mut self) {
        for (inset, width, color) in [(28.0, 3.0, ACCENT), (38.0, 0.8, LINE)] {
            let (l, t, r, b) = (inset, inset, PAGE_W - inset, PAGE_H - inset);
            self.pages.line(vec![(l, t), (r, t), (r, b), (l, b), (l, t)], width, color, false);
        }
    }
}

/// `2026-12-01` → `2026年12月1日`.
fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", m.trim_start_matches('0'), d.trim_start_matches('0')),
        _ => iso.to_string(),
    }
}
