//! The PDF report: A4 pages with the embedded (subset) CJK font, the same
//! sections and tables as every other export, and the business charts drawn
//! as vector graphics — mean change with 95% interval whiskers, each unit's
//! before→after slope, and the difference-in-differences lines.

// canvas and font are shared with the certificate page (crate::certificates::pdf).
pub(crate) mod canvas;
mod charts;
pub(crate) mod font;
mod font_lookup;
mod table;
#[cfg(test)]
mod tests;
mod wrap;

pub use font::CjkFont;
pub use font_lookup::FONT_ENV;

use canvas::{Pages, ACCENT, INK, LINE, MUTED, PAGE_H, PAGE_W};
use font::Measurer;
use table::column_widths;

use super::super::report::EffectReport;
use super::tables::{sections, Cell, Section, Table};
use crate::Result;

const MARGIN: f32 = 48.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Space between a table cell's text and each side of its column.
const CELL_INSET: f32 = 4.0;
/// Tables wider than this many columns are printed one record per block.
const MAX_COLUMNS: usize = 6;
/// Most rows a table prints in the PDF (about ten pages). A study of 1,000
/// learners × 12 metrics has 12,000 rows of detail: 300 pages nobody reads
/// on paper, and five seconds of the export. Longer tables are named with
/// where their rows are (the XLSX sheet of the same name, the CSV files).
pub(crate) const MAX_PDF_ROWS: usize = 400;

/// Lays the report out and renders it with `font`.
pub fn render_pdf(report: &EffectReport, font: &CjkFont) -> Result<Vec<u8>> {
    let measurer = font.measurer()?;
    let mut flow = Flow { pages: Pages::default(), y: 0.0, m: &measurer };
    flow.pages.new_page();
    flow.y = MARGIN;
    flow.heading("培训效果评估报告", 22.0, ACCENT);
    flow.paragraph(&report.study.name, 14.0, INK);
    let s = &report.study;
    flow.paragraph(
        &format!(
            "课程：{} · 评估对象：{} · 基线期 {} 至 {} · 培训后 {} 至 {} · 生成于 {}",
            s.course_title,
            s.unit_kind_zh,
            s.baseline_start,
            s.baseline_end,
            s.post_start,
            s.post_end,
            report.generated_at
        ),
        9.0,
        MUTED,
    );
    flow.gap(8.0);
    for section in sections(report) {
        flow.section(report, &section);
    }
    canvas::render(&flow.pages, &font.krilla()?)
}

struct Flow<'a> {
    pages: Pages,
    y: f32,
    m: &'a Measurer<'a>,
}

impl Flow<'_> {
    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN {
            self.pages.new_page();
            self.y = MARGIN;
        }
    }

    fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn heading(&mut self, text: &str, size: f32, color: canvas::Rgb) {
        self.ensure(size * 3.0);
        self.y += size * 1.2;
        self.pages.text(MARGIN, self.y, size, text, color);
        self.y += size * 0.6;
    }

    fn paragraph(&mut self, text: &str, size: f32, color: canvas::Rgb) {
        self.paragraph_at(MARGIN, CONTENT_W, text, size, color);
    }

    fn paragraph_at(&mut self, x: f32, width: f32, text: &str, size: f32, color: canvas::Rgb) {
        for line in self.m.wrap(text, size, width) {
            self.ensure(size * 1.5);
            self.y += size * 1.5;
            self.pages.text(x, self.y, size, line, color);
        }
        self.y += size * 0.3;
    }

    fn section(&mut self, report: &EffectReport, section: &Section) {
        self.gap(6.0);
        self.heading(section.title, 15.0, ACCENT);
        self.pages.line(vec![(MARGIN, self.y), (MARGIN + CONTENT_W, self.y)], 0.8, ACCENT, false);
        self.gap(4.0);
        for note in &section.notes {
            self.pages.rect(MARGIN, self.y + 6.0, 3.0, 3.0, ACCENT);
            self.paragraph_at(MARGIN + 10.0, CONTENT_W - 10.0, note, 10.0, INK);
        }
        if section.title == "业务影响" {
            for metric in &report.business.metrics {
                if metric.stats.as_ref().is_some_and(|s| s.treatment.n > 0) {
                    self.ensure(charts::HEIGHT + 30.0);
                    self.heading(&metric.definition.name, 11.0, INK);
                    charts::metric_charts(
                        &mut self.pages,
                        self.m,
                        MARGIN,
                        self.y,
                        CONTENT_W,
                        metric,
                        report.study.unit_kind_zh,
                    );
                    self.y += charts::HEIGHT + 8.0;
                }
            }
        }
        for table in &section.tables {
            if table.rows.len() > MAX_PDF_ROWS {
                self.table_elsewhere(section, table);
            } else {
                self.table(table);
            }
        }
    }

    /// A table too long for paper: its caption and where to read it.
    fn table_elsewhere(&mut self, section: &Section, table: &Table) {
        self.gap(4.0);
        self.ensure(40.0);
        self.paragraph(&table.caption, 10.0, INK);
        self.paragraph(
            &format!(
                "此表共 {} 行，超过 PDF 适合打印的篇幅（{MAX_PDF_ROWS} 行），未在此列出。请同时导出 XLSX（“{}”工作表）或 CSV 查看全部数据。",
                table.rows.len(),
                section.title
            ),
            9.0,
            MUTED,
        );
    }

    fn table(&mut self, table: &Table) {
        self.gap(4.0);
        self.ensure(40.0);
        self.paragraph(&table.caption, 10.0, INK);
        if table.headers.len() > MAX_COLUMNS {
            self.record_blocks(table);
            return;
        }
        let size = 8.5;
        let header: Vec<String> = table.headers.iter().map(|h| (*h).to_owned()).collect();
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|cells| (0..header.len()).map(|c| cells.get(c).map(Cell::display).unwrap_or_default()).collect())
            .collect();
        let columns: Vec<Vec<&str>> = (0..header.len())
            .map(|c| std::iter::once(&header[c]).chain(rows.iter().map(|row| &row[c])).map(String::as_str).collect())
            .collect();
        let widths = column_widths(&columns, CONTENT_W, 2.0 * CELL_INSET, |text| self.m.width(text, size));
        let header_lines = self.cell_lines(&header, &widths, size);
        let row_lines: Vec<_> = rows.iter().map(|texts| self.cell_lines(texts, &widths, size)).collect();
        // The header goes to the next page with the first row rather than alone.
        let first = row_lines.first().map_or(0.0, |row| row_height(row, size));
        self.ensure(row_height(&header_lines, size) + first);
        self.row(&header_lines, &widths, size, true);
        for row in &row_lines {
            self.row(row, &widths, size, false);
        }
    }

    /// Each cell's text wrapped inside its column.
    fn cell_lines(&self, texts: &[String], widths: &[f32], size: f32) -> Vec<Vec<String>> {
        texts.iter().zip(widths).map(|(t, w)| self.m.wrap(t, size, w - 2.0 * CELL_INSET)).collect()
    }

    fn row(&mut self, wrapped: &[Vec<String>], widths: &[f32], size: f32, header: bool) {
        let height = row_height(wrapped, size);
        self.ensure(height);
        if header {
            self.pages.rect(MARGIN, self.y, widths.iter().sum(), height, (240, 244, 248));
        }
        let mut x = MARGIN;
        for (cell, w) in wrapped.iter().zip(widths) {
            for (i, line) in cell.iter().enumerate() {
                self.pages.text(x + CELL_INSET, self.y + 3.0 + (i as f32 + 1.0) * size * 1.3, size, line.clone(), INK);
            }
            x += w;
        }
        self.y += height;
        self.pages.line(vec![(MARGIN, self.y), (x, self.y)], 0.5, LINE, false);
    }

    /// A wide table as one block per row: "header: value" pairs in three columns.
    fn record_blocks(&mut self, table: &Table) {
        let size = 8.5;
        let col_w = CONTENT_W / 3.0;
        for cells in &table.rows {
            let title = cells.iter().take(2).map(|c| c.display()).collect::<Vec<_>>().join(" · ");
            let pairs: Vec<String> = table
                .headers
                .iter()
                .zip(cells)
                .skip(2)
                .filter(|(_, c)| !c.display().is_empty())
                .map(|(h, c)| format!("{h}：{}", c.display()))
                .collect();
            // Each pair wraps within its third of the line; a row of pairs is as tall as its longest.
            let rows: Vec<Vec<Vec<String>>> = pairs
                .chunks(3)
                .map(|chunk| chunk.iter().map(|pair| self.m.wrap(pair, size, col_w - 6.0)).collect())
                .collect();
            let line_count = |row: &Vec<Vec<String>>| row.iter().map(Vec::len).max().unwrap_or(1);
            let lines: usize = rows.iter().map(line_count).sum();
            self.ensure(size * 1.5 * (lines as f32 + 1.0) + 10.0);
            self.y += size * 1.6;
            self.pages.text(MARGIN, self.y, size + 1.0, title, ACCENT);
            for row in &rows {
                for (i, pair) in row.iter().enumerate() {
                    for (j, line) in pair.iter().enumerate() {
                        let y = self.y + size * 1.5 + j as f32 * size * 1.3;
                        self.pages.text(MARGIN + i as f32 * col_w, y, size, line.clone(), INK);
                    }
                }
                self.y += size * 1.5 + (line_count(row) - 1) as f32 * size * 1.3;
            }
            self.y += 6.0;
            self.pages.line(vec![(MARGIN, self.y), (MARGIN + CONTENT_W, self.y)], 0.5, LINE, false);
        }
    }
}

/// The height of a table row whose cells have these lines.
fn row_height(cells: &[Vec<String>], size: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
    lines as f32 * size * 1.4 + 6.0
}
