//! xAPI learning records: every learning event is queued as a statement in
//! the same transaction as the event ([`record`]), sent in batches to the
//! company's Learning Record Store ([`sync`], blocking HTTP run from a tokio
//! task on the desktop), configured and watched through [`settings`], and
//! exported as one JSON array ([`export`]). An instructor's machine reads
//! a class back from the LRS ([`pull`]); a learner's machine, in company
//! mode, reads back the marks released about its profiles ([`marks`]).

pub mod export;
mod lrs;
pub mod marks;
pub mod pull;
mod rebuild;
pub(crate) mod record;
pub mod settings;
pub mod sync;

pub use export::export_statements;
pub use marks::{pull_marks, MarksPull};
pub use pull::{pull_course, PullOptions, PullSummary};
pub use settings::{save_settings, settings, status, MarksArriveBy, SettingsInput, XapiSettings, XapiStatus};
pub use sync::{backoff, sync_now, Credentials, SyncError, SyncOptions, SyncReport};
