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

/// Why an xAPI IRI base is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XapiError {
    /// The base (carried) does not start with `http://` or `https://` followed by a host.
    #[error("the xAPI IRI base `{0}` must start with http:// or https:// and name a host")]
    BadIriBase(String),
    /// The base (carried) contains whitespace, `?` or `#`.
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

    /// The normalised base, without a trailing slash; also the home page of every account.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The course's activity id: `{base}/courses/{course}`.
    pub fn course(&self, course: &str) -> String {
        format!("{}/courses/{course}", self.base)
    }

    /// A module's activity id: `{base}/courses/{course}/modules/{module}`.
    pub fn module(&self, course: &str, module: &str) -> String {
        format!("{}/modules/{module}", self.course(course))
    }

    /// A quiz's activity id: `{base}/courses/{course}/quizzes/{quiz}`.
    pub fn quiz(&self, course: &str, quiz: &str) -> String {
        format!("{}/quizzes/{quiz}", self.course(course))
    }

    /// A question's activity id: `{base}/courses/{course}/questions/{question}`.
    pub fn question(&self, course: &str, question: &str) -> String {
        format!("{}/questions/{question}", self.course(course))
    }

    /// A practice task's activity id: `{base}/courses/{course}/tasks/{task}`.
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
    /// Context extension: the attempt's id, on answered and passed/failed/attempted statements.
    pub const ATTEMPT_ID: &str = "attempt-id";
    /// Context extension: the attempt's number (1, 2, … per learner and quiz), beside `ATTEMPT_ID`.
    pub const ATTEMPT_NUMBER: &str = "attempt-number";
    /// Context extension: the pack's question id, on answered statements and on hand marks.
    pub const QUESTION_ID: &str = "question-id";
    /// Context extension: the join codes of the learner's classes in the course (class members only).
    pub const CLASS_IDS: &str = "class-ids";
    /// Context extension: the id of the task submission version submitted or scored.
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
    /// A module opened for the first time (ADL `launched`).
    Launched,
    /// A module opened again (ADL `experienced`).
    Experienced,
    /// A module or the whole course completed (ADL `completed`).
    Completed,
    /// A quiz answer saved (ADL `answered`).
    Answered,
    /// A quiz handed in with the pass mark reached (ADL `passed`).
    Passed,
    /// A quiz handed in below the pass mark (ADL `failed`).
    Failed,
    /// A quiz handed in with answers still to be marked by hand (ADL `attempted`).
    Attempted,
    /// A practice task handed in (Activity Streams `submit`).
    Submitted,
    /// A hand-marked answer or a released task grade (ADL `scored`).
    Scored,
}

impl VerbKind {
    /// Every verb Qunxue emits.
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

    /// The verb's IRI, used as the statement's `verb.id`.
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

/// An xAPI language map: language tag (e.g. `zh-CN`) → text in that language.
pub type LanguageMap = BTreeMap<String, String>;

/// One xAPI statement, serialised with the spec's field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// UUID of the statement, fresh per event; the LRS de-duplicates on it.
    pub id: String,
    /// The xAPI version the statement follows: always [`XAPI_VERSION`].
    pub version: String,
    /// The learner, as an account named by their profile id.
    pub actor: Agent,
    /// What the learner did.
    pub verb: Verb,
    /// The course, module, quiz, question or task the statement is about.
    pub object: Activity,
    /// Score, success, completion, response and duration, as far as the event has them.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub result: Option<StatementResult>,
    /// Registration, parent and grouping activities, platform, language and extensions.
    pub context: Context,
    /// RFC 3339 UTC time of the event, e.g. `2026-12-01T09:00:00.000Z`.
    pub timestamp: String,
}

/// An xAPI agent identified by an account, never by name or e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// Always `Agent`.
    pub object_type: String,
    /// The account that identifies the person.
    pub account: Account,
}

/// An account: the system's home page and the person's id there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The company's xAPI IRI base, standing for its Qunxue installation.
    pub home_page: String,
    /// The profile id of the learner or marker (never the display name, which is personal data).
    pub name: String,
}

/// An xAPI verb: its IRI and display name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    /// The verb's IRI, e.g. `http://adlnet.gov/expapi/verbs/completed`.
    pub id: String,
    /// Language tag → display name; ours carry `en-US` only.
    pub display: LanguageMap,
}

/// An xAPI activity: a course, module, quiz, question, task or class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    /// Always `Activity`.
    pub object_type: String,
    /// The activity's IRI, built by [`Iris`] from pack ids.
    pub id: String,
    /// The activity's type and, where given, its name.
    pub definition: ActivityDefinition,
}

/// What kind of activity it is and what it is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityDefinition {
    /// Activity type IRI (`type` in JSON), e.g. `http://adlnet.gov/expapi/activities/module`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The course's language tag → the item's title; absent when the statement does not name it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<LanguageMap>,
}

/// The `result` of a statement: what the event achieved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    /// Points earned; absent for events without a score.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<Score>,
    /// Whether the quiz was passed or the answer is right; absent when not (yet) known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub success: Option<bool>,
    /// `true` when a module, the course or a quiz was completed or a task handed in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub completion: Option<bool>,
    /// The answer as the app stores it (JSON text), or `version N` for a task submission.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub response: Option<String>,
    /// ISO 8601 duration of a quiz attempt, e.g. `PT12M5S`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duration: Option<String>,
    /// What a learner's machine needs to show a mark as a grades bundle
    /// would (`comment`, `rubric-result`), keyed by extension IRI.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

/// An xAPI score; `min` is always 0 and `raw` lies within `min … max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// raw / max, 0 … 1, rounded to four decimals; 1 when `max` is 0.
    pub scaled: f64,
    /// Points earned.
    pub raw: f64,
    /// Lowest possible points: always 0.
    pub min: f64,
    /// Points available.
    pub max: f64,
}

/// The `context` of a statement: what the event belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    /// UUID of the learner's enrolment in the course (one per learner and course).
    pub registration: String,
    /// The marker, on hand-marked answers and released task grades.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub instructor: Option<Agent>,
    /// Parent and grouping activities, so the LRS can roll records up the course tree.
    pub context_activities: ContextActivities,
    /// Always `Qunxue`.
    pub platform: String,
    /// The course's language tag, e.g. `zh-CN`.
    pub language: String,
    /// Keys are IRIs under the company's base ([`Iris::extension`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub extensions: BTreeMap<String, ExtensionValue>,
}

/// The values our context extensions take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExtensionValue {
    /// A whole number, such as an attempt number.
    Number(i64),
    /// A text, such as an id or JSON text.
    Text(String),
    /// A list of texts, such as the learner's class join codes.
    List(Vec<String>),
}

/// The activities a statement's object belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContextActivities {
    /// The object's direct parent: the quiz of a question, the module of a task, else the course.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parent: Vec<Activity>,
    /// The course (except on course completion) and each of the learner's classes in it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub grouping: Vec<Activity>,
}

// ---- What happened, as the services know it. ----

/// A pack item with its title (for the activity's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The item's pack id.
    pub id: String,
    /// The item's title, in the course's language.
    pub title: String,
}

impl Named {
    /// An item with this id and title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self { id: id.into(), title: title.into() }
    }
}

/// Points earned out of a maximum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Points {
    /// Points earned.
    pub raw: f64,
    /// Points available; 0 counts as full marks in the statement.
    pub max: f64,
}

/// One learning event. Module and question events carry their parent
/// (module or quiz) so the LRS can roll records up the course tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// First time the learner opens a module.
    ModuleLaunched {
        /// The module opened.
        module: Named,
    },
    /// The learner opens a module again.
    ModuleExperienced {
        /// The module opened again.
        module: Named,
    },
    /// The learner completes a module.
    ModuleCompleted {
        /// The module completed.
        module: Named,
    },
    /// One saved answer; `correct` is `None` for a manually marked question.
    QuestionAnswered {
        /// The quiz the question was asked in (the statement's parent).
        quiz: Named,
        /// The attempt the answer belongs to.
        attempt: AttemptRef,
        /// The question's pack id.
        question_id: String,
        /// Points the answer earned, out of the question's points.
        points: Points,
        /// Whether the answer is right; `None` when it is marked by hand.
        correct: Option<bool>,
        /// The answer as the app stores it (JSON text, e.g. `{"choice":"1"}`).
        response: String,
    },
    /// A quiz handed in: `passed` decides passed/failed; `None` (answers
    /// still to be marked by hand) gives `attempted`.
    QuizFinished {
        /// The quiz handed in.
        quiz: Named,
        /// The attempt handed in.
        attempt: AttemptRef,
        /// The attempt's total, out of the quiz's maximum.
        points: Points,
        /// Whether the pass mark was reached; `None` while answers wait to be marked by hand.
        passed: Option<bool>,
        /// Seconds from the attempt's start to its hand-in.
        duration_seconds: i64,
        /// The attempt's questions and option orders as shown (the stored
        /// presentation, JSON), so a machine rebuilding the attempt from the
        /// LRS can mark and rescore it.
        presentation: String,
    },
    /// A short answer marked by hand (`instructor` is the marker's profile
    /// id); the attempt's new outcome follows as another `QuizFinished`.
    AnswerMarked {
        /// The quiz the question was asked in.
        quiz: Named,
        /// The attempt the answer belongs to.
        attempt: AttemptRef,
        /// The question's pack id.
        question_id: String,
        /// Points given, out of the question's points.
        points: Points,
        /// Profile id of the marker.
        instructor: String,
        /// The marker's comment, if any; sent as the `comment` result extension.
        comment: Option<String>,
    },
    /// A practice task handed in.
    TaskSubmitted {
        /// The task handed in.
        task: Named,
        /// The module the task belongs to (the statement's parent), if known.
        module_id: Option<String>,
        /// Number of this version for the learner and task: 1, 2, …
        version: i64,
        /// The submission version's id.
        version_id: String,
    },
    /// A released grade; `instructor` is the marker's profile id.
    TaskScored {
        /// The task graded.
        task: Named,
        /// The module the task belongs to (the statement's parent), if known.
        module_id: Option<String>,
        /// Id of the submission version the grade is for.
        version_id: String,
        /// The grade, out of the task's `grade_max`.
        points: Points,
        /// Profile id of the marker.
        instructor: String,
        /// The grade as released (a JSON object, see `docs/xapi.md`), so a
        /// learner's machine reading its own statements can show it.
        rubric_result: serde_json::Value,
    },
    /// The learner completes the whole course.
    CourseCompleted,
}

impl Event {
    /// The verb of this event's statement; a finished quiz's depends on `passed`.
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
    /// The learner's profile id, the actor's account name.
    pub profile_id: String,
    /// A UUID naming the learner's enrolment in the course.
    pub registration: String,
    /// The course the event happened in.
    pub course: Named,
    /// The course's language tag, e.g. `zh-CN`, for names and context.
    pub language: String,
    /// The join codes of the learner's classes in the course.
    pub classes: Vec<String>,
}

/// One quiz attempt, named in the statements of its answers and its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRef {
    /// The attempt's id; its answers and its hand-in share it.
    pub id: String,
    /// The attempt's number for this learner and quiz: 1, 2, …
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
