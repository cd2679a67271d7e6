//! Studies, imports and manual entry on a real SQLite file.

use std::path::Path;

use chrono::{TimeZone, Utc};
use qunxue_store::Store;

use super::fixture::{install, study_input, COURSE, INSTRUCTOR, LEARNER};
use super::*;
use crate::ErrorKind;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap()
}

fn setup(dir: &Path) -> (Store, StudyView) {
    let mut store = Store::open(&dir.join("learner.db")).unwrap();
    install(&mut store).unwrap();
    let mut input = study_input();
    input.metrics = metric_templates(&store, INSTRUCTOR, COURSE).unwrap().into_iter().take(2).collect();
    let study = create_study(&mut store, INSTRUCTOR, &input, now()).unwrap();
    (store, study)
}

const MAPPING: ColumnMapping = ColumnMapping { learner: 0, group: Some(1), metric: 2, period: 3, value: 4 };

#[test]
fn a_learner_cannot_see_or_change_studies() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    let refused = [
        list_studies(&store, LEARNER, None).map(drop),
        metric_templates(&store, LEARNER, COURSE).map(drop),
        create_study(&mut store, LEARNER, &study_input(), now()).map(drop),
        delete_study(&mut store, LEARNER, &study.id),
        record_observations(&mut store, LEARNER, &study.id, &[], now()).map(drop),
    ];
    for result in refused {
        assert_eq!(result.unwrap_err().kind(), ErrorKind::Forbidden);
    }
}

#[test]
fn set_up_update_and_delete_a_study() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    assert_eq!(study.metrics.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["active_rate", "complaints"]);
    assert_eq!(study.course_title, "社群运营实战");
    let mut input = study_input();
    input.metrics = study.metrics.clone();
    input.metrics.push(MetricDefinition {
        id: "avg_order".into(),
        name: "客单价".into(),
        unit: "元".into(),
        direction: qunxue_core::pack::model::Direction::Up,
        aggregation: qunxue_core::pack::model::Aggregation::Mean,
        template_id: None,
    });
    input.treatment = vec!["北京路店".into()];
    input.control = vec!["中山路店".into()];
    let updated = update_study(&mut store, INSTRUCTOR, &study.id, &input, now()).unwrap();
    assert_eq!(updated.metrics.len(), 3);
    assert_eq!(
        (updated.treatment.clone(), updated.control.clone()),
        (vec!["北京路店".into()], vec!["中山路店".into()])
    );
    assert_eq!(list_studies(&store, INSTRUCTOR, Some(COURSE)).unwrap().len(), 1);

    let mut bad = input.clone();
    bad.post_start = bad.baseline_end;
    bad.programme_cost = Some(0.0);
    bad.control = vec!["北京路店".into()];
    let message = update_study(&mut store, INSTRUCTOR, &study.id, &bad, now()).unwrap_err().to_string();
    for expected in ["baseline window must end", "programme cost", "listed twice"] {
        assert!(message.contains(expected), "{message}");
    }
    delete_study(&mut store, INSTRUCTOR, &study.id).unwrap();
    assert_eq!(get_study(&store, INSTRUCTOR, &study.id).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn csv_import_maps_columns_aggregates_and_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    let file = dir.path().join("门店数据.csv");
    std::fs::write(
        &file,
        "门店,组别,指标,阶段,数值\n\
         北京路店,训练组,活跃率,培训前,18.5%\n\
         北京路店,训练组,active_rate,before,19.5\n\
         北京路店,训练组,active_rate,after,24\n\
         中山路店,对照组,complaints,before,3\n\
         中山路店,对照组,complaints,before,2\n\
         中山路店,对照组,complaints,after,NA\n",
    )
    .unwrap();
    let preview = preview_import(&store, INSTRUCTOR, &study.id, &file).unwrap();
    assert_eq!(preview.total_rows, 6);
    assert_eq!(preview.rows[0].line, 2);
    let s = preview.suggested;
    let mapping = ColumnMapping {
        learner: s.learner.unwrap(),
        group: s.group,
        metric: s.metric.unwrap(),
        period: s.period.unwrap(),
        value: s.value.unwrap(),
    };
    assert_eq!(mapping, MAPPING);
    let summary = import_observations(&mut store, INSTRUCTOR, &study.id, &file, &mapping, now()).unwrap();
    assert_eq!((summary.rows_read, summary.written.values_written, summary.written.units_added), (6, 4, 2));
    let values = qunxue_store::impact::list_observations(store.conn(), &study.id).unwrap();
    let value = |unit: &str, metric: &str, period: &str| {
        values.iter().find(|o| o.unit == unit && o.metric_id == metric && o.period == period).unwrap().value
    };
    assert_eq!(value("北京路店", "active_rate", "before"), Some(19.0), "mean of the two weekly rows");
    assert_eq!(value("中山路店", "complaints", "before"), Some(5.0), "sum of the two rows");
    assert_eq!(value("中山路店", "complaints", "after"), None);
    assert_eq!(values[0].source, "门店数据.csv");
    // Importing again replaces rather than duplicates.
    let again = import_observations(&mut store, INSTRUCTOR, &study.id, &file, &mapping, now()).unwrap();
    assert_eq!((again.written.values_replaced, again.written.units_added), (4, 0));
}

#[test]
fn a_bad_file_names_every_bad_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "learner,group,metric,period,value\n\
         s1,treatment,active_rate,before,17\n\
         s2,both,active_rate,before,17\n\
         s3,treatment,fans,before,17\n\
         s4,treatment,active_rate,later,17\n\
         s5,treatment,active_rate,after,十七\n\
         ,treatment,active_rate,after,1\n",
    )
    .unwrap();
    let err = import_observations(&mut store, INSTRUCTOR, &study.id, &file, &MAPPING, now()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let lines: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert!(lines[0].starts_with("bad.csv:3:2:") && lines[0].contains("\"both\""), "{}", lines[0]);
    assert!(lines[1].starts_with("bad.csv:4:3:") && lines[1].contains("fans"), "{}", lines[1]);
    assert!(lines[2].starts_with("bad.csv:5:4:"), "{}", lines[2]);
    assert!(lines[3].starts_with("bad.csv:6:5:") && lines[3].contains("十七"), "{}", lines[3]);
    assert!(lines[4].starts_with("bad.csv:7:1:"), "{}", lines[4]);
    assert_eq!(get_study(&store, INSTRUCTOR, &study.id).unwrap().observation_count, 0);

    // A unit switching group against the stored study is refused atomically too.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "learner,group,metric,period,value\ns1,treatment,active_rate,before,17\n").unwrap();
    import_observations(&mut store, INSTRUCTOR, &study.id, &good, &MAPPING, now()).unwrap();
    let switch = dir.path().join("switch.csv");
    std::fs::write(
        &switch,
        "learner,group,metric,period,value\ns9,control,active_rate,before,1\ns1,control,active_rate,after,20\n",
    )
    .unwrap();
    let err = import_observations(&mut store, INSTRUCTOR, &study.id, &switch, &MAPPING, now()).unwrap_err();
    assert!(err.to_string().starts_with("switch.csv:3:1:"), "{err}");
    let view = get_study(&store, INSTRUCTOR, &study.id).unwrap();
    assert_eq!((view.observation_count, view.control.len()), (1, 0), "nothing of the failed import is kept");
}

#[test]
fn xlsx_import_without_a_group_column_uses_the_study_groups() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    let mut input = study_input();
    input.metrics = study.metrics.clone();
    input.treatment = vec!["s1".into()];
    update_study(&mut store, INSTRUCTOR, &study.id, &input, now()).unwrap();
    let path = dir.path().join("data.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 4]; 3] =
        [["学员", "指标", "阶段", "数值"], ["s1", "active_rate", "before", "17"], ["s2", "active_rate", "after", "21"]];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    book.save(&path).unwrap();
    let mapping = ColumnMapping { learner: 0, group: None, metric: 1, period: 2, value: 3 };
    let err = import_observations(&mut store, INSTRUCTOR, &study.id, &path, &mapping, now()).unwrap_err();
    assert!(err.to_string().starts_with("data.xlsx:3:1:") && err.to_string().contains("not in the study"), "{err}");
    std::fs::remove_file(&path).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().take(2).enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let summary = import_observations(&mut store, INSTRUCTOR, &study.id, &path, &mapping, now()).unwrap();
    assert_eq!(summary.written.values_written, 1);
}

#[test]
fn manual_entry_writes_all_rows_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, study) = setup(dir.path());
    let row = |unit: &str, period, value| ObservationInput {
        unit: unit.into(),
        group: Some(GroupInput::Treatment),
        metric_id: "活跃率".into(),
        period,
        value,
    };
    let written = record_observations(
        &mut store,
        INSTRUCTOR,
        &study.id,
        &[row("s1", PeriodInput::Before, Some(17.0)), row("s1", PeriodInput::After, Some(20.0))],
        now(),
    )
    .unwrap();
    assert_eq!(written.values_written, 2);
    let mut unknown = row("s2", PeriodInput::Before, Some(1.0));
    unknown.metric_id = "粉丝".into();
    let err = record_observations(
        &mut store,
        INSTRUCTOR,
        &study.id,
        &[row("s2", PeriodInput::Before, Some(1.0)), unknown],
        now(),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("form:2:2:"), "{err}");
    assert_eq!(get_study(&store, INSTRUCTOR, &study.id).unwrap().observation_count, 2);
}

#[test]
fn the_report_covers_all_levels_and_says_what_the_numbers_say() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    install(&mut store).unwrap();
    let id = super::fixture::populated_study(&mut store).unwrap();
    let options = qunxue_core::impact::AnalysisOptions { resamples: 2000, ..Default::default() };
    assert_eq!(report::study_report(&store, LEARNER, &id, &options, now()).unwrap_err().kind(), ErrorKind::Forbidden);
    let r = report::study_report(&store, INSTRUCTOR, &id, &options, now()).unwrap();

    let survey = &r.reaction.surveys[0];
    assert_eq!((survey.respondents, survey.items[0].n, survey.items[0].counts.clone()), (3, 3, vec![0, 0, 0, 2, 1]));
    assert_eq!(survey.comments.len(), 2, "empty comments are not kept");

    let pair = &r.knowledge.pairs[0];
    assert_eq!((pair.gain.n, pair.learners.len()), (6, 6));
    let expected_pre = (40.0 + 55.0 + 60.0 + 35.0 + 70.0 + 50.0) / 6.0;
    assert!((pair.gain.mean_pre.unwrap() - expected_pre).abs() < 1e-9);

    assert!(r.practical.criteria.is_empty() && r.practical.note.as_deref().unwrap().contains("尚无"));

    let active = &r.business.metrics[0];
    assert_eq!(active.definition.id, "active_rate");
    let stats = active.stats.as_ref().unwrap();
    assert_eq!((stats.treatment.n, stats.control.as_ref().unwrap().n), (12, 10));
    assert_eq!(active.units.len(), 22);
    let did = stats.did.as_ref().unwrap();
    assert!(did.ci95.unwrap()[0] > 0.0, "the trained stores clearly gained: {did:?}");
    let roi = r.business.roi.unwrap();
    assert!((roi.roi_percent - 162.5).abs() < 1e-9 && (roi.benefit_cost_ratio - 2.625).abs() < 1e-9);

    let text: Vec<&str> = r.conclusions.iter().map(|c| c.text.as_str()).collect();
    assert!(text[0].starts_with("反应层：3 人填写了《课程满意度调查》"), "{}", text[0]);
    assert!(text[1].contains("6 名学员") && text[1].contains("标准化增益"), "{}", text[1]);
    assert!(text[2].starts_with("实操层："), "{}", text[2]);
    let active_text = text.iter().find(|t| t.contains("活跃率")).unwrap();
    assert!(active_text.starts_with("训练组的活跃率平均提升"), "{active_text}");
    assert!(active_text.contains("个百分点") && active_text.contains("变化显著"), "{active_text}");
    assert!(active_text.contains("对照组同期变化不显著"), "{active_text}");
    assert!(active_text.contains("可以认为变化来自培训"), "{active_text}");
    assert!(text.last().unwrap().contains("ROI = 162.5%"), "{}", text.last().unwrap());
}

#[test]
fn a_learner_study_reports_the_knowledge_of_its_trained_members_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    install(&mut store).unwrap();
    // Six learners with pre/post scores (see the fixture), in a store study.
    let store_study = super::fixture::populated_study(&mut store).unwrap();
    let options = qunxue_core::impact::AnalysisOptions { resamples: 200, ..Default::default() };

    // A study of learners: three trained (one listed by display name), one control.
    let mut input = study_input();
    input.name = "一期学员".into();
    input.unit_kind = UnitKind::Learner;
    input.treatment = vec!["p-a".into(), "林峰".into(), "p-c".into()];
    input.control = vec!["p-d".into()];
    input.metrics = metric_templates(&store, INSTRUCTOR, COURSE).unwrap().into_iter().take(1).collect();
    let study = create_study(&mut store, INSTRUCTOR, &input, now()).unwrap();
    let r = report::study_report(&store, INSTRUCTOR, &study.id, &options, now()).unwrap();
    assert!(r.knowledge.cohort_only);
    let pair = &r.knowledge.pairs[0];
    let mut names: Vec<&str> = pair.learners.iter().map(|l| l.name.as_str()).collect();
    names.sort_unstable();
    let mut expected = vec!["陈晓", "林峰", "周敏"];
    expected.sort_unstable();
    assert_eq!(names, expected);
    // Pre 40, 55, 60 → mean 51.67; the control learner and the others are out.
    assert_eq!(pair.gain.n, 3);
    assert!((pair.gain.mean_pre.unwrap() - (40.0 + 55.0 + 60.0) / 3.0).abs() < 1e-9);
    assert_eq!(pair.unpaired, 0);
    assert!(r.conclusions[1].text.contains("3 名学员"), "{}", r.conclusions[1].text);

    // Stores cannot be traced to learners: every learner of the course counts.
    let all = report::study_report(&store, INSTRUCTOR, &store_study, &options, now()).unwrap();
    assert!(!all.knowledge.cohort_only);
    assert_eq!(all.knowledge.pairs[0].gain.n, 6);
}

#[test]
fn a_learner_sees_the_survey_form_with_their_own_answers_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("learner.db")).unwrap();
    install(&mut store).unwrap();
    let blank = survey_forms(&store, LEARNER, COURSE).unwrap();
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0].id, "satisfaction");
    assert!(blank[0].answers.is_empty() && blank[0].submitted_at.is_none());
    assert!(blank[0].items.iter().any(|i| i.id == "overall" && i.scale == Some(5)));

    let answers = [
        SurveyAnswer { item_id: "overall".into(), rating: Some(4), text: None },
        SurveyAnswer { item_id: "useful".into(), rating: None, text: Some("  复盘模板很实用  ".into()) },
    ];
    assert_eq!(submit_survey(&mut store, LEARNER, COURSE, "satisfaction", &answers, now()).unwrap(), 2);
    let form = &survey_forms(&store, LEARNER, COURSE).unwrap()[0];
    let rating = form.answers.iter().find(|a| a.item_id == "overall").unwrap();
    let text = form.answers.iter().find(|a| a.item_id == "useful").unwrap();
    assert_eq!((rating.rating, text.text.as_deref()), (Some(4), Some("复盘模板很实用")));
    assert_eq!(form.submitted_at.as_deref(), Some("2026-04-01T09:00:00.000Z"));
    // Someone else's form stays empty; an out-of-scale rating is refused.
    assert!(survey_forms(&store, INSTRUCTOR, COURSE).unwrap()[0].answers.is_empty());
    let bad = [SurveyAnswer { item_id: "overall".into(), rating: Some(6), text: None }];
    let err = submit_survey(&mut store, LEARNER, COURSE, "satisfaction", &bad, now()).unwrap_err();
    assert!(err.to_string().contains("from 1 to 5"), "{err}");
}
