//! The `.deb` ships `qunxue`'s man page and bash, zsh and fish completions
//! (src-tauri/packaging/). They are generated from the command's clap
//! definition and checked in, so packaging needs no extra build step; this
//! test fails when a change to the command left them stale. Run it with
//! `QUNXUE_BLESS=1` to write them anew.

use std::path::{Path, PathBuf};

use clap_complete::Shell;

fn packaging() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/packaging")
}

fn man_page() -> Vec<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(qunxue_cli::command()).render(&mut out).expect("the man page renders");
    out
}

fn completion(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut qunxue_cli::command(), "qunxue", &mut out);
    out
}

#[test]
fn the_man_page_and_completions_match_the_command() {
    let files: [(&str, Vec<u8>); 4] = [
        ("qunxue.1", man_page()),
        ("completions/qunxue.bash", completion(Shell::Bash)),
        ("completions/_qunxue", completion(Shell::Zsh)),
        ("completions/qunxue.fish", completion(Shell::Fish)),
    ];
    let bless = std::env::var_os("QUNXUE_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, fresh) in files {
        let path = packaging().join(name);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(fresh.as_slice()) {
            stale.push(name);
        }
    }
    assert!(stale.is_empty(), "stale: {stale:?}; run `QUNXUE_BLESS=1 cargo test -p qunxue-cli --test packaging_docs`");
}

#[test]
fn the_man_page_documents_every_subcommand() {
    let text = String::from_utf8(man_page()).unwrap();
    for sub in qunxue_cli::command().get_subcommands() {
        // roff writes a hyphen as `\-`.
        let name = sub.get_name().replace('-', "\\-");
        assert!(text.contains(&format!("qunxue\\-{name}")), "the man page lacks {}", sub.get_name());
    }
}
