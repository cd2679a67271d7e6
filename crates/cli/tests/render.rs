//! `qunxue --version` and `qunxue render` through the real binary.

use std::process::Command;

fn qunxue(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_qunxue")).args(args).output().expect("the qunxue binary runs")
}

#[test]
fn version_names_the_program() {
    let out = qunxue(&["--version"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("qunxue {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn renders_the_first_shipped_module_without_front_matter() {
    let module = concat!(env!("CARGO_MANIFEST_DIR"), "/../../courses/community-ops/modules/01-concept.md");
    let out = qunxue(&["render", module]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<h1"), "front matter leaked: {}", &html[..80.min(html.len())]);
    assert!(html.contains("社群运营的概念、意义与类型"));
    assert!(html.contains("<table>"));
    assert!(!html.contains("+++") && !html.contains("kind = "));
}

#[test]
fn script_in_the_input_never_reaches_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.md");
    std::fs::write(
        &file,
        "+++\nid = \"x\"\nkind = \"theory\"\ntitle = \"t\"\n+++\n# 标题\n<script>alert('x')</script>\n\n\
         <img src=\"a.png\" onerror=\"alert(1)\">\n\n[点我](javascript:alert(1))\n\n<SCRIPT SRC=//e.com/x.js></SCRIPT>\n",
    )
    .unwrap();
    let out = qunxue(&["render", file.to_str().unwrap()]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap().to_lowercase();
    for bad in ["<script", "onerror", "javascript:", "alert("] {
        assert!(!html.contains(bad), "{bad} survived in {html}");
    }
    assert!(html.contains("<h1"));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = qunxue(&["render", "/no/such/module.md"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/module.md"), "{err}");
}
