//! A small course with one practice task, its rubric, a learner and two
//! instructors, written straight into a store: for the tests here, the root
//! `tests/` suite and the CLI's hidden `tasks-seed` (desktop e2e seeding).

use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, CourseRecord};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;
use serde_json::json;

use crate::Result;

pub const COURSE: &str = "task-course";
pub const TASK: &str = "task-welcome";
pub const RUBRIC: &str = "rubric-welcome";
pub const LEARNER: &str = "p-learner";
pub const INSTRUCTOR: &str = "p-teacher";
pub const SECOND_MARKER: &str = "p-teacher-2";

/// The task: a welcome message for a new community group, graded 0…100.
pub fn task_json(allow_resubmit: bool) -> serde_json::Value {
    json!({
        "id": TASK, "module": "m1", "title": "写一条新群欢迎语", "rubric": RUBRIC,
        "instructions": "为新建的社群写一条欢迎语：说明**群的用途**、两条群规和本周的第一个活动。",
        "attachment_types": ["png", "pdf", "docx"], "max_attachment_mb": 1, "grade_max": 100.0,
        "allow_resubmit": allow_resubmit
    })
}

/// Two criteria: 定位清晰 (0/2/4) and 行动引导 (0/3/6): max 10 points.
pub fn rubric_json() -> serde_json::Value {
    json!({
        "id": RUBRIC, "title": "欢迎语评分标准",
        "criterion": [
            {"id": "purpose", "title": "定位清晰", "level": [
                {"points": 0.0, "label": "未达标", "descriptor": "看不出群是做什么的。"},
                {"points": 2.0, "label": "基本达标", "descriptor": "说了群的用途，但没有说明成员能得到什么。"},
                {"points": 4.0, "label": "优秀", "descriptor": "一句话说清群的用途和成员的收获。"}]},
            {"id": "action", "title": "行动引导", "level": [
                {"points": 0.0, "label": "未达标", "descriptor": "没有告诉新成员下一步做什么。"},
                {"points": 3.0, "label": "基本达标", "descriptor": "有活动预告，但时间或参与方式不清楚。"},
                {"points": 6.0, "label": "优秀", "descriptor": "活动时间、参与方式和第一步动作都写清了。"}]}
        ]
    })
}

/// Installs the course, task, rubric and three profiles (roles set).
pub fn install(store: &mut Store, allow_resubmit: bool) -> Result<()> {
    store.transact(|tx| -> Result<()> {
        courses::upsert_course(
            tx,
            &CourseRecord {
                id: COURSE.into(),
                version: "1.0.0".into(),
                title: "作业课程".into(),
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
        course_items::replace_items(
            tx,
            COURSE,
            ItemKind::Task,
            &[ItemRecord { id: TASK.into(), body: task_json(allow_resubmit).to_string() }],
        )?;
        course_items::replace_items(
            tx,
            COURSE,
            ItemKind::Rubric,
            &[ItemRecord { id: RUBRIC.into(), body: rubric_json().to_string() }],
        )?;
        for (id, name, role) in [
            (LEARNER, "林小雨", Role::Learner),
            (INSTRUCTOR, "王老师", Role::Instructor),
            (SECOND_MARKER, "陈老师", Role::Instructor),
        ] {
            if profiles::get(tx, id).is_err() {
                profiles::insert(tx, &Profile::learner(id, name, "2026-01-01T00:00:00Z"))?;
                profiles::set_role(tx, id, role)?;
                if role.needs_pin() {
                    profiles::set_pin_hash(tx, id, Some(instructor_pin_hash()))?;
                }
            }
        }
        Ok(())
    })
}

/// The PIN of the fixture's instructors ([`INSTRUCTOR`], [`SECOND_MARKER`]),
/// which the CLI asks for before an instructor's command.
pub const INSTRUCTOR_PIN: &str = "246810";

/// Hashed once per process: argon2 is slow by design.
fn instructor_pin_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| crate::accounts::hash_pin(INSTRUCTOR_PIN, Role::Instructor).expect("the fixture PIN is valid"))
}

/// Ids the desktop end-to-end seeding writes (see [`seed_for_e2e`]).
pub const E2E_LEARNER: &str = "e2e-learner";
pub const E2E_INSTRUCTOR: &str = "e2e-instructor";
pub const E2E_VERSION: &str = "e2e-version-1";
pub const E2E_OWN_VERSION: &str = "e2e-own-version-1";

/// What [`seed_for_e2e`] set up, for the desktop check to navigate to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct E2eSeed {
    pub course_id: String,
    pub task_id: String,
    /// A learner's submission waiting for the active profile to grade.
    pub version_to_grade: String,
}

/// TEST ONLY (hidden CLI `qunxue tasks-seed --active-role`): gives the active
/// profile `role` without a PIN, so a desktop check can open instructor
/// screens and hand the profile back as a learner afterwards. Returns the
/// profile id.
pub fn set_active_role(store: &mut Store, role: Role) -> Result<String> {
    let active =
        qunxue_store::settings::get(store.conn(), qunxue_store::settings::ACTIVE_PROFILE)?.ok_or_else(|| {
            crate::AppError::Rejected(crate::msg!("no active profile to seed", "没有可用于种子数据的当前档案"))
        })?;
    store.transact(|tx| profiles::set_role(tx, &active, role))?;
    Ok(active)
}

/// TEST ONLY (hidden CLI `qunxue tasks-seed`): makes the active profile an
/// instructor without a PIN, adds a learner with a submitted version of the
/// course's first task, and gives the active profile a released grade on
/// its own version of that task, so the desktop e2e can photograph the
/// grading view and a graded task. Never reachable from the app's UI.
pub fn seed_for_e2e(store: &mut Store, course: &str) -> Result<E2eSeed> {
    use qunxue_store::marks::{self, ResultRecord};
    use qunxue_store::submissions::{self, VersionRecord, SOURCE_SUBMISSION};

    let active = set_active_role(store, Role::Instructor)?;
    let task_item =
        course_items::list_items(store.conn(), course, ItemKind::Task)?.into_iter().next().ok_or_else(|| {
            crate::AppError::Rejected(crate::msg!("course {course} has no practice task", "课程 {course} 没有练习作业"))
        })?;
    let (task, rubric) = super::common::task_and_rubric(store.conn(), course, &task_item.id)?;
    let version = |id: &str, profile: &str, text: &str| VersionRecord {
        id: id.into(),
        profile_id: profile.into(),
        course_id: course.into(),
        task_id: task.id.clone(),
        number: 1,
        source: SOURCE_SUBMISSION,
        markdown: text.into(),
        attachments: "[]".into(),
        submitted_at: "2026-03-01T01:00:00.000Z".into(),
    };
    // The highest level of every criterion but the last, which gets its middle level.
    let levels: std::collections::BTreeMap<String, usize> = rubric
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (c.id.clone(), if i + 1 == rubric.criteria.len() { c.levels.len() / 2 } else { c.levels.len() - 1 })
        })
        .collect();
    let scored = qunxue_core::grading::rubric_grade(&rubric, &levels, 0.0, task.grade_max)
        .map_err(|e| crate::AppError::internal(crate::msg!("scoring the seeded mark", "为种子数据的评分计分"), e))?;
    let comments: std::collections::BTreeMap<String, String> = rubric
        .criteria
        .last()
        .map(|c| (c.id.clone(), "方向对了，下一步把责任人和完成时间写到每一项上。".to_string()))
        .into_iter()
        .collect();
    store.transact(|tx| -> Result<()> {
        for (id, name, role) in [(E2E_LEARNER, "林小雨", Role::Learner), (E2E_INSTRUCTOR, "王老师", Role::Instructor)] {
            if profiles::get(tx, id).is_err() {
                profiles::insert(tx, &Profile::learner(id, name, "2026-03-01T00:00:00Z"))?;
                profiles::set_role(tx, id, role)?;
            }
        }
        submissions::insert_version(tx, &version(E2E_VERSION, E2E_LEARNER, "## 账号矩阵\n\n| 平台 | 用途 | 注册主体 |\n|---|---|---|\n| 企业微信 | 客户群承接 | 公司 |\n\n离职当天：撤权、继承客户、改密码、发公告。"))?;
        submissions::insert_version(tx, &version(E2E_OWN_VERSION, &active, "我的作答：见附件中的账号矩阵与权限表。"))?;
        marks::save_result(
            tx,
            &ResultRecord {
                version_id: E2E_OWN_VERSION.into(),
                levels: serde_json::to_string(&levels).expect("levels serialise"),
                comments: serde_json::to_string(&comments).expect("comments serialise"),
                feedback: "整体结构清楚，安全设置部分可以再具体些。".into(),
                points: scored.points,
                grade: scored.grade,
                grade_max: task.grade_max,
                method: "single".into(),
                released_by: "王老师".into(),
                released_at: "2026-03-02T01:00:00.000Z".into(),
            },
        )?;
        Ok(())
    })?;
    Ok(E2eSeed { course_id: course.into(), task_id: task.id, version_to_grade: E2E_VERSION.into() })
}
