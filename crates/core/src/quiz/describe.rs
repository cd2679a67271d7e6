//! Answers as a person reads them — the right answer in feedback, the
//! learner's answer in a result — built from the question's own texts.

use crate::pack::model::{Answer, Question, QuestionType};

use super::{parse_key, LearnerAnswer};

/// Joins several answers in one line.
const LIST: &str = "；";

impl Question {
    /// The right answer in words: the right option(s), 正确/错误, the accepted
    /// text of each blank, the pairs, the order, the number and tolerance,
    /// or the reference answer.
    pub fn correct_answer_text(&self) -> String {
        match self.kind {
            QuestionType::Single => match self.answer {
                Some(Answer::Integer(index)) => self.option_text(usize::try_from(index).unwrap_or(usize::MAX)),
                _ => String::new(),
            },
            QuestionType::Multiple => {
                self.answers.iter().flatten().map(|&i| self.option_text(i)).collect::<Vec<_>>().join(LIST)
            }
            QuestionType::TrueFalse => match self.answer {
                Some(Answer::Bool(value)) => truth(value).to_string(),
                _ => String::new(),
            },
            QuestionType::FillBlank => {
                let partial = self.partial_blanks.as_deref().unwrap_or_default();
                self.blanks
                    .iter()
                    .flatten()
                    .enumerate()
                    .map(|(i, accepted)| {
                        let credits: Vec<String> = partial
                            .get(i)
                            .into_iter()
                            .flatten()
                            .map(|p| format!("{} 得 {}%", p.answer, p.percent))
                            .collect();
                        let accepted = accepted.join(" / ");
                        if credits.is_empty() {
                            accepted
                        } else {
                            format!("{accepted}（{}）", credits.join("，"))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(LIST)
            }
            QuestionType::Matching => {
                let pairs =
                    self.pairs.iter().flatten().map(|(l, r)| format!("{l} → {r}")).collect::<Vec<_>>().join(LIST);
                match self.distractors.as_deref() {
                    Some(distractors) if !distractors.is_empty() => {
                        format!("{pairs}（干扰项：{}）", distractors.join("、"))
                    }
                    _ => pairs,
                }
            }
            QuestionType::Ordering => self.items.iter().flatten().cloned().collect::<Vec<_>>().join(" → "),
            QuestionType::Numeric => match (self.answer.and_then(Answer::as_number), self.tolerance) {
                (Some(value), Some(tolerance)) if tolerance > 0.0 => format!("{value} ± {tolerance}"),
                (Some(value), _) => value.to_string(),
                (None, _) => String::new(),
            },
            QuestionType::ShortAnswer => self.reference.clone().unwrap_or_default(),
        }
    }

    /// `answer` in words, with option keys replaced by their texts; keys
    /// naming nothing are shown as they came, marked with `?`.
    pub fn describe_answer(&self, answer: &LearnerAnswer) -> String {
        match answer {
            LearnerAnswer::Choice(key) => self.keyed_text(key, self.options.as_deref()),
            LearnerAnswer::Choices(keys) => {
                keys.iter().map(|k| self.keyed_text(k, self.options.as_deref())).collect::<Vec<_>>().join(LIST)
            }
            LearnerAnswer::Bool(value) => truth(*value).to_string(),
            LearnerAnswer::Blanks(blanks) => blanks.join(LIST),
            LearnerAnswer::Pairs(pairs) => {
                let lefts: Vec<String> = self.pairs.iter().flatten().map(|(l, _)| l.clone()).collect();
                let rights = self.right_hand_sides();
                pairs
                    .iter()
                    .map(|(l, r)| {
                        format!("{} → {}", self.keyed_text(l, Some(&lefts)), self.keyed_text(r, Some(&rights)))
                    })
                    .collect::<Vec<_>>()
                    .join(LIST)
            }
            LearnerAnswer::Order(keys) => {
                keys.iter().map(|k| self.keyed_text(k, self.items.as_deref())).collect::<Vec<_>>().join(" → ")
            }
            LearnerAnswer::Number(value) => value.to_string(),
            LearnerAnswer::Text(text) => text.clone(),
        }
    }

    fn option_text(&self, index: usize) -> String {
        self.options.as_ref().and_then(|o| o.get(index)).cloned().unwrap_or_default()
    }

    fn keyed_text(&self, key: &str, texts: Option<&[String]>) -> String {
        let texts = texts.unwrap_or_default();
        match parse_key(key, texts.len()) {
            Some(index) => texts[index].clone(),
            None => format!("{key}?"),
        }
    }
}

fn truth(value: bool) -> &'static str {
    if value {
        "正确"
    } else {
        "错误"
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::quiz::test_support::{right_answer, sample};

    #[rstest]
    #[case::single(QuestionType::Single, "乙", "乙")]
    #[case::multiple(QuestionType::Multiple, "A；C", "A；C")]
    #[case::true_false(QuestionType::TrueFalse, "正确", "正确")]
    #[case::fill_blank(QuestionType::FillBlank, "信任 / 信赖；内容", "信任；内容")]
    #[case::matching(
        QuestionType::Matching,
        "微信 → 私域；抖音 → 短视频；微博 → 广场",
        "微信 → 私域；抖音 → 短视频；微博 → 广场"
    )]
    #[case::ordering(QuestionType::Ordering, "引流 → 激活 → 留存 → 转化", "引流 → 激活 → 留存 → 转化")]
    #[case::numeric(QuestionType::Numeric, "18.5 ± 0.5", "18.5")]
    #[case::short_answer(QuestionType::ShortAnswer, "参考答案", "答案")]
    fn quiz_describe_every_type(#[case] kind: QuestionType, #[case] correct: &str, #[case] given: &str) {
        let q = sample(kind, 1.0);
        assert_eq!(q.correct_answer_text(), correct);
        assert_eq!(q.describe_answer(&right_answer(kind)), given);
    }

    #[test]
    fn quiz_describe_marks_unknown_keys() {
        let q = sample(QuestionType::Single, 1.0);
        assert_eq!(q.describe_answer(&LearnerAnswer::Choice("9".into())), "9?");
    }
}
