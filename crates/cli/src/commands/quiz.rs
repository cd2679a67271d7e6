//! `qunxue quiz item-analysis` is in `quiz_item_analysis.rs`.
//!
//! `qunxue quiz convert FILE --from gift|aiken|moodle-xml [--json] [--partial]
//! [--out DIR]`: a GIFT, Aiken or Moodle XML file as a question bank (TOML)
//! or as JSON, on stdout; with `--out`, one bank file per category under
//! `DIR/banks/` and the images a Moodle XML bank embeds under `DIR/assets/`.
//! Problems go to stderr as `file:line:col: message`; any error means exit
//! 1, and then nothing is written unless `--partial` asks for the questions
//! that did parse.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::domain::pack::model::{Answer, Question, QuestionType};
use qunxue_app::domain::quiz::{
    bank_for_file, bank_toml, decode_question_file, EmbeddedFile, ImportMode, QuestionFileFormat,
};
use qunxue_app::quiz::BankFormat;
use serde::Serialize;

use super::diagnostics::print_lines;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: QuizCommand,
}

#[derive(Debug, clap::Subcommand)]
enum QuizCommand {
    /// Convert a GIFT, Aiken or Moodle XML file into question banks (TOML) or JSON.
    Convert(ConvertArgs),
    /// Facility, discrimination and option counts of a quiz's questions (CSV/XLSX/JSON).
    ItemAnalysis(super::quiz_item_analysis::Args),
    /// Write a course's question bank as GIFT or Moodle XML (answer keys included; instructors).
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The course id (e.g. qunxue.community-ops).
    #[arg(long)]
    course: String,
    /// The bank id (e.g. bank-m01).
    #[arg(long)]
    bank: String,
    /// The format to write.
    #[arg(long, value_enum)]
    to: TargetFormat,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The learner database (default: the desktop app's) and who acts.
    #[command(flatten)]
    acting: super::acting::Acting,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum TargetFormat {
    Gift,
    MoodleXml,
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
    /// Write one bank per category to DIR/banks/ and embedded images to DIR/assets/ instead of printing.
    #[arg(long, value_name = "DIR", conflicts_with = "json")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum SourceFormat {
    Gift,
    Aiken,
    MoodleXml,
}

impl SourceFormat {
    pub(crate) fn format(self) -> QuestionFileFormat {
        match self {
            SourceFormat::Gift => QuestionFileFormat::Gift,
            SourceFormat::Aiken => QuestionFileFormat::Aiken,
            SourceFormat::MoodleXml => QuestionFileFormat::MoodleXml,
        }
    }
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        QuizCommand::Convert(args) => convert(args),
        QuizCommand::ItemAnalysis(args) => super::quiz_item_analysis::run(args),
        QuizCommand::Export(args) => export(args),
    }
}

/// Writes the bank; names each question the format cannot hold (exit 0:
/// the rest was written) and says how many were written.
fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = match args.to {
        TargetFormat::Gift => BankFormat::Gift,
        TargetFormat::MoodleXml => BankFormat::MoodleXml,
    };
    let result = args.acting.open()?.export_bank(&args.course, &args.bank, format, &args.out)?;
    let mut err = std::io::stderr().lock();
    for skipped in &result.skipped {
        writeln!(
            err,
            "{}: {} is left out: {} / {}",
            args.out.display(),
            skipped.question_id,
            skipped.reason,
            skipped.reason_zh
        )?;
    }
    writeln!(err, "qunxue: wrote {} questions to {}", result.written, args.out.display())?;
    Ok(ExitCode::SUCCESS)
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
    let file_name = args.file.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    if let Some(dir) = &args.out {
        if !imported.questions.is_empty() {
            write_banks(dir, &file_name, imported.questions, &imported.files)?;
        }
        return Ok(code);
    }
    if !imported.files.is_empty() {
        let count = imported.files.len();
        eprintln!("{name}: {count} embedded image(s) are written only with --out DIR / 嵌入的 {count} 张图片只在使用 --out DIR 时写出");
    }
    if !imported.questions.is_empty() {
        let mut out = std::io::stdout().lock();
        if args.json {
            let items: Vec<JsonQuestion<'_>> = imported.questions.iter().map(JsonQuestion::from).collect();
            serde_json::to_writer_pretty(&mut out, &items)?;
            writeln!(out)?;
        } else {
            writeln!(out, "# Converted from {file_name} by `qunxue quiz convert`.")?;
            write!(out, "{}", bank_toml(&bank_for_file(&file_name, imported.questions)))?;
        }
    }
    Ok(code)
}

/// One bank per category (the questions' first tag; untagged ones share a
/// bank named after the file) under `dir/banks/`, and the embedded files
/// under `dir/assets/`; prints what it wrote.
fn write_banks(
    dir: &std::path::Path,
    file_name: &str,
    questions: Vec<Question>,
    files: &[EmbeddedFile],
) -> anyhow::Result<()> {
    let mut categories: Vec<(String, Vec<Question>)> = Vec::new();
    for question in questions {
        let category = question.tags.first().cloned().unwrap_or_default();
        match categories.iter_mut().find(|(c, _)| *c == category) {
            Some((_, list)) => list.push(question),
            None => categories.push((category, vec![question])),
        }
    }
    let banks_dir = dir.join("banks");
    std::fs::create_dir_all(&banks_dir).with_context(|| format!("cannot create {}", banks_dir.display()))?;
    let base = bank_for_file(file_name, Vec::new()).id;
    let mut out = std::io::stdout().lock();
    for (n, (category, questions)) in categories.into_iter().enumerate() {
        let mut bank = bank_for_file(file_name, questions);
        bank.id = if n == 0 { base.clone() } else { format!("{base}-{}", n + 1) };
        if !category.is_empty() {
            bank.title = category;
        }
        let path = banks_dir.join(format!("{}.toml", bank.id));
        let text = format!("# Converted from {file_name} by `qunxue quiz convert`.\n{}", bank_toml(&bank));
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(out, "{}", path.display())?;
    }
    if !files.is_empty() {
        let assets = dir.join("assets");
        std::fs::create_dir_all(&assets).with_context(|| format!("cannot create {}", assets.display()))?;
        for file in files {
            let path = assets.join(&file.name);
            std::fs::write(&path, &file.bytes).with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "{}", path.display())?;
        }
    }
    Ok(())
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
