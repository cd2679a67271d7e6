//! xAPI 1.0.3 statements for learning events: which ADL verb each event
//! uses, the activity ids built from pack ids under a configurable IRI base,
//! the learner as an account actor, result and context. Pure: the caller
//! passes the statement id (a UUID), the time stamp and the registration,
//! so a statement is fully determined by its inputs and can be tested.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The xAPI version every statement declares (and the header the sync sends).
pub const XAPI_VERSION: &str = "1.0.3";

/// The IRI base used until an administrator sets the company's own.
pub const DEFAULT_IRI_BASE: &str = "https://qunxue.example.org/xapi";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XapiError {
    #[error("the xAPI IRI base `{0}` must start with http:// or https:// and name a host")]
    BadIriBase(String),
    #[error("the xAPI IRI base `{0}` must not contain spaces, `?` or `#`")]
    BadIriChars(String),
}

/// Builds activity ids: `{base}/courses/{course}/modules/{module}` and so
/// on. Pack ids are `[a-z0-9][a-z0-9._-]*`, so they need no escaping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iris {
    base: String,
}

impl Iris {
    /// Checks and normalises the base (no trailing slash).
    pub fn new(base: &str) -> Result<Self, XapiError> {
        let base = base.trim().trim_end_matches('/');
        let rest = base.strip_prefix("https://").or_else(|| base.strip_prefix("http://"));
        let Some(rest) = rest else { return Err(XapiError::BadIriBase(base.to_string())) };
        if rest.is_empty() || rest.starts_with('/') {
            return Err(XapiError::BadIriBase(base.to_string()));
        }
        if base.chars().any(|c| c.is_whitespace() || c == '?' || c == '#') {
            return Err(XapiError::BadIriChars(base.to_string()));
        }
        Ok(Self { base: base.to_string() })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn course(&self, course: &str) -> String {
        format!("{}/courses/{course}", self.base)
    }

    pub fn module(&self, course: &str, module: &str) -> String {
        format!("{}/modules/{module}", self.course(course))
    }

    pub fn quiz(&self, course: &str, quiz: &str) -> String {
        format!("{}/quizzes/{quiz}", self.course(course))
    }

    pub fn question(&self, course: &str, question: &str) -> String {
        format!("{}/questions/{question}", self.course(course))
    }

    pub fn task(&self, course: &str, task: &str) -> String {
        format!("{}/tasks/{task}", self.course(course))
    }

    /// A class of the course, by its join code.
    pub fn class(&self, course: &str, class: &str) -> String {
        format!("{}/classes/{class}", self.course(course))
    }

    /// The activity type of a class (no registry type fits a training class).
    pub fn class_type(&self) -> String {
        format!("{}/activitytypes/class", self.base)
    }

    /// A context extension key under the company's IRI base (see docs/xapi.md).
    pub fn extension(&self, name: &str) -> String {
        format!("{}/extensions/{name}", self.base)
    }
}

/// The context extensions our statements carry, so a machine reading them
/// back from the LRS can rebuild the records (docs/xapi.md).
pub mod extension {
    pub const ATTEMPT_ID: &str = "attempt-id";
    pub const ATTEMPT_NUMBER: &str = "attempt-number";
    pub const QUESTION_ID: &str = "question-id";
    pub const CLASS_IDS: &str = "class-ids";
    pub const SUBMISSION_VERSION_ID: &str = "submission-version-id";
    /// The attempt's presentation (JSON text) on a quiz's outcome.
    pub const PRESENTATION: &str = "presentation";
    /// Result extension: the marker's comment on a hand-marked answer.
    pub const COMMENT: &str = "comment";
    /// Result extension: a released task grade as the learner sees it
    /// (levels and comments per criterion, feedback, points, who released it).
    pub const RUBRIC_RESULT: &str = "rubric-result";
}

/// The verbs Qunxue emits: ADL's vocabulary, plus Activity Streams'
/// `submit` for handing in practice work (ADL has no "submitted").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbKind {
    Launched,
    Experienced,
    Completed,
    Answered,
    Passed,
    Failed,
    Attempted,
    Submitted,
    Scored,
}

impl VerbKind {
    pub const ALL: [VerbKind; 9] = [
        VerbKind::Launched,
        VerbKind::Experienced,
        VerbKind::Completed,
        VerbKind::Answered,
        VerbKind::Passed,
        VerbKind::Failed,
        VerbKind::Attempted,
        VerbKind::Submitted,
        VerbKind::Scored,
    ];

    pub fn iri(self) -> &'static str {
        match self {
            VerbKind::Launched => "http://adlnet.gov/expapi/verbs/launched",
            VerbKind::Experienced => "http://adlnet.gov/expapi/verbs/experienced",
            VerbKind::Completed => "http://adlnet.gov/expapi/verbs/completed",
            VerbKind::Answered => "http://adlnet.gov/expapi/verbs/answered",
            VerbKind::Passed => "http://adlnet.gov/expapi/verbs/passed",
            VerbKind::Failed => "http://adlnet.gov/expapi/verbs/failed",
            VerbKind::Attempted => "http://adlnet.gov/expapi/verbs/attempted",
            VerbKind::Submitted => "http://activitystrea.ms/schema/1.0/submit",
            VerbKind::Scored => "http://adlnet.gov/expapi/verbs/scored",
        }
    }

    fn display(self) -> &'static str {
        match self {
            VerbKind::Launched => "launched",
            VerbKind::Experienced => "experienced",
            VerbKind::Completed => "completed",
            VerbKind::Answered => "answered",
            VerbKind::Passed => "passed",
            VerbKind::Failed => "failed",
            VerbKind::Attempted => "attempted",
            VerbKind::Submitted => "submitted",
            VerbKind::Scored => "scored",
        }
    }
}

/// ADL activity types for what Qunxue's activities are.
const COURSE_TYPE: &str = "http://adlnet.gov/expapi/activities/course";
const MODULE_TYPE: &str = "http://adlnet.gov/expapi/activities/module";
const ASSESSMENT_TYPE: &str = "http://adlnet.gov/expapi/activities/assessment";
const QUESTION_TYPE: &str = "http://adlnet.gov/expapi/activities/question";
const PERFORMANCE_TYPE: &str = "http://adlnet.gov/expapi/activities/performance";

// ---- The statement as JSON (field names per the xAPI spec). ----

pub type LanguageMap = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub version: String,
    pub actor: Agent,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub result: Option<StatementResult>,
    pub context: Context,
    pub timestamp: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub object_type: String,
    pub account: Account,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub home_page: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    pub id: String,
    pub display: LanguageMap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub object_type: String,
    pub id: String,
    pub definition: ActivityDefinition,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityDefinition {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<LanguageMap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub response: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duration: Option<String>,
    /// What a learner's machine needs to show a mark as a grades bundle
    /// would (`comment`, `rubric-result`), keyed by extension IRI.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub scaled: f64,
    pub raw: f64,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    pub registration: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub instructor: Option<Agent>,
    pub context_activities: ContextActivities,
    pub platform: String,
    pub language: String,
    /// Keys are IRIs under the company's base ([`Iris::extension`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub extensions: BTreeMap<String, ExtensionValue>,
}

/// The values our context extensions take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExtensionValue {
    Number(i64),
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContextActivities {
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parent: Vec<Activity>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub grouping: Vec<Activity>,
}

// ---- What happened, as the services know it. ----

/// A pack item with its title (for the activity's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub title: String,
}

impl Named {
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self { id: id.into(), title: title.into() }
    }
}

/// Points earned out of a maximum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Points {
    pub raw: f64,
    pub max: f64,
}

/// One learning event. Module and question events carry their parent
/// (module or quiz) so the LRS can roll records up the course tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// First time the learner opens a module.
    ModuleLaunched {
        module: Named,
    },
    /// The learner opens a module again.
    ModuleExperienced {
        module: Named,
    },
    ModuleCompleted {
        module: Named,
    },
    /// One saved answer; `correct` is `None` for a manually marked question.
    QuestionAnswered {
        quiz: Named,
        attempt: AttemptRef,
        question_id: String,
        points: Points,
        correct: Option<bool>,
        response: String,
    },
    /// A quiz handed in: `passed` decides passed/failed; `None` (answers
    /// still to be marked by hand) gives `attempted`.
    QuizFinished {
        quiz: Named,
        attempt: AttemptRef,
        points: Points,
        passed: Option<bool>,
        duration_seconds: i64,
        /// The attempt's questions and option orders as shown (the stored
        /// presentation, JSON), so a machine rebuilding the attempt from the
        /// LRS can mark and rescore it.
        presentation: String,
    },
    /// A short answer marked by hand (`instructor` is the marker's profile
    /// id); the attempt's new outcome follows as another `QuizFinished`.
    AnswerMarked {
        quiz: Named,
        attempt: AttemptRef,
        question_id: String,
        points: Points,
        instructor: String,
        comment: Option<String>,
    },
    TaskSubmitted {
        task: Named,
        module_id: Option<String>,
        version: i64,
        version_id: String,
    },
    /// A released grade; `instructor` is the marker's profile id.
    TaskScored {
        task: Named,
        module_id: Option<String>,
        version_id: String,
        points: Points,
        instructor: String,
        /// The grade as released (a JSON object, see `docs/xapi.md`), so a
        /// learner's machine reading its own statements can show it.
        rubric_result: serde_json::Value,
    },
    CourseCompleted,
}

impl Event {
    pub fn verb(&self) -> VerbKind {
        match self {
            Event::ModuleLaunched { .. } => VerbKind::Launched,
            Event::ModuleExperienced { .. } => VerbKind::Experienced,
            Event::ModuleCompleted { .. } | Event::CourseCompleted => VerbKind::Completed,
            Event::QuestionAnswered { .. } => VerbKind::Answered,
            Event::QuizFinished { passed: Some(true), .. } => VerbKind::Passed,
            Event::QuizFinished { passed: Some(false), .. } => VerbKind::Failed,
            Event::QuizFinished { passed: None, .. } => VerbKind::Attempted,
            Event::TaskSubmitted { .. } => VerbKind::Submitted,
            Event::TaskScored { .. } | Event::AnswerMarked { .. } => VerbKind::Scored,
        }
    }
}

/// Everything besides the event that a statement needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// A UUID, fresh per statement (the LRS de-duplicates on it).
    pub id: String,
    /// RFC 3339 time of the event.
    pub timestamp: String,
    pub profile_id: String,
    /// A UUID naming the learner's enrolment in the course.
    pub registration: String,
    pub course: Named,
    /// The course's language tag, e.g. `zh-CN`, for names and context.
    pub language: String,
    /// The join codes of the learner's classes in the course.
    pub classes: Vec<String>,
}

/// One quiz attempt, named in the statements of its answers and its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRef {
    pub id: String,
    pub number: i64,
}

/// Builds the statement for `event`.
pub fn statement(iris: &Iris, envelope: &Envelope, event: &Event) -> Statement {
    let course_id = envelope.course.id.as_str();
    let lang = envelope.language.as_str();
    let course = activity(iris.course(course_id), COURSE_TYPE, Some(&envelope.course.title), lang);
    let module_activity = |module_id: &str| activity(iris.module(course_id, module_id), MODULE_TYPE, None, lang);
    let (object, parent, result, instructor) = match event {
        Event::ModuleLaunched { module } | Event::ModuleExperienced { module } => {
            (activity(iris.module(course_id, &module.id), MODULE_TYPE, Some(&module.title), lang), vec![], None, None)
        }
        Event::ModuleCompleted { module } => (
            activity(iris.module(course_id, &module.id), MODULE_TYPE, Some(&module.title), lang),
            vec![],
            Some(StatementResult { completion: Some(true), ..empty_result() }),
            None,
        ),
        Event::QuestionAnswered { quiz, question_id, points, correct, response, .. } => (
            activity(iris.question(course_id, question_id), QUESTION_TYPE, None, lang),
            vec![activity(iris.quiz(course_id, &quiz.id), ASSESSMENT_TYPE, Some(&quiz.title), lang)],
            Some(StatementResult {
                score: Some(score(*points)),
                success: *correct,
                response: Some(response.clone()),
                ..empty_result()
            }),
            None,
        ),
        Event::AnswerMarked { quiz, question_id, points, instructor, comment, .. } => (
            activity(iris.question(course_id, question_id), QUESTION_TYPE, None, lang),
            vec![activity(iris.quiz(course_id, &quiz.id), ASSESSMENT_TYPE, Some(&quiz.title), lang)],
            Some(StatementResult {
                score: Some(score(*points)),
                extensions: comment
                    .iter()
                    .map(|c| (iris.extension(extension::COMMENT), serde_json::Value::from(c.as_str())))
                    .collect(),
                ..empty_result()
            }),
            Some(account_agent(iris, instructor)),
        ),
        Event::QuizFinished { quiz, points, passed, duration_seconds, .. } => (
            activity(iris.quiz(course_id, &quiz.id), ASSESSMENT_TYPE, Some(&quiz.title), lang),
            vec![],
            Some(StatementResult {
                score: Some(score(*points)),
                success: *passed,
                completion: Some(true),
                duration: Some(iso_duration(*duration_seconds)),
                ..empty_result()
            }),
            None,
        ),
        Event::TaskSubmitted { task, module_id, version, .. } => (
            activity(iris.task(course_id, &task.id), PERFORMANCE_TYPE, Some(&task.title), lang),
            module_id.as_deref().map(module_activity).into_iter().collect(),
            Some(StatementResult {
                completion: Some(true),
                response: Some(format!("version {version}")),
                ..empty_result()
            }),
            None,
        ),
        Event::TaskScored { task, module_id, points, instructor, rubric_result, .. } => (
            activity(iris.task(course_id, &task.id), PERFORMANCE_TYPE, Some(&task.title), lang),
            module_id.as_deref().map(module_activity).into_iter().collect(),
            Some(StatementResult {
                score: Some(score(*points)),
                extensions: BTreeMap::from([(iris.extension(extension::RUBRIC_RESULT), rubric_result.clone())]),
                ..empty_result()
            }),
            Some(account_agent(iris, instructor)),
        ),
        Event::CourseCompleted => {
            (course.clone(), vec![], Some(StatementResult { completion: Some(true), ..empty_result() }), None)
        }
    };
    // The course groups everything but itself, and the learner's classes
    // group everything; a module is its own parent's child.
    let mut grouping = if matches!(event, Event::CourseCompleted) { vec![] } else { vec![course.clone()] };
    let class_type = iris.class_type();
    grouping.extend(envelope.classes.iter().map(|code| activity(iris.class(course_id, code), &class_type, None, lang)));
    let extensions = extensions(iris, envelope, event);
    let parent = if parent.is_empty() && !matches!(event, Event::CourseCompleted) { vec![course] } else { parent };
    let verb = event.verb();
    Statement {
        id: envelope.id.clone(),
        version: XAPI_VERSION.to_string(),
        actor: account_agent(iris, &envelope.profile_id),
        verb: Verb {
            id: verb.iri().to_string(),
            display: BTreeMap::from([("en-US".to_string(), verb.display().to_string())]),
        },
        object,
        result,
        context: Context {
            registration: envelope.registration.clone(),
            instructor,
            context_activities: ContextActivities { parent, grouping },
            platform: "Qunxue".to_string(),
            language: lang.to_string(),
            extensions,
        },
        timestamp: envelope.timestamp.clone(),
    }
}

/// The ids a reader needs to rebuild the records: the attempt an answer or
/// an end belongs to, the question, the submission version, the classes.
fn extensions(iris: &Iris, envelope: &Envelope, event: &Event) -> BTreeMap<String, ExtensionValue> {
    use ExtensionValue::{List, Number, Text};
    let mut out = BTreeMap::new();
    let mut put = |name: &str, value: ExtensionValue| out.insert(iris.extension(name), value);
    match event {
        Event::QuestionAnswered { attempt, question_id, .. } | Event::AnswerMarked { attempt, question_id, .. } => {
            put(extension::ATTEMPT_ID, Text(attempt.id.clone()));
            put(extension::ATTEMPT_NUMBER, Number(attempt.number));
            put(extension::QUESTION_ID, Text(question_id.clone()));
        }
        Event::QuizFinished { attempt, presentation, .. } => {
            put(extension::ATTEMPT_ID, Text(attempt.id.clone()));
            put(extension::ATTEMPT_NUMBER, Number(attempt.number));
            put(extension::PRESENTATION, Text(presentation.clone()));
        }
        Event::TaskSubmitted { version_id, .. } | Event::TaskScored { version_id, .. } => {
            put(extension::SUBMISSION_VERSION_ID, Text(version_id.clone()));
        }
        Event::ModuleLaunched { .. }
        | Event::ModuleExperienced { .. }
        | Event::ModuleCompleted { .. }
        | Event::CourseCompleted => {}
    }
    if !envelope.classes.is_empty() {
        put(extension::CLASS_IDS, List(envelope.classes.clone()));
    }
    out
}

/// A learner or marker: an account on the company's IRI base, named by the
/// profile id (never the display name, which is personal data).
fn account_agent(iris: &Iris, profile_id: &str) -> Agent {
    Agent {
        object_type: "Agent".to_string(),
        account: Account { home_page: iris.base().to_string(), name: profile_id.to_string() },
    }
}

fn activity(id: String, kind: &str, title: Option<&str>, lang: &str) -> Activity {
    Activity {
        object_type: "Activity".to_string(),
        id,
        definition: ActivityDefinition {
            kind: kind.to_string(),
            name: title.map(|t| BTreeMap::from([(lang.to_string(), t.to_string())])),
        },
    }
}

fn empty_result() -> StatementResult {
    StatementResult {
        score: None,
        success: None,
        completion: None,
        response: None,
        duration: None,
        extensions: BTreeMap::new(),
    }
}

/// xAPI requires `scaled` in [-1, 1] and `min <= raw <= max`; a quiz with no
/// points (max 0) counts as full marks rather than dividing by zero.
fn score(points: Points) -> Score {
    let max = points.max.max(0.0);
    let raw = points.raw.clamp(0.0, max);
    let scaled = if max > 0.0 { raw / max } else { 1.0 };
    Score { scaled: (scaled * 10_000.0).round() / 10_000.0, raw, min: 0.0, max }
}

/// ISO 8601 duration, e.g. `PT1H2M5S`.
pub fn iso_duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let (h, m, s) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iris() -> Iris {
        Iris::new("https://learn.example.com/xapi/").unwrap()
    }

    fn envelope() -> Envelope {
        Envelope {
            id: "6f1c2c55-8f0e-4c39-9d3e-2b8f3f7f0a11".into(),
            timestamp: "2026-12-01T09:00:00.000Z".into(),
            profile_id: "p-1".into(),
            registration: "0b8a3f5e-1f0e-4c39-9d3e-2b8f3f7f0a22".into(),
            course: Named::new("qunxue.community-ops", "社群运营实战"),
            language: "zh-CN".into(),
            classes: vec![],
        }
    }

    fn attempt() -> AttemptRef {
        AttemptRef { id: "a-1".into(), number: 2 }
    }

    /// A right answer to question q1-01 of quiz q1, in attempt a-1.
    fn answered() -> Event {
        Event::QuestionAnswered {
            quiz: Named::new("q1", "测验"),
            attempt: attempt(),
            question_id: "q1-01".into(),
            points: Points { raw: 1.0, max: 1.0 },
            correct: Some(true),
            response: "{\"choice\":\"a\"}".into(),
        }
    }

    #[test]
    fn iri_base_is_checked_and_normalised() {
        assert_eq!(iris().base(), "https://learn.example.com/xapi");
        assert_eq!(iris().module("c", "m1"), "https://learn.example.com/xapi/courses/c/modules/m1");
        assert!(matches!(Iris::new("ftp://x"), Err(XapiError::BadIriBase(_))));
        assert!(matches!(Iris::new("https://"), Err(XapiError::BadIriBase(_))));
        assert!(matches!(Iris::new("https://a b"), Err(XapiError::BadIriChars(_))));
    }

    #[test]
    fn module_launch_has_account_actor_course_parent_and_grouping() {
        let s = statement(&iris(), &envelope(), &Event::ModuleLaunched { module: Named::new("m1", "概念") });
        assert_eq!(s.version, "1.0.3");
        assert_eq!(s.verb.id, "http://adlnet.gov/expapi/verbs/launched");
        assert_eq!(s.actor.account.home_page, "https://learn.example.com/xapi");
        assert_eq!(s.actor.account.name, "p-1");
        assert_eq!(s.object.id, "https://learn.example.com/xapi/courses/qunxue.community-ops/modules/m1");
        assert_eq!(s.object.definition.name.as_ref().unwrap()["zh-CN"], "概念");
        assert_eq!(s.context.context_activities.parent[0].id, iris().course("qunxue.community-ops"));
        assert_eq!(s.context.context_activities.grouping[0].id, iris().course("qunxue.community-ops"));
        assert!(s.result.is_none());
    }

    #[test]
    fn quiz_outcome_picks_passed_failed_or_attempted() {
        let quiz = Named::new("q1", "测验");
        let finished = |passed| Event::QuizFinished {
            quiz: quiz.clone(),
            attempt: attempt(),
            points: Points { raw: 3.0, max: 4.0 },
            passed,
            duration_seconds: 3725,
            presentation: "{\"seed\":1,\"questions\":[]}".into(),
        };
        assert_eq!(finished(Some(true)).verb(), VerbKind::Passed);
        assert_eq!(finished(Some(false)).verb(), VerbKind::Failed);
        assert_eq!(finished(None).verb(), VerbKind::Attempted);
        let s = statement(&iris(), &envelope(), &finished(Some(false)));
        let result = s.result.unwrap();
        assert_eq!(result.success, Some(false));
        assert_eq!(result.score.unwrap(), Score { scaled: 0.75, raw: 3.0, min: 0.0, max: 4.0 });
        assert_eq!(result.duration.as_deref(), Some("PT1H2M5S"));
    }

    #[test]
    fn answer_has_the_quiz_as_parent_and_the_course_as_grouping() {
        let event = answered();
        let s = statement(&iris(), &envelope(), &event);
        assert_eq!(s.object.definition.kind, QUESTION_TYPE);
        assert_eq!(s.context.context_activities.parent[0].id, iris().quiz("qunxue.community-ops", "q1"));
        assert_eq!(s.context.context_activities.grouping[0].id, iris().course("qunxue.community-ops"));
        assert_eq!(s.result.unwrap().success, Some(true));
    }

    #[test]
    fn statements_carry_the_ids_that_rebuild_the_records_and_the_classes() {
        let in_class = Envelope { classes: vec!["HD7K2Q3M".into()], ..envelope() };
        let event = answered();
        let s = statement(&iris(), &in_class, &event);
        let ext = |name: &str| s.context.extensions.get(&iris().extension(name)).cloned();
        assert_eq!(ext(extension::ATTEMPT_ID), Some(ExtensionValue::Text("a-1".into())));
        assert_eq!(ext(extension::ATTEMPT_NUMBER), Some(ExtensionValue::Number(2)));
        assert_eq!(ext(extension::QUESTION_ID), Some(ExtensionValue::Text("q1-01".into())));
        assert_eq!(ext(extension::CLASS_IDS), Some(ExtensionValue::List(vec!["HD7K2Q3M".into()])));
        let class = &s.context.context_activities.grouping[1];
        assert_eq!(class.id, "https://learn.example.com/xapi/courses/qunxue.community-ops/classes/HD7K2Q3M");
        assert_eq!(class.definition.kind, "https://learn.example.com/xapi/activitytypes/class");
        // A learner in no class: no class grouping and no class extension.
        let alone = statement(&iris(), &envelope(), &Event::ModuleCompleted { module: Named::new("m1", "概念") });
        assert!(alone.context.extensions.is_empty() && alone.context.context_activities.grouping.len() == 1);
    }

    #[test]
    fn scored_task_names_the_instructor_and_keeps_the_score_in_range() {
        let event = Event::TaskScored {
            task: Named::new("t1", "作业"),
            module_id: Some("m11".into()),
            version_id: "v-1".into(),
            points: Points { raw: 12.0, max: 10.0 },
            instructor: "teacher".into(),
            rubric_result: serde_json::json!({"feedback": "结构清楚"}),
        };
        let s = statement(&iris(), &envelope(), &event);
        assert_eq!(s.verb.id, VerbKind::Scored.iri());
        assert_eq!(s.context.instructor.unwrap().account.name, "teacher");
        assert_eq!(s.context.context_activities.parent[0].id, iris().module("qunxue.community-ops", "m11"));
        let result = s.result.unwrap();
        assert_eq!(result.score.unwrap(), Score { scaled: 1.0, raw: 10.0, min: 0.0, max: 10.0 });
        let released = &result.extensions["https://learn.example.com/xapi/extensions/rubric-result"];
        assert_eq!(released["feedback"], "结构清楚", "the learner's machine can show the released grade");
    }

    #[test]
    fn a_marked_answer_carries_the_comment_only_when_there_is_one() {
        let marked = |comment: Option<&str>| Event::AnswerMarked {
            quiz: Named::new("q1", "测验"),
            attempt: attempt(),
            question_id: "q1-05".into(),
            points: Points { raw: 2.0, max: 3.0 },
            instructor: "teacher".into(),
            comment: comment.map(String::from),
        };
        let with = statement(&iris(), &envelope(), &marked(Some("漏了定位")));
        assert_eq!(with.result.unwrap().extensions["https://learn.example.com/xapi/extensions/comment"], "漏了定位");
        let without = serde_json::to_value(statement(&iris(), &envelope(), &marked(None))).unwrap();
        assert!(without["result"].get("extensions").is_none(), "no empty extensions object");
    }

    #[test]
    fn course_completion_is_about_the_course_itself() {
        let s = statement(&iris(), &envelope(), &Event::CourseCompleted);
        assert_eq!(s.object.id, iris().course("qunxue.community-ops"));
        assert!(s.context.context_activities.parent.is_empty() && s.context.context_activities.grouping.is_empty());
        assert_eq!(s.result.unwrap().completion, Some(true));
    }

    #[test]
    fn serialises_with_xapi_field_names() {
        let s = statement(&iris(), &envelope(), &Event::ModuleCompleted { module: Named::new("m1", "概念") });
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["actor"]["objectType"], "Agent");
        assert_eq!(json["actor"]["account"]["homePage"], "https://learn.example.com/xapi");
        assert_eq!(json["object"]["definition"]["type"], MODULE_TYPE);
        assert!(json["context"]["contextActivities"]["parent"].is_array());
        assert!(json["context"].get("instructor").is_none());
        let back: Statement = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(59), "PT59S");
        assert_eq!(iso_duration(3600), "PT1H");
        assert_eq!(iso_duration(-5), "PT0S");
    }
}
