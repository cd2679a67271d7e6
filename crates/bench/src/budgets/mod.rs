//! One module per budget of DESIGN.md §6. Each measures the real code path
//! (the services the desktop app and the CLI call, on real SQLite files in
//! the bench's work folder) and its baseline in the same run, and returns a
//! [`crate::report::Budget`].

pub mod answers;
pub mod class;
pub mod desktop;
pub mod fixtures;
pub mod impact;
pub mod import;
pub mod open;
pub mod pull;
pub mod search;

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};

/// What a run measures and where it keeps its files.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Scratch folder (packs, databases, data sets); emptied first.
    pub work: PathBuf,
    /// The repository, for the committed scipy oracle.
    pub repo: PathBuf,
    /// Modules in the import / search pack (the budget says 1,000).
    pub modules: usize,
    /// Answers saved for P3 (the budget says 100k).
    pub answers: usize,
    /// Learners in the impact data set (the budget says 10k).
    pub learners: usize,
    /// Repetitions of whole-pack imports and impact analyses.
    pub runs: usize,
    /// Python with numpy and scipy, for P5's comparison; `None` skips it.
    pub python: Option<PathBuf>,
    /// The mdbook binary, P1's peer; `None` skips it.
    pub mdbook: Option<PathBuf>,
    /// The Python of Ralph's venv, P7's LRS; `None` skips P7.
    pub ralph_python: Option<PathBuf>,
    /// Statements pulled in P7 (the budget says 100k).
    pub statements: usize,
    /// Members of the class in P7 and P8 (the budget says 1,000).
    pub members: usize,
    /// Seeds every generated data set, so every run measures the same content.
    pub seed: u64,
}

/// A fixed clock: benchmarks must not depend on the day they run.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

/// Creates `dir` empty (removing what a previous run left).
pub fn fresh_dir(dir: &Path) -> anyhow::Result<PathBuf> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(dir.to_path_buf())
}

/// `part ÷ whole`, for ratios of medians.
pub fn ratio(part: f64, whole: f64) -> f64 {
    part / whole
}
