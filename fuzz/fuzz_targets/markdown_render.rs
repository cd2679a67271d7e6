//! Markdown rendering and sanitising. Beyond "does not panic", the output
//! must never carry a live script, frame or event handler, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_core::markdown::{render, RenderOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = RenderOptions { asset_base: Some("qxasset://localhost/fuzz/modules/".into()) };
    let html = render(text, &options).html.to_ascii_lowercase();
    // Text and attribute values may say anything; tags may not.
    for (tag, _) in tags(&html) {
        assert!(!FORBIDDEN_TAGS.contains(&tag), "<{tag}> survived sanitising: {html}");
    }
    // Inside every tag: no event handler, and no URL attribute whose URL is
    // a script or data URL. A `javascript:` anywhere else cannot run: in
    // text, in a title, or inside a relative path such as
    // `-"javascript:alert(1)"`; nor can `onclick=` inside a quoted value.
    // (The earlier fuzz "crashes" were all of these kinds, found by a
    // harness that split tags on whitespace; it now reads them as a browser does.)
    for (tag, attributes) in tags(&html) {
        for (name, value) in attributes {
            assert!(!name.starts_with("on"), "event handler survived on <{tag}>: {name}");
            if !URL_ATTRIBUTES.contains(&name) {
                continue;
            }
            // What a browser reads as the scheme (WHATWG URL parsing): leading
            // and trailing C0 controls and spaces go, then every tab and
            // newline. Any other control character ends the scheme, which makes
            // the URL relative (`jav\x1aascript:` is a relative path).
            let trimmed = value.trim_matches(|c: char| c <= ' ');
            let url: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!url.starts_with(scheme), "{scheme} URL survived on <{tag}>: {name}=\"{value}\"");
            }
        }
    }
});

const FORBIDDEN_TAGS: [&str; 6] = ["script", "iframe", "object", "embed", "style", "form"];

/// Attributes whose value a browser follows or loads as a URL.
const URL_ATTRIBUTES: [&str; 8] =
    ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"];

/// Every start tag of serialised, sanitised HTML with its attributes. The
/// serialiser escapes `<` and `&` in text and always writes values in double
/// quotes (a `"` inside as `&quot;`), so a scan that tracks only "in text",
/// "in a tag" and "in a quoted value" reads tags exactly.
fn tags(html: &str) -> Vec<(&str, Vec<(&str, &str)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if rest.starts_with('/') {
            // An end tag carries no attributes.
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
        let tag = &rest[..name_end];
        rest = &rest[name_end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let end = rest.find(|c: char| c == '=' || c == '>' || c.is_whitespace()).unwrap_or(rest.len());
            let name = &rest[..end];
            rest = &rest[end..];
            match rest.strip_prefix("=\"") {
                Some(value_start) => {
                    let value_end = value_start.find('"').unwrap_or(value_start.len());
                    attributes.push((name, &value_start[..value_end]));
                    rest = value_start.get(value_end + 1..).unwrap_or("");
                }
                None => attributes.push((name, "")),
            }
        }
        found.push((tag, attributes));
    }
    found
}
