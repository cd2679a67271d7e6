//! Where values sit in a TOML file, so checks that run after deserialising
//! can still point at `file:line:col`.
//!
//! The models stay plain (they round-trip through JSON into the store); the
//! positions come from toml's spanned document tree, walked with [`At`].

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{line_col, Diagnostic, Message};

/// A TOML text with its spanned tree.
pub(crate) struct TomlDoc<'t> {
    file: &'t str,
    text: &'t str,
    /// 1-based line of the file where `text` starts (front matter starts on line 2).
    first_line: usize,
    root: Spanned<DeValue<'t>>,
}

impl<'t> TomlDoc<'t> {
    /// Builds the tree of a text that has already deserialised cleanly; a
    /// text that does not parse gets an empty tree (every position 1:1).
    pub(super) fn new(file: &'t str, text: &'t str, first_line: usize) -> Self {
        let root = match DeTable::parse(text) {
            Ok(table) => {
                let span = table.span();
                Spanned::new(span, DeValue::Table(table.into_inner()))
            }
            Err(_) => Spanned::new(0..0, DeValue::Table(DeTable::default())),
        };
        Self { file, text, first_line, root }
    }

    /// The whole document.
    pub(super) fn root(&self) -> At<'_> {
        At { doc: self, start: self.root.span().start, value: Some(self.root.get_ref()) }
    }
}

/// A position in a [`TomlDoc`]: a value, or a key when reached via [`At::entries`].
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    doc: &'a TomlDoc<'a>,
    start: usize,
    value: Option<&'a DeValue<'a>>,
}

impl<'a> At<'a> {
    fn to(self, node: Option<&'a Spanned<DeValue<'a>>>) -> Self {
        match node {
            Some(node) => At { doc: self.doc, start: node.span().start, value: Some(node.get_ref()) },
            None => self,
        }
    }

    /// The value under `key`; stays here when there is none, so a missing
    /// key is reported at the table that lacks it.
    pub(super) fn key(self, key: &str) -> Self {
        self.to(self.value.and_then(|v| v.get(key)))
    }

    /// The `index`-th element of an array (or array of tables); stays here when out of range.
    pub(super) fn idx(self, index: usize) -> Self {
        self.to(self.value.and_then(|v| v.get(index)))
    }

    /// The keys of a table, each positioned at the key itself.
    pub(super) fn entries(self) -> Vec<(&'a str, At<'a>)> {
        let Some(DeValue::Table(table)) = self.value else { return Vec::new() };
        table
            .iter()
            .map(|(key, _)| (key.get_ref().as_ref(), At { doc: self.doc, start: key.span().start, value: None }))
            .collect()
    }

    /// `(line, col)` in the file, 1-based.
    pub(super) fn line_col(self) -> (usize, usize) {
        let (line, col) = line_col(self.doc.text, self.start);
        (line + self.doc.first_line - 1, col)
    }

    /// `file:line:col`, for messages that point at a second place.
    pub(super) fn location(self) -> String {
        let (line, col) = self.line_col();
        format!("{}:{line}:{col}", self.doc.file)
    }

    pub(super) fn error(self, message: Message) -> Diagnostic {
        let (line, col) = self.line_col();
        Diagnostic::error(self.doc.file, line, col, message)
    }

    pub(super) fn warning(self, message: Message) -> Diagnostic {
        let (line, col) = self.line_col();
        Diagnostic::warning(self.doc.file, line, col, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id = \"b\"\n\n[[question]]\nid = \"q1\"\n\n[[question]]\nid = \"q2\"\nanswers = [0, 7]\n";

    #[test]
    fn walks_to_values_and_falls_back_to_the_nearest_parent() {
        let doc = TomlDoc::new("b.toml", TEXT, 1);
        let root = doc.root();
        assert_eq!(root.key("id").line_col(), (1, 6));
        assert_eq!(root.key("question").idx(1).key("id").line_col(), (7, 6));
        assert_eq!(root.key("question").idx(1).key("answers").idx(1).line_col(), (8, 15));
        let missing = root.key("question").idx(0).key("stem");
        assert_eq!(missing.line_col().0, root.key("question").idx(0).line_col().0);
        assert_eq!(missing.error(crate::msg!("x", "某处")).to_string().split(':').next(), Some("b.toml"));
    }

    #[test]
    fn entries_point_at_keys_and_offsets_shift_by_first_line() {
        let doc = TomlDoc::new("m.md", "id = \"m\"\nkind = \"case\"\n", 2);
        let keys: Vec<_> = doc.root().entries().into_iter().map(|(k, at)| (k, at.line_col())).collect();
        assert!(keys.contains(&("kind", (3, 1))), "{keys:?}");
        assert_eq!(doc.root().key("kind").location(), "m.md:3:8");
    }
}
