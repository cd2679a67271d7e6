//! The built `qunxue` binary, for the CLI contract tests.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Builds the CLI once per test binary (with the same profile and target
/// folder as the tests) and returns its path.
pub fn qunxue_path() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        escargot::CargoBuild::new()
            .package("qunxue-cli")
            .bin("qunxue")
            .current_release()
            .manifest_path(crate::packs::repo_root().join("Cargo.toml"))
            .run()
            .expect("building the qunxue binary")
            .path()
            .to_path_buf()
    })
    .clone()
}

/// Runs `qunxue` with `args` and returns what it printed and its exit code.
/// Messages are in English, whatever the locale of the machine running the
/// tests (the CLI follows `LC_ALL`, `LC_MESSAGES` and `LANG`).
pub fn qunxue(args: &[&str]) -> Output {
    qunxue_in_locale("C.UTF-8", args)
}

/// Runs `qunxue` with `args` under the locale `locale` (e.g. `zh_CN.UTF-8`).
pub fn qunxue_in_locale(locale: &str, args: &[&str]) -> Output {
    Command::new(qunxue_path())
        .args(args)
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", locale)
        .env("LANG", locale)
        .output()
        .expect("running qunxue")
}
