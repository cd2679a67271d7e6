//! The layers hold by construction, not by habit (issue #32): only
//! `crates/store` talks to SQLite. The app, the CLI and the desktop shell
//! neither depend on rusqlite nor hold SQL; they reach the database through
//! the store's functions (and its re-exported `Connection`/`Transaction`).
//! Unit tests may set up or inspect a database with SQL directly, so test
//! files and `#[cfg(test)]` modules are not scanned.

use std::path::Path;

use qunxue_tests::packs::{files_under, repo_root};

/// A string literal in the source that reads as a SQL statement.
fn looks_like_sql(line: &str) -> bool {
    const STARTS: [&str; 7] = ["\"SELECT ", "\"INSERT ", "\"UPDATE ", "\"DELETE ", "\"PRAGMA ", "\"CREATE ", "\"WITH "];
    STARTS.iter().any(|start| line.contains(start))
}

fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name == "tests.rs" || name.ends_with("_tests.rs") || path.components().any(|c| c.as_os_str() == "tests")
}

#[test]
fn only_the_store_uses_rusqlite_or_writes_sql() {
    let root = repo_root();
    let mut problems = Vec::new();
    for crate_dir in ["crates/app", "crates/cli", "src-tauri"] {
        let manifest = std::fs::read_to_string(root.join(crate_dir).join("Cargo.toml")).unwrap();
        let dependencies = manifest.split("[dev-dependencies]").next().unwrap();
        if dependencies.lines().any(|l| l.trim_start().starts_with("rusqlite")) {
            problems.push(format!("{crate_dir}/Cargo.toml depends on rusqlite"));
        }
        let src = root.join(crate_dir).join("src");
        let files = files_under(&src).into_iter().filter(|f| f.ends_with(".rs") && !is_test_file(Path::new(f)));
        for file in files {
            let source = std::fs::read_to_string(src.join(&file)).unwrap();
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            let shown = format!("{crate_dir}/src/{file}");
            for (i, line) in source.lines().enumerate() {
                if line.contains("rusqlite::") || line.trim_start().starts_with("use rusqlite") {
                    problems.push(format!("{shown}:{}: uses rusqlite", i + 1));
                }
                if looks_like_sql(line) && !line.trim_start().starts_with("//") {
                    problems.push(format!("{shown}:{}: SQL outside the store: {}", i + 1, line.trim()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_what_it_looks_for() {
    assert!(looks_like_sql(r#"conn.query_row("SELECT count(*) FROM x", [], f)"#));
    assert!(!looks_like_sql(r#"msg!("select a module", "选择单元")"#));
}
