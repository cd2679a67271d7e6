//! A course with two metric templates, a reaction survey and a pre/post
//! quiz pair, plus an instructor and a learner profile, written straight
//! into a store: for the tests here, in the root `tests/` suite and the CLI's.

use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, CourseRecord};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use serde_json::json;

use super::{StudyInput, UnitKind};
use crate::Result;

pub const COURSE: &str = "impact-course";
pub const INSTRUCTOR: &str = "p-instructor";
pub const LEARNER: &str = "p-learner";

/// Installs the course and both profiles.
pub fn install(store: &mut Store) -> Result<()> {
    store.transact(|tx| -> Result<()> {
        courses::upsert_course(
            tx,
            &CourseRecord {
                id: COURSE.into(),
                version: "1.0.0".into(),
                title: "社群运营实战".into(),
                language: "zh-CN".into(),
                description: String::new(),
                organisation: None,
                primary_colour: None,
                logo_path: None,
                source_dir: "/nowhere".into(),
                installed_at: "2026-01-01T00:00:00Z".into(),
                updated_at: "2026-01-01T00:00:00Z".into(),
            },
        )?;
        let templates = [
            json!({"id":"active_rate","name":"活跃率","unit":"%","direction":"up","aggregation":"mean"}),
            json!({"id":"sales","name":"销售额","unit":"元","direction":"up","aggregation":"sum"}),
            json!({"id":"complaints","name":"投诉数","unit":"件","direction":"down","aggregation":"sum"}),
        ];
        course_items::replace_items(tx, COURSE, ItemKind::MetricTemplate, &records(&templates))?;
        let survey = json!({"id":"satisfaction","title":"课程满意度调查","item":[
            {"id":"overall","type":"likert","scale":5,"prompt":"总体而言，你对本课程满意吗？"},
            {"id":"useful","type":"text","prompt":"对你最有用的是哪一部分？"}]});
        course_items::replace_items(tx, COURSE, ItemKind::Survey, &records(&[survey]))?;
        let quizzes = [
            json!({"id":"pre","title":"课前测","purpose":"pre_test","parallel":"post","items":[]}),
            json!({"id":"post","title":"课后测","purpose":"post_test","items":[]}),
        ];
        course_items::replace_items(tx, COURSE, ItemKind::Quiz, &records(&quizzes))?;
        let mut instructor = Profile::learner(INSTRUCTOR, "王老师", "2026-01-01T00:00:00Z");
        instructor.role = Role::Instructor;
        profiles::insert(tx, &instructor)?;
        profiles::insert(tx, &Profile::learner(LEARNER, "李同学", "2026-01-01T00:00:00Z"))?;
        Ok(())
    })
}

fn records(items: &[serde_json::Value]) -> Vec<ItemRecord> {
    items.iter().map(|v| ItemRecord { id: v["id"].as_str().unwrap_or_default().into(), body: v.to_string() }).collect()
}

/// A store study with ROI inputs and no metrics or members yet.
pub fn study_input() -> StudyInput {
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("fixture date");
    StudyInput {
        course_id: COURSE.into(),
        name: "华东门店社群运营培训".into(),
        unit_kind: UnitKind::Store,
        baseline_start: date("2026-01-05"),
        baseline_end: date("2026-02-01"),
        post_start: date("2026-03-02"),
        post_end: date("2026-03-29"),
        programme_cost: Some(48_000.0),
        monetised_benefit: Some(126_000.0),
        metrics: Vec::new(),
        treatment: Vec::new(),
        control: Vec::new(),
    }
}

/// Learners of the pre/post quiz pair: (profile id, name, pre %, post %).
const QUIZ_TAKERS: [(&str, &str, f64, f64); 6] = [
    ("p-a", "陈晓", 40.0, 80.0),
    ("p-b", "林峰", 55.0, 85.0),
    ("p-c", "周敏", 60.0, 70.0),
    ("p-d", "吴倩", 35.0, 75.0),
    ("p-e", "郑凯", 70.0, 90.0),
    ("p-f", "孙悦", 50.0, 65.0),
];

/// A complete study for reports: 12 trained stores whose active rate and
/// sales rise, 10 control stores that stay about flat, six learners with
/// pre/post scores and three survey respondents. Values follow fixed
/// formulas, so every run builds the same data. Returns the study id.
pub fn populated_study(store: &mut Store) -> Result<String> {
    use super::{
        create_study, metric_templates, record_observations, submit_survey, GroupInput, ObservationInput, PeriodInput,
        SurveyAnswer,
    };
    use chrono::TimeZone;
    let now = chrono::Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).single().expect("fixed time");
    let mut input = study_input();
    input.metrics = metric_templates(store, INSTRUCTOR, COURSE)?.into_iter().filter(|m| m.id != "complaints").collect();
    let study = create_study(store, INSTRUCTOR, &input, now)?;
    let mut rows = Vec::new();
    let mut add = |unit: String, group, metric: &str, before: f64, after: f64| {
        for (period, value) in [(PeriodInput::Before, before), (PeriodInput::After, after)] {
            rows.push(ObservationInput {
                unit: unit.clone(),
                group: Some(group),
                metric_id: metric.into(),
                period,
                value: Some(value),
            });
        }
    };
    for i in 0..12 {
        let x = f64::from(i);
        let unit = format!("训练{:02}店", i + 1);
        add(unit.clone(), GroupInput::Treatment, "active_rate", 15.0 + x * 0.7, 20.5 + x * 0.7 + (x % 3.0) * 0.9 - 0.9);
        add(unit, GroupInput::Treatment, "sales", 80_000.0 + x * 3_500.0, 91_000.0 + x * 3_700.0 + (x % 4.0) * 1_200.0);
    }
    for i in 0..10 {
        let x = f64::from(i);
        let unit = format!("对照{:02}店", i + 1);
        add(unit.clone(), GroupInput::Control, "active_rate", 15.5 + x * 0.6, 15.6 + x * 0.6 + (x % 3.0 - 1.0) * 0.8);
        add(
            unit,
            GroupInput::Control,
            "sales",
            82_000.0 + x * 3_000.0,
            82_500.0 + x * 3_000.0 + (x % 4.0 - 1.5) * 900.0,
        );
    }
    record_observations(store, INSTRUCTOR, &study.id, &rows, now)?;

    store.transact(|tx| -> Result<()> {
        for (n, (id, name, pre, post)) in QUIZ_TAKERS.iter().enumerate() {
            profiles::insert(tx, &Profile::learner(*id, *name, "2026-01-01T00:00:00Z"))?;
            for (quiz, percent, day) in [("pre", pre, 10), ("post", post, 20)] {
                qunxue_store::attempts::insert(
                    tx,
                    &qunxue_store::attempts::AttemptRecord {
                        id: format!("{id}-{quiz}"),
                        profile_id: (*id).into(),
                        course_id: COURSE.into(),
                        quiz_id: quiz.into(),
                        number: 1,
                        seed: n as u64,
                        presentation: "{}".into(),
                        started_at: format!("2026-02-{day}T09:00:00Z"),
                        deadline_at: None,
                        submitted_at: Some(format!("2026-02-{day}T09:20:00Z")),
                        status: qunxue_store::attempts::SUBMITTED,
                        score: Some(*percent / 10.0),
                        max_score: Some(10.0),
                        percent: Some(*percent),
                        passed: Some(*percent >= 60.0),
                    },
                )?;
            }
        }
        Ok(())
    })?;
    let comments = ["社群分层运营的方法马上能用", "活动复盘模板很实用", ""];
    for (i, (id, ..)) in QUIZ_TAKERS.iter().take(3).enumerate() {
        let answers = [
            SurveyAnswer { item_id: "overall".into(), rating: Some([5, 4, 4][i]), text: None },
            SurveyAnswer { item_id: "useful".into(), rating: None, text: Some(comments[i].into()) },
        ];
        submit_survey(store, id, COURSE, "satisfaction", &answers, now)?;
    }
    Ok(study.id)
}
