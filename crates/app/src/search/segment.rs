//! Chinese-aware word segmentation with jieba, shared by indexing and
//! querying so both sides cut text the same way.
//!
//! FTS5's own tokenizers cannot split Chinese into words (unicode61 keeps a
//! whole run of Han characters as one token), so we store text as jieba's
//! words joined by spaces and let unicode61 split on the spaces. Search mode
//! (`cut_for_search`) also emits the shorter words inside long ones
//! (社群运营师 → 社群, 运营, …), so a two-character query finds them.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// Loading the dictionary takes a moment, so it happens once per process.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Loads the dictionary ahead of the first search (e.g. on a background
/// thread at start-up) so that search does not pay for it.
pub fn warm_up() {
    let _ = jieba();
}

/// The words of `text` that can match: anything with a letter or a digit,
/// lower-cased (punctuation and spaces are dropped).
pub fn words(text: &str) -> Vec<String> {
    jieba()
        .cut_for_search(text, true)
        .into_iter()
        .map(|token| token.word)
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect()
}

/// `text` as space-separated words, the form stored in the FTS table.
pub fn joined(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_chinese_into_words_and_keeps_ascii_terms() {
        assert_eq!(words("SOP 社群"), ["sop", "社群"]);
        assert_eq!(
            words("用户裂变的SOP流程"),
            ["用户", "裂变", "的", "sop", "流程"]
        );
        assert_eq!(words("KOC"), ["koc"]);
    }

    #[test]
    fn punctuation_alone_gives_no_words() {
        assert!(words("，。！？“”……  --- ***").is_empty());
        assert!(words("").is_empty());
    }
}
