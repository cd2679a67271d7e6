//! Moving submissions and grades between machines by file (USB stick):
//! signed, hashed zip bundles ([`format`]), per-profile signing keys
//! ([`keys`]), trusted keys (the first pinned on first use, more by explicit
//! confirmation) and replay protection ([`trust`]).

pub mod format;
pub mod grades;
pub mod keys;
pub(crate) mod sign;
pub mod submissions;
pub mod trust;

pub use format::{BundleError, BundleKind, Manifest};
pub use grades::{export_grades, import_grades};
pub use submissions::{export_submissions, import_submissions};
pub use trust::{trust_bundle_key, ExportSummary, ImportSummary, TrustedKey};

/// The fingerprint of the key that signed a bundle, as people compare it
/// with the sender before trusting it.
pub fn bundle_fingerprint(path: &std::path::Path, kind: BundleKind) -> crate::Result<String> {
    Ok(keys::fingerprint(&format::read_bundle(path, kind)?.manifest.public_key))
}
