//! Installs what building, running and testing need on Debian/Ubuntu:
//! system packages through apt, npm packages through `npm ci`, and
//! `tauri-driver` through cargo. Each step is skipped when already done.

use anyhow::{bail, Context};

use crate::process::{self, on_path, root};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    App,
    Test,
}

/// Packages the app needs to build and show Chinese text.
const APP_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "librsvg2-dev",
    "libssl-dev",
    // The Secret Service client behind the `keyring` crate on Linux.
    "libdbus-1-dev",
    "libxdo-dev",
    "libayatana-appindicator3-dev",
    "fonts-noto-cjk",
    "xvfb",
    // WebKitGTK plays WebM (VP8/VP9, Matroska) through plugins-good and
    // H.264/AAC MP4 through libav, as the .deb declares.
    "gstreamer1.0-plugins-good",
    "gstreamer1.0-libav",
];

/// Extra packages only the tests need.
/// (`poppler-utils`: pdftoppm/pdftotext/pdffonts check the PDF effect report;
/// `xdotool` types a path into the native file dialog in the desktop e2e;
/// `python3-venv`: the venv Ralph, the xAPI tests' LRS, is installed into;
/// `gnome-keyring` and `dbus`: a real Secret Service for the secrets test;
/// `gstreamer1.0-tools`: gst-launch makes the desktop e2e's test video;
/// `desktop-file-utils` and `appstream`: the packaging layer validates the
/// `.deb`'s desktop entry and metainfo;
/// `pandoc`: the Office converter's tests compare `qunxue convert`'s reading
/// of a .docx with pandoc's reading of the same file — test-only, the app and
/// the CLI never call it.)
const TEST_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "chromium",
    "xauth",
    "imagemagick",
    "poppler-utils",
    "xdotool",
    "python3-venv",
    "gnome-keyring",
    "dbus",
    "gstreamer1.0-tools",
    "desktop-file-utils",
    "appstream",
    "pandoc",
];

/// tauri-driver must stay on 2.x, like every other Tauri part.
const TAURI_DRIVER_VERSION: &str = "2.1.0";

pub(crate) fn run(profile: Profile) -> anyhow::Result<()> {
    let mut packages: Vec<&str> = APP_PACKAGES.to_vec();
    if profile == Profile::Test {
        packages.extend_from_slice(TEST_PACKAGES);
    }
    install_debian_packages(&packages)?;
    install_npm_packages()?;
    if profile == Profile::Test {
        RALPH.install()?;
        AUTHORING.install()?;
    }
    if profile == Profile::Test && !on_path("tauri-driver") && !cargo_bin("tauri-driver").is_file() {
        process::run("cargo", &["install", "tauri-driver", "--locked", "--version", TAURI_DRIVER_VERSION])?;
    }
    Ok(())
}

/// The Python of Ralph's venv (installed first if needed): P7's LRS in
/// `cargo xtask bench`.
pub(crate) fn ralph_python() -> anyhow::Result<std::path::PathBuf> {
    RALPH.install()?;
    Ok(RALPH.path().join("bin/python"))
}

/// A venv of Python tools the tests run, outside target/ so that `cargo
/// clean` and fresh clones on one machine share it.
struct TestVenv {
    /// The variable that points at another venv.
    env: &'static str,
    /// Its folder under ~/.cache/qunxue.
    folder: &'static str,
    /// What is pip-installed into it.
    packages: &'static [&'static str],
    /// What it is for, in messages.
    purpose: &'static str,
    /// Python run in the venv that succeeds when the packages are there, as pinned.
    ready_check: &'static str,
}

/// Ralph, an open-source Learning Record Store, with its CLI and LRS server
/// (tests/xapi_lrs.rs). Pinned: tests/xapi/ralph_server.py switches Ralph's
/// filesystem backend to append mode, which depends on that backend's internals.
const RALPH: TestVenv = TestVenv {
    env: "QUNXUE_RALPH_VENV",
    folder: "ralph-venv",
    packages: &["ralph-malph[cli,lrs]==5.1.0", "requests"],
    purpose: "Ralph (the test LRS)",
    ready_check: "import ralph",
};

/// What the Office-converter and schema tests' scripts (tests/authoring/)
/// import: python-docx and python-pptx write the .docx/.pptx fixtures,
/// jsonschema checks pack files against docs/schemas/. Pinned: the fixtures
/// are what these versions write (Pillow, which python-pptx pulls in, draws
/// the fixtures' PNG).
const AUTHORING: TestVenv = TestVenv {
    env: "QUNXUE_AUTHORING_VENV",
    folder: "authoring-venv",
    packages: &["python-docx==1.2.0", "python-pptx==1.0.2", "jsonschema==4.26.0"],
    purpose: "the authoring tests' Python packages",
    ready_check: "import docx, pptx, jsonschema\n\
                  from importlib.metadata import version\n\
                  assert (version('python-docx'), version('python-pptx'), version('jsonschema')) == ('1.2.0', '1.0.2', '4.26.0')",
};

impl TestVenv {
    /// `$<env>`, else ~/.cache/qunxue/<folder> (tests/authoring.rs and
    /// tests/xapi_lrs.rs look in the same places).
    fn path(&self) -> std::path::PathBuf {
        if let Some(venv) = std::env::var_os(self.env) {
            return venv.into();
        }
        let home = std::env::var_os("HOME").map(std::path::PathBuf::from).unwrap_or_default();
        home.join(".cache/qunxue").join(self.folder)
    }

    /// Makes the venv and installs the packages unless they are already there.
    fn install(&self) -> anyhow::Result<()> {
        let venv = self.path();
        let venv_python = venv.join("bin/python");
        if venv_python.is_file() && self.is_ready(&venv_python) {
            return Ok(());
        }
        let python = ["python3", "python"].into_iter().find(|p| on_path(p)).with_context(|| {
            format!(
                "Python 3 is needed for {}: install python3 and python3-venv (`apt-get install -y python3-venv`)",
                self.purpose
            )
        })?;
        eprintln!("xtask: installing {} into {}", self.purpose, venv.display());
        if !venv_python.is_file() {
            if let Some(parent) = venv.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
            }
            process::run(python, &["-m", "venv", &venv.to_string_lossy()])?;
        }
        let pip = venv.join("bin/pip").to_string_lossy().into_owned();
        let mut args = vec!["install", "--quiet", "--disable-pip-version-check"];
        args.extend_from_slice(self.packages);
        process::run(&pip, &args)
    }

    fn is_ready(&self, python: &std::path::Path) -> bool {
        std::process::Command::new(python)
            .args(["-c", self.ready_check])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    }
}

/// Path of a binary installed by `cargo install`.
pub(crate) fn cargo_bin(name: &str) -> std::path::PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin").join(name)
}

fn install_debian_packages(packages: &[&str]) -> anyhow::Result<()> {
    if !on_path("dpkg-query") || !on_path("apt-get") {
        eprintln!("xtask: not a Debian/Ubuntu system; install the equivalents of: {}", packages.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !is_installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages: {}", missing.join(" "));
    let sudo = !is_root();
    let apt = |args: &[&str]| -> anyhow::Result<()> {
        let mut full: Vec<&str> = Vec::new();
        if sudo {
            full.push("apt-get");
        }
        full.extend_from_slice(args);
        let status = if sudo { process::command("sudo", &full) } else { process::command("apt-get", args) }
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .context("cannot run apt-get")?;
        if !status.success() {
            bail!("apt-get {} failed ({status})", args.join(" "));
        }
        Ok(())
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(&missing);
    apt(&install)
}

fn is_installed(package: &str) -> bool {
    process::command("dpkg-query", &["-W", "-f=${Status}", package])
        .stderr(std::process::Stdio::null())
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    process::capture("id", &["-u"]).map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0").unwrap_or(false)
}

/// `npm ci` when `node_modules` is missing or older than the lock file.
/// Every build of qunxue-app needs it: its build script copies ECharts from
/// node_modules into the HTML report.
pub(crate) fn install_npm_packages() -> anyhow::Result<()> {
    if !on_path("npm") {
        bail!("npm is not installed: install Node.js 20 or newer (e.g. `apt-get install -y nodejs npm`)");
    }
    let lock = root().join("package-lock.json");
    let marker = root().join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(l), Ok(m)) => m.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        process::run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}
