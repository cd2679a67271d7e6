//! `cargo xtask profile`: where the time of one budget goes, as a profile
//! of `qunxue-bench run --only <ID>`.
//!
//! The bench binary is built with the `profiling` cargo profile (the release
//! build with line tables and symbols kept; the shipped release build is
//! stripped). Two profilers are offered because machines differ:
//! - `perf` samples real time on every thread (rayon's workers included)
//!   and unwinds with DWARF, since Rust code has no frame pointers;
//! - `callgrind` counts instructions: slower (about 50×) but the same count
//!   on every run, and it works where the kernel refuses perf events.
//!
//! The raw data and two text reports (self time, and time including
//! callees) land in `target/bench/profile/`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::bench::target_dir;
use crate::process;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Profiler {
    Perf,
    Callgrind,
}

pub(crate) struct ProfileOptions {
    /// The budget to profile, e.g. "P1".
    pub budget: String,
    pub profiler: Profiler,
    /// Pack size for P1–P4 (the budgets' own size is 1,000).
    pub modules: usize,
    /// Answers P3 saves (the budget's own count is 100,000; a tenth of that
    /// shows the same costs in a tenth of the perf data).
    pub answers: usize,
}

pub(crate) fn profile(options: &ProfileOptions) -> anyhow::Result<()> {
    let budget = options.budget.to_ascii_uppercase();
    if !["P1", "P2", "P3", "P4", "P5", "P7", "P8"].contains(&budget.as_str()) {
        bail!("cannot profile {budget}: choose one of P1–P5, P7, P8 (P6 measures another program, the desktop app)");
    }
    let tool = match options.profiler {
        Profiler::Perf => "perf",
        Profiler::Callgrind => "valgrind",
    };
    if !process::on_path(tool) {
        bail!("`{tool}` is not installed (Debian: apt-get install {})", apt_package(options.profiler));
    }
    // qunxue-bench builds qunxue-app, whose build script reads node_modules.
    crate::setup::install_npm_packages()?;
    process::run("cargo", &["build", "--profile", "profiling", "-p", "qunxue-bench"])?;

    let folder = target_dir().join("bench/profile");
    std::fs::create_dir_all(&folder)?;
    let binary = target_dir().join("profiling/qunxue-bench").display().to_string();
    let report = folder.join(format!("{budget}.json")).display().to_string();
    let (modules, answers) = (options.modules.to_string(), options.answers.to_string());
    let mut bench_args =
        vec!["run", "--out", &report, "--only", &budget, "--runs", "1", "--modules", &modules, "--answers", &answers];
    // P7 pulls from Ralph, and P8's class view is the class P7 pulled.
    let ralph = match budget.as_str() {
        "P7" | "P8" => Some(crate::setup::ralph_python()?.display().to_string()),
        _ => None,
    };
    if let Some(python) = &ralph {
        bench_args.extend(["--ralph-python", python.as_str()]);
    }

    let (self_report, inclusive_report) = match options.profiler {
        Profiler::Perf => record_with_perf(&folder, &budget, &binary, &bench_args)?,
        Profiler::Callgrind => record_with_callgrind(&folder, &budget, &binary, &bench_args)?,
    };
    // The function lines of either report carry a share in percent; headers
    // and totals do not (or are marked as totals).
    let top: Vec<&str> = self_report
        .lines()
        .filter(|l| l.contains('%') && !l.starts_with('#') && !l.contains("PROGRAM TOTALS"))
        .take(25)
        .collect();
    eprintln!("xtask: the 25 costliest functions of {budget} (self time):\n{}", top.join("\n"));
    eprintln!(
        "xtask: full reports in {} (self) and {} (with callees)",
        folder.join(format!("{budget}-self.txt")).display(),
        inclusive_report.display()
    );
    Ok(())
}

fn apt_package(profiler: Profiler) -> &'static str {
    match profiler {
        Profiler::Perf => "linux-perf",
        Profiler::Callgrind => "valgrind",
    }
}

/// Samples at 999 Hz (not 1,000, so the sampling cannot fall into step with
/// a periodic timer) and writes the self and inclusive reports.
fn record_with_perf(
    folder: &Path,
    budget: &str,
    binary: &str,
    bench_args: &[&str],
) -> anyhow::Result<(String, PathBuf)> {
    let data = folder.join(format!("{budget}.perf.data")).display().to_string();
    let mut args = vec!["record", "-F", "999", "--call-graph", "dwarf,32768", "-o", &data, "--", binary];
    args.extend_from_slice(bench_args);
    process::run("perf", &args)?;

    let report = |children: &str| {
        stdout_of(
            "perf",
            &["report", "-i", &data, "--stdio", children, "--sort", "symbol", "--percent-limit", "0.5", "-g", "none"],
        )
    };
    let self_time = report("--no-children")?;
    let inclusive = report("--children")?;
    write_reports(folder, budget, &self_time, &inclusive)
}

/// Counts instructions of every thread (callgrind sums the threads)
/// and annotates them with and without callees.
fn record_with_callgrind(
    folder: &Path,
    budget: &str,
    binary: &str,
    bench_args: &[&str],
) -> anyhow::Result<(String, PathBuf)> {
    let data = folder.join(format!("{budget}.callgrind.out"));
    let out_file = format!("--callgrind-out-file={}", data.display());
    let mut args = vec!["--tool=callgrind", out_file.as_str(), binary];
    args.extend_from_slice(bench_args);
    process::run("valgrind", &args)?;

    let data = data.display().to_string();
    let annotate = |inclusive: &str| stdout_of("callgrind_annotate", &[inclusive, &data]);
    let self_time = annotate("--inclusive=no")?;
    let inclusive = annotate("--inclusive=yes")?;
    write_reports(folder, budget, &self_time, &inclusive)
}

/// What a report command printed; its error output if it failed.
fn stdout_of(program: &str, args: &[&str]) -> anyhow::Result<String> {
    let output = process::capture(program, args)?;
    if !output.status.success() {
        bail!("{program} failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn write_reports(folder: &Path, budget: &str, self_time: &str, inclusive: &str) -> anyhow::Result<(String, PathBuf)> {
    let self_path = folder.join(format!("{budget}-self.txt"));
    let inclusive_path = folder.join(format!("{budget}-inclusive.txt"));
    std::fs::write(&self_path, self_time).with_context(|| format!("cannot write {}", self_path.display()))?;
    std::fs::write(&inclusive_path, inclusive).with_context(|| format!("cannot write {}", inclusive_path.display()))?;
    Ok((self_time.to_string(), inclusive_path))
}
