//! Qunxue's services: each public function is one use-case, shared by the
//! desktop shell and the `qunxue` CLI. Only this crate combines the pure
//! domain (`qunxue-core`), the database (`qunxue-store`), files and time.

pub mod access;
pub mod accounts;
mod anchor;
pub mod assets;
pub mod authoring;
pub mod backup;
pub mod certificates;
mod crockford;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod glossary;
pub mod health;
pub mod impact;
pub mod import;
pub mod learner_record;
pub mod library;
pub mod notes;
pub mod pack_source;
pub mod paths;
pub mod private_files;
pub mod profiles;
pub mod quiz;
pub mod reading;
pub mod records;
pub mod search;
pub mod secrets;
pub mod session;
mod stored_json;
pub mod study;
pub mod tasks;
pub mod xapi;

pub use error::{role_zh, AppError, ErrorKind, Lang, Message, Remedy};
pub use qunxue_core::msg;
pub use session::{Action, OpenOptions, Session};

/// The result of the app's services: [`AppError`] unless another error type is given.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// The application version, shown by `qunxue --version` and the about box.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
