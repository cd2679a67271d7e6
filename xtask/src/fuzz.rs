//! `cargo xtask fuzz --minutes N [--target T …]`: runs every cargo-fuzz target
//! in `fuzz/` (or the ones named) for N minutes each, one after the other (a fuzzer takes a whole core),
//! and prints executions, coverage and the outcome per target. The
//! committed seeds in `fuzz/corpus/<target>/` are read but never written:
//! what libFuzzer finds goes to `fuzz/work/<target>/`, crashes to
//! `fuzz/artifacts/<target>/`.

use std::path::Path;
use std::process::Stdio;

use anyhow::{bail, Context};

use crate::process::{self, on_path, root};
use crate::setup::cargo_bin;

/// The figures libFuzzer prints at the end of a run (`-print_final_stats=1`).
#[derive(Debug, Default)]
struct Outcome {
    target: String,
    execs: u64,
    coverage: u64,
    features: u64,
    corpus: u64,
    crashed: bool,
}

pub(crate) fn run(minutes: u64, only: &[String]) -> anyhow::Result<()> {
    ensure_cargo_fuzz()?;
    // The targets build qunxue-app, whose build script reads node_modules.
    crate::setup::install_npm_packages()?;
    let fuzz = root().join("fuzz");
    let listed = fuzz_command(&fuzz, &["list"]).output().context("cannot run `cargo fuzz list`")?;
    let targets: Vec<String> = String::from_utf8_lossy(&listed.stdout).lines().map(str::to_string).collect();
    if targets.is_empty() {
        bail!("`cargo fuzz list` found no target in {}", fuzz.display());
    }
    if let Some(unknown) = only.iter().find(|t| !targets.contains(t)) {
        bail!("no fuzz target {unknown}; the targets are {}", targets.join(", "));
    }
    let targets: Vec<String> = targets.into_iter().filter(|t| only.is_empty() || only.contains(t)).collect();
    let mut outcomes = Vec::new();
    for target in &targets {
        outcomes.push(run_target(&fuzz, target, minutes)?);
    }
    eprintln!("\n== fuzz ({minutes} min per target) ==");
    for o in &outcomes {
        let verdict = if o.crashed { "CRASH (see fuzz/artifacts/)" } else { "ok" };
        eprintln!(
            "{:<24} {:>12} execs  cov {:>6}  ft {:>7}  corpus {:>6}  {verdict}",
            o.target, o.execs, o.coverage, o.features, o.corpus
        );
    }
    if outcomes.iter().any(|o| o.crashed) {
        bail!("a fuzz target crashed; reproduce with `cargo fuzz run <target> <artifact>` in fuzz/");
    }
    Ok(())
}

fn run_target(fuzz: &Path, target: &str, minutes: u64) -> anyhow::Result<Outcome> {
    let work = fuzz.join("work").join(target);
    std::fs::create_dir_all(&work)?;
    let log_path = fuzz.join("work").join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path)?;
    let seeds = format!("corpus/{target}");
    let work_arg = work.to_string_lossy().into_owned();
    let total_time = format!("-max_total_time={}", minutes * 60);
    let args = [
        "run",
        target,
        &work_arg,
        &seeds,
        "--",
        &total_time,
        "-print_final_stats=1",
        "-timeout=20",
        "-rss_limit_mb=2048",
        "-max_len=262144",
    ];
    let status = fuzz_command(fuzz, &args).stdout(Stdio::null()).stderr(log).status()?;
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    let mut outcome = parse_stats(target, &text);
    outcome.crashed = !status.success();
    eprintln!("xtask: {target}: {} execs, cov {} (log {})", outcome.execs, outcome.coverage, log_path.display());
    Ok(outcome)
}

/// Reads the final statistics and the last status line of a libFuzzer log.
fn parse_stats(target: &str, log: &str) -> Outcome {
    let mut outcome = Outcome { target: target.to_string(), ..Outcome::default() };
    let number_after = |line: &str, key: &str| -> Option<u64> {
        let rest = &line[line.find(key)? + key.len()..];
        // The leading digits: "corp: 57/9Kb" is 57 inputs (of 9 KB in all).
        let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    for line in log.lines() {
        if let Some(n) = number_after(line, "stat::number_of_executed_units:") {
            outcome.execs = n;
        }
        if line.starts_with('#') {
            outcome.coverage = number_after(line, "cov: ").unwrap_or(outcome.coverage);
            outcome.features = number_after(line, "ft: ").unwrap_or(outcome.features);
            outcome.corpus = number_after(line, "corp: ").unwrap_or(outcome.corpus);
        }
    }
    outcome
}

/// `cargo fuzz` in `fuzz/`. The sanitizer flags need a nightly compiler;
/// RUSTC_BOOTSTRAP lets the stable one accept them.
fn fuzz_command(fuzz: &Path, args: &[&str]) -> std::process::Command {
    let mut full = vec!["fuzz"];
    full.extend_from_slice(args);
    let mut cmd = process::command("cargo", &full);
    cmd.current_dir(fuzz).env("RUSTC_BOOTSTRAP", "1");
    cmd
}

fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    if on_path("cargo-fuzz") || cargo_bin("cargo-fuzz").is_file() {
        return Ok(());
    }
    process::run("cargo", &["install", "cargo-fuzz", "--locked"])
}

#[cfg(test)]
mod tests {
    use super::parse_stats;

    #[test]
    fn reads_final_stats_and_the_last_status_line() {
        let log = "#2\tINITED cov: 120 ft: 130 corp: 3/1Kb exec/s: 0 rss: 40Mb\n\
                   #4096\tpulse  cov: 480 ft: 900 corp: 57/9Kb lim: 4 exec/s: 2048 rss: 60Mb\n\
                   Done 123456 runs in 600 second(s)\n\
                   stat::number_of_executed_units: 123456\n";
        let outcome = parse_stats("gift", log);
        assert_eq!((outcome.execs, outcome.coverage, outcome.features, outcome.corpus), (123456, 480, 900, 57));
    }
}
