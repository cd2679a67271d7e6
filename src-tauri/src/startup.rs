//! Start-up: find the data folder and the shipped curriculum, then let the
//! session check and open (or create) the database — a damaged one leads to
//! the recovery screen — install the curriculum and pick the learner.

use std::path::PathBuf;
use std::time::Instant;

use qunxue_app::session::{system_clock, OpenOptions};
use qunxue_app::{paths, Session};
use tauri::{AppHandle, Manager, Runtime};

use crate::launch::Launch;
use crate::state::AppState;

/// Where the app keeps its data and finds its shipped curriculum.
#[derive(Debug, Clone)]
pub enum DataPlace {
    /// `QUNXUE_DATA_DIR` or the OS app-data folder, and the curriculum
    /// shipped with the program (the app).
    FromEnvironment,
    /// A given folder, with or without a curriculum to install (tests).
    At {
        /// The data folder: the database (`qunxue.db`) and the installed packs.
        data_dir: PathBuf,
        /// A curriculum pack folder (holding `courses/` and `quizzes/`) to install; `None` installs none.
        bundled_pack: Option<PathBuf>,
    },
}

pub(crate) fn open_state<R: Runtime>(
    app: &AppHandle<R>,
    place: &DataPlace,
) -> Result<AppState, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let (data_dir, bundled_pack) = match place {
        DataPlace::FromEnvironment => {
            let data_dir = match Launch::of_this_process().given_data_dir() {
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
        zone: qunxue_app::session::system_zone(),
        lang: qunxue_app::domain::Lang::Zh,
    };
    let opened = Session::start(options)?;
    // The backup's failure is logged by the health board that keeps it for the banner.
    if let Some(damage) = opened.session.recovery() {
        log::error!("the database {} failed its check: {}", damage.database.display(), damage.problem);
    }
    Ok(AppState { session: std::sync::Arc::new(opened.session), started })
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
