//! Sample questions of every type for the quiz tests.

use crate::pack::model::{Answer, Question, QuestionType};

use super::import::Format;
use super::{LearnerAnswer, Presentation};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A bare question of `kind` with no answer fields.
pub(super) fn blank_question(id: &str, kind: QuestionType) -> Question {
    let mut q = Format::Gift.question(1, kind, "题干".into());
    q.id = id.into();
    q.difficulty = 2;
    q.explanation = "解析".into();
    q
}

/// A complete question of `kind`, with `points` points:
/// - single: options 甲 乙 丙 丁, answer 乙 (1), feedback on 甲 and 丙;
/// - multiple: options A–E, answers A and C (0, 2), feedback on A and B;
/// - true_false: true; numeric: 18.5 ± 0.5;
/// - fill_blank: two blanks, [信任 | 信赖] and [内容];
/// - matching: 微信→私域, 抖音→短视频, 微博→广场;
/// - ordering: 引流 → 激活 → 留存 → 转化.
pub(super) fn sample(kind: QuestionType, points: f64) -> Question {
    let mut q = blank_question(&format!("q-{kind}"), kind);
    q.points = points;
    match kind {
        QuestionType::Single => {
            q.options = Some(strings(&["甲", "乙", "丙", "丁"]));
            q.answer = Some(Answer::Integer(1));
            q.feedback = Some(strings(&["甲不对", "", "丙不对", ""]));
        }
        QuestionType::Multiple => {
            q.options = Some(strings(&["A", "B", "C", "D", "E"]));
            q.answers = Some(vec![0, 2]);
            q.feedback = Some(strings(&["A 对", "B 错", "", "", ""]));
        }
        QuestionType::TrueFalse => q.answer = Some(Answer::Bool(true)),
        QuestionType::FillBlank => {
            q.stem = "社群的核心是____，其次是____。".into();
            q.blanks = Some(vec![strings(&["信任", "信赖"]), strings(&["内容"])]);
        }
        QuestionType::Matching => {
            q.pairs = Some(vec![
                ("微信".into(), "私域".into()),
                ("抖音".into(), "短视频".into()),
                ("微博".into(), "广场".into()),
            ]);
        }
        QuestionType::Ordering => q.items = Some(strings(&["引流", "激活", "留存", "转化"])),
        QuestionType::Numeric => {
            q.answer = Some(Answer::Float(18.5));
            q.tolerance = Some(0.5);
        }
        QuestionType::ShortAnswer => q.reference = Some("参考答案".into()),
    }
    q
}

/// An answer that gets `kind`'s [`sample`] fully right.
pub(super) fn right_answer(kind: QuestionType) -> LearnerAnswer {
    match kind {
        QuestionType::Single => LearnerAnswer::Choice("1".into()),
        QuestionType::Multiple => LearnerAnswer::Choices(strings(&["0", "2"])),
        QuestionType::TrueFalse => LearnerAnswer::Bool(true),
        QuestionType::FillBlank => LearnerAnswer::Blanks(strings(&["信任", "内容"])),
        QuestionType::Matching => LearnerAnswer::Pairs(
            [("0", "0"), ("1", "1"), ("2", "2")].iter().map(|(l, r)| (l.to_string(), r.to_string())).collect(),
        ),
        QuestionType::Ordering => LearnerAnswer::Order(strings(&["0", "1", "2", "3"])),
        QuestionType::Numeric => LearnerAnswer::Number(18.5),
        QuestionType::ShortAnswer => LearnerAnswer::Text("答案".into()),
    }
}

/// A presentation that lists nothing: every question keeps its stored order.
pub(super) fn unshuffled() -> Presentation {
    Presentation { seed: 0, questions: Vec::new() }
}
