//! Finding a display for the window, or starting a virtual one (Xvfb).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

pub(crate) enum Display {
    Present,
    Missing,
}

impl Display {
    pub(crate) fn detect() -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            Display::Missing
        } else {
            Display::Present
        }
    }
}

/// An Xvfb server, stopped (by its own process id) when dropped.
pub(crate) struct VirtualDisplay {
    child: Child,
    /// This process's DISPLAY before, put back when the server stops: a
    /// later step (the quick bench after the desktop tests) must not take
    /// a stopped server for a display and wait for windows that never open.
    previous: Option<std::ffi::OsString>,
}

impl VirtualDisplay {
    /// Starts Xvfb on the first free display number from :99 and points
    /// this process's DISPLAY at it. A display whose server is gone (its
    /// lock names a process that no longer runs: an earlier run was killed)
    /// is cleared and reused, so repeated runs never run out of numbers.
    pub(crate) fn start() -> anyhow::Result<Self> {
        for number in 99..120 {
            clear_if_abandoned(number);
            if std::path::Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                continue;
            }
            let name = format!(":{number}");
            let mut child = Command::new("Xvfb")
                .args([name.as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("cannot start Xvfb (install the `xvfb` package)")?;
            let socket = format!("/tmp/.X11-unix/X{number}");
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if std::path::Path::new(&socket).exists() {
                    let previous = std::env::var_os("DISPLAY");
                    std::env::set_var("DISPLAY", &name);
                    eprintln!("xtask: virtual display {name} is up");
                    return Ok(Self { child, previous });
                }
                if let Some(status) = child.try_wait()? {
                    bail!("Xvfb {name} exited at start ({status})");
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            bail!("Xvfb {name} did not come up within 10 s");
        }
        bail!("no free X display number between :99 and :119")
    }
}

/// Removes display `number`'s lock and socket when no running server owns
/// them: the lock names a process that is gone, or there is a socket and no
/// lock at all (a server killed before it could clean up).
fn clear_if_abandoned(number: u32) {
    let lock = format!("/tmp/.X{number}-lock");
    let socket = format!("/tmp/.X11-unix/X{number}");
    let owner_alive = std::fs::read_to_string(&lock)
        .ok()
        .and_then(|text| text.trim().parse::<u32>().ok())
        .is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists());
    if owner_alive {
        return;
    }
    let _ = std::fs::remove_file(&lock);
    let _ = std::fs::remove_file(&socket);
}

impl Drop for VirtualDisplay {
    /// Asks Xvfb to stop (SIGTERM, so it removes its lock and socket) and
    /// kills it only if it has not gone within two seconds.
    fn drop(&mut self) {
        match &self.previous {
            Some(display) => std::env::set_var("DISPLAY", display),
            None => std::env::remove_var("DISPLAY"),
        }
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", pid.as_str()]).status();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
