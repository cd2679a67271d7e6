//! Shared helpers for the integration suite in `tests/`.
