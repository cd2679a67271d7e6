//! What the learner's screen gets for one question: the stem and the texts to
//! choose from, keyed and in display order — and nothing that gives away the
//! answer. Stems and options stay Markdown here; the app renders and
//! sanitises them.

use serde::Serialize;

use crate::pack::model::{Question, QuestionType, BLANK_MARKER};

use super::{option_key, PresentedQuestion};

/// A text with the key the learner's answer refers to it by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyedText {
    /// The key the answer uses for this text: its original index, as a decimal string (`"0"`, `"1"`, …).
    pub key: String,
    /// The text shown, as Markdown.
    pub text: String,
}

/// One question as shown. Which lists are present depends on `kind`:
/// `options` for single / multiple, `left` and `right` for matching, `items`
/// for ordering, `blank_count` for fill-in-the-blank.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    /// The question's id.
    pub id: String,
    /// The question type (`type` in JSON); decides which lists are present.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Markdown.
    pub stem: String,
    /// Points the question is worth.
    pub points: f64,
    /// Single / multiple choice: the options in display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<KeyedText>>,
    /// Matching: the left-hand sides in stored order; their keys are their positions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Vec<String>>,
    /// Matching: the right-hand sides (distractors included) in display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Vec<KeyedText>>,
    /// Ordering: the items in their shuffled display order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<KeyedText>>,
    /// Fill-in-the-blank: how many `____` blanks the stem has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blank_count: Option<usize>,
}

/// The view of `question` in the order `presented` gives. An order that does
/// not fit the question (it changed since the attempt began) falls back to
/// the stored order rather than dropping entries.
pub fn question_view(question: &Question, presented: &PresentedQuestion) -> QuestionView {
    let mut view = QuestionView {
        id: question.id.clone(),
        kind: question.kind,
        stem: question.stem.clone(),
        points: question.points,
        options: None,
        left: None,
        right: None,
        items: None,
        blank_count: None,
    };
    match question.kind {
        QuestionType::Single | QuestionType::Multiple => {
            view.options = Some(keyed(question.options.as_deref().unwrap_or_default(), &presented.order));
        }
        QuestionType::Matching => {
            let pairs = question.pairs.as_deref().unwrap_or_default();
            view.left = Some(pairs.iter().map(|(left, _)| left.clone()).collect());
            view.right = Some(keyed(&question.right_hand_sides(), &presented.order));
        }
        QuestionType::Ordering => {
            view.items = Some(keyed(question.items.as_deref().unwrap_or_default(), &presented.order))
        }
        QuestionType::FillBlank => view.blank_count = Some(question.stem.matches(BLANK_MARKER).count()),
        QuestionType::TrueFalse | QuestionType::Numeric | QuestionType::ShortAnswer => {}
    }
    view
}

/// `texts` keyed by their original index, in `order` when it is a
/// permutation of them.
fn keyed(texts: &[String], order: &[usize]) -> Vec<KeyedText> {
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    let fits = sorted.iter().copied().eq(0..texts.len());
    let indexes: Vec<usize> = if fits { order.to_vec() } else { (0..texts.len()).collect() };
    indexes.into_iter().map(|i| KeyedText { key: option_key(i), text: texts[i].clone() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_support::sample;

    fn shown(question: &Question, order: Vec<usize>) -> QuestionView {
        question_view(question, &PresentedQuestion { question_id: question.id.clone(), order })
    }

    fn keys_and_texts(list: &[KeyedText]) -> Vec<(&str, &str)> {
        list.iter().map(|k| (k.key.as_str(), k.text.as_str())).collect()
    }

    #[test]
    fn quiz_view_keys_options_by_original_index_in_display_order() {
        let view = shown(&sample(QuestionType::Single, 1.0), vec![2, 0, 3, 1]);
        assert_eq!(
            keys_and_texts(view.options.as_ref().unwrap()),
            [("2", "丙"), ("0", "甲"), ("3", "丁"), ("1", "乙")]
        );
    }

    #[test]
    fn quiz_view_matching_and_ordering() {
        let view = shown(&sample(QuestionType::Matching, 1.0), vec![2, 0, 1]);
        assert_eq!(view.left.unwrap(), ["微信", "抖音", "微博"]);
        assert_eq!(keys_and_texts(view.right.as_ref().unwrap()), [("2", "广场"), ("0", "私域"), ("1", "短视频")]);
        let view = shown(&sample(QuestionType::Ordering, 1.0), vec![3, 1, 0, 2]);
        assert_eq!(
            keys_and_texts(view.items.as_ref().unwrap()),
            [("3", "转化"), ("1", "激活"), ("0", "引流"), ("2", "留存")]
        );
    }

    #[test]
    fn quiz_view_counts_blanks() {
        assert_eq!(shown(&sample(QuestionType::FillBlank, 1.0), vec![]).blank_count, Some(2));
    }

    #[test]
    fn quiz_view_ignores_an_order_that_does_not_fit() {
        let view = shown(&sample(QuestionType::Single, 1.0), vec![0, 0, 7]);
        assert_eq!(view.options.unwrap().iter().map(|o| o.key.as_str()).collect::<Vec<_>>(), ["0", "1", "2", "3"]);
    }

    /// No view of any type carries its answer, explanation or feedback.
    #[test]
    fn quiz_view_never_leaks_answers() {
        for kind in QuestionType::ALL {
            let q = sample(kind, 1.0);
            let json = serde_json::to_string(&shown(&q, vec![])).unwrap();
            let keys = ["answer", "answers", "explanation", "feedback", "reference", "tolerance", "blanks", "pairs"]
                .map(|k| format!("\"{k}\""));
            let values = ["18.5", "信任", "参考答案", "甲不对", "A 对"].map(String::from);
            for secret in keys.iter().chain(&values) {
                assert!(!json.contains(secret), "{kind} view leaks `{secret}`: {json}");
            }
        }
    }
}
