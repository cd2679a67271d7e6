//! Markdown rendering and sanitising. Beyond "does not panic", the output
//! must never carry a live script, frame or event handler, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_core::markdown::{render, RenderOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = RenderOptions { asset_base: Some("qxasset://localhost/fuzz/modules/".into()) };
    let html = render(text, &options).html.to_ascii_lowercase();
    // Text may say anything (a `<` in text is escaped); tags may not.
    for forbidden in ["<script", "<iframe", "<object", "<embed", "<style", "<form"] {
        assert!(!html.contains(forbidden), "{forbidden} survived sanitising: {html}");
    }
    // Inside every tag: no event handler, no script or data URL. (The first
    // fuzz "crash" was `javascript:` in plain text, where it is harmless.)
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("");
        for attr in inside.split_whitespace().skip(1) {
            assert!(!attr.starts_with("on"), "event handler survived: <{inside}>");
        }
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(!inside.contains(scheme), "{scheme} URL survived: <{inside}>");
        }
    }
});
