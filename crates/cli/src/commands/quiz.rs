//! `qunxue quiz item-analysis` is in `quiz_item_analysis.rs`.
//!
//! `qunxue quiz convert FILE --from gift|aiken [--json] [--partial]`: a GIFT
//! or Aiken file as a question bank (TOML) or as JSON, on stdout. Problems go
//! to stderr as `file:line:col: message`; any error means exit 1, and then
//! nothing is printed unless `--partial` asks for the questions that did
//! parse.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::domain::pack::model::{Answer, Question, QuestionType};
use qunxue_app::domain::quiz::{bank_for_file, bank_toml, decode_question_file, ImportMode, QuestionFileFormat};
use serde::Serialize;

use super::diagnostics::print_lines;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: QuizCommand,
}

#[derive(Debug, clap::Subcommand)]
enum QuizCommand {
    /// Convert a GIFT or Aiken file into a question bank (TOML) or JSON on stdout.
    Convert(ConvertArgs),
    /// Facility, discrimination and option counts of a quiz's questions (CSV/XLSX/JSON).
    ItemAnalysis(super::quiz_item_analysis::Args),
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// The file to convert (UTF-8).
    file: PathBuf,
    /// The file's format.
    #[arg(long, value_enum)]
    from: SourceFormat,
    /// Print `[{"type","stem","options","answer"}]` (numeric questions add `"tolerance"`) instead of a bank.
    #[arg(long)]
    json: bool,
    /// Also print the questions that parsed when others did not (the exit code is still 1).
    #[arg(long)]
    partial: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum SourceFormat {
    Gift,
    Aiken,
}

impl SourceFormat {
    pub(crate) fn format(self) -> QuestionFileFormat {
        match self {
            SourceFormat::Gift => QuestionFileFormat::Gift,
            SourceFormat::Aiken => QuestionFileFormat::Aiken,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        QuizCommand::Convert(args) => convert(args),
        QuizCommand::ItemAnalysis(args) => super::quiz_item_analysis::run(args),
    }
}

fn convert(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {name}"))?;
    let text = match decode_question_file(&name, bytes) {
        Ok(text) => text,
        Err(error) => {
            print_lines(&mut std::io::stderr().lock(), &[error])?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let mode = if args.partial { ImportMode::Partial } else { ImportMode::AllOrNothing };
    let imported = args.from.format().parse(&name, &text, mode);
    print_lines(&mut std::io::stderr().lock(), &imported.diagnostics)?;
    let code = if imported.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    if !imported.questions.is_empty() {
        let mut out = std::io::stdout().lock();
        if args.json {
            let items: Vec<JsonQuestion<'_>> = imported.questions.iter().map(JsonQuestion::from).collect();
            serde_json::to_writer_pretty(&mut out, &items)?;
            writeln!(out)?;
        } else {
            let file_name = args.file.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
            writeln!(out, "# Converted from {file_name} by `qunxue quiz convert`.")?;
            write!(out, "{}", bank_toml(&bank_for_file(&file_name, imported.questions)))?;
        }
    }
    Ok(code)
}

/// One question in the `--json` contract.
#[derive(Serialize)]
struct JsonQuestion<'a> {
    #[serde(rename = "type")]
    kind: QuestionType,
    stem: &'a str,
    /// `single` and `multiple` only; `null` otherwise.
    options: Option<&'a [String]>,
    answer: JsonAnswer<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<f64>,
}

/// The answer in the shape its type uses: an option index, a list of
/// indexes, a boolean, a number, one list of accepted texts per blank,
/// `[left, right]` pairs, the items in order, or the reference answer.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonAnswer<'a> {
    Value(Option<Answer>),
    Indexes(&'a [usize]),
    Blanks(&'a [Vec<String>]),
    Pairs(&'a [(String, String)]),
    Texts(&'a [String]),
    Reference(&'a str),
}

impl<'a> From<&'a Question> for JsonQuestion<'a> {
    fn from(q: &'a Question) -> Self {
        let answer = match q.kind {
            QuestionType::Single | QuestionType::TrueFalse | QuestionType::Numeric => JsonAnswer::Value(q.answer),
            QuestionType::Multiple => JsonAnswer::Indexes(q.answers.as_deref().unwrap_or_default()),
            QuestionType::FillBlank => JsonAnswer::Blanks(q.blanks.as_deref().unwrap_or_default()),
            QuestionType::Matching => JsonAnswer::Pairs(q.pairs.as_deref().unwrap_or_default()),
            QuestionType::Ordering => JsonAnswer::Texts(q.items.as_deref().unwrap_or_default()),
            QuestionType::ShortAnswer => JsonAnswer::Reference(q.reference.as_deref().unwrap_or_default()),
        };
        JsonQuestion {
            kind: q.kind,
            stem: &q.stem,
            options: q.options.as_deref(),
            answer,
            tolerance: (q.kind == QuestionType::Numeric).then(|| q.tolerance.unwrap_or(0.0)),
        }
    }
}
