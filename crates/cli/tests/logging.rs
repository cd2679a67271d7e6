//! `-v` and `-q`: log lines on stderr, through the real binary. An import
//! says what it installed at `-v` (info); by default and with `-q` it does not.

use std::io::Write;
use std::process::{Command, Stdio};

fn qunxue(args: &[&str], pin: Option<&str>, input: Option<&str>) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_qunxue"));
    command.args(args).env_remove("QUNXUE_LOG").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(pin) = pin {
        command.env("QUNXUE_PIN", pin);
    }
    let mut child = command.spawn().expect("the qunxue binary runs");
    child.stdin.take().unwrap().write_all(input.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn verbose_logs_the_import_and_quiet_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    let db = db.to_str().unwrap();
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/packs/good");
    let added = qunxue(
        &["profile", "add", "--db", db, "--name", "管理员", "--role", "admin", "--pin-stdin", "--json"],
        None,
        Some("864200\n"),
    );
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let admin: serde_json::Value = serde_json::from_slice(&added.stdout).unwrap();
    let admin = admin["id"].as_str().unwrap();

    let quiet = qunxue(&["-q", "import", pack, "--db", db, "--profile", admin], Some("864200"), None);
    assert!(quiet.status.success(), "{}", String::from_utf8_lossy(&quiet.stderr));
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("imported"), "{}", String::from_utf8_lossy(&quiet.stderr));

    let verbose = qunxue(&["-v", "import", pack, "--db", db, "--profile", admin, "--force"], Some("864200"), None);
    let said = String::from_utf8_lossy(&verbose.stderr);
    assert!(verbose.status.success(), "{said}");
    assert!(said.contains("INFO") && said.contains("imported acme.demo"), "{said}");
}
