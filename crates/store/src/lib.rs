//! Qunxue's learner database.
//!
//! One SQLite file (WAL, foreign keys on) holds installed courses and
//! everything learners do. Each aggregate has its own module with its SQL in
//! `.sql` files next to it; every write goes through [`Store::transact`].

mod db;
mod error;
mod migrations;

pub mod admin_log;
pub mod attempt_answers;
pub mod attempts;
pub mod bookmarks;
pub mod bundle_log;
pub mod certificates;
pub mod classes;
pub mod course_items;
pub mod courses;
pub mod files;
pub mod impact;
pub mod key_changes;
pub mod learner_record;
pub mod local_quizzes;
pub mod lrs_mirror;
pub mod marks;
pub mod notes;
pub mod pin_failures;
pub mod profiles;
pub mod progress;
pub mod questions;
pub mod review_cards;
pub mod search;
pub mod settings;
pub mod status;
pub mod study;
pub mod submissions;
pub mod survey_responses;
#[doc(hidden)]
pub mod testing;
pub mod time;
pub mod travel;
pub mod xapi;

pub use db::Store;
pub use error::{sqlite_advice, OptionalExt, StoreError};
pub use migrations::{migrate_to, SCHEMA_VERSION};
/// The connection types services pass to the store's functions; nothing
/// outside this crate uses rusqlite itself.
pub use rusqlite::{Connection, Transaction};

/// The store's result type: errors are [`StoreError`] unless stated otherwise.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
