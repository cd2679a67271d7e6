//! Writing a bundle as a profile: the next sequence number for this kind and
//! course, the profile's signing key, the manifest, the signed zip.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::profiles::Profile;
use qunxue_store::{bundle_log, Store};

use super::format::{write_bundle, BundleKind, Manifest};
use super::keys::signing_key;
use crate::tasks::common::stamp;
use crate::Result;

/// Signs `entries` as `signer` and writes them to `out`; returns the bundle
/// id and its sequence number.
// Every argument is a different fact about the bundle; a struct holding them
// would be built at each of the three call sites only to be taken apart here.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_signed(
    store: &mut Store,
    data_dir: &Path,
    signer: &Profile,
    kind: BundleKind,
    course: &str,
    entries: &BTreeMap<String, Vec<u8>>,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<(String, i64)> {
    let key = signing_key(data_dir, &signer.id)?;
    let sequence = store.transact(|tx| bundle_log::next_sequence(tx, kind.as_str(), &signer.id, course))?;
    let bundle_id = uuid::Uuid::new_v4().to_string();
    let manifest = Manifest {
        format: String::new(),
        kind,
        bundle_id: bundle_id.clone(),
        course_id: course.to_string(),
        sequence,
        created_at: stamp(now),
        signer_id: signer.id.clone(),
        signer_name: signer.display_name.clone(),
        public_key: String::new(),
        entries: Vec::new(),
    };
    write_bundle(out, manifest, entries, &key)?;
    Ok((bundle_id, sequence))
}
