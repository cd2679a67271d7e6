//! How a command that returns a summary ends: the summary on stdout (JSON or
//! one line of text) and exit 0, or a refusal's reason on stderr and exit 1
//! (altered or replayed bundle, wrong role, nothing to do); any other
//! failure propagates (exit 2).

use std::process::ExitCode;

use qunxue_app::{AppError, ErrorKind};

pub(super) fn finish<T: serde::Serialize>(
    result: Result<T, AppError>,
    json: bool,
    text: impl FnOnce(&T) -> String,
) -> anyhow::Result<ExitCode> {
    match result {
        Ok(value) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                println!("{}", text(&value));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(refused)
            if matches!(
                refused.kind(),
                ErrorKind::InvalidInput | ErrorKind::Forbidden | ErrorKind::NotFound | ErrorKind::Conflict
            ) =>
        {
            eprintln!("qunxue: {}", super::diagnostics::error_text(&refused));
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(other.into()),
    }
}
