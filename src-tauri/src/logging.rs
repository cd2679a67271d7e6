//! The app's log: rotating files (1 MB each, the newest five kept) in the
//! OS log folder — or in `<data folder>/logs` when the data folder was given
//! (`--data-dir`, `QUNXUE_DATA_DIR`: a portable install keeps its logs with
//! it) — and a panic hook that writes the panic there and tells the person
//! at the machine instead of vanishing (a Windows release build has no
//! console).
//!
//! Lines name profiles by id, never by name: a log goes to support.
//! `QUNXUE_LOG` sets the level the way `RUST_LOG` does: `debug`, or
//! `warn,qunxue_app::xapi=debug`.

use std::io::Write;
use std::path::{Path, PathBuf};

use log::LevelFilter;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

/// The log level setting, `RUST_LOG`-style.
pub(crate) const LOG_ENV: &str = "QUNXUE_LOG";
/// The log files' name: `qunxue.log`, rotated to `qunxue_<date>.log`.
const FILE_NAME: &str = "qunxue";
const MAX_FILE_BYTES: u128 = 1_000_000;
const FILES_KEPT: usize = 5;

/// The log plugin, writing to `folder` (`None`: the OS log folder) and to
/// stderr.
pub(crate) fn plugin<R: Runtime>(folder: Option<PathBuf>) -> tauri::plugin::TauriPlugin<R> {
    let file = match folder {
        Some(path) => TargetKind::Folder { path, file_name: Some(FILE_NAME.into()) },
        None => TargetKind::LogDir { file_name: Some(FILE_NAME.into()) },
    };
    let (level, per_module) = levels(std::env::var(LOG_ENV).ok().as_deref());
    let mut builder = tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([Target::new(file), Target::new(TargetKind::Stderr)])
        .rotation_strategy(RotationStrategy::KeepSome(FILES_KEPT))
        .max_file_size(MAX_FILE_BYTES)
        .timezone_strategy(tauri_plugin_log::TimezoneStrategy::UseUtc)
        .level(level);
    for (module, level) in per_module {
        builder = builder.level_for(module, level);
    }
    builder.build()
}

/// `info` unless `setting` says otherwise: a bare level sets the default,
/// `module=level` one module's (`QUNXUE_LOG=warn,qunxue_app::xapi=debug`).
fn levels(setting: Option<&str>) -> (LevelFilter, Vec<(String, LevelFilter)>) {
    let mut default = LevelFilter::Info;
    let mut per_module = Vec::new();
    for part in setting.unwrap_or("").split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((module, level)) => {
                if let Ok(level) = level.trim().parse() {
                    per_module.push((module.trim().to_string(), level));
                }
            }
            None => {
                if let Ok(level) = part.parse() {
                    default = level;
                }
            }
        }
    }
    (default, per_module)
}

/// The log folder of a data folder given on the command line or by
/// `QUNXUE_DATA_DIR`: a portable install keeps its logs with it.
pub(crate) fn beside_data(data_folder: &Path) -> PathBuf {
    data_folder.join("logs")
}

/// Where the log files are: [`beside_data`] for a given data folder, else the
/// OS log folder.
pub(crate) fn folder<R: Runtime>(app: &AppHandle<R>, data_folder: Option<&Path>) -> Option<PathBuf> {
    match data_folder {
        Some(dir) => Some(beside_data(dir)),
        None => app.path().app_log_dir().ok(),
    }
}

/// Writes every panic to the log and shows a dialog saying so; the default
/// hook still prints it.
pub(crate) fn install_panic_hook<R: Runtime>(app: AppHandle<R>) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        log::error!(target: "panic", "panic at {place}: {what}\n{}", std::backtrace::Backtrace::force_capture());
        // try_state: a panic before start-up managed it must not panic again here.
        let folder = app
            .try_state::<LogFolder>()
            .and_then(|f| f.0.as_ref().map(|p| p.display().to_string()))
            .unwrap_or_default();
        // Not blocking: the panic may be on the thread that would show it.
        app.dialog()
            .message(format!(
                "群学遇到了内部错误，刚才的操作没有完成。已保存的内容不受影响。\n\
                 Qunxue hit an internal error; the last action did not finish. What was saved is safe.\n\n\
                 {what}\n\n日志 / Log: {folder}"
            ))
            .title("群学 — 内部错误 / internal error")
            .kind(MessageDialogKind::Error)
            .show(|_| {});
        default(info);
    }));
}

/// The log folder in use, for the settings screen and the export.
pub(crate) struct LogFolder(pub Option<PathBuf>);

/// Zips the log files in `folder` into `out` for support; an empty zip
/// when there are none yet.
pub(crate) fn export(folder: Option<&Path>, out: &Path) -> std::io::Result<usize> {
    let mut files: Vec<PathBuf> = match folder.map(std::fs::read_dir) {
        Some(Ok(entries)) => {
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "log")).collect()
        }
        _ => Vec::new(),
    };
    files.sort();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out)?);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for file in &files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(&std::fs::read(file)?)?;
    }
    zip.finish().map_err(std::io::Error::other)?;
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_setting_reads_like_rust_log() {
        assert_eq!(levels(None), (LevelFilter::Info, vec![]));
        assert_eq!(levels(Some("debug")), (LevelFilter::Debug, vec![]));
        assert_eq!(
            levels(Some("warn, qunxue_app::xapi=trace,nonsense=loud")),
            (LevelFilter::Warn, vec![("qunxue_app::xapi".to_string(), LevelFilter::Trace)])
        );
    }

    #[test]
    fn the_export_zips_the_log_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("qunxue.log"), "line one\n").unwrap();
        std::fs::write(dir.path().join("qunxue_2026-12-06.log"), "older\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a log").unwrap();
        let out = dir.path().join("logs.zip");
        assert_eq!(export(Some(dir.path()), &out).unwrap(), 2);
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let names: Vec<String> = archive.file_names().map(|name| name.unwrap().into_owned()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("qunxue.log").unwrap(), &mut text).unwrap();
        assert_eq!(text, "line one\n");
        assert_eq!(export(Some(&dir.path().join("none")), &dir.path().join("empty.zip")).unwrap(), 0);
    }
}
