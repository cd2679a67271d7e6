//! Making packs (issue 27): `qunxue new`, `convert`, `pack` and `preview`.
//! Anyone may run them — nothing is installed; importing the result is an
//! admin's (`qunxue import`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::authoring::convert::{convert, ConvertOptions};
use qunxue_app::authoring::skeleton::{create, NewPack};
use qunxue_app::domain::Lang;
use qunxue_app::domain::ModuleKind;

use super::diagnostics::{print_lines, this_terminal_lang};

#[derive(Debug, clap::Args)]
pub(super) struct NewArgs {
    /// The folder to create (new or empty); its name becomes the course folder's.
    dir: PathBuf,
    /// The course title (default: the folder's name).
    #[arg(long)]
    title: Option<String>,
    /// The skeleton's language.
    #[arg(long, default_value = "zh-CN", value_parser = ["zh-CN", "en"])]
    lang: String,
}

#[derive(Debug, clap::Args)]
pub(super) struct ConvertArgs {
    /// A Word document (.docx) or PowerPoint deck (.pptx).
    file: PathBuf,
    /// The pack folder to write (made if missing).
    #[arg(long)]
    out: PathBuf,
    /// Word headings of this level or higher start a module (a deck is one
    /// module, or one per section).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
    split_level: u8,
    /// The kind every module gets.
    #[arg(long, default_value = "theory", value_parser = ["theory", "practice", "case"])]
    kind: String,
    /// Replace files you edited since the last conversion.
    #[arg(long)]
    overwrite: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub(super) struct PackArgs {
    /// The pack folder.
    dir: PathBuf,
    /// The .zip to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub(super) struct PreviewArgs {
    /// The pack folder to preview while you edit it.
    dir: PathBuf,
}

pub(super) fn new(args: NewArgs) -> anyhow::Result<ExitCode> {
    let today = chrono::Local::now().date_naive().to_string();
    let request = NewPack { dir: args.dir.clone(), title: args.title, language: args.lang, today };
    let made = create(&request)?;
    println!("{}: course {} ({} files)", args.dir.display(), made.course_id, made.files.len());
    for file in &made.files {
        println!("  {file}");
    }
    println!("next: qunxue validate {0} · qunxue preview {0} · qunxue pack {0} --out course.zip", args.dir.display());
    Ok(ExitCode::SUCCESS)
}

pub(super) fn convert_file(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let kind = ModuleKind::parse(&args.kind).context("--kind is theory, practice or case")?;
    let options = ConvertOptions {
        source: args.file,
        out: args.out,
        split_level: args.split_level,
        kind,
        overwrite: args.overwrite,
    };
    let report = convert(&options)?;
    let mut out = std::io::stdout().lock();
    let failed = report.refused() || report.diagnostics.iter().any(|d| d.is_error());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        println!();
        return Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS });
    }
    let chinese = this_terminal_lang() == Lang::Zh;
    if report.refused() {
        eprintln!("qunxue: these files were edited since the last conversion; nothing was written (--overwrite replaces them):");
        for file in &report.edited_files {
            eprintln!("  {file}");
        }
        return Ok(ExitCode::FAILURE);
    }
    println!(
        "{}: course {} version {}: {} written, {} unchanged",
        report.out_dir,
        report.course_id,
        report.version,
        report.written.len(),
        report.unchanged.len()
    );
    for module in &report.modules {
        println!("  {}  {} ({} sections)", module.path, module.title, module.sections);
    }
    for file in &report.overwritten {
        println!("  replaced your edits (--overwrite): {file}");
    }
    for file in &report.removed {
        println!("  removed (the document no longer has it): {file}");
    }
    for item in &report.attention {
        println!("attention: {}", item.describe(chinese));
    }
    print_lines(&mut out, &report.diagnostics)?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub(super) fn pack(args: PackArgs) -> anyhow::Result<ExitCode> {
    match qunxue_app::authoring::pack_zip::pack(&args.dir, &args.out) {
        Ok(packed) => {
            print_lines(&mut std::io::stdout().lock(), &packed.warnings)?;
            println!("{}: {} files, {} bytes before compression", packed.zip.display(), packed.files, packed.bytes);
            Ok(ExitCode::SUCCESS)
        }
        Err(qunxue_app::authoring::AuthoringError::Invalid { diagnostics, .. }) => {
            print_lines(&mut std::io::stdout().lock(), &diagnostics)?;
            eprintln!("qunxue: {} is not a valid pack; nothing was written", args.dir.display());
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(other.into()),
    }
}

/// Starts the desktop app in author mode on the folder: this program itself
/// when it is the desktop app run as `qunxue`, else `qunxue-desktop` beside
/// it or on the PATH.
pub(super) fn preview(args: PreviewArgs) -> anyhow::Result<ExitCode> {
    let dir = std::fs::canonicalize(&args.dir).with_context(|| format!("{}: no such folder", args.dir.display()))?;
    let desktop = desktop_program().context(
        "the desktop app (qunxue-desktop) is not installed: install the .deb (see docs/packaging.md), \
         or run `qunxue-desktop --author DIR` where it is",
    )?;
    std::process::Command::new(&desktop)
        .arg("--author")
        .arg(&dir)
        .spawn()
        .with_context(|| format!("cannot start {}", desktop.display()))?;
    println!("{}: previewing {}", desktop.display(), dir.display());
    Ok(ExitCode::SUCCESS)
}

fn desktop_program() -> Option<PathBuf> {
    let me = std::env::current_exe().ok()?;
    if me.file_stem().is_some_and(|s| s == "qunxue-desktop") {
        return Some(me);
    }
    let beside = me.with_file_name(format!("qunxue-desktop{}", std::env::consts::EXE_SUFFIX));
    if beside.is_file() {
        return Some(beside);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(format!("qunxue-desktop{}", std::env::consts::EXE_SUFFIX)))
            .find(|p| p.is_file())
    })
}
