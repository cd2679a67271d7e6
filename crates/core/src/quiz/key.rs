//! Whether a new version of a question scores answers differently: its
//! answer key. Wording (stem, explanation, feedback), tags and difficulty
//! change nothing a learner already scored; the type, the points, the
//! options, the answer(s), blanks, pairs, order and tolerance do.

use crate::pack::model::Question;

/// True when `new` may score some answer differently from `old`.
pub fn key_changed(old: &Question, new: &Question) -> bool {
    old.kind != new.kind
        || old.points != new.points
        || old.options != new.options
        || old.answer != new.answer
        || old.answers != new.answers
        || old.blanks != new.blanks
        || old.partial_blanks != new.partial_blanks
        || old.pairs != new.pairs
        || old.distractors != new.distractors
        || old.items != new.items
        || old.tolerance != new.tolerance
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::{Answer, QuestionType};
    use crate::quiz::test_support::sample;

    #[test]
    fn wording_is_not_a_key_change_but_the_answer_and_points_are() {
        let old = sample(QuestionType::Single, 1.0);
        let reworded =
            Question { stem: "改过的题干".into(), explanation: "更清楚的解析。".into(), ..old.clone() };
        assert!(!key_changed(&old, &reworded));
        let rekeyed = Question { answer: Some(Answer::Integer(2)), ..old.clone() };
        assert!(key_changed(&old, &rekeyed));
        let reweighted = Question { points: old.points + 1.0, ..old.clone() };
        assert!(key_changed(&old, &reweighted));
    }
}
