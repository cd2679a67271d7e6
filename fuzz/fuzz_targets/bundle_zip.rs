//! Zip reading: the bytes as a pack (`.zip` pack source, then the pack
//! validator on what was read) and as a signed submissions/grades bundle.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_app::pack_source;
use qunxue_app::tasks::bundles::format::read_bundle;
use qunxue_app::tasks::bundles::BundleKind;
use qunxue_core::pack::load;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fuzz.zip");
    std::fs::write(&path, data).unwrap();
    if let Ok(opened) = pack_source::open(&path) {
        let _ = load(opened.files());
    }
    let _ = read_bundle(&path, BundleKind::Submissions);
    // Nothing is ever extracted beside the file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
});
