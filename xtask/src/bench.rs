//! `cargo xtask gen-pack`, `cargo xtask bundle` and `cargo xtask bench`.
//!
//! The measuring itself is the `qunxue-bench` binary (crates/bench), built
//! in release mode (a debug build would measure the compiler's optimisation
//! level rather than our code) by the same cargo invocation as the release
//! app, so their shared dependencies are compiled once. This file prepares what it
//! needs (Python with scipy for P5, the `.deb` and the release app under a
//! virtual display for P6) and times the builds, since they are part of how
//! long the bench takes on a fresh machine.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::bail;

use crate::display::{Display, VirtualDisplay};
use crate::process::{self, root};
use crate::setup;

/// Where cargo puts build output (honours CARGO_TARGET_DIR).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// `cargo xtask gen-pack`: a debug build is enough to write files, and it
/// reuses what `cargo xtask test` already compiled.
pub fn gen_pack(modules: usize, out: &Path, seed: u64) -> anyhow::Result<()> {
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
pub fn bundle() -> anyhow::Result<PathBuf> {
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
    eprintln!("xtask: bundle {} ({:.1} MB; {:.1} MB as the bundler wrote it with gzip)", deb.display(), xz as f64 / 1e6, gzip as f64 / 1e6);
    Ok(deb)
}

#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Small sizes for trying the bench out (not the budgets' sizes).
    pub quick: bool,
    /// Skip the release bundle; P6 then starts the debug app if one is built.
    pub no_bundle: bool,
}

pub fn bench(options: BenchOptions) -> anyhow::Result<()> {
    let report = target_dir().join("bench/report.json");
    std::fs::create_dir_all(report.parent().expect("a folder"))?;
    let mut figures: Vec<String> = Vec::new();

    let python = match scipy_python() {
        Ok(python) => Some(python),
        Err(e) => {
            eprintln!("xtask: P5's scipy comparison will be skipped: {e:#}");
            None
        }
    };

    let started = Instant::now();
    let (app, app_build, deb) = if options.no_bundle {
        setup::install_npm_packages()?;
        process::run("cargo", &["build", "--release", "-p", "qunxue-bench"])?;
        figures.push(format!("bench_build_s={:.1}", started.elapsed().as_secs_f64()));
        let debug = target_dir().join("debug/qunxue-desktop");
        (debug.is_file().then_some(debug), "debug", None)
    } else {
        // The bench binary comes out of the app's own release build.
        let deb = bundle_with(&["qunxue-bench"])?;
        figures.push(format!("bundle_and_bench_build_s={:.1}", started.elapsed().as_secs_f64()));
        (Some(target_dir().join("release/qunxue-desktop")), "release", Some(deb))
    };
    let _display = match (&app, Display::detect()) {
        (Some(_), Display::Missing) => Some(VirtualDisplay::start()?),
        _ => None,
    };

    let binary = target_dir().join("release/qunxue-bench");
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
            ]
            .map(String::from),
        );
    }
    if let Some(python) = python {
        args.extend(["--python".into(), python.display().to_string()]);
    }
    if let Some(app) = app {
        args.extend([
            "--app".into(),
            app.display().to_string(),
            "--app-build".into(),
            app_build.into(),
        ]);
    }
    if let Some(deb) = deb {
        args.extend(["--deb".into(), deb.display().to_string()]);
    }
    for figure in figures {
        args.extend(["--figure".into(), figure]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    process::run(&binary.display().to_string(), &args)?;
    eprintln!("xtask: the bench took {:.0} s, builds included", started.elapsed().as_secs_f64());
    Ok(())
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
    process::run(
        &python.display().to_string(),
        &["-m", "pip", "install", "--quiet", "numpy", "scipy"],
    )?;
    if !has_scipy(&python) {
        bail!("numpy and scipy did not install into {}", venv.display());
    }
    Ok(python)
}
