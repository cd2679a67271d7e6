//! A GIFT file cut into items — questions and category lines — each
//! remembering where its text came from, so a problem found anywhere inside
//! it is reported at the right line and column of the file.

use super::escape;

/// What one item of the file is.
pub(super) enum Kind {
    /// `$CATEGORY: path`: tags the questions after it.
    Category(String),
    Question,
}

/// One item: its lines (escapes hidden, comment lines dropped) joined by `\n`.
pub(super) struct Item {
    pub kind: Kind,
    pub text: String,
    /// Where each line starts in `text`, and its line number in the file.
    lines: Vec<(usize, usize)>,
}

impl Item {
    fn new(kind: Kind) -> Self {
        Item { kind, text: String::new(), lines: Vec::new() }
    }

    fn push_line(&mut self, line_number: usize, line: &str) {
        if !self.lines.is_empty() {
            self.text.push('\n');
        }
        self.lines.push((self.text.len(), line_number));
        self.text.push_str(&escape::hide(line));
    }

    /// The 1-based line and column in the file of byte `offset` of `text`.
    /// An escape placeholder counts as the two characters it was written as.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let index = self.lines.partition_point(|(start, _)| *start <= offset).saturating_sub(1);
        let (start, line) = self.lines.get(index).copied().unwrap_or((0, 1));
        let end = offset.clamp(start, self.text.len());
        let before = self.text.get(start..end).unwrap_or_default();
        let col = before.chars().map(|c| if escape::is_placeholder(c) { 2 } else { 1 }).sum::<usize>() + 1;
        (line, col)
    }

    /// The byte offset in `text` at which `part`, a slice of it, starts.
    pub(super) fn offset_of(&self, part: &str) -> usize {
        (part.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize).min(self.text.len())
    }
}

/// Cuts `text` into items: blank lines separate questions, lines starting
/// with `//` are comments and dropped, and a `$CATEGORY:` line is an item of
/// its own.
pub(super) fn items(text: &str) -> Vec<Item> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut items = Vec::new();
    let mut current: Option<Item> = None;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            items.extend(current.take());
        } else if trimmed.starts_with("//") {
            continue;
        } else if let Some(path) = trimmed.strip_prefix("$CATEGORY:") {
            items.extend(current.take());
            let mut category = Item::new(Kind::Category(escape::reveal(&escape::hide(path)).trim().to_string()));
            category.push_line(line_number, line);
            items.push(category);
        } else {
            current.get_or_insert_with(|| Item::new(Kind::Question)).push_line(line_number, line);
        }
    }
    items.extend(current);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_gift_items_split_on_blank_lines_and_skip_comments() {
        let text = "// header\n\n::a:: one {T}\n\n\n  two\n// inside\n{F}\n$CATEGORY: x/y\nthree {T}\n";
        let items = items(text);
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["::a:: one {T}", "  two\n{F}", "$CATEGORY: x/y", "three {T}"]);
        assert!(matches!(&items[2].kind, Kind::Category(path) if path == "x/y"));
        // `{F}` is on line 8 of the file, after the comment on line 7.
        let second = &items[1];
        assert_eq!(second.position(second.text.find('{').unwrap()), (8, 1));
        assert_eq!(second.position(2), (6, 3));
    }

    #[test]
    fn quiz_gift_positions_count_escapes_as_written() {
        let items = items("\u{feff}a\\{b {T}\r\nx");
        let item = &items[0];
        assert_eq!(item.position(item.text.find('{').unwrap()), (1, 6));
        assert_eq!(item.position(item.text.find('x').unwrap()), (2, 1));
    }
}
