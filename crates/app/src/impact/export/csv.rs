//! CSV exports, UTF-8 with a byte-order mark so Excel on Chinese Windows
//! reads the characters right: the business summary (one row per metric and
//! group) and every unit's before/after values.

use super::super::report::EffectReport;
use super::tables::{sections, Table};
use crate::{msg, AppError, Result};

/// `(file name, contents)` of each CSV file.
pub fn render_csv(report: &EffectReport) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let all = sections(report);
    let find = |section: &str, index: usize| all.iter().find(|s| s.title == section).and_then(|s| s.tables.get(index));
    let mut files = Vec::new();
    for (name, section) in [("impact-summary.csv", "业务影响"), ("impact-units.csv", "明细数据")] {
        if let Some(table) = find(section, 0) {
            files.push((name, table_csv(table)?));
        }
    }
    Ok(files)
}

fn table_csv(table: &Table) -> Result<Vec<u8>> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        // Some report tables end with shorter note rows; a strict writer would refuse the whole export.
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        let fail = |e: csv::Error| AppError::Internal(msg!("cannot write CSV: {e}", "无法写入 CSV：{e}"));
        writer.write_record(&table.headers).map_err(fail)?;
        for row in &table.rows {
            // Numbers unformatted (no thousands separators) so they re-import cleanly.
            writer
                .write_record(row.iter().map(|cell| match cell {
                    super::tables::Cell::Text(t) => crate::export::csv_safe_text(t).into_owned(),
                    super::tables::Cell::Number(Some(v))
                    | super::tables::Cell::Fixed(Some(v), _)
                    | super::tables::Cell::P(Some(v)) => v.to_string(),
                    _ => String::new(),
                }))
                .map_err(fail)?;
        }
        writer.flush().map_err(|e| AppError::Internal(msg!("cannot write CSV: {e}", "无法写入 CSV：{e}")))?;
    }
    Ok(out)
}
