//! One learner's records of a course rebuilt from their xAPI statements (as
//! `docs/xapi.md` maps them), for #21's merge path: module progress from
//! launched/experienced/completed, each handed-in attempt with its answers
//! from passed/failed/attempted and answered (tied by the attempt-id
//! extension; a short answer marked by hand comes as `scored` on the
//! question, followed by the attempt's new outcome), and the classes from
//! the class-ids extension. Open attempts,
//! survey answers, submissions and grades are not rebuilt: the first are not
//! finished, the others travel by bundle.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use qunxue_core::quiz::{Presentation, PresentedQuestion};
use qunxue_core::xapi::{extension, VerbKind};
use qunxue_store::status::{AttemptStatus, ProgressStatus};
use qunxue_store::travel::{AnswerRow, AttemptRow, ProgressRow};
use serde_json::Value;

use crate::records::{ClassRef, LearnerRecords};
use crate::tasks::common::stamp;

/// `profile`'s records of `course` from `statements` (theirs, any order).
pub(crate) fn rebuild(course: &str, profile: &str, statements: &[Value]) -> LearnerRecords {
    let mut progress: BTreeMap<String, ProgressRow> = BTreeMap::new();
    // Attempt id → the attempt, and when its newest outcome was sent (a mark
    // given later rescores it: the newest outcome counts, the first time is
    // when it was handed in).
    let mut finished: BTreeMap<String, (DateTime<Utc>, AttemptRow)> = BTreeMap::new();
    // Attempt id → question id → (when, points, marker) of the newest mark.
    let mut marks: BTreeMap<String, BTreeMap<String, (DateTime<Utc>, f64)>> = BTreeMap::new();
    let mut answers: BTreeMap<String, BTreeMap<String, (DateTime<Utc>, AnswerRow)>> = BTreeMap::new();
    let mut classes: Vec<String> = Vec::new();
    let prefix = format!("/courses/{course}/");
    for statement in statements {
        let Some(at) = statement["timestamp"].as_str().and_then(|t| DateTime::parse_from_rfc3339(t).ok()) else {
            continue;
        };
        let at = at.with_timezone(&Utc);
        let Some(verb) = VerbKind::ALL.iter().copied().find(|v| statement["verb"]["id"] == v.iri()) else { continue };
        let object = statement["object"]["id"].as_str().unwrap_or_default();
        let Some(path) = object.find(&prefix).map(|i| &object[i + prefix.len()..]) else { continue };
        let ext = |name: &str| {
            statement["context"]["extensions"].as_object().and_then(|e| {
                e.iter().find(|(k, _)| k.ends_with(&format!("/extensions/{name}"))).map(|(_, v)| v.clone())
            })
        };
        if let Some(Value::Array(codes)) = ext(extension::CLASS_IDS) {
            classes.extend(codes.iter().filter_map(Value::as_str).map(String::from));
        }
        let (kind, id) = path.split_once('/').unwrap_or((path, ""));
        let result = &statement["result"];
        match (verb, kind) {
            (VerbKind::Launched | VerbKind::Experienced | VerbKind::Completed, "modules") => {
                let row = progress.entry(id.to_string()).or_insert_with(|| ProgressRow {
                    module_id: id.to_string(),
                    status: ProgressStatus::InProgress,
                    first_opened_at: stamp(at),
                    last_opened_at: stamp(at),
                    open_count: 0,
                    completed_at: None,
                    active_seconds: 0,
                });
                let text = stamp(at);
                row.first_opened_at = row.first_opened_at.clone().min(text.clone());
                if verb == VerbKind::Completed {
                    row.status = ProgressStatus::Completed;
                    row.completed_at = Some(row.completed_at.clone().map_or(text.clone(), |c| c.min(text.clone())));
                } else {
                    row.open_count += 1;
                    row.last_opened_at = row.last_opened_at.clone().max(text);
                }
            }
            (VerbKind::Passed | VerbKind::Failed | VerbKind::Attempted, "quizzes") => {
                let Some(attempt_id) = ext(extension::ATTEMPT_ID).and_then(|v| v.as_str().map(String::from)) else {
                    continue;
                };
                let (raw, max) =
                    (result["score"]["raw"].as_f64().unwrap_or(0.0), result["score"]["max"].as_f64().unwrap_or(0.0));
                let seconds = result["duration"].as_str().map_or(0, duration_seconds);
                let passed = match verb {
                    VerbKind::Passed => Some(true),
                    VerbKind::Failed => Some(false),
                    _ => None,
                };
                let handed_in = finished
                    .get(&attempt_id)
                    .and_then(|(_, a)| a.submitted_at.clone())
                    .map_or(stamp(at), |t| t.min(stamp(at)));
                if finished.get(&attempt_id).is_some_and(|(newest, _)| *newest > at) {
                    if let Some((_, attempt)) = finished.get_mut(&attempt_id) {
                        attempt.submitted_at = Some(handed_in);
                        attempt.started_at = attempt.started_at.clone().min(stamp(at - Duration::seconds(seconds)));
                    }
                    continue;
                }
                let started = finished.get(&attempt_id).map(|(_, a)| a.started_at.clone());
                finished.insert(
                    attempt_id.clone(),
                    (
                        at,
                        AttemptRow {
                            id: attempt_id,
                            quiz_id: id.to_string(),
                            number: ext(extension::ATTEMPT_NUMBER).and_then(|v| v.as_i64()).unwrap_or(1),
                            seed: 0,
                            // Filled from the answers below when an older
                            // statement did not carry it.
                            presentation: ext(extension::PRESENTATION)
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default(),
                            started_at: started
                                .unwrap_or_else(|| stamp(at - Duration::seconds(seconds)))
                                .min(stamp(at - Duration::seconds(seconds))),
                            deadline_at: None,
                            submitted_at: Some(handed_in),
                            status: AttemptStatus::Submitted,
                            score: Some(raw),
                            max_score: Some(max),
                            // As the app computes it when the attempt is handed in.
                            percent: Some(if max > 0.0 { 100.0 * raw / max } else { 0.0 }),
                            passed,
                            answers: Vec::new(),
                        },
                    ),
                );
            }
            (VerbKind::Scored, "questions") => {
                let Some(attempt_id) = ext(extension::ATTEMPT_ID).and_then(|v| v.as_str().map(String::from)) else {
                    continue;
                };
                let points = result["score"]["raw"].as_f64().unwrap_or(0.0);
                let slot = marks.entry(attempt_id).or_default();
                if slot.get(id).is_none_or(|(seen, _)| *seen <= at) {
                    slot.insert(id.to_string(), (at, points));
                }
            }
            (VerbKind::Answered, "questions") => {
                let Some(attempt_id) = ext(extension::ATTEMPT_ID).and_then(|v| v.as_str().map(String::from)) else {
                    continue;
                };
                let row = AnswerRow {
                    question_id: id.to_string(),
                    answer: result["response"].as_str().unwrap_or_default().to_string(),
                    saved_at: stamp(at),
                    score: result["score"]["raw"].as_f64().unwrap_or(0.0),
                    max_score: result["score"]["max"].as_f64().unwrap_or(0.0),
                    correct: result["success"].as_bool(),
                    manual_score: None,
                    manual_comment: None,
                    graded_at: None,
                };
                // The last save of an answer is the one handed in.
                let slot = answers.entry(attempt_id).or_default();
                if slot.get(id).is_none_or(|(seen, _)| *seen <= at) {
                    slot.insert(id.to_string(), (at, row));
                }
            }
            _ => {}
        }
    }
    let attempts = finished
        .into_values()
        .map(|(_, mut attempt)| {
            let mut marked = marks.remove(&attempt.id).unwrap_or_default();
            attempt.answers = answers
                .remove(&attempt.id)
                .unwrap_or_default()
                .into_values()
                .map(|(_, mut row)| {
                    if let Some((at, points)) = marked.remove(&row.question_id).filter(|_| row.correct.is_none()) {
                        row.manual_score = Some(points);
                        row.graded_at = Some(stamp(at));
                    }
                    row
                })
                .collect();
            if serde_json::from_str::<Presentation>(&attempt.presentation).is_err() {
                attempt.presentation = presentation_of_answers(&attempt.answers);
            }
            attempt
        })
        .collect();
    classes.sort();
    classes.dedup();
    LearnerRecords {
        profile_id: profile.to_string(),
        // The LRS knows learners by id only (docs/xapi.md): a bundle or the
        // class list brings the name.
        display_name: String::new(),
        classes: classes.into_iter().map(|id| ClassRef { id, name: String::new() }).collect(),
        progress: progress.into_values().collect(),
        attempts,
        surveys: Vec::new(),
        versions: Vec::new(),
        results: Vec::new(),
    }
}

/// For an attempt whose outcome statement predates the presentation
/// extension: the answered questions in the order they were first saved,
/// options as authored. Enough to mark and rescore it (answers carry their
/// own scores); questions left blank are not known.
fn presentation_of_answers(answers: &[AnswerRow]) -> String {
    let mut answered: Vec<&AnswerRow> = answers.iter().collect();
    answered.sort_by(|a, b| a.saved_at.cmp(&b.saved_at).then(a.question_id.cmp(&b.question_id)));
    let presentation = Presentation {
        seed: 0,
        questions: answered
            .into_iter()
            .map(|a| PresentedQuestion { question_id: a.question_id.clone(), order: Vec::new() })
            .collect(),
    };
    serde_json::to_string(&presentation).expect("a presentation always serialises")
}

/// Seconds of an ISO 8601 duration as the app writes them (`PT1H2M5S`).
fn duration_seconds(iso: &str) -> i64 {
    let mut total = 0;
    let mut number = String::new();
    for c in iso.trim_start_matches("PT").chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'H' | 'M' | 'S' => {
                let value = number.parse::<f64>().unwrap_or(0.0) as i64;
                total += value
                    * match c {
                        'H' => 3600,
                        'M' => 60,
                        _ => 1,
                    };
                number.clear();
            }
            _ => number.clear(),
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement(verb: VerbKind, object: &str, at: &str, result: Value, extensions: Value) -> Value {
        json!({
            "verb": { "id": verb.iri() },
            "object": { "id": format!("https://lrs.example.com/xapi/courses/c1/{object}") },
            "timestamp": at,
            "result": result,
            "context": { "extensions": extensions }
        })
    }

    #[test]
    fn progress_attempts_answers_and_classes_come_back() {
        let ext = |attempt: &str| {
            json!({
                "https://lrs.example.com/xapi/extensions/attempt-id": attempt,
                "https://lrs.example.com/xapi/extensions/attempt-number": 1,
                "https://lrs.example.com/xapi/extensions/class-ids": ["HD7K2Q3M"]
            })
        };
        let statements = vec![
            statement(VerbKind::Launched, "modules/m1", "2026-12-01T09:00:00.000Z", json!(null), json!({})),
            statement(VerbKind::Experienced, "modules/m1", "2026-12-02T09:00:00.000Z", json!(null), json!({})),
            statement(
                VerbKind::Completed,
                "modules/m1",
                "2026-12-01T09:30:00.000Z",
                json!({"completion": true}),
                json!({}),
            ),
            statement(
                VerbKind::Answered,
                "questions/s1",
                "2026-12-01T10:01:00.000Z",
                json!({"score": {"raw": 0.0, "max": 1.0}, "success": false, "response": "{\"choice\":\"0\"}"}),
                ext("a1"),
            ),
            statement(
                VerbKind::Answered,
                "questions/s1",
                "2026-12-01T10:02:00.000Z",
                json!({"score": {"raw": 1.0, "max": 1.0}, "success": true, "response": "{\"choice\":\"1\"}"}),
                ext("a1"),
            ),
            statement(
                VerbKind::Passed,
                "quizzes/q1",
                "2026-12-01T10:05:00.000Z",
                json!({"score": {"raw": 1.0, "max": 1.0, "scaled": 1.0}, "success": true, "duration": "PT5M"}),
                ext("a1"),
            ),
            // Answers of an attempt never handed in stay behind.
            statement(
                VerbKind::Answered,
                "questions/s1",
                "2026-12-03T10:00:00.000Z",
                json!({"score": {"raw": 0.0, "max": 1.0}, "response": "{}"}),
                ext("a2"),
            ),
            // Another course's statement is not this course's.
            json!({"verb": {"id": VerbKind::Launched.iri()}, "object": {"id": "https://x/courses/c2/modules/m1"}, "timestamp": "2026-12-01T09:00:00Z"}),
        ];
        let records = rebuild("c1", "p1", &statements);
        assert_eq!(records.classes, [ClassRef { id: "HD7K2Q3M".into(), name: String::new() }]);
        let m1 = &records.progress[0];
        assert_eq!((m1.status, m1.open_count), (ProgressStatus::Completed, 2));
        assert_eq!(m1.first_opened_at, "2026-12-01T09:00:00.000Z");
        assert_eq!(m1.last_opened_at, "2026-12-02T09:00:00.000Z");
        assert_eq!(m1.completed_at.as_deref(), Some("2026-12-01T09:30:00.000Z"));
        assert_eq!(records.attempts.len(), 1);
        let a1 = &records.attempts[0];
        assert_eq!((a1.quiz_id.as_str(), a1.percent, a1.passed), ("q1", Some(100.0), Some(true)));
        assert_eq!(a1.started_at, "2026-12-01T10:00:00.000Z");
        assert_eq!(a1.answers.len(), 1);
        assert_eq!(
            (a1.answers[0].answer.as_str(), a1.answers[0].correct),
            ("{\"choice\":\"1\"}", Some(true)),
            "the last save counts"
        );
        let shown: Presentation =
            serde_json::from_str(&a1.presentation).expect("a readable presentation, so it can be marked");
        assert_eq!(shown.questions.iter().map(|q| q.question_id.as_str()).collect::<Vec<_>>(), ["s1"]);
        assert_eq!(duration_seconds("PT1H2M5S"), 3725);
    }

    /// Statements written by the released version (aa812a1, before issue
    /// #32; `tests/fixtures/released/`) rebuild the learner's module progress
    /// and handed-in attempts as that version's database holds them.
    #[test]
    fn statements_written_by_the_released_version_rebuild_the_learners_records() {
        let released = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/released");
        let read = |name: &str| -> Value {
            serde_json::from_str(&std::fs::read_to_string(released.join(name)).unwrap()).unwrap()
        };
        let learner = "6145c21a-709b-42ef-bb58-ae744023d822";
        let statements: Vec<Value> = read("statements.json")
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["actor"]["account"]["name"] == learner)
            .cloned()
            .collect();
        let records = rebuild("acme.demo", learner, &statements);

        let tables = read("values.json");
        let rows_of = |table: &str| -> Vec<BTreeMap<String, Value>> {
            let columns: Vec<String> = serde_json::from_value(tables["tables"][table]["columns"].clone()).unwrap();
            let rows: Vec<Vec<Value>> = serde_json::from_value(tables["tables"][table]["rows"].clone()).unwrap();
            rows.into_iter().map(|row| columns.iter().cloned().zip(row).collect()).collect()
        };
        let mut completed: Vec<String> = rows_of("module_progress")
            .iter()
            .filter(|r| r["profile_id"] == learner && r["status"] == "completed")
            .map(|r| r["module_id"].as_str().unwrap().to_string())
            .collect();
        completed.sort();
        let mut rebuilt: Vec<String> = records
            .progress
            .iter()
            .filter(|p| p.status == ProgressStatus::Completed)
            .map(|p| p.module_id.clone())
            .collect();
        rebuilt.sort();
        assert!(!completed.is_empty());
        assert_eq!(rebuilt, completed);

        let handed_in: Vec<(String, Option<f64>)> = rows_of("attempts")
            .iter()
            .filter(|r| r["profile_id"] == learner && r["status"] != "in_progress")
            .map(|r| (r["id"].as_str().unwrap().to_string(), r["percent"].as_f64()))
            .collect();
        assert!(!handed_in.is_empty());
        let rebuilt: Vec<(String, Option<f64>)> = records.attempts.iter().map(|a| (a.id.clone(), a.percent)).collect();
        assert_eq!(rebuilt, handed_in);
    }

    #[test]
    fn a_mark_given_later_and_the_new_outcome_replace_the_first() {
        let ext = json!({ "https://lrs.example.com/xapi/extensions/attempt-id": "a1" });
        let statements = vec![
            // The newest outcome first: order does not matter.
            statement(
                VerbKind::Passed,
                "quizzes/q1",
                "2026-12-02T08:00:00.000Z",
                json!({"score": {"raw": 3.0, "max": 4.0}, "success": true, "duration": "PT10M"}),
                ext.clone(),
            ),
            statement(
                VerbKind::Scored,
                "questions/sa1",
                "2026-12-02T08:00:00.000Z",
                json!({"score": {"raw": 2.0, "max": 3.0}}),
                ext.clone(),
            ),
            statement(
                VerbKind::Answered,
                "questions/sa1",
                "2026-12-01T10:02:00.000Z",
                json!({"score": {"raw": 0.0, "max": 3.0}, "response": "{\"text\":\"先定位\"}"}),
                ext.clone(),
            ),
            statement(
                VerbKind::Attempted,
                "quizzes/q1",
                "2026-12-01T10:10:00.000Z",
                json!({"score": {"raw": 1.0, "max": 4.0}, "duration": "PT10M"}),
                ext,
            ),
        ];
        let records = rebuild("c1", "p1", &statements);
        let a1 = &records.attempts[0];
        assert_eq!((a1.passed, a1.percent), (Some(true), Some(75.0)), "the newest outcome");
        assert_eq!(a1.submitted_at.as_deref(), Some("2026-12-01T10:10:00.000Z"), "handed in the first time");
        assert_eq!(a1.started_at, "2026-12-01T10:00:00.000Z");
        assert_eq!(
            (a1.answers[0].manual_score, a1.answers[0].graded_at.as_deref()),
            (Some(2.0), Some("2026-12-02T08:00:00.000Z"))
        );
    }
}
