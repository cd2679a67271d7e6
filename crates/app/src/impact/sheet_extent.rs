//! How big the sheets of an ODS workbook would be once read, found by
//! streaming its `content.xml` before the spreadsheet reader builds them
//! (it builds every sheet when it opens the file, not only the one read).
//!
//! ODS stores a run of equal rows or cells once, with a repeat count: a
//! 10 KB file can describe a million rows of a hundred filled cells, and the
//! reader expands every repeat into memory (it stops only at 100 million
//! cells, gigabytes later). Data for a study is at most a few hundred
//! thousand rows of five columns, so a sheet spanning more than
//! [`MAX_SHEET_CELLS`] is refused with its size, before anything is built.

use std::io::BufReader;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{msg, AppError, Result};

/// The most cells (rows × columns of the used rectangle) a sheet may span.
pub(super) const MAX_SHEET_CELLS: u64 = 5_000_000;
/// The format's own limits; larger repeat counts are cut to these.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// The used rectangle of a sheet, counted with repeats expanded.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Extent {
    pub rows: u64,
    pub columns: u64,
}

impl Extent {
    pub(super) fn cells(self) -> u64 {
        self.rows.saturating_mul(self.columns)
    }
}

/// Refuses an ODS file with a sheet that would expand past [`MAX_SHEET_CELLS`].
/// A file that is not a readable ODS passes: the spreadsheet reader then says
/// what is wrong with it.
pub(super) fn check_ods(path: &Path, file: &str) -> Result<()> {
    let Some(extent) = ods_largest_sheet_extent(path) else { return Ok(()) };
    if extent.cells() > MAX_SHEET_CELLS {
        let (rows, columns, cells) = (extent.rows, extent.columns, extent.cells());
        return Err(AppError::Rejected(msg!(
            "{file}: a sheet spans {rows} rows × {columns} columns ({cells} cells, counting repeated rows and cells); \
             at most {MAX_SHEET_CELLS} cells can be read — delete the unused rows and columns or save the data as CSV",
            "{file}：有一个工作表占 {rows} 行 × {columns} 列（共 {cells} 个单元格，含重复的行和单元格），\
             最多只能读取 {MAX_SHEET_CELLS} 个单元格——请删除没有用到的行和列，或把数据另存为 CSV"
        )));
    }
    Ok(())
}

/// The largest extent of the sheets (`table:table`) in `content.xml`, or
/// `None` when the file is not a zip with a well-formed `content.xml`.
pub(super) fn ods_largest_sheet_extent(path: &Path) -> Option<Extent> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheet = SheetCounter::default();
    let mut in_sheet = false;
    let mut largest = Extent::default();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        match &event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                in_sheet = true;
                sheet = SheetCounter::default();
            }
            Event::End(e) if e.name().as_ref() == "table:table" && in_sheet => {
                in_sheet = false;
                if sheet.extent().cells() > largest.cells() {
                    largest = sheet.extent();
                }
            }
            Event::Start(e) | Event::Empty(e) if in_sheet => {
                let has_content = matches!(event, Event::Start(_));
                match e.name().as_ref() {
                    "table:table-row" => {
                        sheet.start_row(repeat(e, "table:number-rows-repeated", MAX_ROWS));
                        if !has_content {
                            sheet.end_row();
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        // A cell with a value type or with children (text) holds data.
                        let used = has_content || e.try_get_attribute("office:value-type").ok().flatten().is_some();
                        sheet.cell(repeat(e, "table:number-columns-repeated", MAX_COLUMNS), used);
                    }
                    _ => {}
                }
            }
            Event::End(e) if in_sheet && e.name().as_ref() == "table:table-row" => sheet.end_row(),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(largest)
}

fn repeat(element: &BytesStart<'_>, attribute: &str, most: u64) -> u64 {
    element
        .try_get_attribute(attribute)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, most)
}

/// Rows and columns seen so far, with the first and last row holding data.
#[derive(Debug, Default)]
struct SheetCounter {
    next_row: u64,
    row_repeats: u64,
    column: u64,
    row_used: bool,
    first_used_row: Option<u64>,
    used_rows_end: u64,
    used_columns_end: u64,
}

impl SheetCounter {
    fn start_row(&mut self, repeats: u64) {
        self.row_repeats = repeats;
        self.column = 0;
        self.row_used = false;
    }

    fn cell(&mut self, repeats: u64, used: bool) {
        self.column = self.column.saturating_add(repeats).min(MAX_COLUMNS);
        if used {
            self.row_used = true;
            self.used_columns_end = self.used_columns_end.max(self.column);
        }
    }

    fn end_row(&mut self) {
        let end = self.next_row.saturating_add(self.row_repeats).min(MAX_ROWS);
        if self.row_used {
            self.first_used_row.get_or_insert(self.next_row);
            self.used_rows_end = end;
        }
        self.next_row = end;
    }

    fn extent(&self) -> Extent {
        let Some(first) = self.first_used_row else { return Extent::default() };
        Extent { rows: self.used_rows_end - first, columns: self.used_columns_end }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    /// An ODS file with one sheet per entry of `sheets` (each the XML of its rows).
    pub(crate) fn ods_with(path: &Path, sheets: &[&str]) {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        zip.start_file("META-INF/manifest.xml", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        )
        .unwrap();
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let tables: String = sheets
            .iter()
            .enumerate()
            .map(|(i, rows)| format!(r#"<table:table table:name="表{}">{rows}</table:table>"#, i + 1))
            .collect();
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
        .unwrap();
        zip.finish().unwrap();
    }

    const BOMB: &str = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="7"/></table:table-row>"#;

    #[test]
    fn repeated_rows_and_cells_count_as_what_they_expand_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ods");
        // An empty row, then 3 data rows of 2 + 1 cells, trailing empty cells
        // and 1,000 empty rows: the used rectangle is 3 × 3; the second sheet is 1 × 1.
        let second =
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
        ods_with(
            &path,
            &[
                r#"<table:table-row><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"/><table:table-cell table:number-columns-repeated="16381"/></table:table-row><table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
                second,
            ],
        );
        assert_eq!(ods_largest_sheet_extent(&path), Some(Extent { rows: 3, columns: 3 }));
        assert!(check_ods(&path, "data.ods").is_ok());
    }

    #[test]
    fn a_sheet_that_expands_to_millions_of_cells_is_refused_with_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.ods");
        // The reader expands every sheet when it opens the file, so a bomb in the second one counts too.
        ods_with(
            &path,
            &[
                r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
                BOMB,
            ],
        );
        assert!(std::fs::metadata(&path).unwrap().len() < 2_000, "a tiny file");
        let message = check_ods(&path, "bomb.ods").unwrap_err().to_string();
        assert!(message.contains("bomb.ods") && message.contains("1000000 rows × 100 columns"), "{message}");
        assert_eq!(ods_largest_sheet_extent(&dir.path().join("missing.ods")), None);
    }
}
