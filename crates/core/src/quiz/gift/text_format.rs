//! GIFT text formats. A text may start with `[markdown]`, `[html]`, `[plain]`
//! or `[moodle]` (the default); answers inherit the question's format unless
//! they name their own. Bank texts are Markdown, so:
//!
//! - `[markdown]` and `[moodle]` texts are kept as written (the app renders
//!   and sanitises them like any stem);
//! - `[plain]` texts have every Markdown-significant character escaped, so
//!   they show exactly as typed;
//! - `[html]` texts are reduced to their text by a real HTML parser (scripts
//!   and styles dropped with their content, block ends become line breaks),
//!   then treated as plain.
//!
//! Texts the learner's input is compared with (accepted blanks, matching
//! sides) are never escaped: they only lose HTML.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextFormat {
    Moodle,
    Markdown,
    Html,
    Plain,
}

/// The format named at the start of `text` (after spaces) and the text after
/// it; a bracket naming no known format is part of the text.
pub(super) fn split_format(text: &str) -> (Option<TextFormat>, &str) {
    let trimmed = text.trim_start();
    let Some(inner) = trimmed.strip_prefix('[') else { return (None, text) };
    let Some(end) = inner.find(']') else { return (None, text) };
    let format = match inner[..end].to_ascii_lowercase().as_str() {
        "moodle" => TextFormat::Moodle,
        "markdown" => TextFormat::Markdown,
        "html" => TextFormat::Html,
        "plain" => TextFormat::Plain,
        _ => return (None, text),
    };
    (Some(format), &inner[end + 1..])
}

/// `text` (escapes already revealed) as bank Markdown.
pub(crate) fn to_markdown(text: &str, format: TextFormat) -> String {
    match format {
        TextFormat::Moodle | TextFormat::Markdown => text.trim().to_string(),
        TextFormat::Plain => escape_markdown(text.trim()),
        TextFormat::Html => escape_markdown(&html_to_text(text)),
    }
}

/// `text` as plain text, for values compared with what the learner types.
pub(crate) fn to_plain(text: &str, format: TextFormat) -> String {
    match format {
        TextFormat::Html => html_to_text(text),
        _ => text.trim().to_string(),
    }
}

/// Backslash-escapes what Markdown would otherwise interpret.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        // Line starts that open a list, a heading underline or a quote.
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let list_number = digits > 0 && matches!(body[digits..].chars().next(), Some('.' | ')'));
        for (j, c) in body.char_indices() {
            let starts_block = j == 0 && matches!(c, '-' | '+' | '=');
            if starts_block || (list_number && j == digits) || "\\`*_[]<>#|~&".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The text of an HTML fragment.
fn html_to_text(html: &str) -> String {
    let cleaned = ammonia::Builder::empty().clean(&break_after_blocks(html)).to_string();
    let decoded = cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
        .replace("&amp;", "&");
    let mut lines: Vec<String> = Vec::new();
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        // Keep one empty line between paragraphs, never more.
        if !line.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(line);
        }
    }
    lines.join("\n").trim().to_string()
}

/// Elements after which text continues on a new line.
const BLOCK_ENDS: [&str; 13] =
    ["br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/ul", "/ol"];

/// `html` with a line break after each tag in [`BLOCK_ENDS`], so paragraphs
/// stay apart once the tags are gone.
fn break_after_blocks(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c) else { break };
        let tag = &rest[open + 1..close];
        let name: String =
            tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect::<String>().to_ascii_lowercase();
        out.push_str(&rest[..=close]);
        if BLOCK_ENDS.contains(&name.trim_end_matches('/')) || name == "br/" {
            out.push('\n');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::markdown("[markdown] **粗体**", Some(TextFormat::Markdown), " **粗体**")]
    #[case::html_after_spaces("  [HTML]<b>x</b>", Some(TextFormat::Html), "<b>x</b>")]
    #[case::plain("[plain]a*b", Some(TextFormat::Plain), "a*b")]
    #[case::unknown("[note] 文本", None, "[note] 文本")]
    #[case::none("文本", None, "文本")]
    fn quiz_gift_format_prefix(#[case] text: &str, #[case] format: Option<TextFormat>, #[case] rest: &str) {
        assert_eq!(split_format(text), (format, rest));
    }

    #[rstest]
    #[case::paragraphs("<p>第一段</p><p>第二段 &amp; 更多</p>", "第一段\n第二段 & 更多")]
    #[case::line_break("一<br>二<BR/>三", "一\n二\n三")]
    #[case::script_dropped("<script>alert('x')</script>安全<style>p{}</style>", "安全")]
    #[case::handlers_and_links("<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">点我</a>", "点我")]
    #[case::entities("1 &lt; 2 &gt; 0&nbsp;是", "1 < 2 > 0 是")]
    #[case::escaped_tag_stays_text("&lt;script&gt;", "<script>")]
    #[case::whitespace("  <div>  a \n  b </div>  ", "a\nb")]
    fn quiz_gift_html_becomes_text(#[case] html: &str, #[case] text: &str) {
        assert_eq!(html_to_text(html), text);
    }

    #[test]
    fn quiz_gift_plain_and_html_are_escaped_for_markdown() {
        assert_eq!(to_markdown("a*b_c [x](y) <i>", TextFormat::Plain), r"a\*b\_c \[x\](y) \<i\>");
        assert_eq!(to_markdown("- item\n1. one\n# h", TextFormat::Plain), "\\- item\n1\\. one\n\\# h");
        assert_eq!(to_markdown("<p>&lt;script&gt;</p>", TextFormat::Html), r"\<script\>");
        assert_eq!(to_markdown(" **md** ", TextFormat::Markdown), "**md**");
        assert_eq!(to_plain("<b>私域</b>", TextFormat::Html), "私域");
        assert_eq!(to_plain(" a*b ", TextFormat::Plain), "a*b");
    }
}
