//! P1's peer: what an author would otherwise use to publish Markdown.
//! mdBook renders every chapter, writes the HTML and builds a search index;
//! the same module files are laid out as a book (front matter removed, a
//! generated SUMMARY.md) and `mdbook build` is timed as a whole process.
//! The mdbook binary is installed by `cargo xtask bench` (pinned version,
//! under `target/bench/tools`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// What `mdbook --version` says, for the report ("mdbook v0.5.4").
pub fn version(mdbook: &Path) -> anyhow::Result<String> {
    let out = Command::new(mdbook).arg("--version").output()?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Writes the modules as an mdBook source tree under `dir`; returns `dir`.
pub fn lay_out(files: &[PathBuf], dir: &Path) -> anyhow::Result<PathBuf> {
    let src = dir.join("src");
    std::fs::create_dir_all(&src)?;
    std::fs::write(
        dir.join("book.toml"),
        "[book]\ntitle = \"基准课程\"\nlanguage = \"zh\"\n\n[output.html.search]\nenable = true\n",
    )?;
    let mut summary = String::from("# Summary\n\n");
    for (index, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file)?;
        let (title, body) = split_front_matter(&text);
        let name = format!("chapter-{index:04}.md");
        std::fs::write(src.join(&name), format!("# {title}\n\n{body}"))?;
        let _ = writeln!(summary, "- [{}]({name})", title.replace([']', '['], ""));
    }
    std::fs::write(src.join("SUMMARY.md"), summary)?;
    Ok(dir.to_path_buf())
}

/// Runs `mdbook build` in `book` and returns how long the process took.
pub fn build(mdbook: &Path, book: &Path) -> anyhow::Result<Duration> {
    let out = book.join("book");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    let started = Instant::now();
    let status = Command::new(mdbook).arg("build").arg(book).output()?;
    let elapsed = started.elapsed();
    anyhow::ensure!(
        status.status.success(),
        "mdbook build {} failed: {}",
        book.display(),
        String::from_utf8_lossy(&status.stderr)
    );
    Ok(elapsed)
}

/// The module's title and its Markdown without the `+++` front matter.
fn split_front_matter(text: &str) -> (String, &str) {
    let Some(rest) = text.strip_prefix("+++\n") else { return ("无标题".into(), text) };
    let Some(end) = rest.find("\n+++\n") else { return ("无标题".into(), text) };
    let title = rest[..end]
        .lines()
        .find_map(|line| line.strip_prefix("title = "))
        .map(|quoted| quoted.trim().trim_matches('"').to_string())
        .unwrap_or_else(|| "无标题".into());
    (title, &rest[end + 5..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_the_title_and_is_removed() {
        let (title, body) = split_front_matter("+++\nid = \"m1\"\ntitle = \"社群定位\"\n+++\n\n正文\n");
        assert_eq!(title, "社群定位");
        assert_eq!(body, "\n正文\n");
    }
}
