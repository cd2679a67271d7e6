use super::*;
use crate::courses::tests::{install, sample_module};
use crate::profiles::{self, Profile};
use crate::Store;

fn doc(kind: DocKind, module: &str, title: &str, body: &str) -> Doc {
    Doc {
        kind,
        course_id: "c1".into(),
        module_id: Some(module.into()),
        anchor: Some(format!("qx-{module}")),
        ref_id: None,
        profile_id: None,
        instructor_only: false,
        title: title.into(),
        heading: String::new(),
        body: body.into(),
    }
}

/// The words are given pre-split here, as the app's segmenter would.
fn words(title: &str, body: &str) -> DocWords {
    DocWords { title: title.into(), heading: String::new(), body: body.into() }
}

fn setup() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    install(&mut store, &[sample_module("a", 1, "theory"), sample_module("b", 2, "case")]);
    store.transact(|tx| profiles::insert(tx, &Profile::learner("p1", "甲", "t0"))).unwrap();
    store
}

/// The two-module course with one section indexed: "开场" / "社群 定位".
fn with_one_module() -> Store {
    let mut store = setup();
    store
        .transact(|tx| insert(tx, &doc(DocKind::Module, "a", "开场", "社群 定位"), &words("开场", "社群 定位")))
        .unwrap();
    store
}

fn everyone(profile_id: &str) -> Visibility<'_> {
    Visibility { profile_id, teaches: true }
}

fn modules_of(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.module_id.clone().unwrap_or_default()).collect()
}

#[test]
fn a_title_hit_outranks_a_body_hit() {
    let mut store = setup();
    store
        .transact(|tx| {
            insert(
                tx,
                &doc(DocKind::Module, "a", "开场", "这里 讲 社群 的 裂变"),
                &words("开场", "这里 讲 社群 的 裂变"),
            )?;
            insert(tx, &doc(DocKind::Module, "b", "社群 裂变", "活动 设计"), &words("社群 裂变", "活动 设计"))
        })
        .unwrap();
    let hits = query(store.conn(), "\"裂变\"", everyone("p1"), 10).unwrap();
    assert_eq!(modules_of(&hits), ["b", "a"]);
    assert!(hits[0].rank < hits[1].rank);
    assert_eq!(hits[0].course_title, "社群运营实战");
}

#[test]
fn notes_are_private_and_questions_need_permission() {
    let mut store = setup();
    store.transact(|tx| profiles::insert(tx, &Profile::learner("p2", "乙", "t0"))).unwrap();
    let note = Doc {
        profile_id: Some("p1".into()),
        ref_id: Some("n1".into()),
        ..doc(DocKind::Note, "a", "笔记", "复盘 要点")
    };
    let question =
        Doc { ref_id: Some("q1".into()), module_id: None, ..doc(DocKind::Question, "", "题目", "复盘 的 目的") };
    store
        .transact(|tx| {
            insert(tx, &note, &words("笔记", "复盘 要点"))?;
            insert(tx, &question, &words("题目", "复盘 的 目的"))
        })
        .unwrap();
    let kinds = |who| query(store.conn(), "\"复盘\"", who, 10).unwrap().into_iter().map(|h| h.kind).collect::<Vec<_>>();
    assert_eq!(kinds(Visibility { profile_id: "p1", teaches: false }), [DocKind::Note]);
    assert_eq!(kinds(Visibility { profile_id: "p2", teaches: false }), []);
    assert_eq!(kinds(Visibility { profile_id: "p2", teaches: true }), [DocKind::Question]);
}

#[test]
fn a_note_is_found_by_its_author_only_even_when_ids_share_a_prefix() {
    let mut store = setup();
    for (id, name) in [("p1-x", "丙"), ("p1", "丁")] {
        if id != "p1" {
            store.transact(|tx| profiles::insert(tx, &Profile::learner(id, name, "t0"))).unwrap();
        }
    }
    let note = Doc {
        profile_id: Some("p1-x".into()),
        ref_id: Some("n1".into()),
        ..doc(DocKind::Note, "a", "笔记", "复盘 要点")
    };
    store.transact(|tx| insert(tx, &note, &words("笔记", "复盘 要点"))).unwrap();
    let found_by =
        |profile_id| query(store.conn(), "\"复盘\"", Visibility { profile_id, teaches: true }, 10).unwrap().len();
    assert_eq!(found_by("p1-x"), 1);
    assert_eq!(found_by("p1"), 0, "a hyphen or a shared prefix must not reveal another's note");
}

#[test]
fn words_of_the_scope_column_are_not_searchable() {
    let store = with_one_module();
    for word in ["module", "question", "note7031"] {
        let hits = query(store.conn(), &format!("\"{word}\""), everyone("p1"), 10).unwrap();
        assert!(hits.is_empty(), "searching {word:?} matched the scope column");
    }
    assert_eq!(query(store.conn(), "\"定位\"", everyone("p1"), 10).unwrap().len(), 1);
}

#[test]
fn deleting_a_course_empties_its_documents_from_both_tables() {
    let mut store = setup();
    store
        .transact(|tx| insert(tx, &doc(DocKind::Module, "a", "标题", "社群 运营"), &words("标题", "社群 运营")))
        .unwrap();
    assert_eq!(count(store.conn(), DocKind::Module).unwrap(), 1);
    store.transact(|tx| crate::courses::delete_course(tx, "c1")).unwrap();
    assert_eq!(count(store.conn(), DocKind::Module).unwrap(), 0);
    let fts: i64 = store.conn().query_row("SELECT count(*) FROM search_fts", [], |r| r.get(0)).unwrap();
    assert_eq!(fts, 0, "the trigger must remove the FTS row too");
}

#[test]
fn reindexing_a_course_keeps_notes() {
    let mut store = setup();
    let note =
        Doc { profile_id: Some("p1".into()), ref_id: Some("n1".into()), ..doc(DocKind::Note, "a", "笔记", "要点") };
    store
        .transact(|tx| {
            insert(tx, &doc(DocKind::Module, "a", "标题", "要点"), &words("标题", "要点"))?;
            insert(tx, &note, &words("笔记", "要点"))?;
            delete_course_content(tx, "c1")
        })
        .unwrap();
    assert_eq!(count(store.conn(), DocKind::Module).unwrap(), 0);
    assert_eq!(count(store.conn(), DocKind::Note).unwrap(), 1);
    store.transact(|tx| delete_note(tx, "n1")).unwrap();
    assert_eq!(count(store.conn(), DocKind::Note).unwrap(), 0);
}

#[test]
fn ascii_words_match_whatever_their_case() {
    let mut store = setup();
    store.transact(|tx| insert(tx, &doc(DocKind::Module, "a", "KOC", "培养 KOC"), &words("KOC", "培养 KOC"))).unwrap();
    assert_eq!(query(store.conn(), "\"koc\"", everyone("p1"), 10).unwrap().len(), 1);
}

#[test]
fn the_search_statement_is_prepared_once_not_at_every_run() {
    let store = with_one_module();
    for term in ["\"社群\"", "\"定位\"", "\"开场\""] {
        query(store.conn(), term, everyone("p1"), 10).unwrap();
    }
    let cached = store.conn().prepare_cached(&include_str!("query.sql").replace("{limit}", "10")).unwrap();
    assert_eq!(cached.get_status(rusqlite::StatementStatus::RePrepare), 0);
}

#[test]
fn instructor_only_sections_are_found_by_those_who_teach() {
    let mut store = setup();
    let guide =
        Doc { instructor_only: true, ..doc(DocKind::Module, "guide", "讲师手册", "复盘 的 参考 答案") };
    store.transact(|tx| insert(tx, &guide, &words("讲师手册", "复盘 的 参考 答案"))).unwrap();
    let found = |teaches| query(store.conn(), "\"答案\"", Visibility { profile_id: "p1", teaches }, 10).unwrap().len();
    assert_eq!(found(false), 0);
    assert_eq!(found(true), 1);
}
