//! `qunxue quiz item-analysis --course ID --quiz ID [--db FILE] [--out FILE] [--json]`:
//! facility, discrimination and option counts of every question of a quiz,
//! over all handed-in attempts. `--out` writes CSV (UTF-8 with BOM) or XLSX
//! by the file's extension; otherwise a table (or JSON) goes to stdout.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use qunxue_app::export::write_tables;
use qunxue_app::quiz::{item_analysis_sheet, ItemAnalysis};

use super::acting::Acting;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The course id (e.g. qunxue.community-ops).
    #[arg(long)]
    course: String,
    /// The quiz id (e.g. quiz-m01).
    #[arg(long)]
    quiz: String,
    /// The learner database (default: the desktop app's).
    #[command(flatten)]
    acting: Acting,
    /// Write the table to FILE.csv or FILE.xlsx.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print JSON on stdout.
    #[arg(long)]
    json: bool,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analysis = args.acting.open()?.item_analysis(&args.course, &args.quiz)?;
    if let Some(out) = &args.out {
        write_tables(out, &[item_analysis_sheet(&analysis)])?;
        eprintln!("qunxue: wrote {} questions to {}", analysis.items.len(), out.display());
    }
    let mut stdout = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut stdout, &analysis)?;
        writeln!(stdout)?;
    } else if args.out.is_none() {
        print_table(&mut stdout, &analysis)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(out: &mut impl Write, analysis: &ItemAnalysis) -> std::io::Result<()> {
    writeln!(out, "{} ({}): {} handed-in attempts", analysis.quiz_title, analysis.quiz_id, analysis.attempts)?;
    writeln!(out, "{:<14} {:>4} {:>9} {:>15}  options", "question", "n", "facility", "discrimination")?;
    let figure = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"));
    for item in &analysis.items {
        let options: Vec<String> = item
            .options
            .iter()
            .map(|o| format!("{}{}={}", o.key, if o.correct { "*" } else { "" }, o.chosen))
            .collect();
        writeln!(
            out,
            "{:<14} {:>4} {:>9} {:>15}  {}",
            item.question_id,
            item.n,
            figure(item.facility),
            figure(item.discrimination),
            options.join(" ")
        )?;
    }
    Ok(())
}
