//! Raw HTML inside Markdown. The renderer sanitises it anyway; this finds,
//! with positions, what the sanitiser would silently remove (so authors
//! learn their embed will not work) and which files tags point at.

use crate::markdown;

/// Elements removed with their content; none belongs in course text.
const DANGEROUS_TAGS: [&str; 12] =
    ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "meta", "link"];

/// Attributes holding a URL that a browser would follow or load.
const URL_ATTRIBUTES: [&str; 7] = ["href", "src", "action", "formaction", "poster", "background", "xlink:href"];

/// Schemes that run code or smuggle content past the asset checks.
const DANGEROUS_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// Something worth reporting in a fragment of raw HTML; offsets are bytes into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    DangerousTag {
        offset: usize,
        name: String,
    },
    EventHandler {
        offset: usize,
        name: String,
    },
    DangerousUrl {
        offset: usize,
        scheme: String,
    },
    /// A file the HTML loads (`is_media`) or links to, to check like a Markdown target.
    Reference {
        offset: usize,
        url: String,
        is_media: bool,
    },
}

impl Finding {
    pub(super) fn offset(&self) -> usize {
        match self {
            Finding::DangerousTag { offset, .. }
            | Finding::EventHandler { offset, .. }
            | Finding::DangerousUrl { offset, .. }
            | Finding::Reference { offset, .. } => *offset,
        }
    }
}

/// Everything reportable in `html`, in source order.
pub(crate) fn inspect(html: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for tag in start_tags(html) {
        if DANGEROUS_TAGS.contains(&tag.name.as_str()) {
            findings.push(Finding::DangerousTag { offset: tag.offset, name: tag.name.clone() });
        }
        for attribute in &tag.attributes {
            let name = attribute.name.as_str();
            if name.len() > 2 && name.starts_with("on") && name.bytes().all(|b| b.is_ascii_alphabetic()) {
                findings.push(Finding::EventHandler { offset: attribute.offset, name: attribute.name.clone() });
            } else if URL_ATTRIBUTES.contains(&name) {
                if let Some(scheme) = dangerous_scheme(attribute.value) {
                    findings.push(Finding::DangerousUrl { offset: attribute.offset, scheme });
                } else if let Some(is_media) = reference_kind(&tag.name, name) {
                    let url = attribute.value.trim().to_string();
                    findings.push(Finding::Reference { offset: attribute.offset, url, is_media });
                }
            }
        }
    }
    findings
}

/// The scheme of `url` when it is one that must not appear. Browsers ignore
/// whitespace and control characters inside a scheme, so they are removed first.
pub(crate) fn dangerous_scheme(url: &str) -> Option<String> {
    let squeezed: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    let scheme = markdown::scheme(&squeezed)?.to_ascii_lowercase();
    DANGEROUS_SCHEMES.contains(&scheme.as_str()).then_some(scheme)
}

/// Whether this attribute of this tag loads media (`Some(true)`), links to a
/// file (`Some(false)`) or neither.
fn reference_kind(tag: &str, attribute: &str) -> Option<bool> {
    match (tag, attribute) {
        ("img" | "video" | "audio" | "source" | "track", "src") | ("video", "poster") => Some(true),
        ("a", "href") => Some(false),
        _ => None,
    }
}

struct StartTag<'a> {
    offset: usize,
    /// Lower case.
    name: String,
    attributes: Vec<Attribute<'a>>,
}

struct Attribute<'a> {
    offset: usize,
    /// Lower case.
    name: String,
    value: &'a str,
}

/// A forgiving tokenizer for start tags: enough to find names and
/// attributes in author-written HTML, never failing on broken markup.
fn start_tags(html: &str) -> Vec<StartTag<'_>> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut pos = 0;
    while let Some(found) = html[pos..].find('<') {
        let start = pos + found;
        if html[start..].starts_with("<!--") {
            pos = html[start..].find("-->").map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_start = start + 1;
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            pos = name_start;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (attributes, end) = attributes(html, name_start + name_len);
        tags.push(StartTag { offset: start, name, attributes });
        pos = end;
    }
    tags
}

/// Reads attributes from `pos` up to the closing `>`; returns them and the offset after the tag.
fn attributes(html: &str, mut pos: usize) -> (Vec<Attribute<'_>>, usize) {
    let bytes = html.as_bytes();
    let skip_space = |mut p: usize| {
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        p
    };
    let mut found = Vec::new();
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            pos += 1;
        }
        if pos >= bytes.len() || bytes[pos] == b'>' {
            return (found, (pos + 1).min(bytes.len()));
        }
        let name_start = pos;
        while pos < bytes.len() && !bytes[pos].is_ascii_whitespace() && !matches!(bytes[pos], b'=' | b'>' | b'/') {
            pos += 1;
        }
        if pos == name_start {
            // A stray `=`: browsers read it as a nameless attribute, not a value.
            pos += 1;
            continue;
        }
        let name = html[name_start..pos].to_ascii_lowercase();
        pos = skip_space(pos);
        let mut value = "";
        if pos < bytes.len() && bytes[pos] == b'=' {
            pos = skip_space(pos + 1);
            match bytes.get(pos) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[pos + 1..].find(quote as char).map_or(html.len(), |e| pos + 1 + e);
                    value = &html[pos + 1..end];
                    pos = (end + 1).min(html.len());
                }
                _ => {
                    let start = pos;
                    while pos < bytes.len() && !bytes[pos].is_ascii_whitespace() && bytes[pos] != b'>' {
                        pos += 1;
                    }
                    value = &html[start..pos];
                }
            }
        }
        found.push(Attribute { offset: name_start, name, value });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(html: &str) -> Vec<String> {
        inspect(html)
            .into_iter()
            .map(|f| match f {
                Finding::DangerousTag { offset, name } => format!("{offset} tag {name}"),
                Finding::EventHandler { offset, name } => format!("{offset} handler {name}"),
                Finding::DangerousUrl { offset, scheme } => format!("{offset} url {scheme}"),
                Finding::Reference { offset, url, is_media } => format!("{offset} ref {url} {is_media}"),
            })
            .collect()
    }

    #[test]
    fn finds_dangerous_tags_handlers_and_urls() {
        let cases: [(&str, &[&str]); 10] = [
            ("<script>alert(1)</script>", &["0 tag script"]),
            ("<IFRAME src=x>", &["0 tag iframe"]),
            ("<img src=x onerror=alert(1)>", &["5 ref x true", "11 handler onerror"]),
            ("<a href=\" java\tscript:x\">a</a>", &["3 url javascript"]),
            ("<img src='data:image/png;base64,AA'>", &["5 url data"]),
            (
                "<video src=\"../assets/v.mp4\" poster=p.png controls>",
                &["7 ref ../assets/v.mp4 true", "29 ref p.png true"],
            ),
            ("<div>on=1 onion</div><formula>", &[]),
            ("<!-- <script> --><form action=/x>", &["17 tag form"]),
            ("< script> <1> a<b", &[]),
            ("<span style='x' = onClick=\"go()\">", &["18 handler onclick"]),
        ];
        for (html, expected) in cases {
            assert_eq!(describe(html), expected, "{html}");
        }
    }

    #[test]
    fn never_panics_on_truncated_markup() {
        for html in ["<", "<a", "<a href", "<a href=", "<a href='", "<a b=\"社群", "<img src=图.png", "<a =>"] {
            inspect(html);
        }
    }
}
