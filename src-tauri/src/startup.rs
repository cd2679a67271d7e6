//! Start-up: find the data folder and the shipped curriculum, then let the
//! session check and open (or create) the database — a damaged one leads to
//! the recovery screen — install the curriculum and pick the learner.

use std::path::PathBuf;
use std::time::Instant;

use qunxue_app::session::{system_clock, OpenOptions};
use qunxue_app::{paths, Session};
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// Environment variable that points the app at another data folder (tests,
/// portable installs); `--data-dir DIR` on the command line wins over it,
/// and the default is the OS app-data folder.
pub const DATA_DIR_ENV: &str = "QUNXUE_DATA_DIR";

/// Where the app keeps its data and finds its shipped curriculum.
#[derive(Debug, Clone)]
pub enum DataPlace {
    /// `QUNXUE_DATA_DIR` or the OS app-data folder, and the curriculum
    /// shipped with the program (the app).
    FromEnvironment,
    /// A given folder, with or without a curriculum to install (tests).
    At { data_dir: PathBuf, bundled_pack: Option<PathBuf> },
}

pub fn open_state<R: Runtime>(app: &AppHandle<R>, place: &DataPlace) -> Result<AppState, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let (data_dir, bundled_pack) = match place {
        DataPlace::FromEnvironment => {
            let data_dir = match data_dir_argument(std::env::args_os()).or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from)) {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            (data_dir, bundled_pack_dir(app))
        }
        DataPlace::At { data_dir, bundled_pack } => (data_dir.clone(), bundled_pack.clone()),
    };
    let options = OpenOptions {
        database_path: data_dir.join(paths::DATABASE_FILE),
        data_dir,
        bundled_pack,
        clock: system_clock(),
        lang: qunxue_app::domain::Lang::Zh,
    };
    let opened = Session::start(options)?;
    if let Some(error) = &opened.backup_error {
        eprintln!("qunxue: the automatic backup failed: {error}");
    }
    if let Some(damage) = opened.session.recovery() {
        eprintln!("qunxue: the database {} failed its check: {}", damage.database.display(), damage.problem);
    }
    Ok(AppState { session: std::sync::Arc::new(opened.session), started })
}

/// `--data-dir DIR` on the command line (a portable install on a USB stick,
/// a second class on one machine, the end-to-end run's second machine).
fn data_dir_argument(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_folder_can_be_given_on_the_command_line() {
        let args = |list: &[&str]| list.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(data_dir_argument(args(&["qunxue", "--data-dir", "/tmp/a"])), Some(PathBuf::from("/tmp/a")));
        assert_eq!(data_dir_argument(args(&["qunxue", "--data-dir=/tmp/b"])), Some(PathBuf::from("/tmp/b")));
        assert_eq!(data_dir_argument(args(&["qunxue"])), None);
        assert_eq!(data_dir_argument(args(&["/tmp/--data-dir"])), None, "the program's own path is not an argument");
    }
}

/// The shipped curriculum, a pack folder holding `courses/` and `quizzes/`:
/// the resource folder in installers; else the folder beside the program (a
/// copied-out build, or a build folder Tauri does not recognise because it
/// is not named `target`, such as a custom `CARGO_TARGET_DIR`); else the
/// source tree in a development build.
fn bundled_pack_dir<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    let bundled = app.path().resource_dir().ok();
    let beside_program = std::env::current_exe().ok().and_then(|exe| exe.parent().map(PathBuf::from));
    let source_tree = cfg!(debug_assertions).then(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")));
    bundled.into_iter().chain(beside_program).chain(source_tree).find(|dir| dir.join("courses").is_dir())
}
