//! P6: the desktop app beside its floor, a minimal Tauri 2 app (one page,
//! no backend but the ready signal; `crates/bench/minimal-app`) started the
//! same way on the same display. Cold start to the first interactive screen
//! (the UI calls `ui_ready` after the first screen has painted, and the app
//! prints a line the moment it does), the idle memory of each with its
//! WebKit helper processes, read from /proc, and the `.deb` size. Needs a
//! display (the xtask starts Xvfb).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{fresh_dir, ratio};
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
    /// The desktop app's binary, started under the current display; `None` skips its start time and memory.
    pub app: Option<PathBuf>,
    /// The minimal Tauri app built by the same cargo invocation.
    pub minimal: Option<PathBuf>,
    /// The app's `.deb` package, whose size is checked (< 15 MB); `None` when run with `--no-bundle`.
    pub deb: Option<PathBuf>,
    /// What kind of build `app` is, for the note ("release", "debug").
    pub build: String,
}

/// Runs P6 (data folders under `work`): start time and idle memory beside the minimal app, and the `.deb` size.
pub fn measure(work: &Path, artifacts: &Artifacts) -> anyhow::Result<Budget> {
    let mut budget = Budget::new("P6", "desktop app beside a minimal Tauri app: cold start, idle memory, .deb size");
    let deb_mb = artifacts.deb.as_ref().map(|deb| std::fs::metadata(deb).map(|m| m.len() as f64 / 1e6)).transpose()?;
    let mut notes = Vec::new();
    let ours = match &artifacts.app {
        Some(app) => Some(starts_and_memory(app, &fresh_dir(&work.join("desktop-data"))?)?),
        None => {
            notes.push("no desktop binary given: start time and memory not measured".to_string());
            None
        }
    };
    let minimal = match &artifacts.minimal {
        Some(app) => Some(starts_and_memory(app, &fresh_dir(&work.join("minimal-data"))?)?),
        None => {
            notes.push(
                "the minimal Tauri app was not built for this run (cargo xtask bench --quick skips it)".to_string(),
            );
            None
        }
    };
    if let Some(ours) = &ours {
        budget = ours.figures(budget, "");
        notes.push(format!(
            "{} build; start = spawn to the `{READY_LINE}` line (the UI's ui_ready after the first paint), median of \
             {WARM_STARTS} starts on an existing data folder (first start, which creates the database and installs the \
             course: {:.2} s); idle = median VmRSS and Pss of the app and its WebKit processes {} s after each warm start; \
             the minimal app is measured the same way",
            artifacts.build,
            ours.first_start_s,
            IDLE_WAIT.as_secs()
        ));
    }
    if let Some(minimal) = &minimal {
        budget = minimal.figures(budget, "minimal_");
    }
    if let Some(mb) = deb_mb {
        budget = budget.figure("deb_mb", mb);
    } else {
        notes.push("no .deb given (run without --no-bundle): size not measured".to_string());
    }
    let both = ours.as_ref().zip(minimal.as_ref());
    Ok(budget
        .check(Check::new(
            "start ÷ minimal Tauri app",
            both.map(|(o, m)| ratio(o.start_s, m.start_s)),
            Rule::AtMost,
            1.5,
            "×",
        ))
        .check(Check::new(
            "idle RSS ÷ minimal Tauri app",
            both.map(|(o, m)| ratio(o.rss_mb, m.rss_mb)),
            Rule::AtMost,
            1.15,
            "×",
        ))
        .check(Check::new(".deb size", deb_mb, Rule::AtMost, 15.0, "MB"))
        .note(notes.join("; ")))
}

/// One app's starts and idle memory.
struct Measured {
    first_start_s: f64,
    start_s: f64,
    main_rss_mb: f64,
    rss_mb: f64,
    pss_mb: f64,
}

impl Measured {
    fn figures(&self, budget: Budget, prefix: &str) -> Budget {
        budget
            .figure(&format!("{prefix}first_start_s"), self.first_start_s)
            .figure(&format!("{prefix}start_median_s"), self.start_s)
            .figure(&format!("{prefix}idle_rss_main_mb"), self.main_rss_mb)
            .figure(&format!("{prefix}idle_rss_with_webkit_mb"), self.rss_mb)
            .figure(&format!("{prefix}idle_pss_with_webkit_mb"), self.pss_mb)
    }
}

/// A first start, then [`WARM_STARTS`] starts, each left idle for
/// [`IDLE_WAIT`] and its memory read; medians of the warm starts.
fn starts_and_memory(app: &Path, data: &Path) -> anyhow::Result<Measured> {
    let first = start(app, data)?;
    let first_start_s = first.ready_after.as_secs_f64();
    first.stop();
    let mut starts = Samples::default();
    let (mut main_rss, mut rss, mut pss) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..WARM_STARTS {
        let running = start(app, data)?;
        starts.push(running.ready_after);
        std::thread::sleep(IDLE_WAIT);
        let memory = tree_memory_kb(running.child.id())?;
        running.stop();
        main_rss.push(memory.main_rss);
        rss.push(memory.rss);
        pss.push(memory.pss);
    }
    let median_mb = |mut kb: Vec<u64>| {
        kb.sort_unstable();
        kb[kb.len() / 2] as f64 * 1024.0 / 1e6
    };
    Ok(Measured {
        first_start_s,
        start_s: starts.median(),
        main_rss_mb: median_mb(main_rss),
        rss_mb: median_mb(rss),
        pss_mb: median_mb(pss),
    })
}

struct Running {
    child: Child,
    ready_after: Duration,
}

impl Running {
    /// Stops the app and its helpers (see the `Drop` below).
    fn stop(self) {
        drop(self);
    }
}

/// Whatever happens to the measurement (an error, a panic), the app and its
/// WebKit processes do not outlive it.
impl Drop for Running {
    /// Stops the app and its helpers: its own process group.
    fn drop(&mut self) {
        // The whole group even when the app itself has exited: its WebKit
        // processes may not have.
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
    command.env("QUNXUE_DATA_DIR", data).stdout(Stdio::piped()).stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let spawned = Instant::now();
    let mut child = command.spawn().map_err(|e| anyhow::anyhow!("cannot start {}: {e}", app.display()))?;
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
        Ok(ready) => Ok(Running { child, ready_after: ready - spawned }),
        Err(_) => {
            Running { child, ready_after: Duration::ZERO }.stop();
            anyhow::bail!("{} did not report its first screen within {} s", app.display(), READY_TIMEOUT.as_secs())
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
