//! `qunxue inspect PATH [--json]`: what each course of a valid pack holds.

use std::process::ExitCode;

use qunxue_app::domain::pack::CourseInspection;
use qunxue_app::import::inspect_path;
use qunxue_app::AppError;
use serde::Serialize;

use super::diagnostics::print_lines;
pub(super) use super::pack_args::PackArgs as Args;

/// The `--json` contract: `{"courses": [{id, version, modules: {theory,
/// practice, case}, questions, tasks, rubrics, metric_templates, chars}]}`.
#[derive(Serialize)]
struct Output<'a> {
    courses: &'a [CourseInspection],
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let courses = match inspect_path(&args.path) {
        Ok(courses) => courses,
        Err(AppError::Invalid(diagnostics)) => {
            print_lines(&mut std::io::stderr().lock(), &diagnostics)?;
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => return Err(other.into()),
    };
    if args.json {
        serde_json::to_writer_pretty(std::io::stdout().lock(), &Output { courses: &courses })?;
        println!();
    } else {
        for c in &courses {
            let m = &c.modules;
            println!(
                "{} {}: {} theory, {} practice, {} case modules; {} questions, {} tasks, {} rubrics, {} metric templates; {} characters",
                c.id, c.version, m.theory, m.practice, m.case, c.questions, c.tasks, c.rubrics, c.metric_templates, c.chars
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
