//! The LRS password stays out of the database (issue 26), checked on real
//! files through the real `qunxue` binary: `xapi configure` takes it on
//! standard input and keeps it in the owner-only secrets file beside the
//! database (this machine has no keyring in the tests; the keyring path has
//! its own layer in `cargo xtask test`), so no database, WAL or backup file
//! holds it; plain `http://` to another host and credentials in the URL are
//! refused; a new endpoint forgets the old password; and a password an older
//! version kept in the database is moved out and wiped from the file.

use std::path::{Path, PathBuf};

use qunxue_tests::cli::{qunxue_fed, qunxue_with_pin};
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use serde_json::Value;

const PASSWORD: &str = "Lrs-Needle-7f3a9c";

/// A data folder with a database and its first admin.
fn machine() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let admin = add_admin(&dir.path().join("qunxue.db"));
    (dir, admin)
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("qunxue.db")
}

/// `qunxue xapi configure … --json` as the admin, `stdin` fed.
fn configure((dir, admin): &(tempfile::TempDir, String), extra: &[&str], stdin: &str) -> std::process::Output {
    let db = db(dir);
    let mut args = vec!["xapi", "configure", "--db", db.to_str().unwrap(), "--profile", admin.as_str(), "--json"];
    args.extend_from_slice(extra);
    qunxue_fed(&args, stdin, Some(ADMIN_PIN))
}

fn configured(machine: &(tempfile::TempDir, String), extra: &[&str], stdin: &str) -> Value {
    let out = configure(machine, extra, stdin);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The files of the data folder (not the secrets folder) and `also` that hold the password.
fn files_holding_the_password(dir: &tempfile::TempDir, also: &[&Path]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.extend(also.iter().map(|p| p.to_path_buf()));
    files.into_iter().filter(|f| holds(f, PASSWORD)).collect()
}

fn secrets_files(dir: &tempfile::TempDir) -> Vec<PathBuf> {
    match std::fs::read_dir(dir.path().join("secrets")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn holds(file: &Path, needle: &str) -> bool {
    std::fs::read(file).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_password_is_kept_out_of_the_database_and_its_backups() {
    let machine = machine();
    let (dir, admin) = &machine;
    let saved = configured(
        &machine,
        &["--endpoint", "https://lrs.example.com/xAPI", "--user", "desk-07", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(
        (saved["passwordSet"].as_bool(), saved["passwordKeptIn"].as_str()),
        (Some(true), Some("file")),
        "{saved}"
    );
    assert!(saved.get("password").is_none(), "never printed: {saved}");

    let backup = dir.path().join("备份.db");
    let db = db(dir);
    let out = qunxue_with_pin(
        ADMIN_PIN,
        &["backup", "--db", db.to_str().unwrap(), "--profile", admin, "--out", backup.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.with_extension("db-wal").exists() || db.exists());
    assert_eq!(files_holding_the_password(dir, &[&backup]), Vec::<PathBuf>::new(), "database, WAL, SHM and backup");
    let secrets = secrets_files(dir);
    assert_eq!(secrets.len(), 1, "{secrets:?}");
    assert!(holds(&secrets[0], PASSWORD));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&secrets[0]).unwrap().permissions().mode() & 0o777, 0o600);

    // The same server keeps its password; another server forgets it.
    let kept = configured(&machine, &["--endpoint", "https://lrs.example.com/xAPI", "--user", "desk-07"], "");
    assert_eq!(kept["passwordSet"], true);
    let moved = configured(&machine, &["--endpoint", "https://lrs.other.example/xAPI", "--user", "desk-07"], "");
    assert_eq!(moved["passwordSet"], false, "a password is never sent to a server it was not given for: {moved}");
    assert!(!secrets[0].exists(), "the old server's password is gone");
}

#[test]
fn clear_text_to_another_host_and_credentials_in_the_url_are_refused() {
    let machine = machine();
    let rows = || qunxue_store::testing::snapshot(&rusqlite::Connection::open(db(&machine.0)).unwrap());
    let before = rows();
    for (endpoint, says) in [
        ("http://lrs.example.com/xAPI", "https://"),
        ("http://10.1.2.3:8100/xAPI", "https://"),
        ("https://desk-07:secret@lrs.example.com/xAPI", "account and password in their own fields"),
    ] {
        let out = configure(
            &machine,
            &["--endpoint", endpoint, "--user", "desk-07", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        );
        assert_eq!(out.status.code(), Some(2), "{endpoint} was accepted");
        assert!(stderr(&out).contains(says), "{endpoint}: {}", stderr(&out));
    }
    assert!(secrets_files(&machine.0).is_empty(), "nothing stored for a refused endpoint");
    let after = rows();
    let changed: Vec<&String> = after.keys().filter(|t| after.get(*t) != before.get(*t)).collect();
    assert!(
        changed.is_empty(),
        "no row of the database changed: {changed:?} {:?}",
        changed.first().map(|t| (before.get(*t), after.get(*t)))
    );
    // Plain http to this computer (a local test LRS) is allowed.
    let local = configured(
        &machine,
        &["--endpoint", "http://127.0.0.1:8100/xAPI", "--user", "desk-07", "--password-stdin"],
        "pw\n",
    );
    assert_eq!(local["endpoint"], "http://127.0.0.1:8100/xAPI");
}

#[test]
fn a_password_an_older_version_kept_in_the_database_is_moved_out_and_wiped() {
    let machine = machine();
    {
        let conn = rusqlite::Connection::open(db(&machine.0)).unwrap();
        conn.execute(
            "UPDATE xapi_config SET endpoint = 'https://lrs.example.com/xAPI', username = 'desk-07', password = ?1 WHERE id = 1",
            [PASSWORD],
        )
        .unwrap();
    }
    assert!(!files_holding_the_password(&machine.0, &[]).is_empty(), "the old layout holds it");
    // Any command opens the database and moves it out.
    let settings = configured(&machine, &["--endpoint", "https://lrs.example.com/xAPI", "--user", "desk-07"], "");
    assert_eq!(settings["passwordSet"], true, "the password survives the move: {settings}");
    assert_eq!(
        files_holding_the_password(&machine.0, &[]),
        Vec::<PathBuf>::new(),
        "wiped from the database and its WAL"
    );
    assert!(holds(&secrets_files(&machine.0)[0], PASSWORD));
}
