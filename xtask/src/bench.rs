//! `cargo xtask gen-pack`, `cargo xtask bundle` and `cargo xtask bench`.
//!
//! The measuring itself is the `qunxue-bench` binary (crates/bench), built
//! in release mode (a debug build would measure the compiler's optimisation
//! level rather than our code) by the same cargo invocation as the release
//! app and the minimal Tauri app, so their shared dependencies are compiled
//! once. This file prepares what it needs (Python with scipy for P5, mdBook
//! for P1, Ralph for P7, the `.deb`, the release app and the minimal app
//! under a virtual display for P6) and times the setup and the builds, since
//! they are part of how long the bench takes on a fresh machine.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::bail;

use crate::display::{Display, VirtualDisplay};
use crate::process::{self, root};
use crate::setup;

/// Where cargo puts build output (honours CARGO_TARGET_DIR).
pub(crate) fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// `cargo xtask gen-pack`: a debug build is enough to write files, and it
/// reuses what `cargo xtask test` already compiled.
pub(crate) fn gen_pack(modules: usize, out: &Path, seed: u64) -> anyhow::Result<()> {
    setup::install_npm_packages()?;
    let out = std::env::current_dir()?.join(out);
    let (modules, seed) = (modules.to_string(), seed.to_string());
    let out_arg = out.display().to_string();
    process::run(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "qunxue-bench",
            "--",
            "gen-pack",
            "--modules",
            &modules,
            "--out",
            &out_arg,
            "--seed",
            &seed,
        ],
    )
}

/// `cargo xtask bundle`: the release app packaged as a `.deb` by Tauri's
/// bundler (which first builds ui/ with `npm run build`). Returns the file.
pub(crate) fn bundle() -> anyhow::Result<PathBuf> {
    bundle_with(&[])
}

/// The `.deb`, with `also` (more workspace packages) built by the same cargo
/// invocation: one feature resolution for all of them, so the dependencies
/// they share are compiled once instead of once per build.
fn bundle_with(also: &[&str]) -> anyhow::Result<PathBuf> {
    setup::run(setup::Profile::App)?;
    let mut args = vec!["tauri", "build", "--bundles", "deb", "--ci"];
    if !also.is_empty() {
        args.extend(["--", "-p", "qunxue-desktop"]);
        for package in also {
            args.extend(["-p", package]);
        }
    }
    process::run("npx", &args)?;
    let deb = crate::deb::newest_in(&target_dir().join("release/bundle/deb"))?;
    let (gzip, xz) = crate::deb::recompress_xz(&deb, 9)?;
    eprintln!(
        "xtask: bundle {} ({:.1} MB; {:.1} MB as the bundler wrote it with gzip)",
        deb.display(),
        xz as f64 / 1e6,
        gzip as f64 / 1e6
    );
    Ok(deb)
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct BenchOptions {
    /// The smoke test `cargo xtask test` runs: a debug build, small sizes,
    /// and the peers that need a build of their own (mdBook, the minimal
    /// Tauri app) skipped, so the bench cannot rot unnoticed. Its figures
    /// are not the budgets'.
    pub quick: bool,
    /// Skip the release bundle; P6 then starts the debug app if one is built.
    pub no_bundle: bool,
}

/// The version of mdBook P1 compares the import with (the report names the
/// version the binary itself reports).
const MDBOOK_VERSION: &str = "0.5.4";

pub(crate) fn bench(options: BenchOptions) -> anyhow::Result<()> {
    // A quick run keeps its own report and work folder, so the smoke test of
    // `cargo xtask test` never overwrites the figures of a real run.
    let report = target_dir().join(if options.quick { "bench/quick/report.json" } else { "bench/report.json" });
    std::fs::create_dir_all(report.parent().expect("a folder"))?;
    let started = Instant::now();
    let mut figures: Vec<String> = Vec::new();
    let mut timed = |name: &str, at: Instant| figures.push(format!("{name}={:.1}", at.elapsed().as_secs_f64()));

    let at = Instant::now();
    let python = scipy_python().inspect_err(|e| eprintln!("xtask: P5's scipy comparison will be skipped: {e:#}")).ok();
    timed("setup_python_s", at);
    let at = Instant::now();
    let ralph = setup::ralph_python()
        .inspect_err(|e| eprintln!("xtask: P7 (and P8's class view) will be skipped: Ralph did not install: {e:#}"))
        .ok();
    timed("setup_ralph_s", at);
    // mdBook compiles beside the release build: the build leaves a core idle
    // in its long serial stretches (linking, the last crates), which this fills.
    let mdbook_install = if options.quick {
        eprintln!(
            "xtask: --quick: P1's peer mdBook and P6's minimal Tauri app need builds of their own and are skipped"
        );
        None
    } else {
        Some(std::thread::spawn(|| {
            let at = Instant::now();
            install_mdbook().map(|binary| (binary, at.elapsed().as_secs_f64()))
        }))
    };
    let at = Instant::now();
    // Joined whether or not the build worked: a `cargo install` must not
    // go on compiling after the bench has given up.
    let built = build(options);
    timed(if options.quick || options.no_bundle { "bench_build_s" } else { "bundle_and_bench_build_s" }, at);
    let mdbook = match mdbook_install.map(|install| install.join()) {
        Some(Ok(Ok((binary, seconds)))) => {
            figures.push(format!("setup_mdbook_s={seconds:.1}"));
            Some(binary)
        }
        Some(Ok(Err(e))) => {
            eprintln!("xtask: P1's peer will be skipped: mdBook did not install: {e:#}");
            None
        }
        Some(Err(_)) => bail!("installing mdBook panicked"),
        None => None,
    };
    let Built { app, app_build, minimal, deb, bench: binary } = built?;
    let _display = match (&app, Display::detect()) {
        (Some(_), Display::Missing) => Some(VirtualDisplay::start()?),
        _ => None,
    };

    let mut args: Vec<String> = vec!["run".into(), "--out".into(), report.display().to_string()];
    if options.quick {
        args.extend(
            [
                "--modules",
                "100",
                "--answers",
                "5000",
                "--learners",
                "1000",
                "--runs",
                "1",
                "--statements",
                "5000",
                "--members",
                "100",
            ]
            .map(String::from),
        );
    }
    let mut path_arg = |flag: &str, path: Option<PathBuf>| {
        if let Some(path) = path {
            args.extend([flag.to_string(), path.display().to_string()]);
        }
    };
    path_arg("--python", python);
    path_arg("--ralph-python", ralph);
    path_arg("--mdbook", mdbook);
    path_arg("--app", app);
    path_arg("--minimal-app", minimal);
    path_arg("--deb", deb);
    args.extend(["--app-build".into(), app_build.into()]);
    for figure in &figures {
        args.extend(["--figure".into(), figure.clone()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let measuring = Instant::now();
    process::run(&binary.display().to_string(), &args)?;
    let run = RunTime {
        total_s: started.elapsed().as_secs_f64(),
        measuring_s: measuring.elapsed().as_secs_f64(),
        quick: options.quick,
    };
    run.record(&report)?;
    eprintln!(
        "xtask: the bench took {:.0} s, of which {:.0} s measuring (setup and builds: {})",
        run.total_s,
        run.measuring_s,
        figures.join(", ")
    );
    Ok(())
}

/// What the build step made.
struct Built {
    /// The desktop app P6 starts (none in a quick run without a debug build).
    app: Option<PathBuf>,
    /// "release" or "debug", for the report.
    app_build: &'static str,
    /// P6's floor, built like `app` (skipped in a quick run).
    minimal: Option<PathBuf>,
    deb: Option<PathBuf>,
    /// The qunxue-bench binary.
    bench: PathBuf,
}

/// Builds what the run measures: the release app, its `.deb`, the bench
/// and the minimal app in one cargo invocation; or, with `--no-bundle`,
/// the bench in release and the minimal app as a debug build beside the
/// debug app; or, with `--quick`, the debug build `cargo xtask test` made.
fn build(options: BenchOptions) -> anyhow::Result<Built> {
    let debug = target_dir().join("debug");
    let release = target_dir().join("release");
    let debug_app = || Some(debug.join("qunxue-desktop")).filter(|app| app.is_file());
    if options.quick {
        setup::install_npm_packages()?;
        // The same packages (so the same features) as the Rust test layer:
        // inside `cargo xtask test` this build is already done.
        process::run("cargo", &["build", "--workspace", "--exclude", "qunxue-desktop", "--exclude", MINIMAL_APP])?;
        return Ok(Built {
            app: debug_app(),
            app_build: "debug",
            minimal: None,
            deb: None,
            bench: debug.join("qunxue-bench"),
        });
    }
    if options.no_bundle {
        setup::install_npm_packages()?;
        process::run("cargo", &["build", "--release", "-p", "qunxue-bench"])?;
        // Debug, as the app it is compared with.
        process::run("cargo", &["build", "-p", MINIMAL_APP])?;
        return Ok(Built {
            app: debug_app(),
            app_build: "debug",
            minimal: Some(debug.join(MINIMAL_APP)),
            deb: None,
            bench: release.join("qunxue-bench"),
        });
    }
    // The bench binary and the minimal app come out of the app's own release build.
    let deb = bundle_with(&["qunxue-bench", MINIMAL_APP])?;
    Ok(Built {
        app: Some(release.join("qunxue-desktop")),
        app_build: "release",
        minimal: Some(release.join(MINIMAL_APP)),
        deb: Some(deb),
        bench: release.join("qunxue-bench"),
    })
}

/// The package name of P6's floor (crates/bench/minimal-app).
pub(crate) const MINIMAL_APP: &str = "qunxue-bench-minimal-app";

/// How long the whole run took, added to report.json once it is over (the
/// bench binary cannot know the time of the builds that made it).
struct RunTime {
    total_s: f64,
    measuring_s: f64,
    quick: bool,
}

impl RunTime {
    fn record(&self, report: &Path) -> anyhow::Result<()> {
        let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(report)?)?;
        json["run"] = serde_json::json!({
            "total_s": self.total_s,
            "measuring_s": self.measuring_s,
            "quick": self.quick,
        });
        std::fs::write(report, serde_json::to_string_pretty(&json)? + "\n")?;
        Ok(())
    }
}

/// mdBook, P1's peer, installed once under `target/tools` (pinned). Without
/// its `serve` and `watch` features (a web server and a file watcher):
/// `mdbook build` needs neither, and they double its build.
fn install_mdbook() -> anyhow::Result<PathBuf> {
    crate::tools::PinnedTool {
        krate: "mdbook",
        binary: "mdbook",
        version: MDBOOK_VERSION,
        features: &["--no-default-features", "--features", "search"],
    }
    .ensure()
}

/// A venv with numpy and scipy under the target folder, made once.
fn scipy_python() -> anyhow::Result<PathBuf> {
    let venv = target_dir().join("bench/venv");
    let python = venv.join("bin/python");
    let has_scipy = |python: &Path| {
        process::capture(&python.display().to_string(), &["-c", "import numpy, scipy"])
            .is_ok_and(|o| o.status.success())
    };
    if python.is_file() && has_scipy(&python) {
        return Ok(python);
    }
    if !process::on_path("python3") {
        bail!("python3 is not installed");
    }
    let venv_arg = venv.display().to_string();
    if !process::run_status("python3", &["-m", "venv", &venv_arg])? {
        bail!("python3 -m venv failed (Debian: apt-get install python3-venv)");
    }
    process::run(&python.display().to_string(), &["-m", "pip", "install", "--quiet", "numpy", "scipy"])?;
    if !has_scipy(&python) {
        bail!("numpy and scipy did not install into {}", venv.display());
    }
    Ok(python)
}
