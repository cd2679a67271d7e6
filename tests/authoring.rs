//! Company content in (issue 27), through the real `qunxue` binary and the
//! real files: a Word document and a PowerPoint deck made by python-docx and
//! python-pptx become packs that validate and that read like pandoc reads
//! the same document; a revised document keeps its ids and a learner's
//! progress; `qunxue new` gives one of everything; the JSON Schemas accept
//! what `validate` accepts and reject what it rejects (checked by Python's
//! `jsonschema`, an independent validator); `qunxue pack` zips a folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use qunxue_app::import::import_pack;
use qunxue_app::profiles;
use qunxue_app::reading::{self, Readers};
use qunxue_store::Store;
use qunxue_tests::cli::qunxue;
use qunxue_tests::packs::repo_root;
use qunxue_tests::snapshot::DataDir;
use serde_json::Value;

/// The venv `cargo xtask setup --test` makes with python-docx, python-pptx
/// and jsonschema (xtask/src/setup.rs, `authoring_venv`).
fn python() -> PathBuf {
    let venv = std::env::var_os("QUNXUE_AUTHORING_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/qunxue/authoring-venv"));
    let python = venv.join("bin/python");
    assert!(python.is_file(), "{} is missing: run `cargo xtask setup --test`", python.display());
    python
}

fn script(name: &str) -> PathBuf {
    repo_root().join("tests/authoring").join(name)
}

fn run_python(args: &[&str]) -> String {
    let output = Command::new(python()).args(args).output().expect("running python");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The test documents, made fresh by python-docx and python-pptx.
fn office_documents() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run_python(&[script("office_fixtures.py").to_str().unwrap(), dir.path().to_str().unwrap()]);
    dir
}

fn text(output: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn convert(source: &Path, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["convert", source.to_str().unwrap(), "--out", out.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let output = qunxue(&args);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{}", text(&output)));
    report
}

fn assert_valid(pack: &Path) {
    let output = qunxue(&["validate", pack.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

/// The modules of the converted course, in course.toml's order.
fn module_files(pack: &Path, report: &Value) -> Vec<PathBuf> {
    report["modules"].as_array().unwrap().iter().map(|m| pack.join(m["path"].as_str().unwrap())).collect()
}

fn outline(args: &[&str]) -> Value {
    let mut full = vec![script("pandoc_outline.py").to_str().unwrap().to_string()];
    full.extend(args.iter().map(|a| a.to_string()));
    let refs: Vec<&str> = full.iter().map(String::as_str).collect();
    serde_json::from_str(&run_python(&refs)).unwrap()
}

#[test]
fn a_word_document_converts_to_a_valid_pack_that_reads_as_pandoc_reads_the_document() {
    let documents = office_documents();
    let out = tempfile::tempdir().unwrap();
    let docx = documents.path().join("training.docx");
    let report = convert(&docx, out.path(), &[]);
    assert_eq!(report["attention"], serde_json::json!([]), "nothing in the test document needs attention");
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_valid(out.path());

    let modules = module_files(out.path(), &report);
    assert_eq!(modules.len(), 3, "three Heading 1 sections, three modules");
    let from_word = outline(&["--docx", docx.to_str().unwrap(), "--split-level", "1"]);
    let mut markdown_args = vec!["--markdown".to_string()];
    markdown_args.extend(modules.iter().map(|m| m.display().to_string()));
    let from_markdown = outline(&markdown_args.iter().map(String::as_str).collect::<Vec<_>>());
    let (word, ours) = (from_word["sections"].as_array().unwrap(), from_markdown["sections"].as_array().unwrap());
    assert_eq!(word.len(), ours.len(), "{from_word}\n{from_markdown}");
    for (expected, actual) in word.iter().zip(ours) {
        let heading = &expected["heading"];
        assert_eq!(actual["heading"], *heading);
        assert_eq!(actual["text"], expected["text"], "the same words under {heading}");
        assert_eq!(actual["tables"], expected["tables"], "the same cells under {heading}");
        assert_eq!(actual["list_depth"], expected["list_depth"], "the same list depth under {heading}");
        assert_eq!(actual["footnotes"], expected["footnotes"], "the same footnotes under {heading}");
        assert_eq!(actual["links"], expected["links"], "the same links under {heading}");
        assert_eq!(actual["images"], expected["images"], "the same pictures, by alt text, under {heading}");
    }
    assert!(word.iter().any(|s| s["list_depth"] == 2), "the document has a nested list: {from_word}");
    assert!(word.iter().any(|s| !s["tables"].as_array().unwrap().is_empty()), "and a table");
}

#[test]
fn a_deck_converts_to_one_module_with_a_section_per_slide_and_notes_for_instructors_only() {
    let documents = office_documents();
    let out = tempfile::tempdir().unwrap();
    let report = convert(&documents.path().join("deck.pptx"), out.path(), &["--kind", "case"]);
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_valid(out.path());
    let modules = module_files(out.path(), &report);
    assert_eq!(modules.len(), 1);
    let module = std::fs::read_to_string(&modules[0]).unwrap();
    assert!(module.contains("kind = \"case\""), "{module}");
    for slide in ["## 社群的三个要素", "## 拉新渠道对比", "## 粉丝增长曲线", "## 复盘清单"] {
        assert!(module.contains(slide), "{slide} in {module}");
    }
    assert!(module.contains("    - 例：三个月内学会剪辑短视频"), "a third bullet level: {module}");
    assert!(module.contains("![近六周新增粉丝柱状图](../assets/img-"), "the picture with its alt text: {module}");
    assert!(module.contains("| 新增粉丝 | 120 | 186 |"), "the table: {module}");

    // Installed, the speaker notes reach instructors and never learners.
    let data = DataDir::new();
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), out.path(), false, at, &mut |_| {}).unwrap();
    let learner = profiles::active_profile(&mut store, at).unwrap().id;
    let course = report["courseId"].as_str().unwrap();
    let module_id = report["modules"][0]["id"].as_str().unwrap();
    let note = "先请学员举出一个自己所在的社群";
    let as_learner = reading::open_module(&mut store, &learner, Readers::Learners, course, module_id, at).unwrap();
    assert!(!as_learner.html.contains(note), "a learner never gets the speaker notes");
    let as_instructor =
        reading::open_module(&mut store, &learner, Readers::Instructors, course, module_id, at).unwrap();
    assert!(as_instructor.html.contains(note), "an instructor does");
}

#[test]
fn a_revised_document_keeps_ids_and_installing_it_keeps_a_learners_progress() {
    let documents = office_documents();
    let out = tempfile::tempdir().unwrap();
    let first = convert(&documents.path().join("training.docx"), out.path(), &[]);
    let data = DataDir::new();
    let at = |minute| Utc.with_ymd_and_hms(2026, 12, 7, 9, minute, 0).unwrap();
    let mut store = Store::open(&data.db()).unwrap();
    import_pack(&mut store, data.path(), out.path(), false, at(0), &mut |_| {}).unwrap();
    let learner = profiles::active_profile(&mut store, at(1)).unwrap().id;
    let course = first["courseId"].as_str().unwrap().to_string();
    let ids = |report: &Value| -> Vec<(String, String)> {
        report["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["title"].as_str().unwrap().into(), m["id"].as_str().unwrap().into()))
            .collect()
    };
    let (first_title, first_id) = ids(&first)[0].clone();
    reading::complete_module(&mut store, &learner, Readers::Learners, &course, &first_id, at(2)).unwrap();

    // The author brands the course in its course.toml…
    let first_module = out.path().join(first["modules"][0]["path"].as_str().unwrap());
    let manifest_path = first_module.parent().unwrap().parent().unwrap().join("course.toml");
    let branded = std::fs::read_to_string(&manifest_path).unwrap()
        + "\n# 公司品牌\n[branding]\norganisation = \"华东运营中心\"\n";
    std::fs::write(&manifest_path, &branded).unwrap();

    // …then the document is revised: one paragraph changed (in 拉新与促活), one section added.
    let second = convert(&documents.path().join("training-v2.docx"), out.path(), &[]);
    assert_eq!(second["editedFiles"], serde_json::json!([]), "an edited course.toml does not stop the conversion");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    assert!(
        manifest.contains("organisation = \"华东运营中心\"") && manifest.contains("# 公司品牌"),
        "the author's branding stays: {manifest}"
    );
    assert_eq!(second["courseId"], first["courseId"], "the course keeps its id");
    assert_eq!(second["version"], "1.0.1", "and gets a higher version, so installing updates it");
    let (before, after) = (ids(&first), ids(&second));
    assert_eq!(after.len(), before.len() + 1);
    for (title, id) in &before {
        assert!(after.contains(&(title.clone(), id.clone())), "{title} kept its id {id}: {after:?}");
    }
    assert_valid(out.path());
    let outcome = import_pack(&mut store, data.path(), out.path(), false, at(3), &mut |_| {}).unwrap();
    assert!(format!("{outcome:?}").contains("1.0.1"), "{outcome:?}");

    let outline = reading::outline(&store, &learner, Readers::Learners, &course).unwrap();
    let modules: Vec<_> = outline.sections.iter().flat_map(|s| &s.modules).collect();
    assert_eq!(modules.len(), after.len());
    let kept = modules.iter().find(|m| m.id == first_id).expect("the completed module is still there");
    assert_eq!(
        (kept.title.as_str(), kept.status.as_str()),
        (first_title.as_str(), "completed"),
        "the learner's progress survived"
    );
}

#[test]
fn a_file_edited_after_converting_is_kept_unless_overwrite_is_asked_for() {
    let documents = office_documents();
    let out = tempfile::tempdir().unwrap();
    let docx = documents.path().join("training.docx");
    let first = convert(&docx, out.path(), &[]);
    let edited = out.path().join(first["modules"][0]["path"].as_str().unwrap());
    let mine = std::fs::read_to_string(&edited).unwrap() + "\n作者补充的一段话。\n";
    std::fs::write(&edited, &mine).unwrap();

    let output = qunxue(&["convert", docx.to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).contains(first["modules"][0]["path"].as_str().unwrap()),
        "the edited file is named: {}",
        text(&output)
    );
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), mine, "and left as the author wrote it");

    let output = qunxue(&["convert", docx.to_str().unwrap(), "--out", out.path().to_str().unwrap(), "--overwrite"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(!std::fs::read_to_string(&edited).unwrap().contains("作者补充"), "replaced when asked");
}

#[test]
fn anything_but_a_word_or_powerpoint_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("notes.docx");
    std::fs::write(&fake, "not a zip").unwrap();
    let output = qunxue(&["convert", fake.to_str().unwrap(), "--out", dir.path().join("out").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("notes.docx: not a Word document"), "{}", text(&output));
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn a_new_pack_validates_and_holds_one_of_everything() {
    for language in ["zh-CN", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("sales-basics");
        let output = qunxue(&["new", pack.to_str().unwrap(), "--title", "销售 \"基础\"", "--lang", language]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        assert_valid(&pack);
        let output = qunxue(&["inspect", pack.to_str().unwrap(), "--json"]);
        let value: Value = serde_json::from_slice(&output.stdout).unwrap();
        let course = &value["courses"][0];
        assert_eq!(
            course["modules"],
            serde_json::json!({"theory": 1, "practice": 1, "case": 1, "instructor": 0}),
            "{language}"
        );
        let types = course["question_types"].as_object().unwrap();
        assert_eq!(types.len(), 8, "{language}: a question of each type: {types:?}");
        assert!(types.values().all(|n| n == 1));
        assert!(course["quizzes"].as_u64().unwrap() >= 1);
        assert_eq!((course["tasks"].as_u64(), course["rubrics"].as_u64()), (Some(1), Some(1)));
        assert_eq!(course["metric_templates"], 2);
        assert_eq!(course["surveys"], 1);
        assert!(course["branding"].is_string(), "{language}: branded");
        let manifest = std::fs::read_to_string(pack.join("courses/sales-basics/course.toml")).unwrap();
        assert!(manifest.starts_with("#:schema ../../schemas/course.schema.json"), "{manifest}");
        assert!(pack.join("schemas/bank.schema.json").is_file() && pack.join(".taplo.toml").is_file());

        let again = qunxue(&["new", pack.to_str().unwrap()]);
        assert_eq!(again.status.code(), Some(2), "a folder with files is refused");
    }
}

/// Every TOML file of a pack with the schema that describes it.
fn toml_files_with_schemas(pack: &Path) -> Vec<String> {
    let mut pairs = Vec::new();
    for file in qunxue_tests::packs::files_under(pack) {
        let schema = match file.split('/').collect::<Vec<_>>().as_slice() {
            ["courses", _, "course.toml"] => "course",
            ["courses", _, "glossary.toml"] => "glossary",
            ["courses", _, "modules", name] if name.ends_with(".md") => "module-front-matter",
            ["quizzes", _, "banks", name] if name.ends_with(".toml") => "bank",
            ["quizzes", _, "quizzes", name] if name.ends_with(".toml") => "quizzes",
            ["quizzes", _, name] if name.ends_with(".toml") => name.trim_end_matches(".toml"),
            _ => continue,
        };
        pairs.push(format!("{}={schema}", pack.join(&file).display()));
    }
    pairs
}

fn check_schemas(pairs: &[String]) -> Vec<Value> {
    let mut args =
        vec![script("check_schemas.py").display().to_string(), repo_root().join("docs/schemas").display().to_string()];
    args.extend(pairs.iter().cloned());
    run_python(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_schemas_accept_the_shipped_course_and_a_new_pack_and_reject_what_validate_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let skeleton = dir.path().join("skeleton");
    assert_eq!(qunxue(&["new", skeleton.to_str().unwrap()]).status.code(), Some(0));
    for pack in [repo_root(), skeleton] {
        let pairs = toml_files_with_schemas(&pack);
        assert!(pairs.len() >= 8, "{pairs:?}");
        for result in check_schemas(&pairs) {
            assert_eq!(result["valid"], true, "{result}");
        }
    }
    let broken = repo_root().join("tests/authoring/broken");
    for (case, file, schema) in [
        ("wrong-type", "quizzes/c/banks/m01.toml", "bank"),
        ("unknown-field", "courses/c/course.toml", "course"),
        ("missing-id", "quizzes/c/banks/m01.toml", "bank"),
    ] {
        let pack = broken.join(case);
        let output = qunxue(&["validate", pack.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "validate rejects {case}");
        let results = check_schemas(&[format!("{}={schema}", pack.join(file).display())]);
        assert_eq!(results[0]["valid"], false, "the schema rejects {case}: {}", results[0]);
    }
    for result in check_schemas(&toml_files_with_schemas(&broken.join("valid"))) {
        assert_eq!(result["valid"], true, "the control is valid: {result}");
    }
}

#[test]
fn docs_schemas_are_generated_from_the_pack_models() {
    let folder = repo_root().join("docs/schemas");
    let bless = std::env::var_os("QUNXUE_BLESS").is_some();
    for (name, json) in qunxue_app::authoring::schema_files::all() {
        let path = folder.join(&name);
        if bless {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &json).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(on_disk == json, "{} is stale: run QUNXUE_BLESS=1 cargo test --test authoring", path.display());
    }
}

#[test]
fn pack_zips_a_valid_folder_that_then_validates_and_refuses_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("course");
    assert_eq!(qunxue(&["new", pack.to_str().unwrap(), "--lang", "en"]).status.code(), Some(0));
    let zip = dir.path().join("course.zip");
    let output = qunxue(&["pack", pack.to_str().unwrap(), "--out", zip.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert_valid(&zip);
    let names: Vec<String> = {
        let archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
        archive.file_names().map(|n| n.unwrap().to_string()).collect()
    };
    assert!(
        names.iter().all(|n| n.starts_with("courses/") || n.starts_with("quizzes/")),
        "only the pack's own folders: {names:?}"
    );

    let broken_zip = dir.path().join("broken.zip");
    let output = qunxue(&[
        "pack",
        repo_root().join("tests/authoring/broken/missing-id").to_str().unwrap(),
        "--out",
        broken_zip.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("quizzes/c/banks/m01.toml:"), "{}", text(&output));
    assert!(!broken_zip.exists(), "nothing written");
}

#[test]
fn preview_without_the_desktop_app_says_how_to_get_it() {
    // A copy of the CLI alone, with no qunxue-desktop beside it or on the PATH.
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("qunxue");
    std::fs::copy(qunxue_tests::cli::qunxue_path(), &alone).unwrap();
    let output = Command::new(&alone)
        .args(["preview", dir.path().to_str().unwrap()])
        .env("PATH", "")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output);
    assert!(said.contains("qunxue-desktop") && said.contains("not installed") && said.contains("--author"), "{said}");
}
