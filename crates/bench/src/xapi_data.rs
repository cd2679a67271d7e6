//! A class's xAPI statements as the app sends them (built by
//! `qunxue_core::xapi::statement`, the same code the outbox uses) for P7:
//! `members` learners of one course, `per_member` statements each — every
//! module launched, read again and completed in course order, a pre-test
//! and a post-test answered question by question and handed in, the rest
//! re-reads — over four weeks, seeded, with the class's join code.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use qunxue_core::xapi::{statement, AttemptRef, Envelope, Event, Iris, Named, Points};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

/// The join code every generated learner belongs to.
pub const CLASS_CODE: &str = "BENCH7K2";
/// Questions answered in each of the two tests.
const QUESTIONS: usize = 10;

/// The class to generate statements for: course, members and how many statements each.
pub struct ClassShape<'a> {
    /// The course every statement is about.
    pub course: Named,
    /// The course's language tag (e.g. `zh-CN`), carried by every statement.
    pub language: &'a str,
    /// The modules each member launches, reads and completes, in course order.
    pub modules: &'a [Named],
    /// The pre-test and post-test quizzes.
    pub tests: [Named; 2],
    /// Learners in the class (`bench-member-00000` …).
    pub members: usize,
    /// Statements per member; re-reads of random modules fill up to it.
    pub per_member: usize,
    /// When the class starts: each member's first statement comes within 10 hours after it.
    pub start: DateTime<Utc>,
    /// Seeds the stream behind times, answers and ids, so every run sends the same statements.
    pub seed: u64,
}

/// Every member's statements, member after member.
pub fn class_statements(iris: &Iris, shape: &ClassShape<'_>) -> Vec<Value> {
    let mut rng = ChaCha8Rng::seed_from_u64(shape.seed);
    let mut out = Vec::with_capacity(shape.members * shape.per_member);
    for member in 0..shape.members {
        let envelope = |at: DateTime<Utc>, rng: &mut ChaCha8Rng| Envelope {
            id: uuid(rng),
            timestamp: at.to_rfc3339_opts(SecondsFormat::Millis, true),
            profile_id: format!("bench-member-{member:05}"),
            registration: format!("00000000-0000-4000-8000-{member:012}"),
            course: shape.course.clone(),
            language: shape.language.to_string(),
            classes: vec![CLASS_CODE.to_string()],
        };
        let events = member_events(shape, &mut rng);
        let mut at = shape.start + Duration::minutes((rng.next_u64() % 600) as i64);
        for event in events.into_iter().take(shape.per_member) {
            at += Duration::minutes(3 + (rng.next_u64() % 240) as i64);
            let envelope = envelope(at, &mut rng);
            out.push(serde_json::to_value(statement(iris, &envelope, &event)).expect("a statement serialises"));
        }
    }
    out
}

/// One learner's events in the order they happen, at least `per_member`.
fn member_events(shape: &ClassShape<'_>, rng: &mut ChaCha8Rng) -> Vec<Event> {
    let mut events = test_events(&shape.tests[0], 1, rng);
    for module in shape.modules {
        events.push(Event::ModuleLaunched { module: module.clone() });
        events.push(Event::ModuleExperienced { module: module.clone() });
        events.push(Event::ModuleCompleted { module: module.clone() });
    }
    events.extend(test_events(&shape.tests[1], 1, rng));
    while events.len() < shape.per_member {
        let module = &shape.modules[(rng.next_u64() % shape.modules.len() as u64) as usize];
        events.push(Event::ModuleExperienced { module: module.clone() });
    }
    events
}

/// A test answered question by question, then handed in.
fn test_events(quiz: &Named, number: i64, rng: &mut ChaCha8Rng) -> Vec<Event> {
    let attempt = AttemptRef { id: uuid(rng), number };
    let mut right = 0.0;
    let mut events: Vec<Event> = (0..QUESTIONS)
        .map(|q| {
            let correct = rng.next_u64() % 10 < 7;
            right += if correct { 1.0 } else { 0.0 };
            Event::QuestionAnswered {
                quiz: quiz.clone(),
                attempt: attempt.clone(),
                question_id: format!("{}-q{q:02}", quiz.id),
                points: Points { raw: if correct { 1.0 } else { 0.0 }, max: 1.0 },
                correct: Some(correct),
                response: if correct { "A".into() } else { "B".into() },
            }
        })
        .collect();
    events.push(Event::QuizFinished {
        quiz: quiz.clone(),
        attempt,
        points: Points { raw: right, max: QUESTIONS as f64 },
        passed: Some(right >= 6.0),
        duration_seconds: 300 + (rng.next_u64() % 900) as i64,
        presentation: String::new(),
    });
    events
}

fn uuid(rng: &mut ChaCha8Rng) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_member_gets_the_asked_number_of_distinct_statements() {
        let iris = Iris::new("https://lrs.example.org/qunxue").unwrap();
        let modules = vec![Named::new("m01", "概念"), Named::new("m02", "定位")];
        let shape = ClassShape {
            course: Named::new("c", "课程"),
            language: "zh-CN",
            modules: &modules,
            tests: [Named::new("pre", "课前测"), Named::new("post", "课后测")],
            members: 3,
            per_member: 40,
            start: Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).unwrap(),
            seed: 1,
        };
        let statements = class_statements(&iris, &shape);
        assert_eq!(statements.len(), 120);
        let ids: std::collections::HashSet<_> = statements.iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 120);
        assert_eq!(statements[0]["actor"]["account"]["name"], "bench-member-00000");
    }
}
