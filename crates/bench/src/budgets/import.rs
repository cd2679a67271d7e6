//! P1: importing a 1,000-module pack (read, parse, validate, render and
//! sanitise, copy, store, index for search) beside its floor — the raw
//! libraries doing the work no import can skip on the same files
//! ([`crate::peers::raw_import`]) — and its peer, `mdbook build` of the same
//! modules laid out as a book ([`crate::peers::mdbook`]). A bare
//! pulldown-cmark render is kept as a figure.

use std::hint::black_box;
use std::path::PathBuf;

use qunxue_app::import::{import_pack, ImportStage};
use qunxue_core::markdown::{render, render_unsanitized_baseline, RenderOptions};
use qunxue_store::Store;

use super::{fresh_dir, now, ratio, Settings};
use crate::gen_pack::{generate, GeneratedPack, PackOptions};
use crate::peers::{mdbook, raw_import};

/// Imports and floors timed at least (the copy stage alone varies from run
/// to run on a virtual disk: a median of three is too easily moved).
const MIN_RUNS: usize = 5;
use crate::report::{Budget, Check, Rule};
use crate::timing::{repeat, timed, Samples};

/// The database the last import left, for the budgets that need content.
pub struct Imported {
    /// The SQLite file of the last timed import.
    pub database: PathBuf,
    /// The app data folder the import copied the pack's files into; later imports (P2's) use it too.
    pub data_dir: PathBuf,
    /// The generated pack that was imported, to find its course, modules and quizzes.
    pub pack: GeneratedPack,
}

/// Runs P1: generates the pack and times whole imports beside the raw-library floor and `mdbook build`.
pub fn measure(settings: &Settings) -> anyhow::Result<(Budget, Imported)> {
    let pack_dir = fresh_dir(&settings.work.join(format!("pack-{}", settings.modules)))?;
    let pack = generate(&PackOptions::new(settings.modules, settings.seed), &pack_dir)?;
    let texts: Vec<String> = pack.module_files.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();

    let baseline = repeat(settings.runs.max(3), || {
        for text in &texts {
            black_box(render_unsanitized_baseline(black_box(text)));
        }
    });

    // Where an import's time goes, for the note when the budget is missed:
    // the two costliest steps over the same files, alone.
    let options = RenderOptions {
        asset_base: Some(format!("qxasset://localhost/{}/modules/", pack.course_id)),
        ..Default::default()
    };
    let sanitised = repeat(1, || {
        for text in &texts {
            black_box(render(black_box(text), &options));
        }
    });
    qunxue_app::search::warm_up();
    let segmented = repeat(1, || {
        for text in &texts {
            black_box(qunxue_app::search::words(black_box(text)));
        }
    });

    let mut imports = Samples::default();
    let mut stages = StageClock::default();
    let mut last = None;
    for run in 0..settings.runs.max(MIN_RUNS) {
        let dir = fresh_dir(&settings.work.join(format!("import-{run}")))?;
        let data_dir = dir.join("data");
        let database = dir.join("qunxue.db");
        let mut store = Store::open(&database)?;
        stages = StageClock::default();
        let (result, elapsed) =
            timed(|| import_pack(&mut store, &data_dir, &pack.root, false, now(), &mut |p| stages.reached(p.stage)));
        result?;
        imports.push(elapsed);
        last = Some(Imported { database, data_dir, pack: pack.clone() });
    }
    let imported = last.ok_or_else(|| anyhow::anyhow!("P1 needs at least one run"))?;

    // The floor, after the imports so both meet the same page cache.
    let jieba = jieba_rs::Jieba::new();
    let mut floor = Samples::default();
    for run in 0..settings.runs.max(MIN_RUNS) {
        let store = Store::open(&fresh_dir(&settings.work.join(format!("floor-{run}")))?.join("floor.db"))?;
        raw_import::prepare(store.conn())?;
        let (written, elapsed) = timed(|| raw_import::raw_import(&jieba, &pack.module_files, store.conn()));
        written?;
        floor.push(elapsed);
    }
    let mut notes = vec![format!(
        "median of {} imports into a new database (folder pack, page cache warm) vs median of {} floors (read + \
         pulldown-cmark + ammonia + jieba cut on every core, one FTS5 insert transaction) of the same {} files",
        imports.len(),
        floor.len(),
        texts.len()
    )];
    let peer = match &settings.mdbook {
        Some(binary) => {
            let book = mdbook::lay_out(&pack.module_files, &fresh_dir(&settings.work.join("mdbook"))?)?;
            let mut builds = Samples::default();
            for _ in 0..settings.runs.max(3) {
                builds.push(mdbook::build(binary, &book)?);
            }
            notes.push(format!(
                "peer: median of {} `mdbook build` ({}, search index on)",
                builds.len(),
                mdbook::version(binary)?
            ));
            Some(builds.median())
        }
        None => {
            notes.push("peer: mdbook was not installed for this run (cargo xtask bench --quick skips it)".into());
            None
        }
    };

    let mut budget = Budget::new("P1", &format!("import a {}-module pack", settings.modules))
        .check(Check::new(
            "import ÷ raw libraries (floor)",
            Some(ratio(imports.median(), floor.median())),
            Rule::AtMost,
            1.5,
            "×",
        ))
        .check(Check::new(
            "import ÷ mdbook build (peer)",
            peer.map(|peer| ratio(imports.median(), peer)),
            Rule::AtMost,
            0.5,
            "×",
        ))
        .figure("floor_s", floor.median())
        .figure("import_over_raw_pulldown_cmark", ratio(imports.median(), baseline.median()))
        .figure("modules", settings.modules as f64)
        .figure("markdown_mb", bytes as f64 / 1e6)
        .figure("import_s", imports.median())
        .figure("baseline_render_s", baseline.median())
        .figure("part_render_and_sanitise_s", sanitised.median())
        .figure("part_jieba_segmentation_s", segmented.median())
        .figure("stage_read_s", stages.seconds(ImportStage::Reading))
        .figure("stage_validate_s", stages.seconds(ImportStage::Validating))
        .figure("stage_copy_s", stages.seconds(ImportStage::Copying))
        .figure("stage_save_and_index_s", stages.seconds(ImportStage::Saving));
    if let Some(peer) = peer {
        budget = budget.figure("mdbook_build_s", peer);
    }
    Ok((budget.note(notes.join("; ")), imported))
}

/// When an import entered each stage, from its progress reports: where the
/// time of the last import went.
#[derive(Debug, Default)]
struct StageClock {
    entered: Vec<(ImportStage, std::time::Instant)>,
}

impl StageClock {
    fn reached(&mut self, stage: ImportStage) {
        if self.entered.last().is_none_or(|(last, _)| *last != stage) {
            self.entered.push((stage, std::time::Instant::now()));
        }
    }

    /// Seconds from entering `stage` to entering the next one (0 if never entered).
    fn seconds(&self, stage: ImportStage) -> f64 {
        let Some(index) = self.entered.iter().position(|(s, _)| *s == stage) else { return 0.0 };
        match self.entered.get(index + 1) {
            Some((_, next)) => (*next - self.entered[index].1).as_secs_f64(),
            None => 0.0,
        }
    }
}
