//! P4: Chinese search (jieba segmentation, FTS5 with bm25, snippets: the
//! search screen's service) beside tantivy with the tantivy-jieba tokenizer
//! over the same section documents.
//!
//! - **Speed**: p95 of the same queries over the 1,000 imported modules,
//!   ours as a learner vs tantivy over the sections a learner can find.
//! - **Quality**: recall@5 over the labelled query set on the shipped course
//!   (`crates/bench/data/search-queries.toml`, labels committed before the
//!   first measurement; see its README for the rule), as an instructor.
//!
//! A `LIKE '%word%'` scan of the module texts is kept as a figure.

use std::collections::BTreeMap;
use std::hint::black_box;

use std::path::Path;

use qunxue_app::{profiles, search};
use qunxue_store::Store;
use serde::Deserialize;

use super::fixtures::{add_instructor, shipped_course_store};
use super::import::Imported;
use super::{fresh_dir, now, ratio, Settings};
use crate::gen_pack::TOPIC_WORDS;
use crate::peers::tantivy_search::{Scope, SectionDoc, TantivySearch};
use crate::report::{Budget, Check, Rule};
use crate::timing::{timed, Samples};

const ROUNDS: usize = 3;
/// Hits asked of tantivy: what our search returns at most.
const LIMIT: usize = search::MAX_HITS;
/// recall@K.
const K: usize = 5;
/// The tantivy in crates/bench/Cargo.toml, for the note.
const TANTIVY_VERSION: &str = "0.27";

/// Queries a learner would type: topic names, single terms, and pairs.
fn speed_queries() -> Vec<String> {
    let mut queries: Vec<String> = TOPIC_WORDS.iter().map(|(topic, _)| topic.to_string()).collect();
    for (_, terms) in TOPIC_WORDS {
        queries.extend(terms.iter().map(|t| t.to_string()));
    }
    for (i, (_, terms)) in TOPIC_WORDS.iter().enumerate() {
        let (_, next) = TOPIC_WORDS[(i + 1) % TOPIC_WORDS.len()];
        queries.push(format!("{} {}", terms[0], next[1]));
    }
    queries
}

/// Runs P4: search speed over P1's modules beside tantivy, and recall@5 on the shipped course's labelled queries.
pub fn measure(settings: &Settings, imported: &Imported) -> anyhow::Result<Budget> {
    let speed = speed(settings, imported)?;
    let quality = quality(settings)?;
    let mut budget = Budget::new(
        "P4",
        &format!("Chinese search over {} modules; recall@{K} on the shipped course", imported.pack.module_ids.len()),
    )
    .check(Check::new(
        "search p95 ÷ tantivy p95",
        Some(ratio(speed.ours.percentile(95.0), speed.tantivy.percentile(95.0))),
        Rule::AtMost,
        1.0,
        "×",
    ))
    .check(Check::new(
        &format!("recall@{K} − tantivy's"),
        Some(quality.ours.overall() - quality.tantivy.overall()),
        Rule::AtLeast,
        0.0,
        "",
    ))
    .figure("queries", speed.queries as f64)
    .figure("search_median_ms", speed.ours.median() * 1e3)
    .figure("search_p95_ms", speed.ours.percentile(95.0) * 1e3)
    .figure("tantivy_median_ms", speed.tantivy.median() * 1e3)
    .figure("tantivy_p95_ms", speed.tantivy.percentile(95.0) * 1e3)
    .figure("tantivy_index_build_s", speed.tantivy_build_s)
    .figure("like_scan_median_ms", speed.like.median() * 1e3)
    .figure("like_scan_over_search", ratio(speed.like.median(), speed.ours.median()))
    .figure("labelled_queries", quality.queries as f64)
    .figure(&format!("recall_at_{K}"), quality.ours.overall())
    .figure(&format!("tantivy_recall_at_{K}"), quality.tantivy.overall())
    .figure("hits_per_query", speed.ours_hits as f64 / speed.ours.len() as f64)
    .figure("tantivy_hits_per_query", speed.tantivy_hits as f64 / speed.tantivy.len() as f64);
    for (kind, recall) in quality.ours.by_kind() {
        budget = budget.figure(&format!("recall_at_{K}_{kind}"), recall);
    }
    for (kind, recall) in quality.tantivy.by_kind() {
        budget = budget.figure(&format!("tantivy_recall_at_{K}_{kind}"), recall);
    }
    Ok(budget.note(format!(
        "speed: {} queries (topic names, terms, two-word pairs) × {ROUNDS} through search::search as a learner vs \
         tantivy {TANTIVY_VERSION} + tantivy-jieba (same documents, same rule: every word, else any; BM25 with the same \
         field weights; top {LIMIT} with a snippet each) over the same {} documents; quality: {} labelled queries on courses/community-ops as an instructor, first {K} module hits, \
         mean recall per query (crates/bench/data/README.md)",
        speed.queries,
        speed.sections,
        quality.queries
    )))
}

struct Speed {
    queries: usize,
    /// Documents indexed (sections and questions).
    sections: usize,
    ours_hits: usize,
    tantivy_hits: usize,
    ours: Samples,
    tantivy: Samples,
    like: Samples,
    tantivy_build_s: f64,
}

fn speed(settings: &Settings, imported: &Imported) -> anyhow::Result<Speed> {
    let mut store = Store::open(&imported.database)?;
    let learner = profiles::active_profile(&mut store, now())?;
    let queries = speed_queries();
    // The first search loads jieba's dictionary and checks the index version.
    search::search(&mut store, &learner.id, &queries[0])?;

    // Questions too, as our index holds them; a learner finds only sections.
    let docs = section_docs(&store)?;
    let (tantivy, build) = timed(|| TantivySearch::build(&docs, &fresh_dir(&settings.work.join("tantivy-speed"))?));
    let mut tantivy = tantivy?;
    tantivy.search(&queries[0], Scope::Sections, LIMIT)?;

    let (mut ours, mut theirs) = (Samples::default(), Samples::default());
    let (mut ours_hits, mut tantivy_hits) = (0, 0);
    for _ in 0..ROUNDS {
        for query in &queries {
            let (found, elapsed) = timed(|| search::search(&mut store, &learner.id, query));
            ours_hits += black_box(found?).hits.len();
            ours.push(elapsed);
            let (found, elapsed) = timed(|| tantivy.search(query, Scope::Sections, LIMIT));
            tantivy_hits += black_box(found?).len();
            theirs.push(elapsed);
        }
    }

    let mut like = Samples::default();
    for query in &queries {
        let words: Vec<&str> = query.split_whitespace().collect();
        let condition = vec!["markdown LIKE ?"; words.len()].join(" AND ");
        let sql = format!("SELECT course_id, id FROM modules WHERE archived = 0 AND {condition}");
        let patterns: Vec<String> = words.iter().map(|w| format!("%{w}%")).collect();
        let (found, elapsed) = timed(|| -> rusqlite::Result<usize> {
            let mut statement = store.conn().prepare_cached(&sql)?;
            let rows =
                statement.query_map(rusqlite::params_from_iter(patterns.iter()), |row| row.get::<_, String>(1))?;
            Ok(black_box(rows.collect::<Result<Vec<_>, _>>()?).len())
        });
        found?;
        like.push(elapsed);
    }
    Ok(Speed {
        queries: queries.len(),
        sections: docs.len(),
        ours_hits,
        tantivy_hits,
        ours,
        tantivy: theirs,
        like,
        tantivy_build_s: build.as_secs_f64(),
    })
}

/// The module sections and questions our index holds, as tantivy gets
/// them (notes are a learner's own; the bench writes none).
fn section_docs(store: &Store) -> anyhow::Result<Vec<SectionDoc>> {
    let mut statement = store.conn().prepare(
        "SELECT coalesce(module_id, ''), title, heading, body, kind FROM search_docs
          WHERE kind IN ('module', 'question') ORDER BY id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(SectionDoc {
            module_id: row.get(0)?,
            title: row.get(1)?,
            heading: row.get(2)?,
            body: row.get(3)?,
            is_section: row.get::<_, String>(4)? == "module",
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

// ------------------------------------------------------------- quality

#[derive(Debug, Deserialize)]
struct LabelledSet {
    query: Vec<Labelled>,
}

#[derive(Debug, Deserialize)]
struct Labelled {
    q: String,
    kind: String,
    relevant: Vec<String>,
}

/// Per-query recall, grouped by the query's kind.
#[derive(Debug, Default)]
struct Recall {
    by_kind: BTreeMap<String, Vec<f64>>,
}

impl Recall {
    fn overall(&self) -> f64 {
        let all: Vec<f64> = self.by_kind.values().flatten().copied().collect();
        all.iter().sum::<f64>() / all.len().max(1) as f64
    }

    fn by_kind(&self) -> Vec<(String, f64)> {
        self.by_kind.iter().map(|(kind, r)| (kind.clone(), r.iter().sum::<f64>() / r.len().max(1) as f64)).collect()
    }
}

struct Quality {
    queries: usize,
    ours: Recall,
    tantivy: Recall,
}

fn quality(settings: &Settings) -> anyhow::Result<Quality> {
    let set_path = settings.repo.join("crates/bench/data/search-queries.toml");
    let set: LabelledSet = toml::from_str(&std::fs::read_to_string(&set_path)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", set_path.display()))?;

    let (mut store, _) = shipped_course_store(settings, &settings.work.join("search-quality"))?;
    let instructor = add_instructor(&mut store)?;
    check_labels(&store, &set, &set_path)?;
    let docs = section_docs(&store)?;
    let mut tantivy = TantivySearch::build(&docs, &fresh_dir(&settings.work.join("tantivy-quality"))?)?;

    let (mut ours, mut theirs) = (Recall::default(), Recall::default());
    for labelled in &set.query {
        let found = search::search(&mut store, &instructor, &labelled.q)?;
        let ours_top: Vec<(String, String)> = found
            .hits
            .iter()
            .filter(|hit| hit.kind == qunxue_store::search::DocKind::Module)
            .filter_map(|hit| {
                let heading: String = hit.heading.iter().map(|s| s.text.as_str()).collect();
                Some((hit.module_id.clone()?, heading))
            })
            .take(K)
            .collect();
        let theirs_top: Vec<(String, String)> = tantivy
            .search(&labelled.q, Scope::Everything, LIMIT)?
            .into_iter()
            .filter(|hit| hit.is_section)
            .map(|hit| (hit.module_id, hit.heading))
            .take(K)
            .collect();
        ours.by_kind.entry(labelled.kind.clone()).or_default().push(recall(&labelled.relevant, &ours_top));
        theirs.by_kind.entry(labelled.kind.clone()).or_default().push(recall(&labelled.relevant, &theirs_top));
    }
    Ok(Quality { queries: set.query.len(), ours, tantivy: theirs })
}

/// Every labelled `module#heading` names a section the index holds: a label
/// that matches nothing would score 0 for both engines without a word.
fn check_labels(store: &Store, set: &LabelledSet, path: &Path) -> anyhow::Result<()> {
    let mut statement =
        store.conn().prepare("SELECT count(*) FROM search_docs WHERE kind = 'module' AND module_id = ?1 AND (?2 IS NULL OR trim(heading) = ?2)")?;
    for labelled in &set.query {
        for entry in &labelled.relevant {
            let (module, heading) = match entry.split_once('#') {
                Some((module, heading)) => (module, Some(heading.trim())),
                None => (entry.as_str(), None),
            };
            let sections: i64 = statement.query_row(rusqlite::params![module, heading], |row| row.get(0))?;
            anyhow::ensure!(
                sections > 0,
                "{}: query {:?}: no section {entry:?} in the shipped course",
                path.display(),
                labelled.q
            );
        }
    }
    Ok(())
}

/// Found relevant entries ÷ relevant entries: `module#heading` is found by a
/// hit in that module under that heading, a bare `module` by any hit in it.
fn recall(relevant: &[String], top: &[(String, String)]) -> f64 {
    let found = relevant
        .iter()
        .filter(|entry| {
            let (module, heading) = match entry.split_once('#') {
                Some((module, heading)) => (module, Some(heading.trim())),
                None => (entry.as_str(), None),
            };
            top.iter().any(|(m, h)| m == module && heading.is_none_or(|wanted| h.trim() == wanted))
        })
        .count();
    found as f64 / relevant.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_counts_sections_and_whole_modules() {
        let top = vec![("m01".to_string(), "1. 定义".to_string()), ("m02".to_string(), "小结".to_string())];
        let relevant = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(recall(&relevant(&["m01#1. 定义"]), &top), 1.0);
        assert_eq!(recall(&relevant(&["m01#2. 类型", "m02"]), &top), 0.5);
        assert_eq!(recall(&relevant(&["m03"]), &top), 0.0);
    }

    #[test]
    fn the_labelled_set_parses_and_a_third_is_not_literal() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/search-queries.toml");
        let set: LabelledSet = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(set.query.len() >= 40);
        let non_literal = set.query.iter().filter(|q| q.kind != "literal").count();
        assert!(non_literal * 3 >= set.query.len(), "{non_literal} of {}", set.query.len());
    }
}
