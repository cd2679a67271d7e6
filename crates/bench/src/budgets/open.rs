//! P2: opening a 50 KB module (what the reader's `open_module` command
//! does: load the stored, sanitised HTML and record the visit) ÷ raw
//! pulldown-cmark rendering of the same Markdown, and the open's p95.

use std::hint::black_box;

use qunxue_app::import::import_pack;
use qunxue_app::{profiles, reading};
use qunxue_core::markdown::render_unsanitized_baseline;
use qunxue_store::Store;

use super::import::Imported;
use super::{fresh_dir, now, ratio, Settings};
use crate::gen_pack::{generate, PackOptions};
use crate::report::{Budget, Check, Rule};
use crate::timing::{repeat, timed, Samples};

const MODULE_BYTES: usize = 50_000;
const SAMPLES: usize = 300;

/// Runs P2: imports a 50 KB module into P1's database and times `open_module` beside a raw pulldown-cmark render.
pub fn measure(settings: &Settings, imported: &Imported) -> anyhow::Result<Budget> {
    let pack_dir = fresh_dir(&settings.work.join("pack-large"))?;
    let options = PackOptions { slug: "large".into(), modules: 1, module_bytes: MODULE_BYTES, seed: settings.seed };
    let pack = generate(&options, &pack_dir)?;
    let markdown = std::fs::read_to_string(&pack.module_files[0])?;

    let mut store = Store::open(&imported.database)?;
    import_pack(&mut store, &imported.data_dir, &pack.root, false, now(), &mut |_| {})?;
    let learner = profiles::active_profile(&mut store, now())?;
    let module = &pack.module_ids[0];

    let mut open =
        || reading::open_module(&mut store, &learner.id, reading::Readers::Learners, &pack.course_id, module, now());
    for _ in 0..10 {
        open()?;
    }
    let mut opens = Samples::default();
    for _ in 0..SAMPLES {
        let (view, elapsed) = timed(&mut open);
        black_box(view?);
        opens.push(elapsed);
    }
    let baseline = repeat(SAMPLES, || {
        black_box(render_unsanitized_baseline(black_box(&markdown)));
    });

    let factor = ratio(opens.median(), baseline.median());
    let p95_ms = opens.percentile(95.0) * 1e3;
    Ok(Budget::new("P2", "open a 50 KB module")
        .check(Check::new("open ÷ raw pulldown-cmark", Some(factor), Rule::AtMost, 1.3, "×"))
        .check(Check::new("open p95", Some(p95_ms), Rule::AtMost, 2.0, "ms"))
        .figure("module_kb", markdown.len() as f64 / 1e3)
        .figure("open_median_ms", opens.median() * 1e3)
        .figure("open_p95_ms", p95_ms)
        .figure("baseline_render_median_ms", baseline.median() * 1e3)
        .note(format!(
            "{SAMPLES} calls of reading::open_module (read the HTML sanitised at import, record the visit in its own \
             transaction) on the imported database vs {SAMPLES} raw renders of the module's Markdown; medians"
        )))
}
