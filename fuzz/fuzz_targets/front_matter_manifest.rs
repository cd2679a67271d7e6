//! Front matter splitting, `course.toml` and module parsing, and the whole
//! pack validator on a one-course pack made of the input: the text before a
//! `\n---8<---\n` line is the manifest, the rest the first module.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_core::course::{parse_manifest, parse_module};
use qunxue_core::front_matter::split;
use qunxue_core::pack::{load, PackFiles};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (manifest, module) = text.split_once("\n---8<---\n").unwrap_or((text, text));
    let _ = split(module);
    let _ = parse_manifest("course.toml", manifest);
    let _ = parse_module("modules/01-a.md", module);

    let mut files = PackFiles::new();
    files.insert_text("courses/fuzz/course.toml", manifest.as_bytes());
    files.insert_text("courses/fuzz/modules/01-a.md", module.as_bytes());
    let report = load(&files);
    // A rejected pack must say why.
    if report.courses.is_empty() {
        assert!(report.has_errors(), "no course and no error");
    }
});
