//! The arguments `validate` and `inspect` share.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(super) struct PackArgs {
    /// A pack folder (holding courses/ and quizzes/), one of its course folders, or a .zip.
    pub path: PathBuf,
    /// Print JSON instead of text; its shape is part of the CLI contract (DESIGN.md §4).
    #[arg(long)]
    pub json: bool,
}
