//! Question banks: `quizzes/<slug>/banks/<bank>.toml`, one bank per file.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One question bank file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Stable bank id, unique within the course; quiz draws name it.
    pub id: String,
    /// Human-readable title of the bank, e.g. "第 1 课 题库".
    pub title: String,
    /// The `[[question]]` tables, in file order.
    #[serde(default, rename = "question")]
    pub questions: Vec<Question>,
}

/// The eight question types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// One right option among several (`options`, `answer`).
    Single,
    /// Several right options, with partial credit (`options`, `answers`).
    Multiple,
    /// A statement judged true or false (`answer` is a boolean).
    TrueFalse,
    /// Text typed into each `____` blank of the stem (`blanks`).
    FillBlank,
    /// Left-hand items matched with shuffled right-hand sides (`pairs`).
    Matching,
    /// Shuffled items put back in the right order (`items`).
    Ordering,
    /// A number, right within `tolerance` of `answer`.
    Numeric,
    /// Free text graded by hand against a model answer (`reference`).
    ShortAnswer,
}

impl QuestionType {
    /// Every type, in the order of the pack-format documentation.
    pub const ALL: [QuestionType; 8] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
        QuestionType::FillBlank,
        QuestionType::Matching,
        QuestionType::Ordering,
        QuestionType::Numeric,
        QuestionType::ShortAnswer,
    ];

    /// The snake_case name written as `type` in bank files (`single`, `fill_blank`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
            QuestionType::FillBlank => "fill_blank",
            QuestionType::Matching => "matching",
            QuestionType::Ordering => "ordering",
            QuestionType::Numeric => "numeric",
            QuestionType::ShortAnswer => "short_answer",
        }
    }

    /// Whether one click gives the whole answer (so in immediate-feedback
    /// mode saving it also checks it); other types are checked on request.
    pub fn answered_in_one_step(self) -> bool {
        matches!(self, QuestionType::Single | QuestionType::TrueFalse)
    }

    /// The answer keys this type must have, then those it may have. Every
    /// other answer key is an error, so a `single` question cannot silently
    /// carry `answers`.
    pub fn answer_keys(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            QuestionType::Single => (&["options", "answer"], &["feedback"]),
            QuestionType::Multiple => (&["options", "answers"], &["feedback"]),
            QuestionType::TrueFalse => (&["answer"], &[]),
            QuestionType::FillBlank => (&["blanks"], &["partial_blanks"]),
            QuestionType::Matching => (&["pairs"], &["distractors"]),
            QuestionType::Ordering => (&["items"], &[]),
            QuestionType::Numeric => (&["answer"], &["tolerance"]),
            QuestionType::ShortAnswer => (&["reference"], &[]),
        }
    }
}

impl fmt::Display for QuestionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Keys every question type shares; the rest are listed by [`QuestionType::answer_keys`].
pub const COMMON_QUESTION_KEYS: [&str; 7] = ["id", "type", "stem", "difficulty", "tags", "points", "explanation"];

/// Marks each blank in a `fill_blank` stem.
pub const BLANK_MARKER: &str = "____";

/// One question. Which answer fields are set depends on `kind`; the table in
/// `docs/pack-format.md` and [`QuestionType::answer_keys`] say which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable question id, unique within the course across all banks; answers are keyed on it.
    pub id: String,
    /// The question type (`type` in TOML); decides which answer keys apply.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Markdown.
    pub stem: String,
    /// 1 (easy) … 5 (hard).
    pub difficulty: u8,
    /// Free-form labels; quiz draws can require them.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Points for a fully right answer; more than 0, default 1.
    #[serde(default = "one_point")]
    pub points: f64,
    /// `single`, `multiple`: the choices shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// `single`: 0-based option index; `true_false`: a boolean; `numeric`: the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// `multiple`: 0-based indexes of every correct option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<usize>>,
    /// `single`, `multiple`: one message per option, shown when it is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Vec<String>>,
    /// `fill_blank`: the accepted answers, one list per blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blanks: Option<Vec<Vec<String>>>,
    /// `fill_blank`: answers worth part of a blank, one list per blank
    /// (Moodle's `=%50%Cat`); a blank's best match counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_blanks: Option<Vec<Vec<PartialAnswer>>>,
    /// `matching`: left and right sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Vec<(String, String)>>,
    /// `matching`: extra right-hand sides that match no left (Moodle's
    /// `= -> Chat`), shown among the choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distractors: Option<Vec<String>>,
    /// `ordering`: the items in the correct order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    /// `numeric`: absolute tolerance; absent means exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// `short_answer`: a model answer for the grader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Why the answer is right; required.
    pub explanation: String,
}

impl Question {
    /// The texts a learner chooses among or arranges: the options, the items
    /// to order, both sides of each pair and the distractors.
    pub fn choice_texts(&self) -> impl Iterator<Item = &str> {
        let options = self.options.iter().flatten().map(String::as_str);
        let items = self.items.iter().flatten().map(String::as_str);
        let pairs = self.pairs.iter().flatten().flat_map(|(left, right)| [left.as_str(), right.as_str()]);
        let distractors = self.distractors.iter().flatten().map(String::as_str);
        options.chain(items).chain(pairs).chain(distractors)
    }

    /// `matching`: every right-hand side a learner chooses among, pairs'
    /// first, then the distractors; a right-hand key is an index into it.
    pub fn right_hand_sides(&self) -> Vec<String> {
        let pairs = self.pairs.iter().flatten().map(|(_, right)| right.clone());
        pairs.chain(self.distractors.iter().flatten().cloned()).collect()
    }
}

/// An answer worth part of a blank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialAnswer {
    /// An answer text, matched like the blank's accepted answers (case, spaces and width ignored).
    pub answer: String,
    /// More than 0 and less than 100.
    pub percent: f64,
}

fn one_point() -> f64 {
    1.0
}

/// The `answer` key, whose type depends on the question type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `true_false`: whether the statement is true.
    Bool(bool),
    /// `single`: 0-based index of the right option; `numeric`: a whole-number answer.
    Integer(i64),
    /// `numeric`: an answer written as a float (`2.5`).
    Float(f64),
}

impl Answer {
    /// The answer as a number, for `numeric` questions.
    pub fn as_number(self) -> Option<f64> {
        match self {
            Answer::Integer(n) => Some(n as f64),
            Answer::Float(x) => Some(x),
            Answer::Bool(_) => None,
        }
    }
}

// Hand-written to match the hand-written `Deserialize` below: the JSON
// Schema names the three shapes the key accepts.
impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "`single`: 0-based option index; `true_false`: true or false; `numeric`: the number.",
            "type": ["boolean", "integer", "number"]
        })
    }
}

// Written by hand rather than `#[serde(untagged)]` so a wrong type gets a
// clear message and keeps the TOML position of the value.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl serde::de::Visitor<'_> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option index, true/false or a number")
            }

            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(v))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::Integer(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Answer, E> {
                i64::try_from(v).map(Answer::Integer).map_err(|_| E::custom("answer is too large"))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Answer, E> {
                Ok(Answer::Float(v))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_round_trips_through_json_and_toml() {
        for (json, answer) in [("true", Answer::Bool(true)), ("3", Answer::Integer(3)), ("2.5", Answer::Float(2.5))] {
            assert_eq!(serde_json::from_str::<Answer>(json).unwrap(), answer);
            assert_eq!(serde_json::to_string(&answer).unwrap(), json);
        }
        let err = toml::from_str::<std::collections::BTreeMap<String, Answer>>("answer = \"b\"").unwrap_err();
        assert!(err.message().contains("an option index, true/false or a number"), "{err}");
    }

    #[test]
    fn every_type_round_trips_its_name() {
        for kind in QuestionType::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{kind}\""));
        }
    }
}
