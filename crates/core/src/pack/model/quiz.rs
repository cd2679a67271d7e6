//! Quizzes and assessments: `[[quiz]]` tables in `quizzes/<slug>/quizzes/*.toml`.

use serde::{Deserialize, Serialize};

/// What a quiz is for; pre- and post-tests feed the knowledge level of the effect report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuizPurpose {
    /// A module's own quiz; passing it counts towards completing the course.
    Module,
    /// Taken before the course to measure starting knowledge; names its post-test in `parallel`.
    PreTest,
    /// Taken after the course and compared with the pre-test; passing it counts towards completion.
    PostTest,
    /// Practice: scored, but it does not count towards completing the course.
    Practice,
}

/// When the learner sees right answers and feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMode {
    /// Answers are checked and explained during the attempt, before hand-in.
    Immediate,
    /// The default: nothing is revealed until the attempt is handed in.
    #[default]
    AfterSubmit,
    /// Right answers and feedback are never shown, only the score.
    Never,
}

/// One file of `quizzes/<slug>/quizzes/`: any number of `[[quiz]]` tables.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    /// The `[[quiz]]` tables, in file order.
    #[serde(default, rename = "quiz")]
    pub quizzes: Vec<Quiz>,
}

/// One quiz: fixed items, random draws from banks, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Stable quiz id, unique within the course; attempts are keyed on it.
    pub id: String,
    /// Title shown to learners, e.g. "第 1 课 小测".
    pub title: String,
    /// What the quiz is for: a module quiz, a pre- or post-test, or practice.
    pub purpose: QuizPurpose,
    /// Question ids asked in this order (unless shuffled).
    #[serde(default)]
    pub items: Vec<String>,
    /// Random draws, added after the fixed items.
    #[serde(default, rename = "draw")]
    pub draws: Vec<QuizDraw>,
    /// The quiz measuring the same knowledge (a pre-test names its post-test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<String>,
    /// Fraction of the maximum score needed to pass, in (0, 1].
    #[serde(default = "default_pass_mark")]
    pub pass_mark: f64,
    /// 0 = unlimited.
    #[serde(default)]
    pub max_attempts: u32,
    /// 0 = no limit.
    #[serde(default)]
    pub time_limit_minutes: u32,
    /// When the learner sees right answers and feedback; after hand-in by default.
    #[serde(default)]
    pub feedback: FeedbackMode,
    /// Show the questions in a random order per attempt; default false.
    #[serde(default)]
    pub shuffle_questions: bool,
    /// Shuffle the options of choice questions per attempt; default false.
    #[serde(default)]
    pub shuffle_options: bool,
}

fn default_pass_mark() -> f64 {
    0.6
}

/// `count` questions picked at random from one bank, optionally filtered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizDraw {
    /// Id of the bank (of this course) to draw from.
    pub bank: String,
    /// Only questions carrying every one of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Only questions whose difficulty lies in this inclusive range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<[u8; 2]>,
    /// How many questions to draw; at least 1.
    pub count: u32,
}

impl QuizDraw {
    /// Whether a question with these tags and difficulty may be drawn.
    pub fn accepts(&self, tags: &[String], difficulty: u8) -> bool {
        self.tags.iter().all(|wanted| tags.contains(wanted))
            && match self.difficulty {
                Some([low, high]) => (low..=high).contains(&difficulty),
                None => true,
            }
    }
}
