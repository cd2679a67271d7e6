//! Breaking text into lines that fit a width, where the Unicode line
//! breaking algorithm (UAX #14) allows: between Latin words, between Chinese
//! characters (never before a closing mark like `，` or `）`), never inside a
//! number such as `2026-01-01` or `0.35`. A word wider than the whole line is
//! the one thing split between characters, as a last resort.

use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Lines of `text`, each no wider than `max` by `width` (unless a single
/// character is wider). Spaces at a break are dropped; a newline always
/// breaks. An empty text is one empty line.
pub(super) fn wrap(text: &str, max: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        // A segment runs to the next break opportunity: a word with its
        // trailing spaces, or one Chinese character with its punctuation.
        let segment = &text[start..end];
        start = end;
        if !line.is_empty() && width(format!("{line}{segment}").trim_end()) > max {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        if line.is_empty() && width(segment.trim_end()) > max {
            line = split_word(segment, max, &width, &mut lines);
        } else {
            line.push_str(segment);
        }
        if opportunity == BreakOpportunity::Mandatory {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The width of the widest piece of `text` that [`wrap`] keeps on one line
/// (a word, a number, a Chinese character with its punctuation): the least
/// width that wraps `text` without splitting a word.
pub(super) fn widest_word(text: &str, width: impl Fn(&str) -> f32) -> f32 {
    let mut start = 0;
    let mut widest = 0.0_f32;
    for (end, _) in linebreaks(text) {
        widest = widest.max(width(text[start..end].trim_end()));
        start = end;
    }
    widest
}

/// Splits a word too wide for any line between characters: full lines go
/// to `lines`, the rest is returned to start the next line.
fn split_word(word: &str, max: f32, width: &impl Fn(&str) -> f32, lines: &mut Vec<String>) -> String {
    let mut piece = String::new();
    for c in word.chars() {
        let longer = format!("{piece}{c}");
        if !piece.is_empty() && !c.is_whitespace() && width(&longer) > max {
            lines.push(std::mem::take(&mut piece));
            piece.push(c);
        } else {
            piece = longer;
        }
    }
    piece
}

/// Every character one unit wide, a full-width (CJK) one two: a stand-in
/// for a font that makes the expected lines easy to count (this module's and
/// the table's tests).
#[cfg(test)]
pub(super) fn test_units(text: &str) -> f32 {
    text.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum()
}

#[cfg(test)]
mod tests {
    use super::{test_units as units, widest_word, wrap};

    #[test]
    fn a_latin_sentence_breaks_between_words_only() {
        let lines = wrap("The trained group improved its activity rate", 16.0, units);
        assert_eq!(lines, ["The trained", "group improved", "its activity", "rate"]);
        for line in &lines {
            assert!(units(line) <= 16.0, "{line:?}");
        }
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_a_closing_mark() {
        let text = "训练组的活跃率平均提升了，效果显著。";
        let lines = wrap(text, 12.0, units);
        // "了，" would end the second line at 14 wide; the comma may not start
        // a line, so both move on.
        assert_eq!(lines, ["训练组的活跃", "率平均提升", "了，效果显", "著。"]);
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn mixed_text_keeps_latin_words_and_numbers_whole() {
        let lines = wrap("班级增益 Hake gain 0.35，基线期 2026-01-01", 14.0, units);
        assert_eq!(lines, ["班级增益 Hake", "gain 0.35，基", "线期", "2026-01-01"]);
        for word in ["Hake", "gain", "0.35", "2026-01-01"] {
            assert!(lines.iter().any(|l| l.contains(word)), "{word} is split: {lines:?}");
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_as_a_last_resort() {
        let lines = wrap("see Supercalifragilistic now", 8.0, units);
        assert_eq!(lines, ["see", "Supercal", "ifragili", "stic now"]);
    }

    #[test]
    fn the_widest_word_is_the_least_width_that_keeps_words_whole() {
        assert_eq!(widest_word("班级增益 g", units), 2.0);
        assert_eq!(widest_word("The trained group", units), 7.0);
        assert_eq!(widest_word("课前平均(%)", units), 3.0);
        let text = "The trained group improved";
        let lines = wrap(text, widest_word(text, units), units);
        assert_eq!(lines, ["The", "trained", "group", "improved"]);
    }

    #[test]
    fn newlines_break_and_empty_text_is_one_empty_line() {
        assert_eq!(wrap("a b\nc", 10.0, units), ["a b", "c"]);
        assert_eq!(wrap("", 10.0, units), [""]);
        assert_eq!(wrap("a\n\nb", 10.0, units), ["a", "", "b"]);
    }
}
