//! Finding a display for the window, or starting a virtual one (Xvfb).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

pub enum Display {
    Present,
    Missing,
}

impl Display {
    pub fn detect() -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            Display::Missing
        } else {
            Display::Present
        }
    }
}

/// An Xvfb server, stopped (by its own process id) when dropped.
pub struct VirtualDisplay {
    child: Child,
}

impl VirtualDisplay {
    /// Starts Xvfb on the first free display number from :99 and points
    /// this process's DISPLAY at it.
    pub fn start() -> anyhow::Result<Self> {
        for number in 99..120 {
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
                    std::env::set_var("DISPLAY", &name);
                    eprintln!("xtask: virtual display {name} is up");
                    return Ok(Self { child });
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

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
