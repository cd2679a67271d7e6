//! Criterion micro-benchmarks of the hot functions behind the budgets:
//! Markdown render + sanitise (import, P1), jieba segmentation (indexing and
//! search, P1/P4), the bootstrap of the impact report (P5) and answer
//! scoring (every saved answer, P3). Run with
//! `cargo bench -p qunxue-bench --bench hot_paths`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use qunxue_bench::gen_pack::{generate, PackOptions};
use qunxue_bench::impact_data::impact_csv;
use qunxue_core::impact::{bootstrap_means, ResampleSet};
use qunxue_core::markdown::{render, render_unsanitized_baseline, RenderOptions};
use qunxue_core::pack::model::bank::Bank;
use qunxue_core::quiz::{present_question, score, LearnerAnswer, Presentation};

/// One generated 10 KB module and its bank.
fn sample() -> (String, Bank) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pack = generate(&PackOptions::new(1, 1), dir.path()).expect("the generator writes a pack");
    let markdown = std::fs::read_to_string(&pack.module_files[0]).expect("module file");
    let bank = std::fs::read_to_string(dir.path().join("quizzes/bench/banks/m0001.toml")).expect("bank file");
    (markdown, toml::from_str(&bank).expect("the generated bank parses"))
}

fn markdown(c: &mut Criterion) {
    let (text, _) = sample();
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let options =
        RenderOptions { asset_base: Some("qxasset://localhost/synthetic.bench/modules/".into()), ..Default::default() };
    group.bench_function("render_and_sanitise_10kb", |b| b.iter(|| render(black_box(&text), &options)));
    group.bench_function("raw_pulldown_cmark_10kb", |b| b.iter(|| render_unsanitized_baseline(black_box(&text))));
    group.finish();
}

fn segmentation(c: &mut Criterion) {
    let (text, _) = sample();
    qunxue_app::search::warm_up();
    let mut group = c.benchmark_group("jieba");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("words_10kb_module", |b| b.iter(|| qunxue_app::search::words(black_box(&text))));
    group.bench_function("words_query", |b| b.iter(|| qunxue_app::search::words(black_box("私域流量 留存率"))));
    group.finish();
}

fn bootstrap(c: &mut Criterion) {
    // 1,000 learners × 12 metrics, 1,000 resamples: a tenth of P5 each way.
    let csv = impact_csv(2_000, 1);
    let mut values: Vec<f64> = Vec::new();
    let mut before = None;
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        if fields[1] != "treatment" {
            continue;
        }
        let value: f64 = fields[4].parse().expect("a number");
        match fields[3] {
            "before" => before = Some(value),
            _ => values.push(value - before.take().expect("before precedes after")),
        }
    }
    let set = ResampleSet { values: &values, columns: 12, key: 7 };
    let mut group = c.benchmark_group("bootstrap");
    group.sample_size(10);
    group.bench_function("means_1k_learners_12_metrics_1k_resamples", |b| {
        b.iter(|| bootstrap_means(black_box(&[set]), 1_000, 42))
    });
    group.finish();
}

fn scoring(c: &mut Criterion) {
    let (_, bank) = sample();
    let presentation =
        Presentation { seed: 1, questions: bank.questions.iter().map(|q| present_question(q, 1, true)).collect() };
    let answers = [
        LearnerAnswer::Choice("1".into()),
        LearnerAnswer::Choices(vec!["0".into(), "2".into()]),
        LearnerAnswer::Bool(true),
        LearnerAnswer::Blanks(vec!["用户画像".into()]),
        LearnerAnswer::Number(12.5),
        LearnerAnswer::Choice("0".into()),
    ];
    c.bench_function("score_one_quiz_of_6", |b| {
        b.iter_batched(
            || (),
            |()| {
                for (question, answer) in bank.questions.iter().zip(&answers) {
                    black_box(score(question, answer, &presentation));
                }
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(hot_paths, markdown, segmentation, bootstrap, scoring);
criterion_main!(hot_paths);
