//! `qunxue xapi export`: every statement ever queued, sent or not, as one
//! JSON array — for an LRS import, an audit or the validator.

use std::path::Path;

use qunxue_store::{xapi as outbox, Store};

use crate::{AppError, Result};

/// Writes the statements to `out` (written to a temporary file first, so a
/// failure never leaves half an array behind). Returns how many.
pub fn export_statements(store: &Store, out: &Path) -> Result<usize> {
    let statements = outbox::all(store.conn())?;
    // Stored texts are our own JSON; joining them keeps each byte as queued.
    let body = format!("[{}]\n", statements.join(",\n"));
    let tmp = out.with_extension("json.partial");
    std::fs::write(&tmp, body).map_err(AppError::write(&tmp))?;
    std::fs::rename(&tmp, out).map_err(AppError::write(out))?;
    Ok(statements.len())
}
