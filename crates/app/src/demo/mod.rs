//! `qunxue demo`: realistic, reproducible activity for the installed
//! courses, made by calling the same services the app calls — so the data
//! is exactly what real use would leave behind (progress, attempts and
//! their scores, submissions, marks, released grades, impact values).
//!
//! Reproducible means: the same seed on the same courses makes the same
//! choices, hence the same counts and scores. Ids (UUIDs) and the times are
//! new on every run; times are laid out over the six weeks before `now`.

mod answers;
mod people;
mod writing;

use chrono::{DateTime, Duration, Utc};
use qunxue_core::pack::model::Question;
use qunxue_store::courses::{self, CourseRecord, Readers};
use qunxue_store::profiles::{self as profile_rows, Role};
use qunxue_store::{questions, Store};
use rand::Rng;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::accounts::{create_profile, set_profile_role, NewProfile};
use crate::impact::{self, GroupInput, ObservationInput, PeriodInput, StudyInput, UnitKind};
use crate::msg;
use crate::tasks::grading::{grading_view, release, save_mark, MarkInput};
use crate::{profiles, quiz, reading, tasks, AppError, Result};

use people::Persona;

/// The demo instructor's PIN when the demo has to create the machine's first admin.
pub const DEMO_PIN: &str = "246810";

/// How much demo activity to make (`qunxue demo`); 20 learners and seed 1 by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many demo learner profiles to create.
    pub learners: usize,
    /// The random seed: the same seed on the same courses makes the same choices.
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { learners: 20, seed: 1 }
    }
}

/// What the demo wrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    /// Installed courses the demo filled.
    pub courses: usize,
    /// Learner profiles created.
    pub learners: usize,
    /// The demo instructor's display name.
    pub instructor: String,
    /// Set when the demo made its instructor the machine's first admin.
    pub instructor_pin: Option<String>,
    /// The recovery code of that first admin (shown once).
    pub admin_recovery_code: Option<String>,
    /// Modules the demo learners opened.
    pub modules_opened: usize,
    /// Modules the demo learners completed.
    pub modules_completed: usize,
    /// Quiz attempts submitted.
    pub quiz_attempts: usize,
    /// Answers saved across all attempts.
    pub answers: usize,
    /// Answers made right (short answers not counted: they are graded by hand).
    pub correct_answers: usize,
    /// Short answers the instructor graded; the rest stay in the marking queue.
    pub short_answers_graded: usize,
    /// Practice task submissions made.
    pub submissions: usize,
    /// Submissions marked against the rubric with the grade released.
    pub grades_released: usize,
    /// Business-impact studies created.
    pub studies: usize,
    /// Metric values recorded across all studies (before and after, per unit and metric).
    pub metric_values: usize,
    /// Classes made, learners who took the pre-test, the post-test, and answered the survey.
    pub classes: usize,
    /// Learners who took a pre-test.
    pub pre_tests: usize,
    /// Learners who took a post-test.
    pub post_tests: usize,
    /// Survey responses submitted.
    pub survey_responses: usize,
}

/// Fills the database behind `store` with demo activity for every installed course.
pub fn run_demo(store: &mut Store, options: DemoOptions, now: DateTime<Utc>) -> Result<DemoSummary> {
    let installed = courses::list_courses(store.conn())?;
    if installed.is_empty() {
        return Err(AppError::Rejected(msg!(
            "no course is installed: run `qunxue import PACK` first",
            "没有已安装的课程，请先运行 `qunxue import PACK` 导入课程包"
        )));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let start = now - Duration::days(42);
    let mut summary = DemoSummary { courses: installed.len(), learners: options.learners, ..DemoSummary::default() };
    let instructor = demo_instructor(store, start, &mut summary)?;

    let cohort = people::personas(&mut rng, options.learners);
    let mut learners = Vec::with_capacity(cohort.len());
    for persona in &cohort {
        let new = NewProfile { display_name: persona.name.clone(), avatar_colour: None, pin: None };
        learners.push(create_profile(store, &instructor, &new, start)?.id);
    }
    for course in &installed {
        let mut versions = Vec::new();
        let tests = knowledge_tests(store, &course.id)?;
        let classes = demo_classes(store, course, &learners, start, &mut summary)?;
        debug_assert_eq!(classes, summary.classes);
        for (i, (persona, learner)) in cohort.iter().zip(&learners).enumerate() {
            // Learners start a few hours apart, so queues have a defined order.
            let mut clock = start + Duration::hours(3 * i as i64);
            // Before training they know less: the pre-test sees a weaker self.
            let before = Persona { ability: (persona.ability - 0.3).clamp(0.15, 0.9), ..persona.clone() };
            if let Some((pre, _)) = &tests {
                take_quiz(store, &mut rng, &course.id, pre, &before, learner, &instructor, &mut clock, &mut summary)?;
                summary.pre_tests += 1;
            }
            learn_course(
                store,
                &mut rng,
                course,
                persona,
                learner,
                &instructor,
                &mut clock,
                &mut versions,
                &mut summary,
            )?;
            let finished = persona.reach >= 1.0;
            if let Some((_, post)) = &tests {
                // Those who finish take the post-test; a few who dropped out come back for it.
                if finished || rng.random_bool(0.15) {
                    take_quiz(
                        store,
                        &mut rng,
                        &course.id,
                        post,
                        persona,
                        learner,
                        &instructor,
                        &mut clock,
                        &mut summary,
                    )?;
                    summary.post_tests += 1;
                }
            }
            if rng.random_bool(if finished { 0.85 } else { 0.3 }) {
                answer_surveys(store, &mut rng, &course.id, persona, learner, clock, &mut summary)?;
            }
        }
        grade_submissions(store, &mut rng, &instructor, &versions, now - Duration::days(2), &mut summary)?;
        impact_study(store, &mut rng, course, &cohort, &instructor, start, &mut summary)?;
    }
    Ok(summary)
}

/// The course's first pre-test and its parallel post-test, if it has them.
fn knowledge_tests(store: &Store, course: &str) -> Result<Option<(String, String)>> {
    use qunxue_core::pack::model::{Quiz, QuizPurpose};
    use qunxue_store::course_items::{self, ItemKind};
    let quizzes: Vec<Quiz> = course_items::list_items(store.conn(), course, ItemKind::Quiz)?
        .iter()
        .filter_map(|item| serde_json::from_str(&item.body).ok())
        .collect();
    Ok(quizzes
        .iter()
        .find(|q| q.purpose == QuizPurpose::PreTest)
        .and_then(|pre| pre.parallel.clone().map(|post| (pre.id.clone(), post))))
}

/// Two classes per course (a course taught to two regions), the learners
/// split between them in turn.
fn demo_classes(
    store: &mut Store,
    course: &CourseRecord,
    learners: &[String],
    at: DateTime<Utc>,
    summary: &mut DemoSummary,
) -> Result<usize> {
    let names = ["华东门店一期", "华南门店一期"];
    let mut codes = Vec::new();
    for name in names {
        codes.push(crate::records::classes::create_class(store, &course.id, name, at)?.id);
        summary.classes += 1;
    }
    for (i, learner) in learners.iter().enumerate() {
        crate::records::classes::join_class(store, learner, &course.id, &codes[i % codes.len()], at)?;
    }
    Ok(summary.classes)
}

/// Answers every survey of the course: ratings follow how well the course
/// went for the learner, with a short comment now and then.
fn answer_surveys(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    course: &str,
    persona: &Persona,
    learner: &str,
    at: DateTime<Utc>,
    summary: &mut DemoSummary,
) -> Result<()> {
    for form in impact::survey_forms(store, learner, course)? {
        let answers: Vec<impact::SurveyAnswer> = form
            .items
            .iter()
            .filter_map(|item| match item.scale {
                Some(scale) => {
                    let leaning = 2.5 + 2.5 * persona.ability + rng.random_range(-1.0..1.0);
                    let rating = leaning.round().clamp(1.0, f64::from(scale)) as u8;
                    Some(impact::SurveyAnswer { item_id: item.id.clone(), rating: Some(rating), text: None })
                }
                None if rng.random_bool(0.4) => Some(impact::SurveyAnswer {
                    item_id: item.id.clone(),
                    rating: None,
                    text: Some(writing::survey_comment(rng, persona.ability).to_string()),
                }),
                None => None,
            })
            .collect();
        impact::submit_survey(store, learner, course, &form.id, &answers, at + Duration::hours(1))?;
        summary.survey_responses += 1;
    }
    Ok(())
}

/// A new instructor profile for the demo. Promoting it needs an admin: an
/// existing one if the machine has one, else the new profile becomes the
/// first admin with [`DEMO_PIN`].
fn demo_instructor(store: &mut Store, at: DateTime<Utc>, summary: &mut DemoSummary) -> Result<String> {
    let caller = profiles::active_profile(store, at)?.id;
    let new = NewProfile { display_name: "演示讲师".into(), avatar_colour: Some("#2f6f4e".into()), pin: None };
    let id = create_profile(store, &caller, &new, at)?.id;
    let admin = profile_rows::list(store.conn())?.into_iter().find(|p| p.role == Role::Admin);
    match admin {
        Some(admin) => {
            set_profile_role(store, &admin.id, &id, Role::Instructor, Some(DEMO_PIN))?;
        }
        None => {
            summary.admin_recovery_code = Some(crate::accounts::make_admin(store, &id, DEMO_PIN)?.recovery_code);
        }
    }
    summary.instructor = new.display_name;
    summary.instructor_pin = Some(DEMO_PIN.to_string());
    Ok(id)
}

/// One learner's path through one course: reads modules in order up to
/// their reach, takes each module's quizzes and writes its tasks.
#[allow(clippy::too_many_arguments)]
fn learn_course(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    course: &CourseRecord,
    persona: &Persona,
    learner: &str,
    instructor: &str,
    clock: &mut DateTime<Utc>,
    versions: &mut Vec<(String, f64)>,
    summary: &mut DemoSummary,
) -> Result<()> {
    let modules = courses::list_modules(store.conn(), &course.id)?;
    let reached = ((modules.len() as f64) * persona.reach).ceil() as usize;
    for (index, module) in modules.iter().take(reached).enumerate() {
        *clock += Duration::minutes(rng.random_range(30..600));
        reading::open_module(store, learner, Readers::Learners, &course.id, &module.id, *clock)?;
        summary.modules_opened += 1;
        for listed in quiz::module_quizzes(store, learner, &course.id, &module.id, *clock)? {
            take_quiz(store, rng, &course.id, &listed.quiz_id, persona, learner, instructor, clock, summary)?;
        }
        for task in tasks::learner::module_tasks(store, learner, &course.id, &module.id)? {
            // Most learners hand in practice work; the last module reached is often unfinished.
            if rng.random_bool(if index + 1 == reached { 0.5 } else { 0.85 }) {
                let text = writing::submission(rng, &task.title, persona.ability);
                *clock += Duration::minutes(rng.random_range(20..90));
                tasks::learner::save_draft(store, learner, &course.id, &task.id, &text, &[], *clock)?;
                let version = tasks::learner::submit(store, learner, &course.id, &task.id, *clock)?;
                versions.push((version.id, persona.ability));
                summary.submissions += 1;
            }
        }
        if index + 1 < reached || persona.reach >= 1.0 {
            *clock += Duration::minutes(module.minutes.max(1));
            reading::complete_module(store, learner, Readers::Learners, &course.id, &module.id, *clock)?;
            summary.modules_completed += 1;
        }
    }
    Ok(())
}

/// Starts, answers and hands in one attempt; the instructor marks its short answers.
#[allow(clippy::too_many_arguments)]
fn take_quiz(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    course: &str,
    quiz_id: &str,
    persona: &Persona,
    learner: &str,
    instructor: &str,
    clock: &mut DateTime<Utc>,
    summary: &mut DemoSummary,
) -> Result<()> {
    let attempt = quiz::start_quiz(store, learner, course, quiz_id, *clock)?;
    // Answered in id order: the shuffled display order is seeded by the
    // attempt's random id, and must not steer the demo's own choices.
    let mut shown_questions: Vec<_> = attempt.questions.iter().collect();
    shown_questions.sort_by(|a, b| a.id.cmp(&b.id));
    // Thinking time per question, so the attempt ends well within its time limit.
    let per_question = attempt
        .time_limit_seconds
        .map_or(90, |limit| (limit as i64 * 4 / 5 / shown_questions.len().max(1) as i64).clamp(2, 90));
    let mut short_answers: Vec<(String, f64, bool)> = Vec::new();
    for shown in shown_questions {
        let record = questions::get_question(store.conn(), course, &shown.id)?;
        let question: Question = serde_json::from_str(&record.body).map_err(|e| {
            let id = &shown.id;
            AppError::internal(msg!("reading stored question {id}", "读取保存的题目 {id}"), e)
        })?;
        let right = rng.random_bool(answers::chance(persona.ability, question.difficulty));
        let answer = answers::answer(&question, right, rng);
        *clock += Duration::seconds(rng.random_range(1..=per_question));
        quiz::save_answer(store, learner, &attempt.attempt_id, &shown.id, &answer, *clock)?;
        summary.answers += 1;
        if shown.kind == "short_answer" {
            short_answers.push((shown.id.clone(), question.points, right));
        } else if right {
            summary.correct_answers += 1;
        }
    }
    quiz::submit_attempt(store, learner, &attempt.attempt_id, *clock)?;
    summary.quiz_attempts += 1;
    for (question, points, right) in short_answers {
        // Graded a day later by the instructor; a few stay in the marking queue.
        if rng.random_bool(0.8) {
            let score = if right { points } else { (points / 2.0).floor() };
            let comment = if right { "要点齐全。" } else { "还需要说明如何用数据复盘。" };
            quiz::grade_answer(
                store,
                instructor,
                &attempt.attempt_id,
                &question,
                score,
                Some(comment),
                *clock + Duration::days(1),
            )?;
            summary.short_answers_graded += 1;
        }
    }
    Ok(())
}

/// The instructor marks about three submissions in four against the rubric
/// and releases the grade; the rest wait in the grading queue.
fn grade_submissions(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    instructor: &str,
    versions: &[(String, f64)],
    at: DateTime<Utc>,
    summary: &mut DemoSummary,
) -> Result<()> {
    for (version, ability) in versions {
        if !rng.random_bool(0.75) {
            continue;
        }
        let view = grading_view(store, instructor, version)?;
        if view.double_marked {
            continue;
        }
        let mut input = MarkInput {
            levels: Default::default(),
            comments: Default::default(),
            feedback: String::new(),
            complete: true,
        };
        for criterion in &view.task.rubric.criteria {
            let top = criterion.levels.len().saturating_sub(1);
            let level =
                ((top as f64) * (ability + rng.random_range(-0.2..0.2))).round().clamp(0.0, top as f64) as usize;
            input.levels.insert(criterion.id.clone(), level);
            if level < top {
                input.comments.insert(criterion.id.clone(), writing::criterion_comment(rng, &criterion.title));
            }
        }
        input.feedback = writing::feedback(*ability).to_string();
        save_mark(store, instructor, version, &input, at)?;
        release(store, instructor, version, at)?;
        summary.grades_released += 1;
    }
    Ok(())
}

/// A business-impact study over the course's first metric templates: the
/// cohort as the trained group, a control group of the same size, values
/// before and after training (the trained group improves with ability).
fn impact_study(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    course: &CourseRecord,
    cohort: &[Persona],
    instructor: &str,
    start: DateTime<Utc>,
    summary: &mut DemoSummary,
) -> Result<()> {
    let metrics: Vec<_> = impact::metric_templates(store, instructor, &course.id)?.into_iter().take(4).collect();
    if metrics.is_empty() || cohort.is_empty() {
        return Ok(());
    }
    let day = start.date_naive();
    let control: Vec<String> = (1..=cohort.len()).map(|i| format!("对照学员{i:03}")).collect();
    let input = StudyInput {
        course_id: course.id.clone(),
        name: format!("{} · 演示效果评估", course.title),
        unit_kind: UnitKind::Learner,
        baseline_start: day - Duration::days(56),
        baseline_end: day - Duration::days(1),
        post_start: day + Duration::days(42),
        post_end: day + Duration::days(98),
        programme_cost: Some(20_000.0),
        monetised_benefit: Some(35_000.0),
        metrics: metrics.clone(),
        treatment: cohort.iter().map(|p| p.name.clone()).collect(),
        control: control.clone(),
    };
    let study = impact::create_study(store, instructor, &input, start)?;
    summary.studies += 1;
    let mut rows = Vec::new();
    let units = cohort
        .iter()
        .map(|p| (p.name.clone(), GroupInput::Treatment, p.ability))
        .chain(control.into_iter().map(|c| (c, GroupInput::Control, 0.0)));
    for (unit, group, ability) in units {
        for metric in &metrics {
            let percent = metric.unit.contains('%');
            let base = if percent { rng.random_range(15.0..45.0) } else { rng.random_range(40.0..400.0) };
            // Trained learners improve with ability; everyone drifts a little.
            let lift = 1.0 + 0.35 * ability + rng.random_range(-0.08..0.1);
            let after = if percent { (base * lift).min(100.0) } else { base * lift };
            for (period, value) in [(PeriodInput::Before, base), (PeriodInput::After, after)] {
                rows.push(ObservationInput {
                    unit: unit.clone(),
                    group: Some(group),
                    metric_id: metric.id.clone(),
                    period,
                    value: Some((value * 10.0).round() / 10.0),
                });
            }
        }
    }
    impact::record_observations(store, instructor, &study.id, &rows, start + Duration::days(100))?;
    summary.metric_values += rows.len();
    Ok(())
}
