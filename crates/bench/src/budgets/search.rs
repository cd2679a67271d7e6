//! P4: Chinese search over the 1,000 imported modules (jieba segmentation,
//! FTS5 with bm25, snippets: the search screen's service) ÷ a LIKE scan of
//! the module texts for the same words, and the search's p95.

use std::hint::black_box;

use qunxue_app::{profiles, search};
use qunxue_store::Store;

use super::import::Imported;
use super::{now, ratio, Settings};
use crate::gen_pack::TOPIC_WORDS;
use crate::report::{Budget, Check, Rule};
use crate::timing::{timed, Samples};

const ROUNDS: usize = 3;

/// Queries a learner would type: topic names, single terms, and pairs.
fn queries() -> Vec<String> {
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

pub fn measure(_settings: &Settings, imported: &Imported) -> anyhow::Result<Budget> {
    let mut store = Store::open(&imported.database)?;
    let learner = profiles::active_profile(&mut store, now())?;
    let queries = queries();
    // The first search loads jieba's dictionary and checks the index version.
    search::search(&mut store, &learner.id, &queries[0])?;

    let mut searches = Samples::default();
    let mut hits = 0usize;
    for _ in 0..ROUNDS {
        for query in &queries {
            let (found, elapsed) = timed(|| search::search(&mut store, &learner.id, query));
            hits += found?.hits.len();
            searches.push(elapsed);
        }
    }

    let mut scans = Samples::default();
    let mut scanned = 0usize;
    for query in &queries {
        let words: Vec<&str> = query.split_whitespace().collect();
        let condition = vec!["markdown LIKE ?"; words.len()].join(" AND ");
        let sql = format!("SELECT course_id, id FROM modules WHERE archived = 0 AND {condition}");
        let patterns: Vec<String> = words.iter().map(|w| format!("%{w}%")).collect();
        let (found, elapsed) = timed(|| -> rusqlite::Result<usize> {
            let mut statement = store.conn().prepare_cached(&sql)?;
            let rows = statement.query_map(rusqlite::params_from_iter(patterns.iter()), |row| {
                row.get::<_, String>(1)
            })?;
            Ok(black_box(rows.collect::<Result<Vec<_>, _>>()?).len())
        });
        scanned += found?;
        scans.push(elapsed);
    }

    let speedup = ratio(scans.median(), searches.median());
    let p95_ms = searches.percentile(95.0) * 1e3;
    Ok(Budget::new(
        "P4",
        &format!("Chinese search over {} modules", imported.pack.module_ids.len()),
    )
    .check(Check::new(
        "LIKE scan ÷ search",
        Some(speedup),
        Rule::AtLeast,
        50.0,
        "×",
    ))
    .check(Check::new("search p95", Some(p95_ms), Rule::AtMost, 10.0, "ms"))
    .figure("queries", queries.len() as f64)
    .figure("search_median_ms", searches.median() * 1e3)
    .figure("search_p95_ms", p95_ms)
    .figure("like_scan_median_ms", scans.median() * 1e3)
    .figure("hits_per_query", hits as f64 / searches.len() as f64)
    .figure("like_matches_per_query", scanned as f64 / scans.len() as f64)
    .note(format!(
        "{} queries (topic names, terms, two-word pairs) × {ROUNDS} through search::search as a learner, vs one \
             LIKE '%word%' scan per query over every module's Markdown (all matches, as ranking needs them); medians",
        queries.len()
    )))
}
