use super::*;
use crate::Store;

pub(crate) fn sample_course() -> CourseRecord {
    CourseRecord {
        id: "c1".into(),
        version: "1.0.0".into(),
        title: "社群运营实战".into(),
        language: "zh-CN".into(),
        description: "简介".into(),
        organisation: Some("群学".into()),
        primary_colour: None,
        logo_path: None,
        source_dir: "/tmp/c1".into(),
        installed_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
    }
}

pub(crate) fn sample_module(id: &str, position: i64, kind: &str) -> ModuleRecord {
    ModuleRecord {
        id: id.into(),
        position,
        kind: kind.into(),
        title: format!("模块 {id}"),
        minutes: 30,
        objectives: vec!["目标一".into()],
        source_path: format!("modules/{id}.md"),
        markdown: "# 标题".into(),
        html: "<h1>标题</h1>".into(),
        audience: "learner".into(),
        instructor_html: None,
    }
}

pub(crate) fn install(store: &mut Store, modules: &[ModuleRecord]) {
    store
        .transact(|tx| {
            upsert_course(tx, &sample_course())?;
            replace_modules(tx, "c1", modules)
        })
        .unwrap();
}

#[test]
fn stores_and_lists_courses_and_modules_in_order() {
    let mut store = Store::open_in_memory().unwrap();
    install(&mut store, &[sample_module("b", 2, "case"), sample_module("a", 1, "theory")]);
    assert_eq!(list_courses(store.conn()).unwrap(), vec![sample_course()]);
    let ids: Vec<_> = list_modules(store.conn(), "c1").unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["a", "b"]);
    let m = get_module(store.conn(), "c1", "a").unwrap();
    assert_eq!(m.objectives, ["目标一"]);
    assert_eq!(m.html, "<h1>标题</h1>");
}

#[test]
fn replacing_modules_archives_the_missing_ones() {
    let mut store = Store::open_in_memory().unwrap();
    install(&mut store, &[sample_module("a", 1, "theory"), sample_module("b", 2, "case")]);
    install(&mut store, &[sample_module("b", 1, "case")]);
    let ids: Vec<_> = list_modules(store.conn(), "c1").unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["b"]);
    // The archived module is still there for the records that point at it.
    assert_eq!(get_module(store.conn(), "c1", "a").unwrap().id, "a");
}

#[test]
fn missing_rows_are_typed_not_found() {
    let store = Store::open_in_memory().unwrap();
    let err = get_course(store.conn(), "nope").unwrap_err();
    assert_eq!(err.to_string(), "course nope not found");
    assert!(matches!(get_module(store.conn(), "c1", "x"), Err(crate::StoreError::NotFound { .. })));
}

#[test]
fn updating_keeps_the_install_time_and_deleting_cascades() {
    let mut store = Store::open_in_memory().unwrap();
    install(&mut store, &[sample_module("a", 1, "theory")]);
    let newer =
        CourseRecord { version: "1.1.0".into(), installed_at: "t9".into(), updated_at: "t9".into(), ..sample_course() };
    store.transact(|tx| upsert_course(tx, &newer)).unwrap();
    let stored = get_course(store.conn(), "c1").unwrap();
    assert_eq!((stored.installed_at.as_str(), stored.updated_at.as_str()), ("2026-01-01T00:00:00Z", "t9"));

    assert!(store.transact(|tx| delete_course(tx, "c1")).unwrap());
    assert!(!store.transact(|tx| delete_course(tx, "c1")).unwrap());
    assert!(matches!(get_module(store.conn(), "c1", "a"), Err(crate::StoreError::NotFound { .. })));
}

#[test]
fn learners_listings_leave_out_instructor_only_modules() {
    let mut store = Store::open_in_memory().unwrap();
    let guide = ModuleRecord { audience: INSTRUCTOR_AUDIENCE.into(), ..sample_module("guide", 2, "theory") };
    install(&mut store, &[sample_module("a", 1, "theory"), guide, sample_module("b", 3, "case")]);
    let ids = |readers| -> Vec<String> {
        list_modules_for(store.conn(), "c1", readers).unwrap().into_iter().map(|m| m.id).collect()
    };
    assert_eq!(ids(Readers::Learners), ["a", "b"]);
    assert_eq!(ids(Readers::Instructors), ["a", "guide", "b"]);
    assert_eq!(list_modules(store.conn(), "c1").unwrap().len(), 2);
    assert!(get_module(store.conn(), "c1", "guide").unwrap().is_instructor_only());
}

#[test]
fn a_glossary_is_replaced_whole_and_kept_in_file_order() {
    let mut store = Store::open_in_memory().unwrap();
    install(&mut store, &[sample_module("a", 1, "theory")]);
    let term = |id: &str| (id.to_string(), format!("{{\"id\":\"{id}\"}}"));
    store.transact(|tx| replace_glossary(tx, "c1", &[term("z"), term("a")])).unwrap();
    assert_eq!(glossary(store.conn(), "c1").unwrap(), [term("z").1, term("a").1]);
    store.transact(|tx| replace_glossary(tx, "c1", &[term("b")])).unwrap();
    assert_eq!(glossary(store.conn(), "c1").unwrap(), [term("b").1]);
}

#[test]
fn neighbours_follow_the_listing_each_reader_gets() {
    let mut store = Store::open_in_memory().unwrap();
    let guide = ModuleRecord { audience: INSTRUCTOR_AUDIENCE.into(), ..sample_module("guide", 2, "theory") };
    install(
        &mut store,
        &[sample_module("a", 1, "theory"), guide, sample_module("b", 3, "case"), sample_module("c", 4, "case")],
    );
    let conn = store.conn();
    // Every module against the listing itself, for both readers.
    for readers in [Readers::Learners, Readers::Instructors] {
        let order: Vec<String> = list_modules_for(conn, "c1", readers).unwrap().into_iter().map(|m| m.id).collect();
        for (i, id) in order.iter().enumerate() {
            let module = get_module(conn, "c1", id).unwrap();
            let expected = (i.checked_sub(1).map(|p| order[p].clone()), order.get(i + 1).cloned());
            assert_eq!(neighbours(conn, "c1", &module, readers).unwrap(), expected, "{id} as {readers:?}");
        }
    }
    // A module outside the learners' listing has no neighbours for them.
    let guide = get_module(conn, "c1", "guide").unwrap();
    assert_eq!(neighbours(conn, "c1", &guide, Readers::Learners).unwrap(), (None, None));
    // Nor has an archived one.
    install(&mut store, &[sample_module("b", 1, "case"), sample_module("c", 2, "case")]);
    let archived = get_module(store.conn(), "c1", "a").unwrap();
    assert_eq!(neighbours(store.conn(), "c1", &archived, Readers::Instructors).unwrap(), (None, None));
}

#[test]
fn a_module_page_leaves_out_the_source_and_the_instructors_html_for_learners() {
    let mut store = Store::open_in_memory().unwrap();
    let with_notes =
        ModuleRecord { instructor_html: Some("<p>讲师提示</p>".into()), ..sample_module("a", 1, "theory") };
    install(&mut store, &[with_notes]);
    let full = get_module(store.conn(), "c1", "a").unwrap();
    let learners = get_module_page(store.conn(), "c1", "a", Readers::Learners).unwrap();
    let instructors = get_module_page(store.conn(), "c1", "a", Readers::Instructors).unwrap();
    assert_eq!((learners.markdown.as_str(), learners.instructor_html.as_deref()), ("", None));
    assert_eq!(instructors.instructor_html.as_deref(), Some("<p>讲师提示</p>"));
    assert_eq!(
        ModuleRecord { markdown: full.markdown.clone(), instructor_html: None, ..learners },
        ModuleRecord { instructor_html: None, ..full }
    );
}
