//! The XLSX workbook: one sheet per report section (conclusions, each level,
//! unit data, method), numbers stored as numbers.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::super::report::EffectReport;
use super::tables::{sections, Cell};
use crate::{msg, AppError, Result};

/// The report as an XLSX workbook's bytes: one sheet per section, numbers stored as numbers.
pub fn render_xlsx(report: &EffectReport) -> Result<Vec<u8>> {
    build(report).map_err(|e| AppError::Internal(msg!("cannot write the XLSX report: {e}", "无法写入 XLSX 报告：{e}")))
}

fn build(report: &EffectReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    let decimal = Format::new().set_num_format("#,##0.00");
    for section in sections(report) {
        let sheet = book.add_worksheet();
        sheet.set_name(section.title)?;
        let mut row: u32 = 0;
        sheet.write_string_with_format(row, 0, format!("{} · {}", report.study.name, section.title), &title)?;
        row += 2;
        for note in &section.notes {
            sheet.write_string_with_format(row, 0, note, &wrap)?;
            row += 1;
        }
        if !section.notes.is_empty() {
            sheet.set_column_width(0, 120)?;
            row += 1;
        }
        for table in &section.tables {
            sheet.write_string_with_format(row, 0, &table.caption, &bold)?;
            row += 1;
            for (col, header) in table.headers.iter().enumerate() {
                sheet.write_string_with_format(row, col as u16, *header, &bold)?;
            }
            row += 1;
            for cells in &table.rows {
                for (col, cell) in cells.iter().enumerate() {
                    let col = col as u16;
                    match cell {
                        Cell::Text(text) => {
                            sheet.write_string(row, col, text)?;
                        }
                        Cell::Number(Some(v)) | Cell::Fixed(Some(v), _) | Cell::P(Some(v)) => {
                            sheet.write_number_with_format(row, col, *v, &decimal)?;
                        }
                        Cell::Number(None) | Cell::Fixed(None, _) | Cell::P(None) => {}
                    }
                }
                row += 1;
            }
            row += 1;
        }
        if section.notes.is_empty() {
            sheet.autofit();
        }
    }
    book.save_to_buffer()
}
