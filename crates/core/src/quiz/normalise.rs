//! How fill-in-the-blank answers are compared: the same text typed with a
//! Chinese or an English keyboard, in any case, with any spacing, matches.

/// Folds `text` for comparison: full-width ASCII variants (U+FF01–U+FF5E) and
/// the common CJK punctuation become their ASCII forms, the ideographic space
/// becomes a space, letters are lower-cased and every whitespace character is
/// removed. `"ＡＢＣ，１２"`, `"abc, 12"` and `"A B C,12"` all give `"abc,12"`.
pub fn normalise_blank(text: &str) -> String {
    text.chars().map(half_width).filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The ASCII (half-width) form of `c`, or `c` itself.
fn half_width(c: char) -> char {
    match c {
        // The full-width block mirrors printable ASCII at a fixed distance.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // CJK punctuation outside that block, typed by Chinese input methods.
        '。' | '｡' => '.',
        '、' | '､' => ',',
        '“' | '”' | '「' | '」' => '"',
        '‘' | '’' | '『' | '』' => '\'',
        '【' => '[',
        '】' => ']',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '￥' => '¥',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::full_width_letters_and_digits("ＡＢＣ１２３", "abc123")]
    #[case::case_folds("WeChat", "wechat")]
    #[case::ideographic_space("私域\u{3000}流量", "私域流量")]
    #[case::all_whitespace(" 私 域\t流\n量 ", "私域流量")]
    #[case::full_width_comma("甲，乙", "甲,乙")]
    #[case::half_width_comma("甲, 乙", "甲,乙")]
    #[case::full_width_parentheses("（A）", "(a)")]
    #[case::cjk_full_stop_and_enumeration_comma("甲、乙。", "甲,乙.")]
    #[case::curly_quotes("“社群”", "\"社群\"")]
    #[case::empty("", "")]
    fn quiz_blank_normalisation(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(normalise_blank(input), expected);
    }

    #[test]
    fn quiz_blank_full_width_block_maps_onto_printable_ascii() {
        for code in 0xFF01..=0xFF5E_u32 {
            let full = char::from_u32(code).unwrap();
            let ascii = char::from_u32(code - 0xFEE0).unwrap();
            assert_eq!(normalise_blank(&full.to_string()), normalise_blank(&ascii.to_string()), "{full}");
        }
    }
}
