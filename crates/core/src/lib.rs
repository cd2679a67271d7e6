//! Pure domain logic for Qunxue.
//!
//! Nothing in this crate touches the database, the filesystem or the clock:
//! every function takes text or values and returns values, so it can be
//! tested exhaustively and shared by the desktop app, the CLI and the tools.

pub mod course;
pub mod diagnostic;
pub mod front_matter;
pub mod grading;
pub mod impact;
pub mod instructor_blocks;
pub mod markdown;
pub mod pack;
pub mod quiz;
mod toml_message;
pub mod xapi;
pub mod xml_tree;

pub use course::{Audience, CourseManifest, ModuleFrontMatter, ModuleKind};
pub use diagnostic::{Diagnostic, Lang, Message, Noun, Severity};
