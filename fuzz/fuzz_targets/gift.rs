//! GIFT question import, in both modes, and the bank TOML written from it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_core::quiz::{bank_for_file, bank_toml, parse_gift, ImportMode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let strict = parse_gift("fuzz.gift", text, ImportMode::AllOrNothing);
    assert!(!strict.has_errors() || strict.questions.is_empty());
    let partial = parse_gift("fuzz.gift", text, ImportMode::Partial);
    if !partial.questions.is_empty() {
        let _ = bank_toml(&bank_for_file("fuzz.gift", partial.questions));
    }
});
