//! Setting up a shared machine from a script, through the real `qunxue`
//! binary: the first admin needs no one's permission, a second admin or an
//! instructor needs an unlocked admin, PINs come from standard input or the
//! environment and never from the command line, and the released CLI has no
//! test-only command.

use std::process::Output;

use qunxue_tests::cli::{qunxue, qunxue_fed};
use serde_json::Value;

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_first_admin_is_free_and_every_later_one_needs_an_admins_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    let db = db.to_str().unwrap();
    fn add<'a>(db: &'a str, name: &'a str, role: &'a str) -> Vec<&'a str> {
        vec!["profile", "add", "--db", db, "--name", name, "--role", role, "--pin-stdin", "--json"]
    }

    let first = json(&qunxue_fed(&add(db, "周店长", "admin"), "975310\n", None));
    assert_eq!(first["role"], "admin");
    // The first admin is handed their one-time recovery code (XXXX-XXXX-XXXX-XXXX).
    let code = first["recoveryCode"].as_str().unwrap_or_default();
    assert_eq!((code.len(), code.matches('-').count()), (19, 3), "{first}");
    let admin = first["id"].as_str().unwrap().to_string();

    // A second admin: refused without an admin acting, and without the PIN.
    let refused = qunxue_fed(&add(db, "钱主管", "admin"), "135790\n", None);
    assert_eq!(refused.status.code(), Some(1), "{}", String::from_utf8_lossy(&refused.stdout));
    let mut as_admin = add(db, "钱主管", "admin");
    as_admin.extend(["--profile", admin.as_str()]);
    let locked = qunxue_fed(&as_admin, "135790\n", None);
    assert_eq!(locked.status.code(), Some(1));
    let second = json(&qunxue_fed(&as_admin, "135790\n", Some("975310")));
    assert_eq!(second["role"], "admin");
    assert!(second["recoveryCode"].is_string(), "every new admin gets a code: {second}");

    // An instructor's PIN has six digits or more.
    let mut short = add(db, "王老师", "instructor");
    short.extend(["--profile", admin.as_str()]);
    let too_short = qunxue_fed(&short, "1234\n", Some("975310"));
    assert_eq!(too_short.status.code(), Some(1), "{}", String::from_utf8_lossy(&too_short.stderr));
    json(&qunxue_fed(&short, "246810\n", Some("975310")));

    let listed = json(&qunxue(&["profile", "list", "--db", db, "--json"]));
    let roles: Vec<&str> = listed.as_array().unwrap().iter().map(|p| p["role"].as_str().unwrap()).collect();
    assert_eq!(roles.iter().filter(|r| **r == "admin").count(), 2, "{listed}");
    assert_eq!(roles.iter().filter(|r| **r == "instructor").count(), 1, "{listed}");
    assert!(!String::from_utf8_lossy(&qunxue(&["profile", "list", "--db", db, "--json"]).stdout).contains("argon2"));
}

#[test]
fn the_released_cli_has_no_test_only_command() {
    for command in ["tasks-seed", "fault-run", "write-stream"] {
        let out = qunxue(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(2), "qunxue {command} must not exist");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("unrecognized subcommand"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
