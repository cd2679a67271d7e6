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
    matching_words(text).map(lower_case).map(|word| word.into_owned()).collect()
}

/// `text` as space-separated words, the form stored in the FTS table. Built
/// in one buffer: indexing calls this for every section of every module,
/// and a `String` per word was a tenth of an import's time (the P1 profile
/// in docs/performance.md).
pub(super) fn joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for word in matching_words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&lower_case(word));
    }
    out
}

fn matching_words(text: &str) -> impl Iterator<Item = &str> {
    jieba()
        .cut_for_search(text, true)
        .into_iter()
        .map(|token| token.word)
        .filter(|word| word.chars().any(char::is_alphanumeric))
}

/// Chinese has no case, so most words are returned as they are, without
/// running `to_lowercase`'s table lookups over every character.
fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_chinese_into_words_and_keeps_ascii_terms() {
        assert_eq!(words("SOP 社群"), ["sop", "社群"]);
        assert_eq!(words("用户裂变的SOP流程"), ["用户", "裂变", "的", "sop", "流程"]);
        assert_eq!(words("KOC"), ["koc"]);
    }

    #[test]
    fn joined_is_the_words_separated_by_single_spaces() {
        let text = "用户裂变的SOP流程，ÉTÉ 与 KOC！";
        assert_eq!(joined(text), words(text).join(" "));
        assert!(joined(text).contains('é') && !joined(text).contains('É'), "non-ASCII capitals are lowered too");
        assert_eq!(joined("用户裂变的SOP流程"), "用户 裂变 的 sop 流程");
        assert_eq!(joined("，。！"), "");
    }

    #[test]
    fn punctuation_alone_gives_no_words() {
        assert!(words("，。！？“”……  --- ***").is_empty());
        assert!(words("").is_empty());
    }
}
