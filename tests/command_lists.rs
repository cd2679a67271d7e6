//! Every Tauri command, read from the source: the three lists that expose a
//! command (`COMMANDS` in src-tauri/src/command_names.rs, `generate_handler!`
//! and the window's capability) agree, and the window is granted nothing else
//! but the file dialogs, revealing a saved file, event listening and the zoom.
//!
//! Who may call which command is not read from the source: the permission
//! matrix (src-tauri/tests/permission_matrix.rs) invokes every command as a
//! learner, an instructor and an admin.

use std::collections::BTreeSet;

use qunxue_tests::packs::{files_under, repo_root};

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo_root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn quoted_items(text: &str) -> Vec<String> {
    text.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// `COMMANDS` in src-tauri/src/command_names.rs.
fn build_commands() -> Vec<String> {
    let text = read("src-tauri/src/command_names.rs");
    let start = text.find("const COMMANDS").expect("COMMANDS in command_names.rs");
    let end = start + text[start..].find("];").unwrap();
    quoted_items(&text[start..end])
}

#[test]
fn the_three_command_lists_agree_and_the_window_gets_nothing_else() {
    let commands: BTreeSet<String> = build_commands().into_iter().collect();
    let lib = read("src-tauri/src/lib.rs");
    let start = lib.find("generate_handler![").expect("generate_handler!");
    let end = start + lib[start..].find(']').unwrap();
    let handled: BTreeSet<String> = lib[start..end]
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string))
        .filter(|n| n != "generate_handler![")
        .map(|n| n.trim_start_matches("generate_handler![").trim().to_string())
        .collect();
    assert_eq!(commands, handled, "COMMANDS and generate_handler! differ");

    let capability: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/main-window.json")).unwrap();
    let granted: Vec<String> =
        capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let (plugins, own): (Vec<&String>, Vec<&String>) = granted.iter().partition(|p| p.contains(':'));
    let own: BTreeSet<String> = own.iter().map(|p| p.trim_start_matches("allow-").replace('-', "_")).collect();
    assert_eq!(own, commands, "the capability grants a command that does not exist, or misses one");
    let plugins: BTreeSet<&str> = plugins.iter().map(|p| p.as_str()).collect();
    // The file dialogs; showing a saved file in the file manager (reveal
    // only: no URL or program); hearing drops and files a second launch hands
    // over; the text size. No shell, no fs, no http.
    assert_eq!(
        plugins,
        BTreeSet::from([
            "dialog:allow-open",
            "dialog:allow-save",
            "opener:allow-reveal-item-in-dir",
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:webview:allow-set-webview-zoom",
        ]),
        "no shell, no fs, no http"
    );
    let caps_dir = repo_root().join("src-tauri/capabilities");
    assert_eq!(files_under(&caps_dir), ["main-window.json"], "one capability file, for the one window");
}
