//! Markdown rendering: one parser configuration for everything, heading ids,
//! footnotes, asset-link rewriting and HTML sanitisation.
//!
//! Module text comes from packs, which are untrusted: the output of
//! [`render`] is always passed through ammonia, so scripts, event handlers,
//! `javascript:`/`data:` URLs, iframes and forms never reach the webview.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Prefix ammonia puts on every `id`, so pack content can never clobber a
/// global name in the webview (DOM clobbering).
pub const ID_PREFIX: &str = "qx-";

/// URL scheme of the asset protocol the desktop shell registers; it serves
/// files from an installed course's folder and nothing else.
pub const ASSET_SCHEME: &str = "qxasset";

/// Fragment prefix of a glossary link: `[[流失率]]` becomes a link to
/// `#qx-term-<term id>`, which the webview opens in the course's glossary.
pub const TERM_ANCHOR_PREFIX: &str = "qx-term-";

/// The single place the Markdown dialect is defined: CommonMark plus GFM
/// tables, task lists, footnotes and strikethrough, `{#id}` heading ids,
/// and `[[term]]` / `[[term|text]]` glossary links.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// A course's glossary as links need it: every name and alias → the term's
/// id and its definition (the link's tooltip).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermLinks {
    by_name: HashMap<String, (String, String)>,
}

impl TermLinks {
    /// Indexes `terms` by name and alias (trimmed); a name used twice keeps the first term's link.
    pub fn new(terms: &[crate::pack::model::Term]) -> Self {
        let mut by_name = HashMap::new();
        for term in terms {
            let tooltip = match &term.formula {
                Some(formula) => format!("{}（{formula}）", term.definition.trim()),
                None => term.definition.trim().to_string(),
            };
            for name in term.names() {
                by_name.entry(name.trim().to_string()).or_insert_with(|| (term.id.clone(), tooltip.clone()));
            }
        }
        TermLinks { by_name }
    }

    /// The term id and tooltip a link to `name` points at.
    pub fn resolve(&self, name: &str) -> Option<(&str, &str)> {
        self.by_name.get(name.trim()).map(|(id, tip)| (id.as_str(), tip.as_str()))
    }
}

/// Creates the shared parser; everything that reads module Markdown uses it.
pub fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, parser_options())
}

/// How relative links and images are turned into loadable URLs.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Base URL that relative asset paths are joined to, e.g.
    /// `qxasset://localhost/<course>/modules/`. `None` keeps them as written.
    pub asset_base: Option<String>,
    /// The course's glossary; without it (or for a name it lacks) a
    /// `[[term]]` link renders as its text.
    pub terms: Option<Arc<TermLinks>>,
}

/// One heading of a rendered module, for the in-page outline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// Heading level, 1 (`#`) to 6 (`######`).
    pub level: u8,
    /// The id as it appears in the sanitised HTML (with [`ID_PREFIX`]).
    pub id: String,
    /// The heading's plain text, without Markdown or HTML markup.
    pub text: String,
}

/// A rendered, sanitised module body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The body as sanitised HTML, safe to put in the page.
    pub html: String,
    /// Every heading, in document order.
    pub headings: Vec<Heading>,
}

/// Renders module Markdown to sanitised HTML.
pub fn render(markdown: &str, options: &RenderOptions) -> Rendered {
    let (events, headings) = prepare_events(markdown, options);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, limit_nesting(events).into_iter());
    Rendered { html: sanitize(&raw, options.asset_base.as_deref()), headings }
}

/// The headings of module Markdown, with the ids [`render`] gives them,
/// without rendering or sanitising anything: the search index needs only
/// these, and sanitising is most of a render's cost.
pub fn headings(markdown: &str) -> Vec<Heading> {
    prepare_events(markdown, &RenderOptions::default()).1
}

/// Renders without sanitising or rewriting: the baseline that benchmarks
/// compare the full pipeline against.
pub fn render_unsanitized_baseline(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, parser(markdown));
    raw
}

/// A link or image target found in a module, for validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The URL or path as written in the Markdown (not resolved).
    pub target: String,
    /// True for an image (`![…](…)`), false for a link.
    pub is_image: bool,
    /// Byte offset of the element in the Markdown source.
    pub offset: usize,
}

/// Lists every link and image target, with its position, so a validator can
/// check that relative ones exist and warn about remote media.
pub fn references(markdown: &str) -> Vec<Reference> {
    scan(markdown).references
}

/// A `[[term]]` link, for validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermReference {
    /// The term name or alias inside `[[…]]` (before any `|`), trimmed.
    pub name: String,
    /// Byte offset of the link in the Markdown source.
    pub offset: usize,
}

/// What a validator needs from one parse of a module body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Every link and image target (glossary links are in `terms`).
    pub references: Vec<Reference>,
    /// Every glossary link.
    pub terms: Vec<TermReference>,
    /// Byte ranges of raw HTML: whole HTML blocks and inline tags.
    pub raw_html: Vec<Range<usize>>,
}

/// Collects links, images and raw HTML in a single pass over the Markdown.
pub fn scan(markdown: &str) -> Scan {
    let mut found = Scan::default();
    for (event, range) in parser(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                found.references.push(Reference { target: dest_url.into_string(), is_image: true, offset: range.start })
            }
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, dest_url, .. }) => {
                found.terms.push(TermReference { name: dest_url.trim().to_string(), offset: range.start })
            }
            Event::Start(Tag::Link { link_type, dest_url, .. })
                if !matches!(link_type, LinkType::Email | LinkType::Autolink) =>
            {
                found.references.push(Reference {
                    target: dest_url.into_string(),
                    is_image: false,
                    offset: range.start,
                })
            }
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => found.raw_html.push(range),
            _ => {}
        }
    }
    found
}

/// True when a URL points inside the pack (no scheme, not absolute, not an anchor).
pub fn is_relative_path(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url.starts_with('\\')
        || url.contains("://")
        || has_scheme(url))
}

fn has_scheme(url: &str) -> bool {
    scheme(url).is_some()
}

/// The scheme of a URL (`https` in `https://…`, `mailto` in `mailto:…`), as written.
pub fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

fn prepare_events<'a>(markdown: &'a str, options: &RenderOptions) -> (Vec<Event<'a>>, Vec<Heading>) {
    let mut events: Vec<Event<'a>> = Vec::new();
    let mut headings = Vec::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut footnote_numbers: HashMap<String, usize> = HashMap::new();
    let mut open_heading: Option<usize> = None;
    // A glossary link to no known term keeps its text and loses the link.
    let mut dropping_link = false;

    for event in parser(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                open_heading = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = open_heading.take() {
                    let text = plain_text(&events[start + 1..]);
                    let id = assign_heading_id(&mut events[start], &text, &mut used_ids);
                    headings.push(Heading { level: heading_level(level), id: format!("{ID_PREFIX}{id}"), text });
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            // Footnotes are emitted by hand so their anchors carry the same
            // prefix ammonia adds to ids; pulldown-cmark's own output would not.
            Event::FootnoteReference(label) => {
                let next = footnote_numbers.len() + 1;
                let number = *footnote_numbers.entry(label.to_string()).or_insert(next);
                let anchor = footnote_anchor(&label);
                events.push(Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"><a href=\"#{ID_PREFIX}{anchor}\">{number}</a></sup>"
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let next = footnote_numbers.len() + 1;
                let number = *footnote_numbers.entry(label.to_string()).or_insert(next);
                let anchor = footnote_anchor(&label);
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"{anchor}\"><sup class=\"footnote-definition-label\">{number}</sup>"
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => events.push(Event::Html(CowStr::from("</div>\n"))),
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_asset_url(dest_url, options);
                events.push(Event::Start(Tag::Image { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, dest_url, .. }) => {
                match options.terms.as_deref().and_then(|terms| terms.resolve(&dest_url)) {
                    Some((term, tooltip)) => events.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: CowStr::from(format!("#{TERM_ANCHOR_PREFIX}{term}")),
                        title: CowStr::from(tooltip.to_string()),
                        id: CowStr::Borrowed(""),
                    })),
                    None => dropping_link = true,
                }
            }
            Event::End(TagEnd::Link) if dropping_link => dropping_link = false,
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_asset_url(dest_url, options);
                events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            other => events.push(other),
        }
    }
    (events, headings)
}

/// Deepest element nesting the renderer passes on. The sanitiser's HTML
/// parser spends time proportional to the depth on every element, so
/// thousands of nested quotes or `<div>`s (a hostile pack, found by the
/// hostile suite) took minutes; no course text nests anywhere near this.
pub const MAX_NESTING: usize = 48;

/// Drops Markdown containers nested deeper than [`MAX_NESTING`] (their text
/// is kept) and shows raw HTML that would open elements deeper than that as
/// text, so the HTML handed to the sanitiser is never deeply nested.
fn limit_nesting(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut kept_starts: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::Start(tag) => {
                let keep = depth < MAX_NESTING;
                kept_starts.push(keep);
                if keep {
                    depth += 1;
                    out.push(Event::Start(tag));
                }
            }
            Event::End(tag) => {
                if kept_starts.pop().unwrap_or(false) {
                    depth = depth.saturating_sub(1);
                    out.push(Event::End(tag));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) if depth + raw_html_depth(&html).0 > MAX_NESTING => {
                out.push(Event::Text(html));
            }
            Event::Html(html) => {
                depth = depth.saturating_add_signed(raw_html_depth(&html).1);
                out.push(Event::Html(html));
            }
            Event::InlineHtml(html) => {
                depth = depth.saturating_add_signed(raw_html_depth(&html).1);
                out.push(Event::InlineHtml(html));
            }
            other => out.push(other),
        }
    }
    out
}

/// `(deepest, net)`: how many elements a fragment of raw HTML opens at its
/// deepest point, and how many it opens minus how many it closes (an HTML
/// block often closes what an earlier block opened).
fn raw_html_depth(html: &str) -> (usize, isize) {
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    let (mut net, mut deepest) = (0isize, 0usize);
    let bytes = html.as_bytes();
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if let Some(closing) = rest.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                net -= 1;
            }
            continue;
        }
        let name = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closing = rest.find('>').is_some_and(|end| end > 0 && bytes[at + end] == b'/');
        if !self_closing {
            net += 1;
            deepest = deepest.max(usize::try_from(net).unwrap_or(0));
        }
    }
    (deepest, net)
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn plain_text(events: &[Event<'_>]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// Gives a heading a stable, unique id (keeping one written as `{#id}`).
fn assign_heading_id(start: &mut Event<'_>, text: &str, used: &mut HashSet<String>) -> String {
    let Event::Start(Tag::Heading { id, .. }) = start else { unreachable!("caller passes a heading start") };
    let base = match id {
        Some(existing) => existing.to_string(),
        None => slugify(text),
    };
    let mut candidate = base.clone();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    *id = Some(CowStr::from(candidate.clone()));
    candidate
}

/// Lower-cases ASCII, keeps letters and digits of every script (so Chinese
/// headings keep readable ids), and joins the rest with single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

fn footnote_anchor(label: &str) -> String {
    format!("fn-{}", slugify(label))
}

fn rewrite_asset_url<'a>(url: CowStr<'a>, options: &RenderOptions) -> CowStr<'a> {
    match &options.asset_base {
        Some(base) if is_relative_path(&url) => CowStr::from(format!("{base}{url}")),
        _ => url,
    }
}

/// Joins a relative URL of raw HTML to the asset base; leaves `#anchors`.
struct JoinToBase(String);

impl<'a> ammonia::UrlRelativeEvaluate<'a> for JoinToBase {
    fn evaluate<'url>(&self, url: &'url str) -> Option<std::borrow::Cow<'url, str>> {
        Some(if url.starts_with('#') { url.into() } else { format!("{}{url}", self.0).into() })
    }
}

/// The allow-list: what pack HTML may contain after rendering. Relative
/// URLs in raw HTML (`<video src="../assets/clip.webm">`, a `<track>`'s
/// captions) are joined to `asset_base` as Markdown links are; in-page
/// anchors (`#…`) stay as they are.
fn sanitize(html: &str, asset_base: Option<&str>) -> String {
    let mut builder = ammonia::Builder::default();
    if let Some(base) = asset_base {
        builder.url_relative(ammonia::UrlRelative::Custom(Box::new(JoinToBase(base.to_string()))));
    }
    builder
        .add_tags(["video", "audio", "source", "track", "input", "figure", "figcaption", "mark"])
        .add_tag_attributes("track", ["src", "kind", "srclang", "label", "default"])
        .add_tag_attributes("img", ["src", "alt", "title", "width", "height", "loading"])
        .add_tag_attributes("video", ["src", "controls", "width", "height", "poster", "preload"])
        .add_tag_attributes("audio", ["src", "controls", "preload"])
        .add_tag_attributes("source", ["src", "type"])
        .add_tag_attributes("input", ["checked"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class", "id"])
        .add_tag_attributes("ol", ["start"])
        // Only task-list checkboxes may survive, and never as live controls: any
        // other input loses its type and every input is forced disabled.
        .add_tag_attribute_values("input", "type", ["checkbox"])
        .set_tag_attribute_value("input", "disabled", "disabled")
        .add_generic_attributes(["id"])
        .id_prefix(Some(ID_PREFIX))
        .url_schemes(HashSet::from(["http", "https", "mailto", ASSET_SCHEME]))
        .link_rel(Some("noopener noreferrer"))
        .filter_style_properties(HashSet::from(["text-align"]));
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, &RenderOptions::default()).html
    }

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let quotes = html(&format!("{}深\n", "> ".repeat(5_000)));
        assert_eq!(quotes.matches("<blockquote>").count(), MAX_NESTING);
        assert!(quotes.contains("深"));
        let divs = html(&format!("{}浅", "<div>".repeat(5_000)));
        assert!(divs.matches("<div>").count() <= MAX_NESTING, "{}", &divs[..200]);
        assert!(divs.contains("浅"));
        // Ordinary nesting is untouched.
        assert!(html("> - 一\n>   - 二\n").contains("<blockquote>\n<ul>\n<li>一\n<ul>"));
    }

    #[test]
    fn renders_gfm_features() {
        let out = html("| 指标 | 数值 |\n|:--|--:|\n| 活跃率 | 18% |\n\n- [x] 已完成\n\n~~旧~~\n");
        assert!(out.contains("<table>"), "{out}");
        assert!(out.contains("<td style=\"text-align:right\">18%</td>"), "{out}");
        assert!(out.contains("type=\"checkbox\""), "{out}");
        assert!(out.contains("<del>旧</del>"), "{out}");
    }

    #[test]
    fn headings_alone_are_the_rendered_ones() {
        let text = "# 社群定位\n\n正文\n\n## 目标用户\n\n## 目标用户\n\n### Custom {#custom}\n";
        assert_eq!(headings(text), render(text, &RenderOptions::default()).headings);
        assert_eq!(headings(text).len(), 4);
    }

    #[test]
    fn headings_get_unique_prefixed_ids() {
        let r = render("# 社群运营\n## 定义\n## 定义\n### Custom {#own}\n", &RenderOptions::default());
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["qx-社群运营", "qx-定义", "qx-定义-1", "qx-own"]);
        assert!(r.html.contains("<h2 id=\"qx-定义-1\">"), "{}", r.html);
        assert_eq!(r.headings[0].level, 1);
        assert_eq!(r.headings[3].text, "Custom");
    }

    #[test]
    fn footnote_links_point_at_their_definitions() {
        let out = html("正文[^src]。\n\n[^src]: 来源说明。\n");
        assert!(out.contains("href=\"#qx-fn-src\""), "{out}");
        assert!(out.contains("id=\"qx-fn-src\""), "{out}");
    }

    #[test]
    fn a_script_url_behind_a_stray_character_stays_a_harmless_relative_path() {
        // Found by the markdown_render fuzzer: an unquoted value that starts
        // with `-` is a relative URL; the scheme inside it can never run.
        // (The <div> line opens the HTML block the link is part of.)
        let text = "<div>\n<a href=-\"JaVaScRiPt:alert(1)\" onclick=\"x()\">a</a>\n</div>\n";
        let html = render(text, &RenderOptions::default()).html;
        assert!(html.contains(r#"href="-&quot;JaVaScRiPt:alert(1)&quot;""#), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        // A control character inside the scheme ends it (WHATWG URL
        // parsing), so this too is relative; it must reach the page as is.
        let html =
            render("<div>\n<a href=\"JaV\u{1a}aScRiPt:alert(1)\">i</a>\n</div>\n", &RenderOptions::default()).html;
        assert!(html.contains("href=\"JaV\u{1a}aScRiPt:alert(1)\""), "{html:?}");
    }

    #[test]
    fn strips_scripts_handlers_and_dangerous_urls() {
        let md = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) \
                  <iframe src=\"https://e.com\"></iframe><form action=\"/x\"><input type=\"text\"></form>\n\n\
                  ![d](data:image/png;base64,AAAA) <a href=\"vbscript:x\">v</a>";
        let out = html(md);
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<form", "data:", "vbscript", "type=\"text\""] {
            assert!(!out.contains(bad), "{bad} survived: {out}");
        }
    }

    #[test]
    fn rewrites_relative_assets_only() {
        let opts = RenderOptions { asset_base: Some("qxasset://localhost/c1/modules/".into()), ..Default::default() };
        let out = render("![图](../assets/a.png) [外链](https://example.com) [锚](#x)", &opts).html;
        assert!(out.contains("src=\"qxasset://localhost/c1/modules/../assets/a.png\""), "{out}");
        assert!(out.contains("href=\"https://example.com\""), "{out}");
        assert!(out.contains("href=\"#x\""), "{out}");
    }

    #[test]
    fn lists_references_with_positions() {
        let md = "看图：\n![a](img/a.png)\n[b](https://x.org/b)";
        let refs = references(md);
        assert_eq!(refs.len(), 2);
        assert!(refs[0].is_image && refs[0].target == "img/a.png");
        assert_eq!(&md[refs[0].offset..refs[0].offset + 2], "![");
        assert!(!refs[1].is_image);
    }

    #[test]
    fn scan_finds_html_blocks_and_inline_tags() {
        let md = "正文 <span onclick=\"x\">a</span>\n\n<div>\n<img src=a.png>\n</div>\n\n`<script>` in code\n";
        let found = scan(md);
        let html: Vec<_> = found.raw_html.iter().map(|r| &md[r.clone()]).collect();
        assert_eq!(html, ["<span onclick=\"x\">", "</span>", "<div>\n<img src=a.png>\n</div>\n"]);
    }

    #[test]
    fn relative_path_detection() {
        for rel in ["a.png", "../assets/a.png", "img/图.png"] {
            assert!(is_relative_path(rel), "{rel}");
        }
        for not_rel in ["", "#x", "/etc/passwd", "https://a", "mailto:a@b", "javascript:x", "C:\\x"] {
            assert!(!is_relative_path(not_rel), "{not_rel}");
        }
    }

    #[test]
    fn slugify_keeps_cjk_and_joins_the_rest() {
        assert_eq!(slugify("1. 社群 运营！"), "1-社群-运营");
        assert_eq!(slugify("***"), "section");
    }

    fn glossary() -> Arc<TermLinks> {
        Arc::new(TermLinks::new(&[crate::pack::model::Term {
            id: "churn-rate".into(),
            name: "流失率".into(),
            aliases: vec!["退群率".into()],
            definition: "统计周期内退群的人占期初成员的比例。".into(),
            formula: Some("退群人数 ÷ 期初成员数".into()),
            unit: Some("%".into()),
        }]))
    }

    #[test]
    fn glossary_links_point_at_the_term_with_its_definition() {
        let options = RenderOptions { terms: Some(glossary()), ..Default::default() };
        let out = render("本月[[流失率]]偏高，[[退群率|退群的比例]]也是。", &options).html;
        assert_eq!(out.matches("href=\"#qx-term-churn-rate\"").count(), 2, "{out}");
        assert!(out.contains(">流失率</a>") && out.contains(">退群的比例</a>"), "{out}");
        assert!(out.contains("title=\"统计周期内退群的人占期初成员的比例。（退群人数 ÷ 期初成员数）\""), "{out}");
    }

    #[test]
    fn a_glossary_link_without_a_term_keeps_only_its_text() {
        let out = html("看[[没有的词|这个词]]。");
        assert!(out.contains("看这个词。") && !out.contains("<a"), "{out}");
    }

    #[test]
    fn scan_reports_glossary_links_apart_from_file_links() {
        let found = scan("先看[[流失率]]再看[图](../assets/a.png)。");
        assert_eq!(found.terms, [TermReference { name: "流失率".into(), offset: 6 }]);
        assert_eq!(found.references.len(), 1);
    }

    #[test]
    fn raw_html_media_and_captions_load_from_the_course_while_anchors_stay() {
        let options =
            RenderOptions { asset_base: Some("qxasset://localhost/c1/modules/".into()), ..Default::default() };
        let out = render(
            "<video src=\"../assets/clip.webm\" controls><track kind=\"captions\" src=\"../assets/clip.vtt\" srclang=\"zh\" label=\"中文\" default></video>\n\n正文[^1]\n\n[^1]: 注。",
            &options,
        )
        .html;
        assert!(out.contains("src=\"qxasset://localhost/c1/modules/../assets/clip.webm\""), "{out}");
        assert!(
            out.contains("<track kind=\"captions\" src=\"qxasset://localhost/c1/modules/../assets/clip.vtt\""),
            "{out}"
        );
        assert!(out.contains("href=\"#qx-"), "footnote anchors stay in the page: {out}");
    }
}
