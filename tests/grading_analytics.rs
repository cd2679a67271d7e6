//! The grading analytics screens' figures (issue 23), through the session
//! the desktop calls on a real database: two instructors mark the same
//! submissions (double marking), one moderates; the agreement panel's kappa
//! is `core::grading::agreement` over exactly the pairs they entered, and the
//! distributions count exactly the released levels.

use qunxue_app::accounts::NewProfile;
use qunxue_app::domain::rows::Role;
use qunxue_app::tasks::grading::MarkInput;
use qunxue_app::{OpenOptions, Session};
use qunxue_core::grading::agreement;
use qunxue_tests::packs::fixture;
use qunxue_tests::profiles::{add_admin, ADMIN_PIN};
use serde_json::json;

const COURSE: &str = "acme.demo";
const TASK: &str = "task-plan";
const CRITERIA: [&str; 2] = ["audience", "activities"];

fn mark(levels: [usize; 2]) -> MarkInput {
    serde_json::from_value(json!({
        "levels": { "audience": levels[0], "activities": levels[1] },
        "feedback": "按评分标准评分。",
        "complete": true
    }))
    .unwrap()
}

#[test]
fn the_agreement_panel_and_the_distributions_show_what_the_markers_entered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("qunxue.db");
    let admin = add_admin(&db);
    let s = Session::open(OpenOptions::for_database(&db), Some(&admin), Some(ADMIN_PIN)).unwrap();
    s.import_pack(&fixture("good"), false, &mut |_| {}).unwrap();
    let wang = s.add_profile(&NewProfile::named("王老师"), Role::Instructor, Some("246810")).unwrap().profile.id;
    let li = s.add_profile(&NewProfile::named("李老师"), Role::Instructor, Some("135790")).unwrap().profile.id;

    // Six learners hand in the task.
    let mut versions = Vec::new();
    for name in ["甲", "乙", "丙", "丁", "戊", "己"] {
        let learner = s.create_profile(&NewProfile::named(name)).unwrap().id;
        s.switch_profile(&learner, None).unwrap();
        s.task_save_draft(COURSE, TASK, &format!("## {name}的建群方案\n\n目标成员：门店三公里内的老顾客。"), &[])
            .unwrap();
        versions.push(s.task_submit(COURSE, TASK).unwrap().id);
    }

    // Two markers, each blind to the other; the first then moderates.
    let first: [[usize; 2]; 6] = [[1, 1], [1, 0], [0, 0], [1, 1], [0, 1], [1, 1]];
    let second: [[usize; 2]; 6] = [[1, 1], [0, 0], [0, 0], [1, 0], [0, 1], [1, 1]];
    let agreed: [[usize; 2]; 6] = [[1, 1], [1, 0], [0, 0], [1, 1], [0, 1], [1, 1]];
    s.switch_profile(&wang, Some("246810")).unwrap();
    s.grading_set_double_marking(COURSE, TASK, true).unwrap();
    for (version, levels) in versions.iter().zip(first) {
        s.grading_save_mark(version, &mark(levels)).unwrap();
    }
    s.switch_profile(&li, Some("135790")).unwrap();
    for (version, levels) in versions.iter().zip(second) {
        s.grading_save_mark(version, &mark(levels)).unwrap();
    }
    s.switch_profile(&wang, Some("246810")).unwrap();
    for (version, levels) in versions.iter().zip(agreed) {
        s.grading_moderate(version, &mark(levels)).unwrap();
    }

    let panel = s.grading_agreement(COURSE, TASK).unwrap();
    for (index, criterion) in CRITERIA.iter().enumerate() {
        let pairs: Vec<(usize, usize)> = first.iter().zip(&second).map(|(a, b)| (a[index], b[index])).collect();
        let expected = agreement(&pairs, 2);
        let shown = panel.iter().find(|c| c.criterion_id == *criterion).unwrap();
        assert_eq!(shown.agreement, expected, "{criterion}");
        assert_eq!(shown.agreement.pairs, 6);
        // The panel lists the pairs behind the figures.
        let behind: Vec<(usize, usize)> = shown.pairs_behind.iter().map(|p| (p.first_level, p.second_level)).collect();
        let mut sorted_behind = behind.clone();
        let mut sorted_pairs = pairs.clone();
        sorted_behind.sort_unstable();
        sorted_pairs.sort_unstable();
        assert_eq!(sorted_behind, sorted_pairs, "{criterion}");
        assert!(shown.pairs_behind.iter().all(|p| p.first_marker == "王老师" && p.second_marker == "李老师"));
    }
    // The figures are not trivial: the markers disagreed on some work.
    assert!(panel.iter().any(|c| c.agreement.exact_percent < 100.0));

    let distributions = s.grading_distributions(COURSE).unwrap();
    for (index, criterion) in CRITERIA.iter().enumerate() {
        let mut counts = vec![0; 2];
        for levels in agreed {
            counts[levels[index]] += 1;
        }
        let shown = distributions.iter().find(|d| d.task_id == TASK && d.criterion_id == *criterion).unwrap();
        assert_eq!(shown.counts, counts, "{criterion}");
    }
}
