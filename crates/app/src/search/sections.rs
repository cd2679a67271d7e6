//! Splits a module into the sections under its headings, as plain text, so
//! a search hit can open the module at the heading it was found under.

use pulldown_cmark::{Event, Tag, TagEnd};
use qunxue_core::markdown;

/// The text under one heading (or before the first one, with no anchor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Section {
    /// The heading's id in the rendered HTML (`qx-…`), the scroll target.
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}

/// The module's sections in reading order; empty ones are left out.
///
/// Heading ids come from the renderer itself, so they are exactly the ids
/// in the HTML the learner sees (custom `{#id}`s and de-duplicated slugs
/// included): the n-th heading this walk meets is the renderer's n-th.
pub(super) fn sections(markdown_text: &str) -> Vec<Section> {
    let headings = markdown::headings(markdown_text);
    let mut headings = headings.into_iter();
    let mut sections = vec![Section { anchor: None, heading: String::new(), text: String::new() }];
    let mut in_heading = false;
    for event in markdown::parser(markdown_text) {
        let current = sections.last_mut().expect("there is always a current section");
        match event {
            Event::Start(Tag::Heading { .. }) => {
                let heading = headings.next();
                sections.push(Section {
                    anchor: heading.as_ref().map(|h| h.id.clone()),
                    heading: heading.map(|h| h.text).unwrap_or_default(),
                    text: String::new(),
                });
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            // The heading's own words are already in `heading`.
            Event::Text(_) | Event::Code(_) if in_heading => {}
            Event::Text(text) | Event::Code(text) => current.text.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock)
                if !current.text.ends_with('\n') && !current.text.is_empty() =>
            {
                current.text.push('\n');
            }
            // Raw HTML is not readable text; everything else is structure.
            _ => {}
        }
    }
    for section in &mut sections {
        section.text = section.text.trim().to_string();
    }
    sections.retain(|s| !s.text.is_empty() || !s.heading.is_empty());
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_with_the_rendered_ids() {
        let md = "导语一句。\n\n# 社群运营\n\n第一段，**加粗**的词。\n\n## 定义\n\n- 共同点\n- 持续互动\n\n## 定义\n\n重复的标题。\n\n## 自定义 {#custom}\n\n`代码` 也算。\n";
        let got = sections(md);
        let summary: Vec<_> = got.iter().map(|s| (s.anchor.as_deref(), s.heading.as_str())).collect();
        assert_eq!(
            summary,
            [
                (None, ""),
                (Some("qx-社群运营"), "社群运营"),
                (Some("qx-定义"), "定义"),
                (Some("qx-定义-1"), "定义"),
                (Some("qx-custom"), "自定义"),
            ]
        );
        assert_eq!(got[0].text, "导语一句。");
        assert_eq!(got[1].text, "第一段，加粗的词。");
        assert_eq!(got[2].text, "共同点\n持续互动");
        assert_eq!(got[4].text, "代码 也算。");
    }

    #[test]
    fn raw_html_is_not_indexed() {
        let got = sections("# 标题\n\n<script>alert(1)</script>\n\n正文");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "正文");
    }
}
