//! Start-up: find the data folder, check and open (or create) the database
//! (a damaged one leads to the recovery screen), install the bundled
//! curriculum and pick the active learner.

use std::path::PathBuf;
use std::time::Instant;

use qunxue_app::backup::startup::{self, Startup};
use qunxue_app::{library, paths, profiles};
use qunxue_store::Store;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// Environment variable that points the app at another data folder (tests,
/// portable installs); the default is the OS app-data folder.
pub const DATA_DIR_ENV: &str = "QUNXUE_DATA_DIR";

pub fn open_state<R: Runtime>(app: &AppHandle<R>) -> Result<AppState, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let data_dir = match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    std::fs::create_dir_all(&data_dir)?;
    let database_path = data_dir.join(paths::DATABASE_FILE);
    let now = chrono::Utc::now();
    match startup::open_checked(&database_path, &data_dir, now)? {
        Startup::Ready(ready) => {
            if let Some(error) = &ready.backup_error {
                eprintln!("qunxue: the automatic backup failed: {error}");
            }
            let (store, profile) = prepare(app, ready.store)?;
            Ok(AppState::new(store, profile, data_dir, database_path, started))
        }
        Startup::Damaged(damage) => {
            // Never crash on a damaged file: run on an empty in-memory
            // database and let the recovery screen restore a backup.
            eprintln!("qunxue: the database {} failed its check: {}", database_path.display(), damage.problem);
            let state = AppState::new(Store::open_in_memory()?, String::new(), data_dir, database_path, started);
            state.set_recovery(Some(damage));
            Ok(state)
        }
    }
}

/// Installs the bundled curriculum into a freshly opened store and picks the
/// active learner; also used after a restore or recovery.
pub fn prepare<R: Runtime>(app: &AppHandle<R>, mut store: Store) -> qunxue_app::Result<(Store, String)> {
    let now = chrono::Utc::now();
    if let Some(pack_dir) = bundled_pack_dir(app) {
        library::install_bundled_courses(&mut store, &pack_dir, now)?;
    }
    let profile = profiles::active_profile(&mut store, now)?;
    Ok((store, profile.id))
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
