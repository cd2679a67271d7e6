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
    // Inside every tag: no event handler, and no URL attribute whose URL is
    // a script or data URL. A `javascript:` anywhere else cannot run: in
    // text, in a title, or inside a relative path such as
    // `-"javascript:alert(1)"` (the earlier fuzz "crashes" were of that kind).
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("");
        for attr in inside.split_whitespace().skip(1) {
            assert!(!attr.starts_with("on"), "event handler survived: <{inside}>");
            let Some((name, value)) = attr.split_once("=\"") else { continue };
            if !URL_ATTRIBUTES.contains(&name) {
                continue;
            }
            // What a browser reads as the scheme (WHATWG URL parsing): leading
            // and trailing C0 controls and spaces go, then every tab and
            // newline. Any other control character ends the scheme, which makes
            // the URL relative (the third false alarm: `jav\x1aascript:`).
            let trimmed = value.trim_end_matches('"').trim_matches(|c: char| c <= ' ');
            let url: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!url.starts_with(scheme), "{scheme} URL survived: <{inside}>");
            }
        }
    }
});

/// Attributes whose value a browser follows or loads as a URL.
const URL_ATTRIBUTES: [&str; 8] = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"];
