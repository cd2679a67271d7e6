//! `qunxue render FILE.md`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qunxue_app::domain::markdown::{self, RenderOptions};

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// A module file (with `+++` front matter) or plain Markdown.
    file: PathBuf,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    // Plain Markdown files have no front matter; render them whole.
    let body = match qunxue_app::domain::front_matter::split(&text) {
        Ok(split) => split.body,
        Err(_) => text.as_str(),
    };
    print!("{}", markdown::render(body, &RenderOptions::default()).html);
    Ok(ExitCode::SUCCESS)
}
