//! Search over real imported packs: a small synthetic one for exact ranking
//! and the shipped curriculum for real Chinese text.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::search::{count, DocKind};
use qunxue_store::Store;

use super::*;
use crate::import::import_pack;
use crate::library;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

/// Writes a one-course pack whose modules are `(id, title, body)`.
fn write_pack(root: &Path, version: &str, modules: &[(&str, &str, &str)]) {
    let course = root.join("courses/demo");
    std::fs::create_dir_all(course.join("modules")).unwrap();
    let list: Vec<String> = modules.iter().map(|(id, _, _)| format!("\"modules/{id}.md\"")).collect();
    std::fs::write(
        course.join("course.toml"),
        format!(
            "format = 1\nid = \"demo\"\nversion = \"{version}\"\ntitle = \"演示课程\"\nlanguage = \"zh-CN\"\nmodules = [{}]\n",
            list.join(", ")
        ),
    )
    .unwrap();
    for (id, title, body) in modules {
        std::fs::write(
            course.join(format!("modules/{id}.md")),
            format!("+++\nid = \"{id}\"\nkind = \"theory\"\ntitle = \"{title}\"\nminutes = 10\nobjectives = [\"读懂本课\"]\n+++\n\n{body}\n"),
        )
        .unwrap();
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    pack: PathBuf,
    store: Store,
}

fn fixture(modules: &[(&str, &str, &str)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (data, pack) = (dir.path().join("data"), dir.path().join("pack"));
    write_pack(&pack, "1.0.0", modules);
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    store.transact(|tx| profiles::insert(tx, &Profile::learner("p1", "甲", "t0"))).unwrap();
    import_pack(&mut store, &data, &pack, false, now(), &mut |_| {}).unwrap();
    Fixture { _dir: dir, data, pack, store }
}

fn module_ids(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.module_id.as_deref().unwrap_or("")).collect()
}

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect()
}

const RANKING: &[(&str, &str, &str)] = &[
    ("m-body", "活动复盘", "# 活动复盘\n\n上次做社群裂变时，海报发得太晚。"),
    ("m-title", "社群裂变活动设计", "# 社群裂变活动设计\n\n本课讲怎样设计一次活动。"),
    ("m-many", "拉新方法", "# 拉新方法\n\n## 裂变的三种玩法\n\n裂变海报、裂变红包、裂变任务：每一种裂变都要先算清成本。\n\n## 其他\n\n老带新。"),
    ("m-none", "危机处理", "# 危机处理\n\n负面舆情出现后先回应，再核实。"),
];

#[test]
fn a_title_hit_ranks_above_a_body_hit() {
    let mut f = fixture(RANKING);
    let results = search(&mut f.store, "p1", "社群").unwrap();
    assert_eq!(module_ids(&results), ["m-title", "m-body"]);
    assert_eq!(marked(&results.hits[0].title), ["社群"]);
}

#[test]
fn more_hits_rank_higher_and_open_at_their_heading() {
    let mut f = fixture(RANKING);
    let results = search(&mut f.store, "p1", "裂变").unwrap();
    // The title hit first, then the section with five mentions, then the body
    // with one.
    assert_eq!(module_ids(&results), ["m-title", "m-many", "m-body"]);
    let many = &results.hits[1];
    assert_eq!(many.anchor.as_deref(), Some("qx-裂变的三种玩法"));
    assert_eq!(marked(&many.heading), ["裂变"]);
    assert_eq!(marked(&many.snippet.segments).len(), 4);
}

#[test]
fn two_character_words_are_found_inside_longer_ones() {
    let mut f = fixture(&[("m1", "私域运营", "# 私域运营\n\n私域流量池要靠内容养起来。")]);
    for query in ["私域", "流量", "私域流量"] {
        assert_eq!(search(&mut f.store, "p1", query).unwrap().hits.len(), 1, "{query}");
    }
}

#[test]
fn mixed_chinese_and_english_queries_need_every_word() {
    let mut f = fixture(&[
        ("m1", "社群SOP", "# 社群SOP\n\n每天的社群 SOP：早安、干货、答疑。"),
        ("m2", "培养KOC", "# 培养KOC\n\n找到愿意分享的 KOC，给他们身份。"),
        ("m3", "朋友圈", "# 朋友圈\n\n每周的内容 SOP。"),
    ]);
    let results = search(&mut f.store, "p1", "SOP 社群").unwrap();
    assert_eq!(module_ids(&results), ["m1"]);
    assert!(!results.partial);
    assert_eq!(results.terms, ["sop", "社群"]);
    assert_eq!(module_ids(&search(&mut f.store, "p1", "koc").unwrap()), ["m2"]);
    // No module has both words: modules with either come back, flagged.
    let either = search(&mut f.store, "p1", "KOC 朋友圈").unwrap();
    assert!(either.partial);
    assert_eq!(either.hits.len(), 2);
}

#[test]
fn no_result_and_punctuation_only_queries_are_empty_not_errors() {
    let mut f = fixture(RANKING);
    let none = search(&mut f.store, "p1", "区块链").unwrap();
    assert!(none.hits.is_empty() && !none.partial);
    for query in ["", "   ", "，。！？", "\"", "* OR AND NEAR(", "---"] {
        let results = search(&mut f.store, "p1", query).unwrap();
        assert!(results.hits.is_empty(), "{query:?}");
    }
    let long = "社群".repeat(MAX_QUERY_CHARS);
    assert_eq!(search(&mut f.store, "p1", &long).unwrap_err().kind(), crate::ErrorKind::InvalidInput);
}

#[test]
fn fts_operators_in_queries_are_searched_as_words() {
    let mut f = fixture(&[("m1", "规则", "# 规则\n\n群规里写明 NOT 允许的行为。")]);
    assert_eq!(search(&mut f.store, "p1", "NOT").unwrap().hits.len(), 1);
}

#[test]
fn updating_a_course_reindexes_it_and_removing_it_empties_the_index() {
    let mut f = fixture(RANKING);
    assert_eq!(search(&mut f.store, "p1", "舆情").unwrap().hits.len(), 1);
    write_pack(&f.pack, "1.1.0", &[("m-none", "危机处理", "# 危机处理\n\n先安抚情绪，再给出补偿方案。")]);
    import_pack(&mut f.store, &f.data, &f.pack, false, now(), &mut |_| {}).unwrap();
    assert!(search(&mut f.store, "p1", "舆情").unwrap().hits.is_empty(), "old text must leave the index");
    assert_eq!(search(&mut f.store, "p1", "补偿").unwrap().hits.len(), 1);
    assert!(search(&mut f.store, "p1", "裂变").unwrap().hits.is_empty(), "archived modules are not searched");
    library::remove_course(&mut f.store, &f.data, "demo").unwrap();
    assert_eq!(count(f.store.conn(), DocKind::Module).unwrap(), 0);
}

#[test]
fn a_database_from_before_the_index_is_indexed_on_first_search() {
    let mut f = fixture(RANKING);
    f.store.conn().execute_batch("DELETE FROM search_docs; DELETE FROM search_index_state;").unwrap();
    assert_eq!(module_ids(&search(&mut f.store, "p1", "社群").unwrap()), ["m-title", "m-body"]);
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_shipped_curriculum_is_searchable_and_questions_are_for_instructors() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            profiles::insert(tx, &Profile::learner("learner", "学员", "t0"))?;
            profiles::insert(tx, &Profile::learner("teacher", "讲师", "t0"))?;
            profiles::set_role(tx, "teacher", Role::Instructor)
        })
        .unwrap();
    library::install_bundled_courses(&mut store, &repo_root(), now()).unwrap();
    for query in ["社群", "裂变", "KOC", "SOP 社群"] {
        let results = search(&mut store, "learner", query).unwrap();
        assert!(!results.hits.is_empty(), "{query} finds nothing in the curriculum");
        assert!(results.hits.iter().all(|h| h.kind == DocKind::Module), "{query}: a learner sees modules only");
        let first = &results.hits[0];
        assert!(
            !marked(&first.title).is_empty()
                || !marked(&first.heading).is_empty()
                || !marked(&first.snippet.segments).is_empty(),
            "{query}: the best hit shows where it matched"
        );
    }
    let teacher = search(&mut store, "teacher", "社群").unwrap();
    assert!(teacher.hits.iter().any(|h| h.kind == DocKind::Question), "an instructor finds questions");
}

#[test]
fn a_new_database_starts_with_a_current_index() {
    let store = Store::open_in_memory().unwrap();
    let stored = qunxue_store::search::index_version(store.conn()).unwrap();
    assert_eq!(stored.as_deref(), Some(super::index::INDEX_VERSION), "migration 0005 and INDEX_VERSION must agree");
}
