//! P8: what an instructor or a company waits for at class scale — the
//! effect report (built, then written as HTML, XLSX, CSV and PDF, as the
//! export button does) for 1,000 learners × 12 metrics, and the class view
//! (`class_list`, what the class screen shows) of the 1,000 members P7
//! pulled. Absolute budgets: there is no peer.

use chrono::NaiveDate;
use qunxue_app::impact::export::{write_report, ExportFormat};
use qunxue_app::impact::report::build_report;
use qunxue_app::impact::{
    create_study, record_observations, GroupInput, MetricDefinition, ObservationInput, PeriodInput, StudyInput,
    UnitKind,
};
use qunxue_app::records::class_list::class_list;
use qunxue_core::impact::AnalysisOptions;
use qunxue_core::pack::model::{Aggregation, Direction};
use qunxue_store::Store;

use super::fixtures::{add_instructor, shipped_course_store};
use super::pull::PulledClass;
use super::{fresh_dir, now, Settings};
use crate::gen_pack::METRICS;
use crate::impact_data::impact_csv;
use crate::report::{Budget, Check, Rule};
use crate::timing::{repeat, timed, Samples};

/// Class views timed (each one whole `class_list`).
const VIEWS: usize = 20;

/// Runs P8: the effect report in all four formats and, when P7 ran, `class_list` over the class it pulled.
pub fn measure(settings: &Settings, pulled: Option<&PulledClass>) -> anyhow::Result<Budget> {
    let learners = settings.members;
    let dir = fresh_dir(&settings.work.join("class-report"))?;
    let (mut store, course_id) = shipped_course_store(settings, &dir.join("store"))?;
    let study = populated_study(&mut store, &course_id, learners, settings.seed)?;

    let options = AnalysisOptions::default();
    let out = dir.join("report");
    let mut reports = Samples::default();
    for _ in 0..settings.runs.max(3) {
        let (written, elapsed) = timed(|| -> anyhow::Result<usize> {
            let report = build_report(store.conn(), &study, &options, now())?;
            Ok(write_report(&report, &out, &ExportFormat::ALL, &mut |_| {})?.len())
        });
        written?;
        reports.push(elapsed);
    }
    // Where the time goes: the report alone, then each format alone.
    let report = build_report(store.conn(), &study, &options, now())?;
    let built = repeat(3, || {
        std::hint::black_box(build_report(store.conn(), &study, &options, now()).expect("built above"));
    });
    let mut budget = Budget::new(
        "P8",
        &format!(
            "effect report for {learners} learners × 12 metrics; class view of {} members",
            pulled.map_or(0, |p| p.members)
        ),
    )
    .check(Check::new("effect report, 4 formats", Some(reports.median()), Rule::AtMost, 1.0, "s"))
    .figure("learners", learners as f64)
    .figure("report_s", reports.median())
    .figure("part_build_s", built.median());
    for format in ExportFormat::ALL {
        let (written, elapsed) = timed(|| write_report(&report, &out, &[format], &mut |_| {}));
        written?;
        budget = budget.figure(&format!("part_{}_s", format_name(format)), elapsed.as_secs_f64());
    }

    let mut notes = vec![format!(
        "report: median of {} runs of build_report + write_report (HTML, XLSX, CSV, PDF) for a learner study of \
         {learners} learners (half trained) × 12 metrics, {} bootstrap resamples",
        reports.len(),
        options.resamples
    )];
    let view = match pulled {
        Some(pulled) => {
            let store = Store::open(&pulled.database)?;
            let mut views = Samples::default();
            let mut shown = None;
            for _ in 0..VIEWS {
                let (list, elapsed) = timed(|| class_list(&store, &pulled.course_id, None, now()));
                shown = Some(list?);
                views.push(elapsed);
            }
            let members = shown.expect("at least one view").members;
            anyhow::ensure!(
                members.len() == pulled.members,
                "the class view shows {} of {} members",
                members.len(),
                pulled.members
            );
            // The pulled tests must reach the view, or it measured an empty class.
            let scored = members.iter().filter(|m| m.pre_score.is_some() || m.post_score.is_some()).count();
            anyhow::ensure!(scored > 0, "no member of the pulled class has a test score");
            let shown = members.len();
            budget = budget
                .figure("class_view_median_ms", views.median() * 1e3)
                .figure("class_view_p95_ms", views.percentile(95.0) * 1e3)
                .figure("members_with_test_scores", scored as f64);
            notes.push(format!("class view: median of {VIEWS} class_list calls over P7's database ({shown} members)"));
            Some(views.median() * 1e3)
        }
        None => {
            notes.push("class view: not measured (P7 did not run, so there is no pulled class)".into());
            None
        }
    };
    Ok(budget.check(Check::new("class view (median)", view, Rule::AtMost, 100.0, "ms")).note(notes.join("; ")))
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Html => "html",
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Csv => "csv",
        ExportFormat::Pdf => "pdf",
    }
}

/// A learner study over the shipped course with P5's data for `learners`
/// learners: the first half trained, the rest the control group.
fn populated_study(store: &mut Store, course_id: &str, learners: usize, seed: u64) -> anyhow::Result<String> {
    let instructor = add_instructor(store)?;
    let unit = |i: usize| format!("u{i:05}");
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixed date");
    let input = StudyInput {
        course_id: course_id.to_string(),
        name: "基准：千人培训效果评估".into(),
        unit_kind: UnitKind::Learner,
        baseline_start: date("2026-09-01"),
        baseline_end: date("2026-09-30"),
        post_start: date("2026-11-01"),
        post_end: date("2026-11-30"),
        programme_cost: Some(300_000.0),
        monetised_benefit: Some(720_000.0),
        metrics: METRICS
            .iter()
            .map(|(id, name, unit, direction, aggregation)| MetricDefinition {
                id: id.to_string(),
                name: name.to_string(),
                unit: unit.to_string(),
                direction: if *direction == "down" { Direction::Down } else { Direction::Up },
                aggregation: if *aggregation == "sum" { Aggregation::Sum } else { Aggregation::Mean },
                template_id: None,
            })
            .collect(),
        treatment: (0..learners / 2).map(unit).collect(),
        control: (learners / 2..learners).map(unit).collect(),
    };
    let study = create_study(store, &instructor, &input, now())?;
    let rows: Vec<ObservationInput> = impact_csv(learners, seed)
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            ObservationInput {
                unit: cells[0].to_string(),
                group: Some(if cells[1] == "treatment" { GroupInput::Treatment } else { GroupInput::Control }),
                metric_id: cells[2].to_string(),
                period: if cells[3] == "before" { PeriodInput::Before } else { PeriodInput::After },
                value: cells[4].parse().ok(),
            }
        })
        .collect();
    record_observations(store, &instructor, &study.id, &rows, now())?;
    Ok(study.id)
}
