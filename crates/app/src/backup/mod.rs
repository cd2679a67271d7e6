//! Backups of the learner database and the way back from a damaged one.
//!
//! * [`backup_to_file`] — an online copy made with SQLite's backup API while
//!   the app keeps running, written atomically and checked before it counts.
//! * [`restore_database`] — puts a verified backup in place of the live file,
//!   atomically, keeping the replaced file aside (never deleting it).
//! * [`rotation`] — automatic backups in `<app-data>/backups/`: at start-up
//!   (at most once a day), before a pack import and before a schema
//!   migration, pruned by the retention policy documented there.
//! * [`startup`] — `PRAGMA quick_check` before the app uses the file, and the
//!   recovery path (restore the latest backup, or start afresh) when it fails.

mod copy;
mod inspect;
mod restore;
pub mod rotation;
pub mod startup;

pub use copy::{backup_database_file, backup_to_file, BackupFile};
pub use inspect::{verify_backup, BackupCheck};
pub use restore::{restore_database, set_aside, RestoreOutcome};
pub use rotation::{backups_dir, create_backup, find_backup, list_backups, BackupEntry, BackupReason};

#[cfg(test)]
mod tests;
