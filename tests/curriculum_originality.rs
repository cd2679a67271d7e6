//! The shipped curriculum is written in our own words: no course or quiz
//! file shares a run of 25 or more identical characters (whitespace
//! ignored) with any seed document in `../shared/seeds/`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Shortest shared run that counts as copying.
const RUN: usize = 25;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seeds_dir() -> PathBuf {
    repo().join("../shared/seeds")
}

/// Characters without whitespace, so line breaks and spacing cannot hide a copy.
fn squeeze(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text_files(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "toml" | "csv")) {
            out.push(path);
        }
    }
}

fn seed_runs() -> HashSet<String> {
    let dir = seeds_dir();
    let mut runs = HashSet::new();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seed documents must be beside the repository at {}: {e}", dir.display()));
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let chars = squeeze(&text);
        for window in chars.windows(RUN) {
            runs.insert(window.iter().collect());
        }
    }
    assert!(runs.len() > 10_000, "the seeds look empty ({} runs)", runs.len());
    runs
}

/// The first copied run in `text`, if any.
fn first_copied_run(text: &str, runs: &HashSet<String>) -> Option<String> {
    squeeze(text).windows(RUN).map(|w| w.iter().collect::<String>()).find(|run| runs.contains(run))
}

#[test]
fn no_course_file_copies_a_seed_sentence() {
    let runs = seed_runs();
    let mut files = Vec::new();
    text_files(&repo().join("courses"), &mut files);
    text_files(&repo().join("quizzes"), &mut files);
    assert!(files.len() >= 20, "expected the curriculum files, found {}", files.len());
    let copied: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            first_copied_run(&text, &runs).map(|run| format!("{}: copies «{run}»", file.display()))
        })
        .collect();
    assert!(copied.is_empty(), "text copied from the seeds:\n{}", copied.join("\n"));
}

#[test]
fn the_check_catches_a_copied_sentence() {
    let runs = seed_runs();
    let seed = std::fs::read_dir(seeds_dir()).unwrap().next().unwrap().unwrap().path();
    let seed_text = squeeze(&std::fs::read_to_string(seed).unwrap());
    // A sentence lifted from the middle of a seed, with spacing changed.
    let lifted: String = seed_text[100..140].iter().flat_map(|c| [*c, ' ']).collect();
    let text = format!("我们自己的开头。{lifted}我们自己的结尾。");
    assert!(first_copied_run(&text, &runs).is_some());
    assert!(
        first_copied_run("完全是我们自己写的一句话，和种子文档没有任何关系，长度也超过二十五个字。", &runs).is_none()
    );
}
