//! Quizzes: taking them, reviewing, marking short answers, item analysis
//! and quizzes an instructor imports on this machine.

use std::path::Path;

use qunxue_core::quiz::{LearnerAnswer, QuestionFileFormat};

use crate::export::write_tables;
use crate::quiz::local::{self, LocalQuizCreated, LocalQuizRequest, LocalQuizSummary, QuestionFilePreview};
use crate::quiz::{
    self, AttemptRescored, AttemptResult, AttemptView, BankExport, BankFormat, ItemAnalysis, ItemFeedback,
    KeyChangeView, ModuleQuiz, PendingAnswer, QuizOverview, RegradeReport, ReviewAnswered, ReviewQueue, SavedAnswer,
};
use crate::session::{Action, Session};
use crate::Result;

impl Session {
    /// The quizzes of a module, each with the acting learner's best result.
    pub fn module_quizzes(&self, course_id: &str, module_id: &str) -> Result<Vec<ModuleQuiz>> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::module_quizzes(&mut a.store, &a.caller.profile_id, course_id, module_id, a.now)
    }

    /// A quiz's start page for the acting learner: its rules and their attempts.
    pub fn quiz_overview(&self, course_id: &str, quiz_id: &str) -> Result<QuizOverview> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::quiz_overview(&mut a.store, &a.caller.profile_id, course_id, quiz_id, a.now)
    }

    /// Resumes the acting learner's open attempt at the quiz or begins a new one.
    pub fn start_quiz(&self, course_id: &str, quiz_id: &str) -> Result<AttemptView> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::start_quiz(&mut a.store, &a.caller.profile_id, course_id, quiz_id, a.now)
    }

    /// Saves one answer of the acting learner's open attempt the moment it is given.
    pub fn save_answer(&self, attempt_id: &str, question_id: &str, answer: &LearnerAnswer) -> Result<SavedAnswer> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::save_answer(&mut a.store, &a.caller.profile_id, attempt_id, question_id, answer, a.now)
    }

    /// Immediate-feedback mode: reveals the feedback on a saved answer and makes that answer final.
    pub fn check_answer(&self, attempt_id: &str, question_id: &str) -> Result<ItemFeedback> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::check_answer(&mut a.store, &a.caller.profile_id, attempt_id, question_id, a.now)
    }

    /// Hands in the acting learner's attempt and returns its result.
    pub fn submit_attempt(&self, attempt_id: &str) -> Result<AttemptResult> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::submit_attempt(&mut a.store, &a.caller.profile_id, attempt_id, a.now)
    }

    /// The result of one of the acting learner's handed-in attempts.
    pub fn attempt_result(&self, attempt_id: &str) -> Result<AttemptResult> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::attempt_result(&mut a.store, &a.caller.profile_id, attempt_id, a.now)
    }

    /// The acting learner's review cards due now.
    pub fn review_queue(&self) -> Result<ReviewQueue> {
        let a = self.authorise(Action::TakeQuiz)?;
        quiz::review_queue(&a.store, a.profile(), a.now)
    }

    /// Scores a review answer and reschedules its card.
    pub fn answer_review(&self, course_id: &str, question_id: &str, answer: &LearnerAnswer) -> Result<ReviewAnswered> {
        let mut a = self.authorise(Action::TakeQuiz)?;
        quiz::answer_review(&mut a.store, &a.caller.profile_id, course_id, question_id, answer, a.now)
    }

    /// Short answers waiting for a mark, oldest first, of one course when given (instructors and admins).
    pub fn marking_queue(&self, course_id: Option<&str>) -> Result<Vec<PendingAnswer>> {
        self.marking_queue_in_classes(course_id, &[])
    }

    /// The marking queue narrowed to members of `classes` (join codes).
    pub fn marking_queue_in_classes(&self, course_id: Option<&str>, classes: &[String]) -> Result<Vec<PendingAnswer>> {
        let a = self.authorise(Action::MarkAnswers)?;
        quiz::marking_queue_in_classes(&a.store, a.profile(), course_id, classes)
    }

    /// Grades one short answer with `score` points and an optional comment, then rescores its attempt.
    pub fn grade_answer(
        &self,
        attempt_id: &str,
        question_id: &str,
        score: f64,
        comment: Option<&str>,
    ) -> Result<AttemptRescored> {
        let mut a = self.authorise(Action::MarkAnswers)?;
        quiz::grade_answer(&mut a.store, &a.caller.profile_id, attempt_id, question_id, score, comment, a.now)
    }

    /// The course's answer keys an update changed, with the attempts each
    /// would rescore.
    pub fn quiz_key_changes(&self, course_id: &str) -> Result<Vec<KeyChangeView>> {
        let a = self.authorise(Action::RegradeAttempts)?;
        quiz::key_changes(&a.store, course_id)
    }

    /// Rescores the attempts a changed key affects, and reports each change.
    pub fn regrade_question(&self, course_id: &str, question_id: &str) -> Result<RegradeReport> {
        let mut a = self.authorise(Action::RegradeAttempts)?;
        quiz::regrade(&mut a.store, &a.caller.profile_id, course_id, question_id, a.now)
    }

    /// Writes a course's bank to `path` as GIFT or Moodle XML (answer keys included).
    pub fn export_bank(&self, course_id: &str, bank_id: &str, format: BankFormat, path: &Path) -> Result<BankExport> {
        let a = self.authorise(Action::ExportQuestions)?;
        quiz::export_bank(&a.store, course_id, bank_id, format, path)
    }

    /// An item analysis of one quiz over every handed-in attempt (instructors and admins).
    pub fn item_analysis(&self, course_id: &str, quiz_id: &str) -> Result<ItemAnalysis> {
        let a = self.authorise(Action::AnalyseItems)?;
        quiz::item_analysis(&a.store, a.profile(), course_id, quiz_id)
    }

    /// The item analysis as a spreadsheet (`.xlsx`) or CSV, by the extension of `path`.
    pub fn export_item_analysis(&self, course_id: &str, quiz_id: &str, path: &Path) -> Result<()> {
        let analysis = self.item_analysis(course_id, quiz_id)?;
        write_tables(path, &[quiz::item_analysis_sheet(&analysis)])
    }

    /// Parses a question file and shows what it would import, saving nothing (instructors and admins).
    pub fn preview_question_file(&self, path: &Path, format: QuestionFileFormat) -> Result<QuestionFilePreview> {
        let a = self.authorise(Action::ManageLocalQuizzes)?;
        local::preview_question_file(a.store.conn(), a.profile(), path, format)
    }

    /// Imports a question file as a new practice quiz of the course (instructors and admins).
    pub fn import_local_quiz(&self, course_id: &str, request: &LocalQuizRequest) -> Result<LocalQuizCreated> {
        let mut a = self.authorise(Action::ManageLocalQuizzes)?;
        local::import_local_quiz(&mut a.store, &a.caller.profile_id, course_id, request, a.now)
    }

    /// The course's local quizzes, newest first, with the acting profile's results.
    pub fn local_quizzes(&self, course_id: &str) -> Result<Vec<LocalQuizSummary>> {
        let mut a = self.authorise(Action::ListLocalQuizzes)?;
        local::local_quizzes(&mut a.store, &a.caller.profile_id, course_id, a.now)
    }

    /// Withdraws a local quiz: learners no longer see it; attempts keep their questions.
    pub fn archive_local_quiz(&self, course_id: &str, quiz_id: &str) -> Result<()> {
        let mut a = self.authorise(Action::ManageLocalQuizzes)?;
        local::archive_local_quiz(&mut a.store, &a.caller.profile_id, course_id, quiz_id)
    }
}
