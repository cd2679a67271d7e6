//! `cargo xtask test`: every test layer in order, each with its counts, then
//! one closing line `N passed, N failed` over all of them.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::display::{Display, VirtualDisplay};
use crate::process::{self, root};
use crate::run::{build_desktop, desktop_binary};
use crate::setup;

/// Outcome of one layer.
struct Layer {
    name: &'static str,
    passed: u64,
    failed: u64,
}

pub(crate) fn run(with_setup: bool) -> anyhow::Result<()> {
    if with_setup {
        setup::run(setup::Profile::Test)?;
    }
    let reports = root().join("target/test-reports");
    std::fs::create_dir_all(&reports)?;

    // Style, lints and the dependency policy first: a finding stops the run
    // before the long test layers start.
    let checks = crate::checks::run()?;
    let mut layers = vec![Layer { name: "Checks (fmt, clippy, lint, deny)", passed: checks, failed: 0 }];
    layers.push(rust_tests()?);
    layers.push(secret_service()?);
    layers.push(vitest(&reports)?);
    build_desktop()?;
    // The desktop crate's own tests (the permission matrix) embed the built UI.
    // `--nocapture`: the matrix prints how many commands it ran as every role.
    layers.push(cargo_tests("Permission matrix (desktop)", &["test", "-p", "qunxue-desktop", "--", "--nocapture"])?);
    layers.push(packaging()?);
    // The desktop checks seed their database with the test-only tool (an
    // instructor for tasks.mjs, roles for the teaching screens).
    process::run("cargo", &["build", "-p", "qunxue-cli", "-p", "qunxue-test-support"])?;
    layers.push(playwright(&reports)?);
    layers.push(desktop_e2e()?);
    layers.push(bench_smoke()?);

    eprintln!("\n== test layers ==");
    for layer in &layers {
        eprintln!("{:<28} {:>5} passed, {:>3} failed", layer.name, layer.passed, layer.failed);
    }
    let passed: u64 = layers.iter().map(|l| l.passed).sum();
    let failed: u64 = layers.iter().map(|l| l.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed > 0 || layers.iter().any(|l| l.passed == 0) {
        bail!("some tests failed (or a layer ran no test)");
    }
    Ok(())
}

/// `cargo test` over the workspace (core, store, app, cli, bench, xtask's own
/// parsers and tests/). The desktop crate needs the built UI: it runs after it.
fn rust_tests() -> anyhow::Result<Layer> {
    cargo_tests(
        "Rust (cargo test)",
        &[
            "test",
            "--no-fail-fast",
            "--workspace",
            "--exclude",
            "qunxue-desktop",
            "--exclude",
            crate::bench::MINIMAL_APP,
        ],
    )
}

/// `cargo xtask bench --quick`: every budget measured on small data with
/// the debug build, so the bench cannot rot unnoticed. No timing is
/// asserted; a budget that cannot be measured at all, or a missing one,
/// fails the layer. Each measured check counts as a test (a budget measured
/// only in figures, as P6 is without the minimal app, as one).
fn bench_smoke() -> anyhow::Result<Layer> {
    let name = "Bench (--quick smoke)";
    if let Err(e) = crate::bench::bench(crate::bench::BenchOptions { quick: true, no_bundle: true }) {
        eprintln!("xtask: the quick bench failed: {e:#}");
        return Ok(Layer { name, passed: 0, failed: 1 });
    }
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::bench::target_dir().join("bench/quick/report.json"))?)?;
    let budgets = report["budgets"].as_array().cloned().unwrap_or_default();
    let mut passed = 0;
    let mut failed = 0;
    for id in ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"] {
        match budgets.iter().find(|b| b["id"] == id) {
            Some(budget) => {
                let checks = budget["checks"].as_array().cloned().unwrap_or_default();
                let measured = checks.iter().filter(|c| !c["value"].is_null()).count() as u64;
                // P6's checks are ratios to what a quick run does not build (the
                // minimal app, the .deb); its own start and memory are figures.
                let own_figures = budget["figures"]
                    .as_object()
                    .map_or(0, |f| f.keys().filter(|k| !k.starts_with("setup_") && !k.ends_with("_build_s")).count());
                if measured == 0 && own_figures == 0 {
                    eprintln!("xtask: the quick bench measured nothing of {id}: {}", budget["note"]);
                    failed += 1;
                }
                passed += measured.max(1);
            }
            None => {
                eprintln!("xtask: the quick bench report has no {id}");
                failed += 1;
            }
        }
    }
    Ok(Layer { name, passed, failed })
}

/// The secrets test against a real OS credential store: a private D-Bus
/// session with GNOME Keyring's Secret Service, its keyrings in a fresh
/// folder and unlocked with a throwaway password (the other layers have no
/// session bus, so they test the owner-only file the app falls back to).
/// The same packages as the Rust layer, so its build is reused rather than
/// qunxue-app rebuilt with other features.
fn secret_service() -> anyhow::Result<Layer> {
    let script = "export XDG_DATA_HOME=\"$(mktemp -d)\" \
                  && printf 'qunxue-test\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
                  && cargo test --workspace --exclude qunxue-desktop --exclude qunxue-bench-minimal-app --lib -- secrets:: --ignored";
    cargo_tests_via("OS credential store", "dbus-run-session", &["--", "sh", "-c", script])
}

/// One `cargo test` run, counted from its `test result:` lines.
fn cargo_tests(name: &'static str, args: &[&str]) -> anyhow::Result<Layer> {
    cargo_tests_via(name, "cargo", args)
}

/// `cargo test` run through `program` (a wrapper that prepares its environment).
fn cargo_tests_via(name: &'static str, program: &str, args: &[&str]) -> anyhow::Result<Layer> {
    let output = process::command(program, args).stderr(Stdio::inherit()).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let (mut passed, mut failed) = (0, 0);
    for line in stdout.lines().filter(|l| l.starts_with("test result:")) {
        passed += count_before(line, " passed");
        failed += count_before(line, " failed");
    }
    if !output.status.success() && failed == 0 {
        failed = 1; // a build failure counts as a failed layer
    }
    Ok(Layer { name, passed, failed })
}

/// The `.deb` a Debian user installs (see package_check), one check a line.
fn packaging() -> anyhow::Result<Layer> {
    let (mut passed, mut failed) = (0, 0);
    for (name, outcome) in crate::package_check::run()? {
        match outcome {
            Ok(()) => {
                passed += 1;
                println!("ok - {name}");
            }
            Err(why) => {
                failed += 1;
                println!("not ok - {name}\n  {}", why.replace('\n', "\n  "));
            }
        }
    }
    Ok(Layer { name: "Package (.deb)", passed, failed })
}

/// Vitest component and unit tests, counted from its JSON report.
fn vitest(reports: &Path) -> anyhow::Result<Layer> {
    let report = reports.join("vitest.json");
    let output_file = format!("--outputFile.json={}", report.display());
    let ok = process::run_status(
        "npx",
        &["vitest", "run", "--config", "ui/vite.config.ts", "--reporter=default", "--reporter=json", &output_file],
    )?;
    let json = read_json(&report)?;
    let passed = json["numPassedTests"].as_u64().unwrap_or(0);
    let mut failed = json["numFailedTests"].as_u64().unwrap_or(0);
    if !ok && failed == 0 {
        failed = 1;
    }
    Ok(Layer { name: "UI units (Vitest)", passed, failed })
}

/// Playwright in Debian's Chromium against the built UI with IPC mocked.
fn playwright(reports: &Path) -> anyhow::Result<Layer> {
    let report = reports.join("playwright.json");
    let ok = process::command("npx", &["playwright", "test", "--reporter=list,json"])
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .status()?
        .success();
    let json = read_json(&report)?;
    let passed = json["stats"]["expected"].as_u64().unwrap_or(0);
    let mut failed = json["stats"]["unexpected"].as_u64().unwrap_or(0) + json["stats"]["flaky"].as_u64().unwrap_or(0);
    if !ok && failed == 0 {
        failed = 1;
    }
    Ok(Layer { name: "Browser (Playwright)", passed, failed })
}

/// The real app in a real window under Xvfb, through tauri-driver.
fn desktop_e2e() -> anyhow::Result<Layer> {
    let _display = match Display::detect() {
        Display::Present => None,
        Display::Missing => Some(VirtualDisplay::start()?),
    };
    let data_dir = root().join("target/e2e-data");
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir)?;
    let screenshots = root().join("target/e2e-screenshots");
    let port = 4444;
    let _driver = TauriDriver::start(port, &data_dir)?;
    let output = process::command("node", &["tests/desktop/e2e.mjs"])
        .env("QUNXUE_APP", desktop_binary())
        .env("QUNXUE_DATA_DIR", &data_dir)
        .env("SCREENSHOT_DIR", &screenshots)
        .env("WEBDRIVER_PORT", port.to_string())
        .stderr(Stdio::inherit())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let summary = stdout.lines().rev().find(|l| l.contains(" passed, ")).unwrap_or("");
    let passed = count_before(summary, " passed");
    let mut failed = count_before(summary, " failed");
    if !output.status.success() && failed == 0 {
        failed = 1;
    }
    eprintln!("xtask: screenshots in {}", screenshots.display());
    Ok(Layer { name: "Desktop e2e (tauri-driver)", passed, failed })
}

/// tauri-driver, stopped by its own process id when dropped.
struct TauriDriver(Child);

impl TauriDriver {
    fn start(port: u16, data_dir: &Path) -> anyhow::Result<Self> {
        let program = if process::on_path("tauri-driver") {
            "tauri-driver".into()
        } else {
            setup::cargo_bin("tauri-driver").display().to_string()
        };
        // tauri-driver fails on a taken port only in its own output, and the
        // test run would then time out on its first request: say so here.
        for taken in [port, port + 1] {
            if std::net::TcpListener::bind(("127.0.0.1", taken)).is_err() {
                bail!(
                    "port {taken} is already in use (a tauri-driver or WebKitWebDriver left over from an earlier \
                     run?); stop that process and run the tests again"
                );
            }
        }
        let native_port = (port + 1).to_string();
        let mut command = process::command(&program, &["--port", &port.to_string(), "--native-port", &native_port]);
        // The app inherits the driver's environment: point it at a fresh data folder.
        command.env("QUNXUE_DATA_DIR", data_dir).stdout(Stdio::null());
        // The app's first start follows the system language, and the checks
        // read the Chinese interface, which is what a language the app does
        // not know gives: the C locale, present on every Debian (a zh_CN one
        // may not be, and GTK then garbles native window titles). The check
        // of English starts its own window with LANG=en_US.UTF-8.
        command.env("LANG", "C.UTF-8").env_remove("LANGUAGE").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        // Its own process group, so stopping it also stops WebKitWebDriver.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().with_context(|| format!("cannot start {program}"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("tauri-driver did not listen on port {port} within 20 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Self(child))
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        // Signal the whole group (tauri-driver and the WebKitWebDriver it
        // spawned). procps' kill reads `-TERM -<pid>` otherwise than a shell's
        // builtin does and left WebKitWebDriver running, holding its port:
        // the signal by name and `--` before the negative group id.
        #[cfg(unix)]
        let _ = std::process::Command::new("kill").args(["-s", "TERM", "--", &format!("-{}", self.0.id())]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads the number just before `label` in a summary line ("12 passed").
fn count_before(line: &str, label: &str) -> u64 {
    line.find(label)
        .and_then(|end| line[..end].split(|c: char| !c.is_ascii_digit()).next_back())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0)
}

fn read_json(path: &Path) -> anyhow::Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("no test report at {}", path.display()))?;
    Ok(serde_json::from_str(&text)?)
}

#[cfg(test)]
mod tests {
    use super::count_before;

    #[test]
    fn reads_counts_from_summary_lines() {
        let line = "test result: ok. 18 passed; 2 failed; 0 ignored";
        assert_eq!(count_before(line, " passed"), 18);
        assert_eq!(count_before(line, " failed"), 2);
        assert_eq!(count_before("desktop e2e: 5 passed, 0 failed", " passed"), 5);
        assert_eq!(count_before("nothing", " passed"), 0);
    }
}
