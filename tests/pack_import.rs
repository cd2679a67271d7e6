//! Importing packs through the app service on a real SQLite file and data
//! folder: installation, v1 → v2 updates that keep learner progress,
//! version rules, zips, removal, the bundled curriculum, and all-or-nothing
//! failure.

use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use qunxue_app::import::{import_pack, ImportProgress, ImportResult, ImportStage, InstallOutcome};
use qunxue_app::{library, profiles, reading, AppError, ErrorKind};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::{courses, questions, Store};
use qunxue_tests::packs::{files_under, fixture, repo_root, zip_folder};
use qunxue_tests::snapshot::DataDir;
use rstest::rstest;

const COURSE: &str = "acme.demo";

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, minute, 0).unwrap()
}

fn import(data: &DataDir, pack: &Path, force: bool) -> Result<Vec<ImportResult>, AppError> {
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), pack, force, at(0), &mut |_| {})
}

fn outcome(data: &DataDir, pack: &Path, force: bool) -> InstallOutcome {
    let results = import(data, pack, force).unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    results[0].outcome
}

fn module_ids(store: &Store) -> Vec<String> {
    courses::list_modules(store.conn(), COURSE).unwrap().into_iter().map(|m| m.id).collect()
}

#[test]
fn installs_a_pack_with_its_files_content_and_progress_steps() {
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    let mut steps: Vec<ImportProgress> = Vec::new();
    let results = import_pack(&mut store, data.path(), &fixture("good"), false, at(0), &mut |p| steps.push(p)).unwrap();
    assert_eq!(results[0].course_id, COURSE);
    assert_eq!((results[0].version.as_str(), results[0].outcome), ("1.0.0", InstallOutcome::Installed));

    let stages: Vec<ImportStage> = steps.iter().map(|s| s.stage).collect();
    assert_eq!(&stages[..2], [ImportStage::Reading, ImportStage::Validating]);
    assert_eq!(&stages[stages.len() - 2..], [ImportStage::Saving, ImportStage::Done]);
    let copied = steps.iter().rfind(|s| s.stage == ImportStage::Copying).unwrap();
    assert_eq!((copied.done, copied.total), (17, 17));

    let installed = data.packs().join("acme.demo/1.0.0");
    assert_eq!(files_under(&installed), files_under(&fixture("good")));
    let course = courses::get_course(store.conn(), COURSE).unwrap();
    assert_eq!(Path::new(&course.source_dir), installed.join("courses/demo"));

    let intro = courses::get_module(store.conn(), COURSE, "m01-intro").unwrap();
    assert!(intro.html.contains("acme.demo/modules/../assets/growth.png"), "{}", intro.html);
    assert_eq!(questions::list_questions(store.conn(), COURSE).unwrap().len(), 8);
    let counts: Vec<usize> =
        ItemKind::ALL.iter().map(|k| course_items::list_items(store.conn(), COURSE, *k).unwrap().len()).collect();
    assert_eq!(counts, [2, 1, 1, 2, 1]);

    let profile = profiles::active_profile(&mut store, at(1)).unwrap();
    let summary = library::list(&store, &profile.id).unwrap().into_iter().find(|c| c.id == COURSE).unwrap();
    assert_eq!(summary.organisation.as_deref(), Some("Acme 连锁"));
    assert!(summary.logo_url.as_deref().unwrap().ends_with("/acme.demo/assets/logo.png"), "{summary:?}");
    assert_eq!(summary.installed_at, qunxue_store::time::stamp(at(0)));
}

#[test]
fn an_update_keeps_progress_for_remaining_modules_and_archives_the_rest() {
    let data = DataDir::new();
    assert_eq!(outcome(&data, &fixture("good"), false), InstallOutcome::Installed);
    let profile = {
        let mut store = Store::open(&data.db()).unwrap();
        let profile = profiles::active_profile(&mut store, at(1)).unwrap();
        reading::open_module(&mut store, &profile.id, reading::Readers::Learners, COURSE, "m01-intro", at(2)).unwrap();
        reading::complete_module(&mut store, &profile.id, reading::Readers::Learners, COURSE, "m02-plan", at(3))
            .unwrap();
        reading::open_module(&mut store, &profile.id, reading::Readers::Learners, COURSE, "m03-case", at(4)).unwrap();
        profile
    };

    assert_eq!(outcome(&data, &fixture("good-v2"), false), InstallOutcome::Updated);
    let store = Store::open(&data.db()).unwrap();
    assert_eq!(module_ids(&store), ["m01-intro", "m02-plan", "m04-case-cafe"]);
    let outline = reading::outline(&store, &profile.id, reading::Readers::Learners, COURSE).unwrap();
    let status: Vec<(String, String)> =
        outline.sections.iter().flat_map(|s| &s.modules).map(|m| (m.id.clone(), m.status.clone())).collect();
    let expected = [("m01-intro", "in_progress"), ("m02-plan", "completed"), ("m04-case-cafe", "not_started")];
    assert_eq!(status, expected.map(|(id, s)| (id.to_string(), s.to_string())));
    assert_eq!((outline.course.version.as_str(), outline.course.completed_count), ("1.1.0", 1));
    assert_eq!(outline.course.title, "门店社群入门");
    assert_eq!(courses::get_module(store.conn(), COURSE, "m01-intro").unwrap().title, "什么是门店社群（修订）");

    // Removed content is archived with the learner's record of it intact.
    assert_eq!(courses::get_module(store.conn(), COURSE, "m03-case").unwrap().id, "m03-case");
    let kept = qunxue_store::progress::for_course(store.conn(), &profile.id, COURSE).unwrap();
    assert!(kept.iter().any(|p| p.module_id == "m03-case"), "{kept:?}");
    assert!(questions::list_questions(store.conn(), COURSE).unwrap().iter().all(|q| q.id != "q-short"));
    assert_eq!(questions::get_question(store.conn(), COURSE, "q-short").unwrap().kind, "short_answer");

    assert!(!data.packs().join("acme.demo/1.0.0").exists(), "the replaced version's files are removed");
    assert!(data.packs().join("acme.demo/1.1.0/courses/demo/modules/04-case-cafe.md").is_file());
}

#[test]
fn the_same_version_again_changes_nothing() {
    let data = DataDir::new();
    outcome(&data, &fixture("good"), false);
    let before = data.snapshot();
    assert_eq!(outcome(&data, &fixture("good"), false), InstallOutcome::Unchanged);
    assert_eq!(data.snapshot(), before);
}

#[test]
fn an_older_version_is_refused_unless_forced() {
    let data = DataDir::new();
    outcome(&data, &fixture("good-v2"), false);
    let before = data.snapshot();
    let err = import(&data, &fixture("good"), false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("1.1.0 is installed"), "{err}");
    assert_eq!(data.snapshot(), before);

    assert_eq!(outcome(&data, &fixture("good"), true), InstallOutcome::Downgraded);
    let store = Store::open(&data.db()).unwrap();
    assert_eq!(module_ids(&store), ["m01-intro", "m02-plan", "m03-case"]);
    assert_eq!(courses::get_course(store.conn(), COURSE).unwrap().version, "1.0.0");
    assert_eq!(files_under(&data.packs()).iter().filter(|f| f.ends_with("course.toml")).count(), 1);
}

#[rstest]
#[case::pack_at_the_top("")]
#[case::wrapped_in_a_folder("good/")]
fn a_zip_installs_like_the_folder(#[case] prefix: &str) {
    let data = DataDir::new();
    let zip = data.path().join("good.zip");
    zip_folder(&fixture("good"), &zip, prefix);
    assert_eq!(outcome(&data, &zip, false), InstallOutcome::Installed);
    let installed = data.packs().join("acme.demo/1.0.0");
    assert_eq!(files_under(&installed), files_under(&fixture("good")));
    let png = "courses/demo/assets/growth.png";
    assert_eq!(std::fs::read(installed.join(png)).unwrap(), std::fs::read(fixture("good").join(png)).unwrap());
}

#[rstest]
#[case::bad_toml("bad-toml")]
#[case::unknown_key("unknown-key")]
#[case::bad_kind("bad-kind")]
#[case::bad_version("bad-version")]
#[case::duplicate_ids("duplicate-ids")]
#[case::dangling_refs("dangling-refs")]
#[case::missing_file("missing-file")]
#[case::bad_question("bad-question")]
#[case::script_injection("script-injection")]
fn a_failed_import_leaves_database_and_files_unchanged(#[case] pack: &str) {
    let data = DataDir::new();
    outcome(&data, &fixture("good"), false);
    let before = data.snapshot();
    let err = import(&data, &fixture(pack), false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.diagnostics().iter().any(|d| d.is_error() && d.line >= 1 && !d.file.is_empty()));
    assert_eq!(data.snapshot(), before);
}

#[test]
fn removing_an_imported_course_deletes_its_rows_and_files() {
    let data = DataDir::new();
    outcome(&data, &fixture("good"), false);
    let mut store = Store::open(&data.db()).unwrap();
    let profile = profiles::active_profile(&mut store, at(1)).unwrap();
    reading::complete_module(&mut store, &profile.id, reading::Readers::Learners, COURSE, "m01-intro", at(2)).unwrap();

    library::remove_course(&mut store, data.path(), COURSE).unwrap();
    assert!(library::list(&store, &profile.id).unwrap().is_empty());
    assert!(questions::list_questions(store.conn(), COURSE).unwrap().is_empty());
    assert!(!data.packs().join(COURSE).exists());
    let err = library::remove_course(&mut store, data.path(), COURSE).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn the_bundled_curriculum_is_used_in_place_and_removed_from_the_database_only() {
    let data = DataDir::new();
    let mut store = Store::open(&data.db()).unwrap();
    let results = library::install_bundled_courses(&mut store, &repo_root(), at(0)).unwrap();
    assert!(results.iter().all(|r| r.outcome == InstallOutcome::Installed), "{results:#?}");
    let course = courses::get_course(store.conn(), "qunxue.community-ops").unwrap();
    assert_eq!(Path::new(&course.source_dir), repo_root().join("courses/community-ops"));
    assert!(!data.packs().exists(), "bundled courses are not copied");

    let again = library::install_bundled_courses(&mut store, &repo_root(), at(5)).unwrap();
    assert!(again.iter().all(|r| r.outcome == InstallOutcome::Unchanged));

    library::remove_course(&mut store, data.path(), "qunxue.community-ops").unwrap();
    assert!(courses::list_courses(store.conn()).unwrap().is_empty());
    assert!(repo_root().join("courses/community-ops/course.toml").is_file());
}
