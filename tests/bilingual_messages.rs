//! Every message people read is written in both languages side by side:
//! each `msg!("English", "中文")` in the Rust sources has a non-empty English
//! text without Chinese in it and a Chinese text with Chinese in it. (Errors
//! cannot be built from a bare `String` at all: `AppError`'s variants take a
//! `Message`, so the compiler refuses it.) Placeholders such as `{name}` may
//! carry anything, so they are left out of the check.

use qunxue_tests::packs::{files_under, repo_root};

/// A string literal starting at `text[0]` (`"…"` or `r"…"`/`r#"…"#`): its
/// contents and the length of the literal in bytes.
fn literal(text: &str) -> Option<(String, usize)> {
    if let Some(rest) = text.strip_prefix('r') {
        let hashes = rest.chars().take_while(|c| *c == '#').count();
        let open = format!("{}\"", "#".repeat(hashes));
        let close = format!("\"{}", "#".repeat(hashes));
        let body = rest.strip_prefix(&open)?;
        let end = body.find(&close)?;
        return Some((body[..end].to_string(), 1 + open.len() + end + close.len()));
    }
    let body = text.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some((body[..i].to_string(), i + 2)),
            _ => {}
        }
    }
    None
}

fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

/// Chinese writing: ideographs, or the CJK and full-width punctuation that
/// joins Chinese parts built elsewhere (`{what_zh}：{error}`).
fn is_chinese_writing(c: char) -> bool {
    is_cjk(c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The English text without values quoted in it (`\"训练组\"`): a value the
/// data may hold is quoted as it is, like a file name or a `--flag`.
fn without_quoted_values(text: &str) -> String {
    text.split("\\\"").step_by(2).collect()
}

/// The text without its `{…}` placeholders (`{{`/`}}` are literal braces).
fn without_placeholders(text: &str) -> String {
    let text = text.replace("{{", "").replace("}}", "");
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The (English, Chinese, line) of every `msg!` call in `source`.
fn messages(source: &str) -> Vec<Result<(String, String, usize), usize>> {
    let mut found = Vec::new();
    for (at, _) in source.match_indices("msg!(") {
        let line = source[..at].matches('\n').count() + 1;
        let rest = source[at + "msg!(".len()..].trim_start();
        // The macro's own definition shows `$en:literal`, not a call; docs and
        // comments only show how it is used.
        let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        if rest.starts_with('$') || source[line_start..at].trim_start().starts_with("//") {
            continue;
        }
        let Some((en, used)) = literal(rest) else {
            found.push(Err(line));
            continue;
        };
        let rest = rest[used..].trim_start();
        let Some(rest) = rest.strip_prefix(',') else {
            found.push(Err(line));
            continue;
        };
        match literal(rest.trim_start()) {
            Some((zh, _)) => found.push(Ok((en, zh, line))),
            None => found.push(Err(line)),
        }
    }
    found
}

#[test]
fn every_message_has_an_english_and_a_chinese_text() {
    let root = repo_root();
    let files = ["crates", "src-tauri/src"]
        .into_iter()
        .flat_map(|dir| files_under(&root.join(dir)).into_iter().map(move |file| format!("{dir}/{file}")))
        .filter(|file| file.ends_with(".rs"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for shown in files {
        let source = std::fs::read_to_string(root.join(&shown)).unwrap();
        for found in messages(&source) {
            match found {
                Err(line) => problems.push(format!("{shown}:{line}: msg! without two string literals")),
                Ok((en, zh, line)) => {
                    checked += 1;
                    let en_text = without_quoted_values(&without_placeholders(&en));
                    if en_text.trim().is_empty() && !en.contains('{') {
                        problems.push(format!("{shown}:{line}: the English text is empty"));
                    }
                    if en_text.chars().any(is_chinese_writing) {
                        problems.push(format!("{shown}:{line}: the English text has Chinese in it: {en}"));
                    }
                    if !without_placeholders(&zh).chars().any(is_chinese_writing) {
                        problems.push(format!("{shown}:{line}: the Chinese text has no Chinese in it: {zh}"));
                    }
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} messages found: is the scan looking in the right place?");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_scan_reads_literals_and_placeholders_as_rustc_does() {
    let source = r####"let a = msg!("{n} files", "{n} 个文件"); let b = msg!(r#"say "hi""#, "说“你好”");"####;
    let found: Vec<_> = messages(source).into_iter().map(Result::unwrap).collect();
    assert_eq!(found[0].0, "{n} files");
    assert_eq!(found[1].0, r#"say "hi""#);
    assert_eq!(found[1].1, "说“你好”");
    assert_eq!(without_placeholders("{name} 的 {{x}} {n:.1}"), " 的 x ");
    let escaped = r#"msg!("a \"b\" c", "甲")"#;
    assert_eq!(messages(escaped)[0].as_ref().unwrap().0, r#"a \"b\" c"#);
    assert_eq!(without_quoted_values(r#"neither \"before\" nor \"培训前\""#), "neither  nor ");
    assert!(messages("/// msg!(\"docs\", \"x\")").is_empty(), "doc comments only show usage");
}
