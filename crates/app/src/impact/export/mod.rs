//! Writing the effect report to files: self-contained HTML (ECharts
//! inlined), XLSX (a sheet per level), CSV with a BOM, and PDF with an
//! embedded CJK font and vector charts. Every format renders the same
//! tables (see [`tables`]).

mod csv;
mod html;
pub(crate) mod pdf;
mod tables;
mod xlsx;

pub use csv::render_csv;
pub use html::render_html;
pub use pdf::{render_pdf, CjkFont, FONT_ENV};
pub use tables::{sections, Cell, Section, Table};
pub use xlsx::render_xlsx;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qunxue_core::impact::AnalysisOptions;
use qunxue_store::Store;
use serde::{Deserialize, Serialize};

use super::report::{study_report, EffectReport};
use crate::{AppError, Result};

/// A file format the effect report can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One self-contained HTML page with interactive charts (`impact-report.html`).
    Html,
    /// An Excel workbook, one sheet per report section (`impact-report.xlsx`).
    Xlsx,
    /// Two CSV files with a byte-order mark: the business summary and the unit data.
    Csv,
    /// A PDF with an embedded CJK font and vector charts (`impact-report.pdf`).
    Pdf,
}

impl ExportFormat {
    /// Every format, in the order the export writes them when all are chosen.
    pub const ALL: [ExportFormat; 4] = [ExportFormat::Html, ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Pdf];
}

/// Writes `report` into `out_dir` (created if needed) in each format, calling
/// `progress` before each one; returns the files written.
pub fn write_report(
    report: &EffectReport,
    out_dir: &Path,
    formats: &[ExportFormat],
    progress: &mut dyn FnMut(ExportFormat),
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out_dir).map_err(AppError::write(out_dir))?;
    // Find the font first: a missing font should fail before any file is written.
    let font = if formats.contains(&ExportFormat::Pdf) { Some(CjkFont::find()?) } else { None };
    let mut written = Vec::new();
    let mut save = |name: &str, bytes: &[u8]| -> Result<()> {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(AppError::write(&path))?;
        written.push(path);
        Ok(())
    };
    for &format in formats {
        progress(format);
        match format {
            ExportFormat::Html => save("impact-report.html", render_html(report)?.as_bytes())?,
            ExportFormat::Xlsx => save("impact-report.xlsx", &render_xlsx(report)?)?,
            ExportFormat::Csv => {
                for (name, bytes) in render_csv(report)? {
                    save(name, &bytes)?;
                }
            }
            ExportFormat::Pdf => save("impact-report.pdf", &render_pdf(report, font.as_ref().expect("found above"))?)?,
        }
    }
    Ok(written)
}

/// The desktop's export button: the study's report in `formats`, for an
/// instructor or admin.
pub fn export_study_report(
    store: &Store,
    profile: &str,
    study_id: &str,
    out_dir: &Path,
    formats: &[ExportFormat],
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>> {
    let report = study_report(store, profile, study_id, &AnalysisOptions::default(), now)?;
    write_report(&report, out_dir, formats, &mut |_| {})
}
