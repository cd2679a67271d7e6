use chrono::{TimeZone, Utc};
use qunxue_store::courses::{self, CourseRecord, ModuleRecord};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;

use super::*;
use crate::search::search;
use crate::ErrorKind;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn module(id: &str, position: i64, title: &str) -> ModuleRecord {
    ModuleRecord {
        id: id.into(),
        position,
        kind: "theory".into(),
        title: title.into(),
        minutes: 10,
        objectives: vec![],
        source_path: format!("modules/{id}.md"),
        markdown: format!("# {title}\n\n正文。"),
        html: String::new(),
        audience: "learner".into(),
        instructor_html: None,
    }
}

fn setup() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            courses::upsert_course(
                tx,
                &CourseRecord {
                    id: "c1".into(),
                    version: "1.0.0".into(),
                    title: "社群运营实战".into(),
                    language: "zh-CN".into(),
                    description: String::new(),
                    organisation: None,
                    primary_colour: None,
                    logo_path: None,
                    source_dir: "/nowhere".into(),
                    installed_at: "t0".into(),
                    updated_at: "t0".into(),
                },
            )?;
            courses::replace_modules(tx, "c1", &[module("m1", 1, "社群的定义"), module("m2", 2, "裂变活动")])?;
            profiles::insert(tx, &Profile::learner("p1", "王小丽", "t0"))?;
            profiles::insert(tx, &Profile::learner("p2", "李雷", "t0"))?;
            profiles::set_role(tx, "p2", Role::Instructor)
        })
        .unwrap();
    store
}

fn note(module: &str, body: &str, quote: Option<&str>) -> NewNote {
    NewNote {
        course_id: "c1".into(),
        module_id: module.into(),
        body: body.into(),
        quote: quote.map(Into::into),
        anchor: Some("qx-社群的定义".into()),
    }
}

#[test]
fn notes_are_saved_edited_searched_and_deleted_by_their_author_only() {
    let mut store = setup();
    let n = add_note(&mut store, "p1", &note("m1", "  复盘要写三件事 ", Some("社群是一群人")), now()).unwrap();
    assert_eq!(
        (n.body.as_str(), n.quote.as_deref(), n.module_title.as_str()),
        ("复盘要写三件事", Some("社群是一群人"), "社群的定义")
    );
    assert_eq!(search(&mut store, "p1", "复盘").unwrap().hits.len(), 1);
    assert!(search(&mut store, "p2", "复盘").unwrap().hits.is_empty(), "another profile never finds it");

    assert_eq!(update_note(&mut store, "p2", &n.id, "改", now()).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(delete_note(&mut store, "p2", &n.id).unwrap_err().kind(), ErrorKind::NotFound);
    let edited = update_note(&mut store, "p1", &n.id, "改成了留存", now()).unwrap();
    assert_eq!(edited.body, "改成了留存");
    assert!(search(&mut store, "p1", "复盘").unwrap().hits.is_empty(), "the old text leaves the index");
    assert_eq!(search(&mut store, "p1", "留存").unwrap().hits[0].anchor.as_deref(), Some("qx-社群的定义"));

    delete_note(&mut store, "p1", &n.id).unwrap();
    assert!(module_notes(&store, "p1", "c1", "m1").unwrap().notes.is_empty());
    assert!(search(&mut store, "p1", "留存").unwrap().hits.is_empty());
}

#[test]
fn bad_notes_are_refused() {
    let mut store = setup();
    for bad in [
        note("m1", "  ", None),
        note("nope", "好", None),
        NewNote { anchor: Some("\" onmouseover=x".into()), ..note("m1", "好", None) },
    ] {
        assert!(add_note(&mut store, "p1", &bad, now()).is_err(), "{bad:?}");
    }
    let long = "长".repeat(MAX_NOTE_CHARS + 1);
    assert_eq!(
        add_note(&mut store, "p1", &note("m1", &long, None), now()).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn bookmarks_toggle_and_show_in_the_panel() {
    let mut store = setup();
    assert!(set_bookmark(&mut store, "p1", "c1", "m2", true, now()).unwrap());
    assert!(module_notes(&store, "p1", "c1", "m2").unwrap().bookmarked);
    assert!(!module_notes(&store, "p2", "c1", "m2").unwrap().bookmarked);
    assert_eq!(list_bookmarks(&store, "p1").unwrap()[0].module_title, "裂变活动");
    assert!(!set_bookmark(&mut store, "p1", "c1", "m2", false, now()).unwrap());
    assert!(list_bookmarks(&store, "p1").unwrap().is_empty());
}

#[test]
fn export_groups_notes_by_module_in_reading_order() {
    let mut store = setup();
    add_note(&mut store, "p1", &note("m2", "海报要早发", None), now()).unwrap();
    add_note(&mut store, "p1", &note("m1", "三个要素\n第二行", Some("共同点\n持续互动")), now()).unwrap();
    add_note(&mut store, "p2", &note("m1", "别人的笔记", None), now()).unwrap();
    let md = export_notes_markdown(&store, "p1", "王小丽").unwrap();
    assert_eq!(
        md,
        "# 王小丽 的学习笔记\n\n## 社群运营实战\n\n### 社群的定义\n\n> 共同点\n> 持续互动\n\n三个要素\n第二行\n\n*2026-03-01*\n\n### 裂变活动\n\n海报要早发\n\n*2026-03-01*\n"
    );
    assert_eq!(export_notes_markdown(&store, "p2", "李雷").unwrap().matches("别人的笔记").count(), 1);
}
