//! Files and folders only their owner may read. The database, its backups,
//! signing keys and secrets hold other people's answers, grades and PIN
//! hashes: on a shared computer, other accounts must not read them (issue
//! 26). Folders are 0700 and files 0600 on Unix; elsewhere the user's
//! profile folder already keeps them private.

use std::path::Path;

use crate::{AppError, Result};

/// Creates `dir` (and its parents) and makes it owner-only, also when it
/// existed with a wider mode.
pub fn private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(AppError::write(dir))?;
    set_mode(dir, 0o700)
}

/// Makes an existing file owner-only (a copy or a rename keeps the mode it
/// was made with, which may be wider).
pub fn private_file(file: &Path) -> Result<()> {
    set_mode(file, 0o600)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(AppError::write(path))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_become_owner_only_even_when_they_were_wider() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data/backups");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("a.db");
        std::fs::write(&file, b"x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        private_file(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
    }
}
