//! `qunxue demo --db FILE [--learners N] [--seed S] [--json]`: fills a
//! database with realistic, reproducible activity for its installed courses
//! (profiles, progress, quiz attempts, submissions, grades, impact data),
//! through the app's own services. For trying the product, benchmarks and
//! tests — never run it on a real training database.

use std::process::ExitCode;

use qunxue_app::demo::DemoOptions;

use super::acting::Acting;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    acting: Acting,
    /// How many learner profiles to create.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=5000))]
    learners: u32,
    /// The same seed on the same courses makes the same activity.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = args.acting.database()?;
    let session = args.acting.open()?;
    let options = DemoOptions { learners: args.learners as usize, seed: args.seed };
    let summary = session.make_demo_data(options)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("演示数据已写入 {} / demo data written:", db.display());
    println!("  课程 courses {}, 学员 learners {}", summary.courses, summary.learners);
    println!("  阅读 modules opened {}, completed {}", summary.modules_opened, summary.modules_completed);
    println!(
        "  测验 attempts {}, answers {} ({} correct), short answers graded {}",
        summary.quiz_attempts, summary.answers, summary.correct_answers, summary.short_answers_graded
    );
    println!("  作业 submissions {}, grades released {}", summary.submissions, summary.grades_released);
    println!("  效果评估 studies {}, metric values {}", summary.studies, summary.metric_values);
    if let Some(pin) = &summary.instructor_pin {
        println!("  讲师档案「{}」的 PIN / instructor PIN: {pin}", summary.instructor);
    }
    if let Some(code) = &summary.admin_recovery_code {
        println!("  管理员恢复码（只显示这一次）/ admin recovery code (shown once): {code}");
    }
    Ok(ExitCode::SUCCESS)
}
