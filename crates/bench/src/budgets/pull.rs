//! P7: `class pull` — reading a class's statements back from the company's
//! LRS, keeping every page durably and merging every learner's records —
//! of 100,000 statements (1,000 learners × 100) from Ralph on loopback,
//! beside the floor: a raw paged GET of the same statements with the same
//! page size ([`crate::peers::raw_pull`]). The database it leaves (a class
//! of 1,000 members) is P8's class view.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use qunxue_app::xapi::{pull_course, Credentials, PullOptions, PullSummary};
use qunxue_core::pack::model::{Quiz, QuizPurpose};
use qunxue_core::xapi::{Iris, Named};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::{courses, Store};

use super::fixtures::{shipped_course_store, COURSE_DIR};
use super::{fresh_dir, ratio, Settings};
use crate::lrs_server::{RalphServer, PAGE_SIZE, PASSWORD, USERNAME};
use crate::peers::raw_pull::paged_get;
use crate::report::{Budget, Check, Rule};
use crate::timing::{timed, Samples};
use crate::xapi_data::{class_statements, ClassShape};

/// A database holding a pulled class, for P8.
pub struct PulledClass {
    /// The SQLite file the last timed pull wrote: the shipped course and the pulled class.
    pub database: PathBuf,
    /// The shipped course the class's statements are about.
    pub course_id: String,
    /// Learners the pull merged records for: the class's size (1,000 at full scale).
    pub members: usize,
}

/// Runs P7 against Ralph on loopback (skipped without Ralph's venv); returns the pulled class for P8 when it ran.
pub fn measure(settings: &Settings) -> anyhow::Result<(Budget, Option<PulledClass>)> {
    let budget = Budget::new(
        "P7",
        &format!(
            "class pull of {} statements ({} learners) from Ralph on loopback",
            settings.statements, settings.members
        ),
    );
    let Some(python) = &settings.ralph_python else {
        let budget = budget
            .check(Check::new("pull statements/s ÷ raw paged GET", None, Rule::AtLeast, 0.5, "×"))
            .note("Ralph's venv is not installed (cargo xtask setup --test installs it): not measured");
        return Ok((budget, None));
    };
    let dir = fresh_dir(&settings.work.join("pull"))?;

    // The statements the class's laptops would have sent.
    let (store, course_id) = shipped_course_store(settings, &dir.join("template"))?;
    let shape_modules: Vec<Named> = courses::list_modules_for(store.conn(), &course_id, courses::Readers::Learners)?
        .into_iter()
        .map(|m| Named::new(m.id, m.title))
        .collect();
    let course = courses::get_course(store.conn(), &course_id)?;
    let tests = tests_of(&store, &course_id)?;
    let iris = Iris::new(&qunxue_store::xapi::iri_base(store.conn())?)?;
    let statements = class_statements(
        &iris,
        &ClassShape {
            course: Named::new(course_id.clone(), course.title.clone()),
            language: &course.language,
            modules: &shape_modules,
            tests,
            members: settings.members,
            per_member: settings.statements.div_ceil(settings.members),
            start: Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).unwrap(),
            seed: settings.seed,
        },
    );
    drop(store);

    let ralph = RalphServer::start(python, &settings.repo, &dir.join("ralph"))?;
    let (loaded, load_time) = timed(|| ralph.load(&statements, 1_000));
    loaded?;

    // One untimed read first, so neither side meets a cold server.
    paged_get(&ralph.endpoint, USERNAME, PASSWORD, PAGE_SIZE)?;
    let mut raw = Samples::default();
    let mut pulls = Samples::default();
    let mut last: Option<(PullSummary, PathBuf)> = None;
    for run in 0..settings.runs.max(1) {
        // Each pull is a first pull: a new database with the course installed.
        let (store, _) = shipped_course_store(settings, &dir.join(format!("run-{run}")))?;
        let database = store.path().to_path_buf();
        let store = Mutex::new(store);
        let raw_get = |raw: &mut Samples| -> anyhow::Result<()> {
            let (read, elapsed) = timed(|| paged_get(&ralph.endpoint, USERNAME, PASSWORD, PAGE_SIZE));
            anyhow::ensure!(read? == statements.len(), "the raw GET did not read every statement");
            raw.push(elapsed);
            Ok(())
        };
        // Which goes first alternates from run to run.
        if run % 2 == 0 {
            raw_get(&mut raw)?;
        }
        let credentials =
            Credentials { endpoint: ralph.endpoint.clone(), username: USERNAME.into(), password: PASSWORD.into() };
        let options = PullOptions { page_size: PAGE_SIZE, timeout: Duration::from_secs(120) };
        let (summary, elapsed) = timed(|| pull_course(&store, &credentials, &course_id, &options, |_| {}));
        let summary = summary.map_err(|e| anyhow::anyhow!("class pull failed: {e}"))?;
        anyhow::ensure!(summary.statements == statements.len(), "the pull read {} statements", summary.statements);
        pulls.push(elapsed);
        if run % 2 == 1 {
            raw_get(&mut raw)?;
        }
        last = Some((summary, database));
    }
    let (summary, database) = last.expect("at least one run");

    let per_second = |seconds: f64| statements.len() as f64 / seconds;
    let budget = budget
        .check(Check::new(
            "pull statements/s ÷ raw paged GET",
            Some(ratio(raw.median(), pulls.median())),
            Rule::AtLeast,
            0.5,
            "×",
        ))
        .figure("statements", statements.len() as f64)
        .figure("members", summary.members as f64)
        .figure("records_added", summary.added as f64)
        .figure("pull_s", pulls.median())
        .figure("pull_statements_per_s", per_second(pulls.median()))
        .figure("raw_get_s", raw.median())
        .figure("raw_get_statements_per_s", per_second(raw.median()))
        .figure("load_into_ralph_s", load_time.as_secs_f64())
        .note(format!(
            "median of {} first pulls (pull_course: GET page by page, each page and its resume point kept in one \
             transaction, then every learner rebuilt and merged) into a new database with {COURSE_DIR} installed, vs \
             median of {} raw paged GETs (ureq + serde_json, following `more`; one untimed read first, the order \
             alternating); pages of {PAGE_SIZE}; Ralph 5.1 API with the bench's in-memory backend \
             (crates/bench/ralph_memory_server.py)",
            pulls.len(),
            raw.len()
        ));
    Ok((budget, Some(PulledClass { database, course_id, members: summary.members })))
}

/// The course's pre-test and post-test (or its first two quizzes).
fn tests_of(store: &Store, course_id: &str) -> anyhow::Result<[Named; 2]> {
    let quizzes: Vec<Quiz> = course_items::list_items(store.conn(), course_id, ItemKind::Quiz)?
        .iter()
        .map(|item| serde_json::from_str(&item.body))
        .collect::<Result<_, _>>()?;
    let named = |purpose: QuizPurpose, fallback: usize| {
        quizzes
            .iter()
            .find(|q| q.purpose == purpose)
            .or_else(|| quizzes.get(fallback))
            .map(|q| Named::new(q.id.clone(), q.title.clone()))
            .ok_or_else(|| anyhow::anyhow!("the course has fewer than two quizzes"))
    };
    Ok([named(QuizPurpose::PreTest, 0)?, named(QuizPurpose::PostTest, 1)?])
}
