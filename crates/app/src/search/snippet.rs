//! Snippets: the passage of a document around the searched words, as plain
//! text segments flagged `hit` or not. The UI renders each segment as text
//! (a hit inside `<mark>`), so nothing from a pack or a note is ever parsed
//! as HTML on the way to the screen.

use serde::Serialize;

/// Characters shown around the hits.
const WINDOW_CHARS: usize = 90;
/// Characters kept before the first hit, for context.
const LEAD_CHARS: usize = 20;

/// A run of plain text, a searched word or not; the UI shows it as text, a hit inside `<mark>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text of the run, never HTML.
    pub text: String,
    /// The run is a searched word (ASCII case ignored), to highlight.
    pub hit: bool,
}

/// A short passage with the hits marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    /// The passage's runs in order, hits flagged.
    pub segments: Vec<Segment>,
    /// Text was cut before / after the passage.
    pub cut_before: bool,
    /// Text was cut after the passage: the document goes on beyond it.
    pub cut_after: bool,
}

/// The whole of a short text (a title, a heading) with the hits marked.
pub(super) fn mark_all(text: &str, terms: &[String]) -> Vec<Segment> {
    segments(text, &hit_ranges(text, terms), 0, text.len())
}

/// The window of `text` holding the most hits (or its start when none).
pub(super) fn snippet(text: &str, terms: &[String]) -> Snippet {
    let hits = hit_ranges(text, terms);
    let window_start = best_window_start(text, &hits);
    let start = back_up(text, window_start, LEAD_CHARS);
    let end = text[start..].char_indices().nth(WINDOW_CHARS).map_or(text.len(), |(i, _)| start + i);
    Snippet { segments: segments(text, &hits, start, end), cut_before: start > 0, cut_after: end < text.len() }
}

/// Byte ranges of every occurrence of every term (ASCII case folded), merged.
fn hit_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    // ASCII folding keeps byte offsets, so ranges found in the folded copy
    // are valid in the original.
    let folded = text.to_ascii_lowercase();
    let mut ranges: Vec<(usize, usize)> = terms
        .iter()
        .filter(|term| !term.is_empty())
        .flat_map(|term| {
            let term = term.to_ascii_lowercase();
            folded.match_indices(term.as_str()).map(|(at, found)| (at, at + found.len())).collect::<Vec<_>>()
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The start of the hit whose following window holds the most hits.
fn best_window_start(text: &str, hits: &[(usize, usize)]) -> usize {
    let window_bytes =
        |from: usize| text[from..].char_indices().nth(WINDOW_CHARS - LEAD_CHARS).map_or(text.len(), |(i, _)| from + i);
    hits.iter()
        .map(|&(start, _)| {
            let limit = window_bytes(start);
            (hits.iter().filter(|&&(s, e)| s >= start && e <= limit).count(), start)
        })
        // Most hits; on a tie the earliest passage.
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or(0, |(_, start)| start)
}

/// `at` moved back by up to `chars` characters.
fn back_up(text: &str, at: usize, chars: usize) -> usize {
    text[..at].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

fn segments(text: &str, hits: &[(usize, usize)], start: usize, end: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = start;
    for &(s, e) in hits {
        let (s, e) = (s.max(start), e.min(end));
        if s >= e {
            continue;
        }
        if s > at {
            out.push(Segment { text: text[at..s].to_string(), hit: false });
        }
        out.push(Segment { text: text[s..e].to_string(), hit: true });
        at = e;
    }
    if at < end {
        out.push(Segment { text: text[at..end].to_string(), hit: false });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    fn render(segments: &[Segment]) -> String {
        segments.iter().map(|s| if s.hit { format!("[{}]", s.text) } else { s.text.clone() }).collect()
    }

    #[test]
    fn marks_every_term_whatever_the_ascii_case() {
        assert_eq!(render(&mark_all("社群 SOP 与社群裂变", &terms(&["社群", "sop"]))), "[社群] [SOP] 与[社群]裂变");
    }

    #[test]
    fn overlapping_terms_merge_into_one_mark() {
        assert_eq!(render(&mark_all("私域流量池", &terms(&["私域", "私域流量", "流量"]))), "[私域流量]池");
    }

    #[test]
    fn picks_the_passage_with_the_most_hits() {
        let filler = "无关的文字。".repeat(40);
        let text = format!("裂变一次。{filler}裂变活动里的裂变海报与裂变奖励。{filler}");
        let s = snippet(&text, &terms(&["裂变"]));
        // The passage with three mentions wins over the lone one at the start.
        assert_eq!(s.segments.iter().filter(|x| x.hit).count(), 3, "{:?}", render(&s.segments));
        assert!(s.cut_before && s.cut_after);
        assert!(render(&s.segments).chars().count() <= WINDOW_CHARS + 8);
    }

    #[test]
    fn a_text_without_hits_shows_its_start() {
        let s = snippet("短文本", &terms(&["裂变"]));
        assert_eq!(render(&s.segments), "短文本");
        assert!(!s.cut_before && !s.cut_after);
    }

    #[test]
    fn markup_stays_plain_text() {
        let s = snippet("<b onclick=x>粗</b> 社群", &terms(&["社群"]));
        assert_eq!(s.segments[0].text, "<b onclick=x>粗</b> ");
        assert!(!s.segments[0].hit && s.segments[1].hit);
    }
}
