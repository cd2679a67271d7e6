//! What a learner gave for one question, in the JSON shapes the UI sends:
//! `{"choice":"2"}`, `{"choices":["0","3"]}`, `{"value":true}`,
//! `{"blanks":["私域"]}`, `{"pairs":{"0":"2"}}`, `{"order":["3","0"]}`,
//! `{"value":18.5}`, `{"text":"……"}`. The shape, not a tag, says which it is.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One answer. Keys are original option / right-hand side / item indexes as
/// strings ([`super::option_key`]).
#[derive(Debug, Clone, PartialEq)]
pub enum LearnerAnswer {
    /// `single`: the chosen option.
    Choice(String),
    /// `multiple`: every chosen option.
    Choices(Vec<String>),
    /// `true_false`.
    Bool(bool),
    /// `fill_blank`: one entry per blank, in stem order.
    Blanks(Vec<String>),
    /// `matching`: left index → the right-hand side's original index.
    Pairs(BTreeMap<String, String>),
    /// `ordering`: item keys in the order the learner put them.
    Order(Vec<String>),
    /// `numeric`.
    Number(f64),
    /// `short_answer`.
    Text(String),
}

impl LearnerAnswer {
    /// The option keys this answer picks, for distractor counts: the choice(s)
    /// of `single` / `multiple` (each once), `"true"` / `"false"`, else none.
    pub fn chosen_keys(&self) -> Vec<String> {
        match self {
            LearnerAnswer::Choice(key) => vec![key.clone()],
            LearnerAnswer::Choices(keys) => {
                let mut unique: Vec<String> = Vec::with_capacity(keys.len());
                for key in keys {
                    if !unique.contains(key) {
                        unique.push(key.clone());
                    }
                }
                unique
            }
            LearnerAnswer::Bool(value) => vec![value.to_string()],
            _ => Vec::new(),
        }
    }
}

/// The wire form: exactly one of these keys is present.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<WireValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blanks: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pairs: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// `value` is a boolean for true/false and a number for numeric questions.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum WireValue {
    Bool(bool),
    Number(f64),
}

impl Serialize for LearnerAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut wire = Wire::default();
        match self.clone() {
            LearnerAnswer::Choice(key) => wire.choice = Some(key),
            LearnerAnswer::Choices(keys) => wire.choices = Some(keys),
            LearnerAnswer::Bool(value) => wire.value = Some(WireValue::Bool(value)),
            LearnerAnswer::Blanks(blanks) => wire.blanks = Some(blanks),
            LearnerAnswer::Pairs(pairs) => wire.pairs = Some(pairs),
            LearnerAnswer::Order(order) => wire.order = Some(order),
            LearnerAnswer::Number(value) => wire.value = Some(WireValue::Number(value)),
            LearnerAnswer::Text(text) => wire.text = Some(text),
        }
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for LearnerAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        let mut found = Vec::with_capacity(1);
        if let Some(key) = wire.choice {
            found.push(LearnerAnswer::Choice(key));
        }
        if let Some(keys) = wire.choices {
            found.push(LearnerAnswer::Choices(keys));
        }
        match wire.value {
            Some(WireValue::Bool(value)) => found.push(LearnerAnswer::Bool(value)),
            Some(WireValue::Number(value)) => found.push(LearnerAnswer::Number(value)),
            None => {}
        }
        if let Some(blanks) = wire.blanks {
            found.push(LearnerAnswer::Blanks(blanks));
        }
        if let Some(pairs) = wire.pairs {
            found.push(LearnerAnswer::Pairs(pairs));
        }
        if let Some(order) = wire.order {
            found.push(LearnerAnswer::Order(order));
        }
        if let Some(text) = wire.text {
            found.push(LearnerAnswer::Text(text));
        }
        match found.len() {
            1 => Ok(found.remove(0)),
            _ => Err(serde::de::Error::custom(
                "an answer has exactly one of `choice`, `choices`, `value`, `blanks`, `pairs`, `order`, `text`",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn pairs(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries.iter().map(|(l, r)| (l.to_string(), r.to_string())).collect()
    }

    #[rstest]
    #[case::single(r#"{"choice":"2"}"#, LearnerAnswer::Choice("2".into()))]
    #[case::multiple(r#"{"choices":["0","3"]}"#, LearnerAnswer::Choices(vec!["0".into(), "3".into()]))]
    #[case::true_false(r#"{"value":true}"#, LearnerAnswer::Bool(true))]
    #[case::fill_blank(r#"{"blanks":["私域"]}"#, LearnerAnswer::Blanks(vec!["私域".into()]))]
    #[case::matching(r#"{"pairs":{"0":"2","1":"0"}}"#, LearnerAnswer::Pairs(pairs(&[("0", "2"), ("1", "0")])))]
    #[case::ordering(r#"{"order":["3","0","1","2"]}"#, LearnerAnswer::Order(vec!["3".into(), "0".into(), "1".into(), "2".into()]))]
    #[case::numeric(r#"{"value":18.5}"#, LearnerAnswer::Number(18.5))]
    #[case::short_answer(r#"{"text":"……"}"#, LearnerAnswer::Text("……".into()))]
    fn quiz_answer_json_round_trips(#[case] json: &str, #[case] answer: LearnerAnswer) {
        assert_eq!(serde_json::from_str::<LearnerAnswer>(json).unwrap(), answer);
        assert_eq!(serde_json::to_string(&answer).unwrap(), json);
    }

    #[test]
    fn quiz_answer_integer_value_is_a_number() {
        assert_eq!(serde_json::from_str::<LearnerAnswer>(r#"{"value":18}"#).unwrap(), LearnerAnswer::Number(18.0));
    }

    #[rstest]
    #[case::empty("{}")]
    #[case::two_shapes(r#"{"choice":"1","text":"x"}"#)]
    #[case::unknown_key(r#"{"guess":"1"}"#)]
    #[case::wrong_type(r#"{"choice":1}"#)]
    #[case::string_value(r#"{"value":"true"}"#)]
    fn quiz_answer_rejects_malformed_json(#[case] json: &str) {
        assert!(serde_json::from_str::<LearnerAnswer>(json).is_err(), "{json} was accepted");
    }

    #[test]
    fn quiz_answer_chosen_keys_dedupe_choices() {
        let answer = LearnerAnswer::Choices(vec!["1".into(), "0".into(), "1".into()]);
        assert_eq!(answer.chosen_keys(), ["1", "0"]);
        assert_eq!(LearnerAnswer::Bool(false).chosen_keys(), ["false"]);
        assert!(LearnerAnswer::Text("x".into()).chosen_keys().is_empty());
    }
}
