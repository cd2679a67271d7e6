//! Author mode (issue 27): preview a pack folder while it is being written,
//! and convert a Word document or PowerPoint deck into one. Anyone may use
//! them, signed in or not — nothing is installed and nothing reaches the
//! learner database; installing the result is an admin's (`import_pack`).
//! Paths must have been chosen in the file dialog (or given on the command
//! line), like every path the window hands the backend.

use std::path::PathBuf;

use qunxue_app::authoring::convert::{convert, ConvertOptions, ConvertReport};
use qunxue_app::authoring::preview::AuthorSnapshot;
use qunxue_app::authoring::AuthoringError;
use qunxue_app::{msg, ErrorKind, Message};
use tauri::{AppHandle, Runtime, State};

use super::ensure_picked;
use crate::author_watch::{AuthorStart, AuthorWatch};
use crate::error::{CommandError, CommandResult};

/// Opens `folder` in the preview and re-renders it on every save
/// (`qunxue://author-changed`).
#[tauri::command]
pub(crate) async fn author_open<R: Runtime>(
    app: AppHandle<R>,
    watch: State<'_, AuthorWatch>,
    folder: PathBuf,
) -> CommandResult<AuthorSnapshot> {
    ensure_picked(&app, &folder)?;
    let watch = watch.inner().clone();
    tokio::task::spawn_blocking(move || watch.open(app, folder)).await?
}

/// Stops watching the previewed folder.
#[tauri::command]
pub(crate) fn author_close(watch: State<'_, AuthorWatch>) -> CommandResult<()> {
    watch.close();
    Ok(())
}

/// The folder given with `--author DIR`, which the window opens at start.
#[tauri::command]
pub(crate) fn author_start_folder(start: State<'_, AuthorStart>) -> CommandResult<Option<String>> {
    Ok(start.0.as_ref().map(|p| p.display().to_string()))
}

/// Converts a .docx or .pptx into the pack folder `out`.
#[tauri::command]
pub(crate) async fn convert_office<R: Runtime>(
    app: AppHandle<R>,
    source: PathBuf,
    out: PathBuf,
    split_level: u8,
    kind: String,
    overwrite: bool,
) -> CommandResult<ConvertReport> {
    ensure_picked(&app, &source)?;
    ensure_picked(&app, &out)?;
    let kind = qunxue_app::domain::ModuleKind::parse(&kind).ok_or_else(|| {
        invalid(msg!(
            "{kind}: a module is theory, practice or case",
            "{kind}：单元类型只能是 theory（理论）、practice（实操）或 case（案例）"
        ))
    })?;
    let options = ConvertOptions { source, out, split_level, kind, overwrite };
    tokio::task::spawn_blocking(move || convert(&options).map_err(authoring_error)).await?
}

fn invalid(message: Message) -> CommandError {
    CommandError::new(ErrorKind::InvalidInput, message)
}

/// The error as the window receives it: what the person chose was wrong
/// (`invalid_input`), or the disk failed (`io`).
pub(crate) fn authoring_error(error: AuthoringError) -> CommandError {
    let kind = match &error {
        AuthoringError::Io { .. } => ErrorKind::Io,
        _ => ErrorKind::InvalidInput,
    };
    let diagnostics = match &error {
        AuthoringError::Invalid { diagnostics, .. } => diagnostics.clone(),
        _ => Vec::new(),
    };
    CommandError { diagnostics, ..CommandError::new(kind, error.message()) }
}
