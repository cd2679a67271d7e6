//! Clearing what an import killed mid-way left behind: its
//! `packs/.staging-*` folder. A running import keeps an exclusive lock on
//! the `.owner` file in its staging folder, and the operating system drops
//! that lock when the process dies, so a folder whose lock can be taken is
//! abandoned — even while another process imports into the same data folder.

use std::fs::{self, File, TryLockError};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The file a live staging folder holds locked.
pub(crate) const OWNER_FILE: &str = ".owner";
/// A folder without its `.owner` file is younger than this while its import
/// is creating the file; older ones are abandoned.
const CREATION_GRACE: Duration = Duration::from_secs(60);

/// Removes abandoned staging folders under `packs`; returns how many. Best
/// effort: a folder that cannot be removed stays, and is tried next time.
pub(crate) fn sweep_abandoned_staging(packs: &Path) -> usize {
    let Ok(entries) = fs::read_dir(packs) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_staging = entry.file_name().to_string_lossy().starts_with(".staging-");
        if is_staging && path.is_dir() && is_abandoned(&path) && fs::remove_dir_all(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn is_abandoned(dir: &Path) -> bool {
    match File::open(dir.join(OWNER_FILE)) {
        // Taking the lock proves no live import holds it; it is released when `owner` drops.
        Ok(owner) => match owner.try_lock() {
            Ok(()) => true,
            Err(TryLockError::WouldBlock) => false,
            Err(TryLockError::Error(_)) => false,
        },
        Err(_) => fs::metadata(dir)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| SystemTime::now().duration_since(modified).ok())
            .is_some_and(|age| age > CREATION_GRACE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_staging_folder_stays_and_an_unlocked_one_goes() {
        let packs = tempfile::tempdir().unwrap();
        let live = packs.path().join(".staging-live");
        let dead = packs.path().join(".staging-dead");
        let course = packs.path().join("acme.demo");
        for dir in [&live, &dead, &course] {
            fs::create_dir_all(dir.join("files")).unwrap();
        }
        let owner = File::create(live.join(OWNER_FILE)).unwrap();
        owner.lock().unwrap();
        File::create(dead.join(OWNER_FILE)).unwrap();

        assert_eq!(sweep_abandoned_staging(packs.path()), 1);
        assert!(live.exists() && course.exists() && !dead.exists());
        drop(owner);
        assert_eq!(sweep_abandoned_staging(packs.path()), 1, "once its import is gone, the lock is free");
        assert!(!live.exists() && course.exists());
    }

    #[test]
    fn a_folder_still_being_created_is_left_alone() {
        let packs = tempfile::tempdir().unwrap();
        fs::create_dir_all(packs.path().join(".staging-new")).unwrap();
        assert_eq!(sweep_abandoned_staging(packs.path()), 0, "no owner file yet, but only seconds old");
        assert_eq!(sweep_abandoned_staging(&packs.path().join("missing")), 0);
    }
}
