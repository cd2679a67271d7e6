//! Proving that a failed import changed nothing: the database file's hash
//! and the list of files under the data folder's `packs/`.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::packs::files_under;

/// A learner data folder in a temporary directory.
pub struct DataDir {
    dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("qunxue.db")
    }

    pub fn packs(&self) -> PathBuf {
        self.path().join("packs")
    }

    /// The state of the folder. Take it with the database closed: closing
    /// checkpoints the write-ahead log into the main file.
    pub fn snapshot(&self) -> Snapshot {
        let db = std::fs::read(self.db()).map(|bytes| format!("{:x}", Sha256::digest(bytes))).unwrap_or_default();
        Snapshot { db, packs: files_under(&self.packs()), entries: files_under(self.path()) }
    }
}

impl Default for DataDir {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// SHA-256 of the database file.
    pub db: String,
    /// Files under `packs/`.
    pub packs: Vec<String>,
    /// Every file in the data folder.
    pub entries: Vec<String>,
}
