//! Printing problems the way DESIGN.md §4 promises: one
//! `file:line:col: message` per line, warnings marked after the position.

use std::io::Write;

use qunxue_core::Diagnostic;

pub fn print_lines(out: &mut impl Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    for diagnostic in diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    Ok(())
}
