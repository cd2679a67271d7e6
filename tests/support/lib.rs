//! Shared helpers for the integration suite in `tests/`.

pub mod cli;
pub mod packs;
pub mod profiles;
pub mod snapshot;
