//! `qunxue write-stream --db FILE --course ID --quiz ID` (hidden, for the
//! crash tests): resumes or starts the active learner's attempt, then saves
//! answers and records module openings in an endless stream, printing one
//! `ack` line after each write has committed. A test kills the process at a
//! random moment and checks that every acknowledged write survived.
//!
//! Output, one line each, flushed at once:
//! - `ready <attempt-id> <remaining-seconds|none>`
//! - `write <seq> answer <question-id> <answer-json>` or
//!   `write <seq> open <module-id>` — before the write starts;
//! - `ack <seq>` — after it has committed.
//!
//! So after a kill, at most one `write` has no `ack`: the write in flight.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::quiz::{self, QuestionDto};
use qunxue_app::{profiles, reading};
use qunxue_core::quiz::LearnerAnswer;
use qunxue_store::Store;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    #[arg(long)]
    course: String,
    #[arg(long)]
    quiz: String,
    /// Stop after this many writes (default: run until killed).
    #[arg(long)]
    limit: Option<u64>,
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let now = chrono::Utc::now;
    let profile = profiles::active_profile(&mut store, now())?;
    let attempt = quiz::start_quiz(&mut store, &profile.id, &args.course, &args.quiz, now())?;
    let modules: Vec<String> = reading::outline(&store, &profile.id, reading::Readers::Learners, &args.course)?
        .sections
        .into_iter()
        .flat_map(|section| section.modules.into_iter().map(|m| m.id))
        .collect();
    anyhow::ensure!(
        !attempt.questions.is_empty() && !modules.is_empty(),
        "the course has no questions or modules to write"
    );

    let mut out = std::io::stdout().lock();
    let remaining = attempt.remaining_seconds.map_or_else(|| "none".to_string(), |s| s.to_string());
    writeln!(out, "ready {} {remaining}", attempt.attempt_id)?;
    out.flush()?;

    for seq in 0..args.limit.unwrap_or(u64::MAX) {
        let index = usize::try_from(seq / 2).unwrap_or(usize::MAX);
        if seq % 2 == 0 {
            let question = &attempt.questions[index % attempt.questions.len()];
            let answer = answer_for(question, seq);
            writeln!(out, "write {seq} answer {} {}", question.id, serde_json::to_string(&answer)?)?;
            out.flush()?;
            quiz::save_answer(&mut store, &profile.id, &attempt.attempt_id, &question.id, &answer, now())?;
        } else {
            let module = &modules[index % modules.len()];
            writeln!(out, "write {seq} open {module}")?;
            out.flush()?;
            reading::open_module(&mut store, &profile.id, reading::Readers::Learners, &args.course, module, now())?;
        }
        writeln!(out, "ack {seq}")?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// An answer of the question's own type that changes with `seq`, so a lost
/// write shows up as an older value.
fn answer_for(question: &QuestionDto, seq: u64) -> LearnerAnswer {
    let pick = |keys: Vec<String>| -> String {
        let at = usize::try_from(seq).unwrap_or(0) % keys.len().max(1);
        keys.get(at).cloned().unwrap_or_default()
    };
    let option_keys = || question.options.iter().flatten().map(|o| o.key.clone()).collect::<Vec<_>>();
    match question.kind.as_str() {
        "single" => LearnerAnswer::Choice(pick(option_keys())),
        "multiple" => LearnerAnswer::Choices(vec![pick(option_keys())]),
        "true_false" => LearnerAnswer::Bool(seq.is_multiple_of(4)),
        "numeric" => LearnerAnswer::Number(seq as f64),
        "ordering" => {
            let mut keys: Vec<String> = question.items.iter().flatten().map(|i| i.key.clone()).collect();
            let len = keys.len().max(1);
            keys.rotate_left(usize::try_from(seq).unwrap_or(0) % len);
            LearnerAnswer::Order(keys)
        }
        "fill_blank" => LearnerAnswer::Blanks(vec![format!("第{seq}次"); question.blank_count.unwrap_or(1)]),
        _ => LearnerAnswer::Text(format!("第 {seq} 次保存的作答")),
    }
}
