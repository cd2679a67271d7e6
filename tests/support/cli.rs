//! The built `qunxue` binary, for the CLI contract tests.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Builds the CLI once per test binary (with the same profile and target
/// folder as the tests) and returns its path.
pub fn qunxue_path() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| built("qunxue-cli", "qunxue")).clone()
}

/// The test-only drivers (`tasks-seed`, `fault-run`, `write-stream`), a
/// binary of their own that no release carries.
pub fn test_support_path() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| built("qunxue-test-support", "qunxue-test-support")).clone()
}

/// Runs the test-only drivers with `args`.
pub fn test_support(args: &[&str]) -> Output {
    Command::new(test_support_path()).args(args).output().expect("running qunxue-test-support")
}

fn built(package: &str, bin: &str) -> PathBuf {
    escargot::CargoBuild::new()
        .package(package)
        .bin(bin)
        .current_release()
        .manifest_path(crate::packs::repo_root().join("Cargo.toml"))
        .run()
        .unwrap_or_else(|e| panic!("building {bin}: {e}"))
        .path()
        .to_path_buf()
}

/// Runs `qunxue` with `args` and returns what it printed and its exit code.
/// Messages are in English, whatever the locale of the machine running the
/// tests (the CLI follows `LC_ALL`, `LC_MESSAGES` and `LANG`).
pub fn qunxue(args: &[&str]) -> Output {
    qunxue_in_locale("C.UTF-8", args)
}

/// Runs `qunxue` with `args` under the locale `locale` (e.g. `zh_CN.UTF-8`).
pub fn qunxue_in_locale(locale: &str, args: &[&str]) -> Output {
    command(locale, args).output().expect("running qunxue")
}

/// Runs `qunxue` with `args`, the acting profile's PIN in `QUNXUE_PIN` (as a
/// script passes it: never on the command line).
pub fn qunxue_with_pin(pin: &str, args: &[&str]) -> Output {
    command("C.UTF-8", args).env("QUNXUE_PIN", pin).output().expect("running qunxue")
}

/// Runs `qunxue` with `stdin` as standard input (a PIN or a password read
/// with `--*-stdin`) and, if given, `QUNXUE_PIN`.
pub fn qunxue_fed(args: &[&str], stdin: &str, pin: Option<&str>) -> Output {
    use std::io::Write;
    let mut command = command("C.UTF-8", args);
    if let Some(pin) = pin {
        command.env("QUNXUE_PIN", pin);
    }
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("running qunxue");
    child.stdin.take().expect("a piped stdin").write_all(stdin.as_bytes()).expect("writing to qunxue's stdin");
    child.wait_with_output().expect("waiting for qunxue")
}

fn command(locale: &str, args: &[&str]) -> Command {
    let mut command = Command::new(qunxue_path());
    command.args(args).env_remove("LC_MESSAGES").env_remove("QUNXUE_PIN").env("LC_ALL", locale).env("LANG", locale);
    // Secrets in the owner-only file beside the test database, never in the
    // developer's own keyring (the keyring path has its own test layer).
    command.env("QUNXUE_SECRETS", "file");
    command
}
