//! Reading a spreadsheet the admin picked — CSV (UTF-8, optional BOM) or
//! the first sheet of an XLSX/XLS/ODS workbook — into a header row and text
//! cells, each row keeping the line number the admin sees in their editor or
//! spreadsheet, so errors can point at it.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use crate::{msg, AppError, Result};

/// Files larger than this are refused before reading: business data for a
/// study is a few thousand rows, and a huge file is almost surely a mistake.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A file's contents as text cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file name shown in messages.
    pub file: String,
    /// The cells of the first non-blank row, taken as the column names.
    pub headers: Vec<String>,
    /// `(line, cells)`: line is 1-based, the header being line 1 (or the
    /// sheet row where the header sits).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads `path`, choosing the reader by extension.
pub fn read_table(path: &Path) -> Result<Table> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let size = std::fs::metadata(path).map_err(AppError::read(path))?.len();
    if size > MAX_FILE_BYTES {
        let (megabytes, most) = (size / 1_048_576, MAX_FILE_BYTES / 1_048_576);
        return Err(AppError::Rejected(msg!(
            "{file} is {megabytes} MB; data files up to {most} MB can be imported",
            "{file} 有 {megabytes} MB，只能导入不超过 {most} MB 的数据文件"
        )));
    }
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "csv" | "txt" => read_csv(path, file),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path, file),
        _ => Err(AppError::Rejected(msg!(
            "{file}: choose a .csv, .xlsx, .xls or .ods file",
            "{file}：请选择 .csv、.xlsx、.xls 或 .ods 文件"
        ))),
    }
}

fn read_csv(path: &Path, file: String) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(AppError::read(path))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let byte = e.valid_up_to() + 1;
        AppError::Rejected(msg!(
            "{file}: the file is not UTF-8 text (byte {byte}); save it from the spreadsheet as \"CSV UTF-8\"",
            "{file}：文件不是 UTF-8 文本（第 {byte} 个字节）；请在电子表格软件中另存为“CSV UTF-8”"
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            AppError::Rejected(msg!("{file}:{line}: not valid CSV: {e}", "{file}:{line}：不是有效的 CSV：{e}"))
        })?;
        // Count lines from the byte offset: the reader's own line count
        // skips blank lines, which would point the admin at the wrong row.
        // Count lines from the byte offset, past the blank lines the reader
        // folds into the record's start: its own line count would point the
        // admin at the wrong row.
        let line = record.position().map_or(records.len() + 1, |p| {
            let bytes = text.as_bytes();
            let mut start = p.byte() as usize;
            while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
                start += 1;
            }
            bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
        });
        records.push((line, record.iter().map(|c| c.trim().to_owned()).collect::<Vec<_>>()));
    }
    split_header(file, records)
}

/// Most a zip-based workbook (XLSX, ODS) may unpack to, all parts together.
pub(super) const MAX_WORKBOOK_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Refuses a workbook whose parts would unpack to far more than the file
/// (a zip bomb) before the spreadsheet reader inflates them into memory.
/// XLS files are not zips and have nothing to check here.
fn check_workbook_archive(path: &Path, file: &str) -> Result<()> {
    let Ok(mut archive) = std::fs::File::open(path).map_err(drop).and_then(|f| zip::ZipArchive::new(f).map_err(drop))
    else {
        return Ok(()); // not a zip: the reader says what is wrong with it
    };
    let limits = crate::pack_source::Limits::default();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else { continue };
        total = total.saturating_add(part.size());
        if part.size() > limits.expansion_limit(part.compressed_size()) || total > MAX_WORKBOOK_UNPACKED_BYTES {
            let (name, bytes) = (String::from_utf8_lossy(part.name_raw()), part.size());
            return Err(AppError::Rejected(msg!(
                "{file}: part {name} unpacks to {bytes} bytes, far more than the file holds; this looks like a zip bomb and was not read",
                "{file}：其中的 {name} 解压后有 {bytes} 字节，远超文件本身的大小；这看起来是压缩炸弹，没有读取"
            )));
        }
    }
    Ok(())
}

/// Columns beyond this are not read: the import format has five, and a
/// stray cell in column XFD must not make every row 16,384 cells wide.
pub(super) const MAX_COLUMNS: u32 = 256;

fn read_workbook(path: &Path, file: String) -> Result<Table> {
    check_workbook_archive(path, &file)?;
    if matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("xlsx" | "xlsm")
    ) {
        return read_xlsx_cells(path, file);
    }
    if matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("ods")) {
        super::sheet_extent::check_ods(path, &file)?;
    }
    // XLS has no repeat counts: the reader allocates at most its format's
    // 65,536 rows × 256 columns, whatever the file claims.
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        AppError::Rejected(msg!("{file}: cannot open the workbook: {e}", "{file}：无法打开工作簿：{e}"))
    })?;
    let Some(range) = workbook.worksheet_range_at(0) else {
        return Err(no_sheets(&file));
    };
    let range = range.map_err(|e| {
        AppError::Rejected(msg!("{file}: cannot read the first sheet: {e}", "{file}：无法读取第一个工作表：{e}"))
    })?;
    // Spreadsheet row numbers: the range may start below row 1.
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let records = range
        .rows()
        .enumerate()
        .map(|(i, row)| (first_row + i + 1, row.iter().map(cell_text).collect::<Vec<_>>()))
        .collect();
    split_header(file, records)
}

/// Reads the first sheet of an XLSX cell by cell. The reader's own
/// `worksheet_range` allocates the whole rectangle between the first and
/// the last used cell: two cells at A1 and XFD1048576 would ask for 17
/// billion cells and bring the app down. Here only used cells are kept.
fn read_xlsx_cells(path: &Path, file: String) -> Result<Table> {
    use std::collections::BTreeMap;
    let unreadable = |e: calamine::XlsxError| {
        AppError::Rejected(msg!("{file}: cannot read the workbook: {e}", "{file}：无法读取工作簿：{e}"))
    };
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(unreadable)?;
    let Some(first) = workbook.sheet_names().first().cloned() else {
        return Err(no_sheets(&file));
    };
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    {
        let mut cells = workbook.worksheet_cells_reader(&first).map_err(unreadable)?;
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let (row, col) = cell.get_position();
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if text.is_empty() {
                continue;
            }
            if col >= MAX_COLUMNS {
                let (row, col) = (row + 1, col + 1);
                return Err(AppError::Rejected(msg!(
                    "{file}: row {row}: a value in column {col} — data must be in the first {MAX_COLUMNS} columns",
                    "{file}：第 {row} 行第 {col} 列有数值——数据必须在前 {MAX_COLUMNS} 列内"
                )));
            }
            let cells = rows.entry(row).or_default();
            if cells.len() <= col as usize {
                cells.resize(col as usize + 1, String::new());
            }
            cells[col as usize] = text;
        }
    }
    let records = rows.into_iter().map(|(row, cells)| (row as usize + 1, cells)).collect();
    split_header(file, records)
}

fn no_sheets(file: &str) -> AppError {
    AppError::Rejected(msg!("{file}: the workbook has no sheets", "{file}：工作簿中没有工作表"))
}

/// A cell as the text the admin would see (numbers without a trailing `.0`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        // Dates are not part of the import format; keep the serial number visible.
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The first non-blank row is the header; blank rows are dropped.
fn split_header(file: String, records: Vec<(usize, Vec<String>)>) -> Result<Table> {
    let mut rows = records.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    let Some((_, headers)) = rows.next() else {
        return Err(AppError::Rejected(msg!("{file}: the file is empty", "{file}：文件是空的")));
    };
    Ok(Table { file, headers, rows: rows.collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ods_sheet_is_read_with_its_row_numbers_and_a_repeat_bomb_is_refused() {
        use crate::impact::sheet_extent::tests::ods_with;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("门店数据.ods");
        let cell = |text: &str| {
            format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
        };
        let row = |cells: &[&str]| {
            format!("<table:table-row>{}</table:table-row>", cells.iter().map(|c| cell(c)).collect::<String>())
        };
        let rows = [
            row(&["门店", "指标", "阶段", "数值"]),
            "<table:table-row><table:table-cell/></table:table-row>".into(),
            row(&["北店", "sales", "before", "120"]),
        ];
        ods_with(&path, &[&rows.concat()]);
        let table = read_table(&path).unwrap();
        assert_eq!(table.headers, ["门店", "指标", "阶段", "数值"]);
        assert_eq!(table.rows, [(3, vec!["北店".to_string(), "sales".into(), "before".into(), "120".into()])]);

        let bomb = dir.path().join("bomb.ods");
        ods_with(
            &bomb,
            &[
                r#"<table:table-row table:number-rows-repeated="200000"><table:table-cell table:number-columns-repeated="50" office:value-type="float" office:value="1"/></table:table-row>"#,
            ],
        );
        let message = read_table(&bomb).unwrap_err().to_string();
        assert!(message.starts_with("bomb.ods: a sheet spans 200000 rows × 50 columns"), "{message}");
    }

    #[test]
    fn csv_with_bom_blank_rows_and_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("数据.csv");
        std::fs::write(&path, "\u{feff}门店,指标,阶段,数值\n\n北店,sales,before, 120 \n南店,sales,after,130\n")
            .unwrap();
        let table = read_table(&path).unwrap();
        assert_eq!(table.file, "数据.csv");
        assert_eq!(table.headers, ["门店", "指标", "阶段", "数值"]);
        assert_eq!(table.rows[0], (3, vec!["北店".into(), "sales".into(), "before".into(), "120".into()]));
        assert_eq!(table.rows[1].0, 4);
    }

    #[test]
    fn xlsx_cells_become_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in ["learner", "value"].iter().enumerate() {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        sheet.write_string(1, 0, "s01").unwrap();
        sheet.write_number(1, 1, 17.5).unwrap();
        sheet.write_string(2, 0, "s02").unwrap();
        sheet.write_number(2, 1, 18.0).unwrap();
        book.save(&path).unwrap();
        let table = read_table(&path).unwrap();
        assert_eq!(table.headers, ["learner", "value"]);
        assert_eq!(table.rows, [(2, vec!["s01".into(), "17.5".into()]), (3, vec!["s02".into(), "18".into()])]);
    }

    #[test]
    fn bad_files_are_refused_with_the_file_named() {
        let dir = tempfile::tempdir().unwrap();
        let gbk = dir.path().join("gbk.csv");
        std::fs::write(&gbk, [0xc9, 0xe7, 0xc8, 0xba, b'\n']).unwrap();
        let message = read_table(&gbk).unwrap_err().to_string();
        assert!(message.contains("gbk.csv") && message.contains("UTF-8"), "{message}");
        let pdf = dir.path().join("x.pdf");
        std::fs::write(&pdf, "x").unwrap();
        assert!(read_table(&pdf).unwrap_err().to_string().contains("x.pdf"));
        let empty = dir.path().join("empty.csv");
        std::fs::write(&empty, "\n,,\n").unwrap();
        assert!(read_table(&empty).unwrap_err().to_string().contains("empty"));
    }
}
