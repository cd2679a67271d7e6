//! Tabular exports that instructors open in Excel or WPS: CSV in UTF-8 with
//! a byte-order mark (without it, Excel on Chinese Windows reads the file as
//! GBK and shows mojibake) and XLSX with numbers stored as numbers. Every
//! feature that exports a plain table builds a [`Sheet`] and calls these.

use std::path::Path;

use crate::{msg, AppError, Result};

/// One cell: text, a number, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text; in CSV, text that would start a formula gets a leading apostrophe.
    Text(String),
    /// A number, written with full precision.
    Number(f64),
    /// A blank cell (a value that is missing or does not apply).
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Number(value)
    }
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// A named table: the sheet name in XLSX, unused in CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The worksheet's name in XLSX; also named in error messages.
    pub name: String,
    /// The column headings, the first row (bold and frozen in XLSX).
    pub header: Vec<String>,
    /// The data rows under the header, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// Which file format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    /// Comma-separated values with a UTF-8 BOM, so Excel reads Chinese correctly.
    Csv,
    /// An Excel workbook, one worksheet per sheet.
    Xlsx,
}

impl TableFormat {
    /// The format named by `path`'s extension (`.csv` or `.xlsx`).
    pub fn from_path(path: &Path) -> Result<Self> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Ok(TableFormat::Csv),
            Some("xlsx") => Ok(TableFormat::Xlsx),
            _ => {
                let path = path.display();
                Err(AppError::Rejected(msg!(
                    "{path}: the file name must end in .csv or .xlsx",
                    "{path}：文件名必须以 .csv 或 .xlsx 结尾"
                )))
            }
        }
    }
}

/// Text as a CSV cell that a spreadsheet shows rather than runs: text that
/// would start a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a
/// leading apostrophe (OWASP's advice against CSV injection). Learner names,
/// answers and imported unit labels end up in exports instructors open in
/// Excel; a number written as text (`-5`) is left alone.
pub fn csv_safe_text(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The sheet as CSV bytes: BOM, header, rows. Numbers keep full precision.
pub fn csv_bytes(sheet: &Sheet) -> Result<Vec<u8>> {
    let name = &sheet.name;
    let failed =
        |e: csv::Error| AppError::Internal(msg!("CSV export of {name} failed: {e}", "导出 CSV「{name}」失败：{e}"));
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record(&sheet.header).map_err(failed)?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => csv_safe_text(text).into_owned(),
                Cell::Number(value) => value.to_string(),
                Cell::Empty => String::new(),
            }))
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::Internal(msg!("CSV export of {name} failed: {e}", "导出 CSV「{name}」失败：{e}")))
}

/// The sheets as one XLSX workbook, header rows bold and frozen.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    build_workbook(sheets).map_err(|e| AppError::Internal(msg!("XLSX export failed: {e}", "导出 XLSX 失败：{e}")))
}

fn build_workbook(sheets: &[Sheet]) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (col, title) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, column(col), title, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (col, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(text) => {
                        ws.write_string(r, column(col), text)?;
                    }
                    Cell::Number(value) => {
                        ws.write_number(r, column(col), *value)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofit();
    }
    book.save_to_buffer()
}

fn column(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// Writes `sheets` to `path` in the format its extension names; a CSV holds
/// the first sheet only, so callers exporting several tables use XLSX.
pub fn write_tables(path: &Path, sheets: &[Sheet]) -> Result<()> {
    let bytes = match TableFormat::from_path(path)? {
        TableFormat::Csv => {
            let first =
                sheets.first().ok_or_else(|| AppError::Internal(msg!("no table to export", "没有可导出的表格")))?;
            csv_bytes(first)?
        }
        TableFormat::Xlsx => xlsx_bytes(sheets)?,
    };
    std::fs::write(path, bytes).map_err(AppError::write(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sheet {
        Sheet {
            name: "题目分析".into(),
            header: vec!["题目".into(), "难度".into(), "备注".into()],
            rows: vec![
                vec!["社群定位".into(), 0.75.into(), Cell::Empty],
                vec!["含,逗号与\"引号\"".into(), None.into(), "换\n行".into()],
            ],
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_needs_quoting() {
        let bytes = csv_bytes(&sample()).unwrap();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "题目,难度,备注\n社群定位,0.75,\n\"含,逗号与\"\"引号\"\"\",,\"换\n行\"\n");
    }

    #[test]
    fn xlsx_round_trips_through_calamine() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = xlsx_bytes(&[sample()]).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("题目分析").unwrap();
        assert_eq!(range.get_value((0, 1)), Some(&Data::String("难度".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(0.75)));
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("含,逗号与\"引号\"".into())));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let sheet = Sheet {
            name: "x".into(),
            header: vec!["a".into()],
            rows: ["=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)", "-5", "-", "正常"]
                .iter()
                .map(|t| vec![(*t).into()])
                .collect(),
        };
        let text = String::from_utf8(csv_bytes(&sheet).unwrap()[3..].to_vec()).unwrap();
        assert_eq!(text, "a\n\"'=HYPERLINK(\"\"http://x\"\")\"\n'+1+2\n'@SUM(A1)\n-5\n'-\n正常\n");
    }

    #[test]
    fn the_extension_chooses_the_format() {
        assert_eq!(TableFormat::from_path(Path::new("a.CSV")).unwrap(), TableFormat::Csv);
        assert_eq!(TableFormat::from_path(Path::new("a.xlsx")).unwrap(), TableFormat::Xlsx);
        assert!(TableFormat::from_path(Path::new("a.xls")).is_err());
    }
}
