//! Inline Markdown from formatted runs of text: escaping, bold and italic,
//! links, footnote references and line breaks.

/// How a run of text is formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Format {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
}

/// One piece of a paragraph, in order.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text { text: String, format: Format, link: Option<String> },
    FootnoteRef(String),
    Break,
}

/// Collects a paragraph's runs and writes them as inline Markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Inline {
    pieces: Vec<Piece>,
    /// Link targets [`Inline::markdown`] kept as text only (not web or mail).
    dropped_links: std::cell::RefCell<Vec<String>>,
}

impl Inline {
    pub(super) fn text(&mut self, text: &str, format: Format, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        let link = link.map(str::to_string);
        // Word splits one visible run into many (spell-check marks, revision
        // ids); joining equal neighbours keeps `**一段粗体**` in one piece.
        if let Some(Piece::Text { text: last, format: f, link: l }) = self.pieces.last_mut() {
            if *f == format && *l == link {
                last.push_str(text);
                return;
            }
        }
        self.pieces.push(Piece::Text { text: text.to_string(), format, link });
    }

    pub(super) fn footnote(&mut self, label: &str) {
        self.pieces.push(Piece::FootnoteRef(label.to_string()));
    }

    pub(super) fn line_break(&mut self) {
        self.pieces.push(Piece::Break);
    }

    /// The plain text, for headings and titles.
    pub(super) fn plain(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text { text, .. } => out.push_str(text),
                Piece::Break => out.push(' '),
                Piece::FootnoteRef(_) => {}
            }
        }
        collapse_spaces(&out)
    }

    /// Link targets the last [`Inline::markdown`] left out (a `file:` URL, a
    /// relative path), for the attention list.
    pub(super) fn dropped_links(&self) -> Vec<String> {
        self.dropped_links.borrow().clone()
    }

    pub(super) fn is_blank(&self) -> bool {
        self.pieces.iter().all(|p| match p {
            Piece::Text { text, .. } => text.trim().is_empty(),
            Piece::Break => true,
            Piece::FootnoteRef(_) => false,
        })
    }

    /// The paragraph as inline Markdown on one logical line (hard breaks
    /// written as `\` at the end of a line).
    pub(super) fn markdown(&self) -> String {
        let mut out = String::new();
        let mut index = 0;
        while index < self.pieces.len() {
            match &self.pieces[index] {
                Piece::Text { link: Some(url), .. } => {
                    // A link spans every neighbour with the same target.
                    let start = index;
                    while matches!(&self.pieces.get(index), Some(Piece::Text { link: Some(u), .. }) if u == url) {
                        index += 1;
                    }
                    let inner: String = self.pieces[start..index].iter().map(formatted).collect();
                    let (lead, inner, trail) = split_spaces(&inner);
                    out.push_str(lead);
                    match link_target(url) {
                        Some(target) => out.push_str(&format!("[{inner}](<{target}>)")),
                        // A file on the author's disk or a relative path means
                        // nothing in a pack: the text stays, the reader is told.
                        None => {
                            out.push_str(inner);
                            self.dropped_links.borrow_mut().push(url.clone());
                        }
                    }
                    out.push_str(trail);
                    continue;
                }
                Piece::Text { .. } => out.push_str(&formatted(&self.pieces[index])),
                Piece::FootnoteRef(label) => out.push_str(&format!("[^{label}]")),
                Piece::Break => out.push_str("\\\n"),
            }
            index += 1;
        }
        let trimmed = out.trim_matches(|c: char| c == ' ' || c == '\t');
        let trimmed = trimmed.trim_end_matches("\\\n");
        // Every line after a hard break starts a line of Markdown too.
        collapse_inner_spaces(trimmed).split('\n').map(escape_line_start).collect::<Vec<_>>().join("\n")
    }
}

/// A text piece with its bold and italic markers. Markers go inside the
/// surrounding spaces, and text that starts or ends with punctuation (common
/// in Chinese: `**“引号”**`) gets HTML tags, because CommonMark would not
/// read `**` next to punctuation as emphasis after a letter.
fn formatted(piece: &Piece) -> String {
    let Piece::Text { text, format, .. } = piece else { return String::new() };
    let escaped = escape(&text.replace(['\n', '\r', '\t'], " "));
    let escaped = if format.strike && !escaped.trim().is_empty() {
        let (lead, core, trail) = split_spaces(&escaped);
        format!("{lead}~~{core}~~{trail}")
    } else {
        escaped
    };
    if !(format.bold || format.italic) {
        return escaped;
    }
    let (lead, core, trail) = split_spaces(&escaped);
    if core.is_empty() {
        return escaped;
    }
    let edge_punctuation =
        core.chars().next().is_some_and(is_punctuation) || core.chars().last().is_some_and(is_punctuation);
    let wrapped = match (format.bold, format.italic, edge_punctuation) {
        (true, true, false) => format!("***{core}***"),
        (true, false, false) => format!("**{core}**"),
        (false, true, false) => format!("*{core}*"),
        (true, true, true) => format!("<strong><em>{core}</em></strong>"),
        (true, false, true) => format!("<strong>{core}</strong>"),
        (false, true, true) => format!("<em>{core}</em>"),
        (false, false, _) => unreachable!("plain text returned above"),
    };
    format!("{lead}{wrapped}{trail}")
}

/// A link target as written between `<…>`, for web and mail links only.
fn link_target(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")) {
        return None;
    }
    let mut target = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '<' => target.push_str("%3C"),
            '>' => target.push_str("%3E"),
            c if c.is_whitespace() => target.push_str("%20"),
            c => target.push(c),
        }
    }
    Some(target)
}

/// A heading's text as Markdown: escaped, and without the trailing `{…}`
/// (heading attributes) or `#` that Markdown would take away from it.
pub(super) fn heading_text(text: &str) -> String {
    let mut out = escape(text);
    if out.ends_with('}') {
        out.insert(out.len() - 1, '\\');
    }
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

fn split_spaces(text: &str) -> (&str, &str, &str) {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    (&text[..start], &text[start..end], &text[end..])
}

/// Backslash-escapes what Markdown would otherwise read as markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` in the source text must stay those five characters.
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

fn looks_like_entity(rest: &[char]) -> bool {
    let name: String = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').collect();
    !name.is_empty() && rest.get(name.chars().count()) == Some(&';')
}

/// Escapes a line start that would make a heading, list, rule, quote or
/// instructor block.
pub(super) fn escape_line_start(text: &str) -> String {
    // `::: instructor` would open an instructor-only block.
    if text.starts_with(":::") {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = text[digits..].chars().next();
    let starts_block = matches!(text.chars().next(), Some('#' | '-' | '+' | '=' | '>'))
        || (digits > 0 && matches!(after_digits, Some('.' | ')')));
    if !starts_block {
        return text.to_string();
    }
    if digits > 0 {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        format!("\\{text}")
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses runs of spaces inside lines (Word pads with them), keeping the
/// hard line breaks.
fn collapse_inner_spaces(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            let mut last_space = false;
            for c in line.chars() {
                let space = c == ' ';
                if !(space && last_space) {
                    out.push(c);
                }
                last_space = space;
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOLD: Format = Format { bold: true, italic: false, strike: false };
    const ITALIC: Format = Format { bold: false, italic: true, strike: false };

    #[test]
    fn runs_become_emphasis_with_spaces_outside_the_markers() {
        let mut inline = Inline::default();
        inline.text("先做", Format::default(), None);
        inline.text("社群定位 ", BOLD, None);
        inline.text("再", Format::default(), None);
        inline.text("拉新", ITALIC, None);
        assert_eq!(inline.markdown(), "先做**社群定位** 再*拉新*");
    }

    #[test]
    fn neighbouring_runs_with_the_same_format_join() {
        let mut inline = Inline::default();
        inline.text("社群", BOLD, None);
        inline.text("定位", BOLD, None);
        assert_eq!(inline.markdown(), "**社群定位**");
    }

    #[test]
    fn emphasis_at_punctuation_uses_tags_that_always_render() {
        let mut inline = Inline::default();
        inline.text("叫作", Format::default(), None);
        inline.text("“北极星指标”", BOLD, None);
        assert_eq!(inline.markdown(), "叫作<strong>“北极星指标”</strong>");
    }

    #[test]
    fn markup_characters_are_escaped_and_block_starts_neutralised() {
        assert_eq!(escape("a*b_c [x] <y> | ~ \\"), "a\\*b\\_c \\[x\\] \\<y\\> \\| \\~ \\\\");
        assert_eq!(escape("R&D and &amp;"), "R&D and \\&amp;");
        assert_eq!(escape_line_start("# 不是标题"), "\\# 不是标题");
        assert_eq!(escape_line_start("2024. 年"), "2024\\. 年");
        assert_eq!(escape_line_start("正文"), "正文");
        assert_eq!(escape_line_start("::: instructor"), "\\::: instructor");
        assert_eq!(heading_text("第一章 {a, b}"), "第一章 {a, b\\}");
        assert_eq!(heading_text("C#"), "C\\#");
    }

    #[test]
    fn every_line_after_a_hard_break_is_escaped_too() {
        let mut inline = Inline::default();
        inline.text("第一行", Format::default(), None);
        inline.line_break();
        inline.text("# 不是标题", Format::default(), None);
        inline.line_break();
        inline.text("::: instructor", Format::default(), None);
        assert_eq!(inline.markdown(), "第一行\\\n\\# 不是标题\\\n\\::: instructor");
    }

    #[test]
    fn only_web_and_mail_links_are_kept_and_targets_are_encoded() {
        let mut inline = Inline::default();
        inline.text("规则", Format::default(), Some("https://example.com/a b<c>"));
        inline.text(" 和 ", Format::default(), None);
        inline.text("本地文件", Format::default(), Some("file:///C:/资料.docx"));
        assert_eq!(inline.markdown(), "[规则](<https://example.com/a%20b%3Cc%3E>) 和 本地文件");
        assert_eq!(inline.dropped_links(), ["file:///C:/资料.docx"]);
    }

    #[test]
    fn struck_text_keeps_its_strike() {
        let mut inline = Inline::default();
        inline.text("旧价", Format { strike: true, ..Format::default() }, None);
        assert_eq!(inline.markdown(), "~~旧价~~");
    }

    #[test]
    fn links_wrap_their_formatted_text_and_breaks_are_hard() {
        let mut inline = Inline::default();
        inline.text("见 ", Format::default(), None);
        inline.text("平台规则", Format::default(), Some("https://example.com/rules"));
        inline.line_break();
        inline.text("第二行", Format::default(), None);
        inline.footnote("1");
        assert_eq!(inline.markdown(), "见 [平台规则](<https://example.com/rules>)\\\n第二行[^1]");
        assert_eq!(inline.plain(), "见 平台规则 第二行");
    }
}
