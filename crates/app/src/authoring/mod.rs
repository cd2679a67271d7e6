//! Making course packs rather than installing them (issue 27): what a
//! company's author uses before an admin imports anything.
//!
//! - [`skeleton`]: `qunxue new`, a valid pack whose every file explains itself;
//! - [`convert`]: a Word document or PowerPoint deck to a pack folder, with
//!   stable ids so a revised document updates the course without losing
//!   learners' progress;
//! - [`preview`]: the pack folder validated and rendered as learners will
//!   see it, for the desktop app's author mode (nothing is installed);
//! - [`pack_zip`]: the folder as the `.zip` an admin imports;
//! - [`schema_files`]: the JSON Schemas editors check the TOML files with.
//!
//! Nothing here writes to a learner database, so nothing here asks the
//! session for a permission: anyone may make a pack; installing it is an
//! admin's (`import`).

pub mod convert;
mod error;
pub mod pack_zip;
pub mod preview;
pub mod schema_files;
pub mod skeleton;

pub use error::AuthoringError;

/// Results of this crate.
pub type Result<T, E = AuthoringError> = std::result::Result<T, E>;
