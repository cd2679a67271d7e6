//! P6: the desktop app. Cold start to the first interactive screen (the UI
//! calls `ui_ready` after the first screen has painted, and the app prints a
//! line the moment it does), the `.deb` size, and the idle memory of the
//! app with its WebKit helper processes, read from /proc. Needs a display
//! (the xtask starts Xvfb).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::fresh_dir;
use crate::report::{Budget, Check, Rule};
use crate::timing::Samples;

/// What the app prints when the UI reports its first screen interactive.
const READY_LINE: &str = "first screen interactive";
const READY_TIMEOUT: Duration = Duration::from_secs(90);
/// Time left for the app to settle before its memory is read.
const IDLE_WAIT: Duration = Duration::from_secs(5);
const WARM_STARTS: usize = 3;

/// Where the built app is (none measured when absent).
#[derive(Debug, Clone, Default)]
pub struct Artifacts {
    pub app: Option<PathBuf>,
    pub deb: Option<PathBuf>,
    /// What kind of build `app` is, for the note ("release", "debug").
    pub build: String,
}

pub fn measure(work: &Path, artifacts: &Artifacts) -> anyhow::Result<Budget> {
    let mut budget = Budget::new("P6", "desktop app: cold start, .deb size, idle memory");
    let deb_mb = artifacts
        .deb
        .as_ref()
        .map(|deb| std::fs::metadata(deb).map(|m| m.len() as f64 / 1e6))
        .transpose()?;
    let mut notes = Vec::new();
    let (start_s, rss_mb) = match &artifacts.app {
        Some(app) => {
            let data = fresh_dir(&work.join("desktop-data"))?;
            // The first start creates the database and installs the shipped course.
            let first = start(app, &data)?;
            let first_s = first.ready_after.as_secs_f64();
            first.stop();
            let mut starts = Samples::default();
            let mut idle = None;
            for run in 0..WARM_STARTS {
                let running = start(app, &data)?;
                starts.push(running.ready_after);
                if run + 1 == WARM_STARTS {
                    std::thread::sleep(IDLE_WAIT);
                    idle = Some(tree_memory_kb(running.child.id())?);
                }
                running.stop();
            }
            let memory = idle.expect("at least one warm start");
            let mb = |kb: u64| kb as f64 * 1024.0 / 1e6;
            budget = budget
                .figure("first_start_s", first_s)
                .figure("start_median_s", starts.median())
                .figure("idle_rss_main_mb", mb(memory.main_rss))
                .figure("idle_rss_with_webkit_mb", mb(memory.rss))
                .figure("idle_pss_with_webkit_mb", mb(memory.pss));
            notes.push(format!(
                "{} build; start = spawn to the app's `{READY_LINE}` line (the UI's ui_ready after the first paint), \
                 median of {WARM_STARTS} starts on an existing data folder (first start, which creates the database \
                 and installs the course: {first_s:.2} s); idle RSS = VmRSS of the app and its WebKit processes \
                 {} s after the last start (their Pss, which shares libraries fairly, is a figure)",
                artifacts.build,
                IDLE_WAIT.as_secs()
            ));
            (Some(starts.median()), Some(mb(memory.rss)))
        }
        None => {
            notes.push("no desktop binary given: start time and memory not measured".to_string());
            (None, None)
        }
    };
    if let Some(mb) = deb_mb {
        budget = budget.figure("deb_mb", mb);
    } else {
        notes.push("no .deb given (run without --no-bundle): size not measured".to_string());
    }
    Ok(budget
        .check(Check::new("cold start to interactive", start_s, Rule::AtMost, 1.0, "s"))
        .check(Check::new(".deb size", deb_mb, Rule::AtMost, 15.0, "MB"))
        .check(Check::new("idle RSS (app + WebKit)", rss_mb, Rule::AtMost, 200.0, "MB"))
        .note(notes.join("; ")))
}

struct Running {
    child: Child,
    ready_after: Duration,
}

impl Running {
    /// Stops the app and its helpers: its own process group.
    fn stop(mut self) {
        signal_group(self.child.id(), "TERM");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal_group(self.child.id(), "KILL");
        let _ = self.child.wait();
    }
}

/// Sends `signal` to the process group led by `leader` (the app and the
/// WebKit processes it started). The `--` matters: without it procps' kill
/// read `-TERM -1234` as signal 3 to process 1234's number and missed.
fn signal_group(leader: u32, signal: &str) {
    let _ = Command::new("kill").args(["-s", signal, "--", &format!("-{leader}")]).status();
}

fn start(app: &Path, data: &Path) -> anyhow::Result<Running> {
    let mut command = Command::new(app);
    command
        .env("QUNXUE_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let spawned = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| anyhow::anyhow!("cannot start {}: {e}", app.display()))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains(READY_LINE) {
                let _ = sender.send(Instant::now());
            }
        }
    });
    match receiver.recv_timeout(READY_TIMEOUT) {
        Ok(ready) => Ok(Running {
            child,
            ready_after: ready - spawned,
        }),
        Err(_) => {
            Running {
                child,
                ready_after: Duration::ZERO,
            }
            .stop();
            anyhow::bail!(
                "{} did not report its first screen within {} s",
                app.display(),
                READY_TIMEOUT.as_secs()
            )
        }
    }
}

/// Memory (kB) of `pid` and its descendants: the app's own VmRSS, the sum
/// of VmRSS, and the sum of Pss (each shared page divided among the
/// processes mapping it; RSS counts WebKit's libraries once per process).
struct TreeMemory {
    main_rss: u64,
    rss: u64,
    pss: u64,
}

fn tree_memory_kb(pid: u32) -> anyhow::Result<TreeMemory> {
    let tree = process_tree(pid)?;
    Ok(TreeMemory {
        main_rss: status_kb(pid, "VmRSS:").unwrap_or(0),
        rss: tree.iter().filter_map(|p| status_kb(*p, "VmRSS:")).sum(),
        pss: tree.iter().filter_map(|p| pss_kb(*p)).sum(),
    })
}

fn pss_kb(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup.lines().find_map(|l| l.strip_prefix("Pss:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// `pid` and all its descendants.
fn process_tree(pid: u32) -> anyhow::Result<Vec<u32>> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc")?.flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Some(parent) = parent_of(child) {
            parents.push((child, parent));
        }
    }
    let mut tree = vec![pid];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        tree.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(c, _)| *c));
        index += 1;
    }
    Ok(tree)
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
}

fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix(field)).and_then(|v| v.split_whitespace().next()?.parse().ok())
}
