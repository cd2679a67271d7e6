//! `qunxue-bench`: `gen-pack` writes a synthetic pack; `run` measures the
//! performance budgets and writes the report. Normally started through
//! `cargo xtask gen-pack` and `cargo xtask bench`, which build it in release
//! mode and prepare the desktop app and Python.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use qunxue_bench::budgets::{self, desktop::Artifacts, Settings};
use qunxue_bench::gen_pack::{generate, PackOptions};
use qunxue_bench::machine;
use qunxue_bench::report::{self, Budget, Report, SCHEMA_VERSION};

#[derive(Debug, Parser)]
#[command(name = "qunxue-bench", about = "Synthetic packs and performance budgets")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Task {
    /// Write a synthetic pack (valid for `qunxue validate`).
    GenPack {
        #[arg(long)]
        modules: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Size each module grows to, in bytes.
        #[arg(long, default_value_t = 10_000)]
        module_bytes: usize,
    },
    /// Measure every budget and write the report.
    Run {
        /// report.json goes here; scratch files go to its folder's `work/`.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1000)]
        modules: usize,
        #[arg(long, default_value_t = 100_000)]
        answers: usize,
        #[arg(long, default_value_t = 10_000)]
        learners: usize,
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Python with numpy and scipy (P5's comparison is skipped without it).
        #[arg(long)]
        python: Option<PathBuf>,
        /// Statements pulled from the LRS in P7 (the budget says 100k).
        #[arg(long, default_value_t = 100_000)]
        statements: usize,
        /// Learners in P7's class and P8's report (the budget says 1,000).
        #[arg(long, default_value_t = 1000)]
        members: usize,
        /// The mdbook binary, P1's peer (skipped without it).
        #[arg(long)]
        mdbook: Option<PathBuf>,
        /// The Python of Ralph's venv, P7's LRS (P7 is skipped without it).
        #[arg(long)]
        ralph_python: Option<PathBuf>,
        /// The desktop binary to start under the current DISPLAY (P6).
        #[arg(long)]
        app: Option<PathBuf>,
        /// The minimal Tauri app, P6's floor.
        #[arg(long)]
        minimal_app: Option<PathBuf>,
        /// "release" or "debug": what kind of build --app is.
        #[arg(long, default_value = "release")]
        app_build: String,
        #[arg(long)]
        deb: Option<PathBuf>,
        /// Extra figures for P6, name=value (e.g. build times measured by the xtask).
        #[arg(long = "figure", value_parser = parse_figure)]
        figures: Vec<(String, f64)>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Measure only these budgets (e.g. `--only P1,P3`), for profiling one
        /// of them; P2–P4 still import the pack that P1 measures, and P8
        /// still pulls P7's class.
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
    },
}

/// Budgets whose measurement failed: each is reported with its error.
#[derive(Debug, Default)]
struct Failed {
    count: usize,
}

impl Failed {
    /// The measurement's result, or `None` with the budget reported as failed.
    fn keep<T>(&mut self, report: &mut Report, id: &str, measured: anyhow::Result<T>) -> Option<T> {
        match measured {
            Ok(value) => Some(value),
            Err(e) => {
                eprintln!("qunxue-bench: {id} failed: {e:#}");
                self.count += 1;
                report.budgets.push(Budget::failed(id, &e));
                None
            }
        }
    }

    /// Adds a measured budget to the report, or reports it as failed.
    fn push(&mut self, report: &mut Report, id: &str, measured: anyhow::Result<Budget>) {
        if let Some(budget) = self.keep(report, id, measured) {
            report.budgets.push(budget);
        }
    }
}

fn parse_figure(text: &str) -> Result<(String, f64), String> {
    let (name, value) = text.split_once('=').ok_or("expected name=value")?;
    Ok((name.to_string(), value.parse().map_err(|e| format!("{value}: {e}"))?))
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::GenPack { modules, out, seed, module_bytes } => {
            let options = PackOptions { module_bytes, ..PackOptions::new(modules, seed) };
            let pack = generate(&options, &out)?;
            println!(
                "wrote {} modules and {} questions of course {} to {}",
                pack.module_ids.len(),
                pack.questions,
                pack.course_id,
                out.display()
            );
            Ok(())
        }
        Task::Run {
            out,
            modules,
            answers,
            learners,
            runs,
            statements,
            members,
            mdbook,
            ralph_python,
            python,
            app,
            minimal_app,
            app_build,
            deb,
            figures,
            seed,
            only,
        } => {
            let wanted = |id: &str| only.is_empty() || only.iter().any(|o| o.eq_ignore_ascii_case(id));
            let folder = out.parent().map(PathBuf::from).unwrap_or_default();
            let settings = Settings {
                work: budgets::fresh_dir(&folder.join("work"))?,
                repo: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."),
                modules,
                answers,
                learners,
                runs,
                python,
                mdbook,
                ralph_python,
                statements,
                members,
                seed,
            };
            let machine = machine::describe();
            let generated_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let mut report = Report { schema_version: SCHEMA_VERSION, generated_at, machine, budgets: Vec::new() };

            let step = |name: &str| eprintln!("qunxue-bench: measuring {name} …");
            // A budget whose measurement fails is reported as such and the
            // others still run: one failure must not lose twenty minutes of figures.
            let mut failed = Failed::default();
            if ["P1", "P2", "P3", "P4"].iter().any(|id| wanted(id)) {
                step("P1 import");
                if let Some((p1, imported)) = failed.keep(&mut report, "P1", budgets::import::measure(&settings)) {
                    if wanted("P1") {
                        report.budgets.push(p1);
                    }
                    for (id, name) in [("P2", "P2 module open"), ("P4", "P4 search"), ("P3", "P3 answers")] {
                        if !wanted(id) {
                            continue;
                        }
                        step(name);
                        let measured = match id {
                            "P2" => budgets::open::measure(&settings, &imported),
                            "P4" => budgets::search::measure(&settings, &imported),
                            _ => budgets::answers::measure(&settings, &imported),
                        };
                        failed.push(&mut report, id, measured);
                    }
                }
            }
            if wanted("P5") {
                step("P5 impact statistics");
                failed.push(&mut report, "P5", budgets::impact::measure(&settings));
            }
            let mut pulled = None;
            if wanted("P7") || wanted("P8") {
                step("P7 class pull from the LRS");
                if let Some((p7, class)) = failed.keep(&mut report, "P7", budgets::pull::measure(&settings)) {
                    if wanted("P7") {
                        report.budgets.push(p7);
                    }
                    pulled = class;
                }
            }
            if wanted("P8") {
                step("P8 effect report and class view at class scale");
                failed.push(&mut report, "P8", budgets::class::measure(&settings, pulled.as_ref()));
            }
            if wanted("P6") {
                step("P6 desktop app");
                let artifacts = Artifacts { app, minimal: minimal_app, deb, build: app_build };
                let measured = budgets::desktop::measure(&settings.work, &artifacts).map(|mut p6| {
                    for (name, value) in figures {
                        p6 = p6.figure(&name, value);
                    }
                    p6
                });
                failed.push(&mut report, "P6", measured);
            }
            report.budgets.sort_by(|a, b| a.id.cmp(&b.id));

            let json = serde_json::to_value(&report)?;
            report::validate(&json).map_err(|e| anyhow::anyhow!("the report breaks its own schema: {e}"))?;
            std::fs::write(&out, serde_json::to_string_pretty(&json)? + "\n")
                .with_context(|| format!("cannot write {}", out.display()))?;
            print!("{}", report::table(&report));
            for budget in &report.budgets {
                println!("{}: {}", budget.id, budget.note);
            }
            println!("report: {}", out.display());
            anyhow::ensure!(failed.count == 0, "{} budget(s) could not be measured (see their notes)", failed.count);
            Ok(())
        }
    }
}
