//! `qunxue quiz convert` through the real binary, on the quiz fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use qunxue_app::domain::quiz::{bank_for_file, bank_toml, parse_aiken, parse_gift, ImportMode, Imported};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/quiz").join(name)
}

fn qunxue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qunxue")).args(args).output().expect("the qunxue binary runs")
}

fn convert(name: &str, from: &str, extra: &[&str]) -> Output {
    let path = fixture(name);
    let mut args = vec!["quiz", "convert", path.to_str().unwrap(), "--from", from];
    args.extend_from_slice(extra);
    qunxue(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// What the core library makes of a fixture: `bank_toml` of its questions.
/// (`qunxue_core::quiz`'s own tests load exactly these banks through the pack
/// validator, so matching them means the CLI output validates.)
fn expected_bank(name: &str, parse: fn(&str, &str, ImportMode) -> Imported) -> String {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let imported = parse(name, &text, ImportMode::AllOrNothing);
    format!(
        "# Converted from {name} by `qunxue quiz convert`.\n{}",
        bank_toml(&bank_for_file(name, imported.questions))
    )
}

#[test]
fn gift_converts_to_the_bank_core_makes() {
    let out = convert("gift-all-features.gift", "gift", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bank = text(&out.stdout);
    assert!(bank.starts_with("# Converted from gift-all-features.gift"), "{bank}");
    assert!(bank.contains("id = \"gift-all-features\"\ntitle = \"gift-all-features\""), "{bank}");
    assert_eq!(bank.matches("[[question]]").count(), 20);
    assert!(bank.contains("id = \"gift-001\"") && bank.contains("id = \"gift-020\""));
    assert_eq!(bank, expected_bank("gift-all-features.gift", parse_gift));
    // Lost partial credit is reported, but does not fail the conversion.
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.lines().all(|l| l.contains("gift-all-features.gift:") && l.contains(": warning: ")), "{stderr}");
}

#[test]
fn aiken_converts_to_the_bank_core_makes() {
    let out = convert("aiken-sample.txt", "aiken", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bank = text(&out.stdout);
    assert!(bank.contains("id = \"aiken-sample\""), "{bank}");
    assert_eq!(bank.matches("[[question]]").count(), 4);
    assert_eq!(bank, expected_bank("aiken-sample.txt", parse_aiken));
    assert!(out.stderr.is_empty());
}

#[test]
fn json_gives_each_type_its_answer_shape() {
    let out = convert("gift-all-features.gift", "gift", &["--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items.len(), 20);
    let first_of = |kind: &str| items.iter().find(|i| i["type"] == kind).unwrap_or_else(|| panic!("no {kind}")).clone();
    assert_eq!(
        first_of("single"),
        json!({"type": "single", "stem": "社群运营最核心的目标是什么？", "options": ["拉新", "建立信任", "发广告"], "answer": 1})
    );
    assert_eq!(first_of("multiple")["answer"], json!([0, 1]));
    assert_eq!(
        first_of("true_false"),
        json!({"type": "true_false", "stem": "社群越大越好。", "options": null, "answer": false})
    );
    assert_eq!(first_of("fill_blank")["answer"], json!([["身份规则", "规则"]]));
    assert_eq!(first_of("matching")["answer"], json!([["微信", "私域群聊"], ["抖音", "粉丝群"], ["微博", "超话"]]));
    assert_eq!(first_of("numeric")["answer"], json!(100));
    assert_eq!(first_of("numeric")["tolerance"], json!(5.0));
    assert_eq!(first_of("short_answer")["answer"], json!("可以从种子用户、首批内容、互动规则三方面作答。"));
    for item in &items {
        let keys: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
        let expected: &[&str] = if item["type"] == "numeric" {
            &["answer", "options", "stem", "tolerance", "type"]
        } else {
            &["answer", "options", "stem", "type"]
        };
        assert_eq!(keys, expected, "{item}");
    }
}

#[test]
fn broken_gift_exits_1_with_every_error_and_no_output() {
    let out = convert("gift-broken.gift", "gift", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    let path = fixture("gift-broken.gift").display().to_string();
    let errors: Vec<&str> = stderr.lines().filter(|l| !l.contains(": warning: ")).collect();
    assert_eq!(errors.len(), 16, "{stderr}");
    assert!(errors[0].starts_with(&format!("{path}:3:10: no answer block")), "{}", errors[0]);
    assert!(errors[15].starts_with(&format!("{path}:33:14: ")), "{}", errors[15]);
    for line in &errors {
        let rest = line.strip_prefix(&format!("{path}:")).unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        assert!(
            parts.next().unwrap().parse::<usize>().is_ok() && parts.next().unwrap().parse::<usize>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn partial_prints_the_good_questions_and_still_exits_1() {
    let out = convert("gift-broken.gift", "gift", &["--partial", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items, [json!({"type": "true_false", "stem": "这一题没问题。", "options": null, "answer": true})]);
    assert!(text(&out.stderr).lines().count() >= 16);
}

#[test]
fn broken_aiken_exits_1_with_line_numbers() {
    let out = convert("aiken-broken.txt", "aiken", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let path = fixture("aiken-broken.txt").display().to_string();
    let positions: Vec<&str> =
        stderr.lines().map(|l| l.strip_prefix(&format!("{path}:")).unwrap().split(": ").next().unwrap()).collect();
    assert_eq!(positions, ["1:1", "7:1", "13:1", "17:1", "19:1", "25:1"], "{stderr}");
}

#[test]
fn unreadable_input_is_a_clear_error() {
    let out = qunxue(&["quiz", "convert", "/no/such/file.gift", "--from", "gift"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/no/such/file.gift"));

    let out = qunxue(&["quiz", "convert", fixture("aiken-sample.txt").to_str().unwrap(), "--from", "qti"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("gift") && text(&out.stderr).contains("moodle-xml"));

    // A file that is not Moodle XML, read as Moodle XML, is named at its place.
    let out = qunxue(&["quiz", "convert", fixture("aiken-sample.txt").to_str().unwrap(), "--from", "moodle-xml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("aiken-sample.txt:1:1: not a Moodle XML question file"),
        "{}",
        text(&out.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.gift");
    std::fs::write(&latin1, b"ok line\nQuestion caf\xe9 {T}\n").unwrap();
    let out = qunxue(&["quiz", "convert", latin1.to_str().unwrap(), "--from", "gift"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("{}:2:13: the file is not UTF-8 text; save it as UTF-8 and try again", latin1.display())
    );
}

/// Issue 28: a Moodle XML bank becomes one bank per category and its
/// embedded image a file, each bank readable by the pack loader, and the
/// unsupported question is named on stderr.
#[test]
fn moodle_xml_writes_a_bank_per_category_and_its_images() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = convert("moodle-bank.xml", "moodle-xml", &["--out", out_dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("`随机计算` (calculated) is left out"), "{}", text(&out.stderr));
    let banks = out_dir.path().join("banks");
    let first = std::fs::read_to_string(banks.join("moodle-bank.toml")).unwrap();
    let second = std::fs::read_to_string(banks.join("moodle-bank-2.toml")).unwrap();
    assert!(
        first.contains("title = \"社群运营/概念\"") && first.contains("![漏斗示意图](assets/funnel_chart.png)"),
        "{first}"
    );
    assert!(
        second.contains("title = \"社群运营/数据\"") && second.contains("distractors = [\"微博超话\"]"),
        "{second}"
    );
    for bank in [&first, &second] {
        let parsed: qunxue_app::domain::pack::model::Bank =
            toml::from_str(bank).expect("each bank file reads back as a bank");
        assert!(!parsed.questions.is_empty());
    }
    let image = std::fs::read(out_dir.path().join("assets/funnel_chart.png")).unwrap();
    assert!(image.starts_with(b"\x89PNG"));
}
