//! xAPI learning records: every learning event is queued as a statement in
//! the same transaction as the event ([`record`]), sent in batches to the
//! company's Learning Record Store ([`sync`], blocking HTTP run from a tokio
//! task on the desktop), configured and watched through [`settings`], and
//! exported as one JSON array ([`export`]).

pub mod export;
mod lrs;
pub mod pull;
mod rebuild;
pub(crate) mod record;
pub mod settings;
pub mod sync;

pub use export::export_statements;
pub use settings::{save_settings, settings, status, SettingsInput, XapiSettings, XapiStatus};
pub use pull::{pull_course, PullOptions, PullSummary};
pub use sync::{backoff, sync_now, Credentials, SyncError, SyncOptions, SyncReport};
