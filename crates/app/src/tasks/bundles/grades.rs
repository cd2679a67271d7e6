//! Instructor → learners: the instructor exports every released result of a
//! course as a signed bundle; each learner machine imports it and applies the
//! results of the versions that belong to its own profiles (observation
//! versions, which exist only on the instructor's machine, are created).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use qunxue_store::marks::{self, ResultRecord};
use qunxue_store::submissions::{self, VersionRecord, SOURCE_OBSERVATION};
use qunxue_store::{profiles, Store};
use serde::{Deserialize, Serialize};

use super::format::{read_bundle, BundleKind};
use super::keys::instructor_signer;
use super::sign::write_signed;
use super::trust::{admit, already, record, Admission, ExportSummary, ImportSummary};
use crate::access::{self, Role};
use crate::msg;
use crate::quiz::marking::apply_mark_from_elsewhere;
use crate::tasks::common::{load_task, stamp};
use crate::{AppError, Result};
use qunxue_store::attempt_answers::ManualGrade;

const BODY: &str = "grades.json";

#[derive(Debug, Serialize, Deserialize)]
struct GradeEntry {
    version: VersionRecord,
    result: ResultRecord,
}

/// A short answer marked by hand, for the learner's machine to show.
#[derive(Debug, Serialize, Deserialize)]
struct AnswerMark {
    profile_id: String,
    attempt_id: String,
    question_id: String,
    score: f64,
    comment: Option<String>,
    #[serde(default, deserialize_with = "qunxue_store::time::arriving::optional")]
    graded_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Body {
    grades: Vec<GradeEntry>,
    /// Absent from bundles written before marks travelled.
    #[serde(default)]
    marks: Vec<AnswerMark>,
    /// The learner's classes of the course, so a learner who joined by code
    /// learns the class's name, and one who never joined is put in it.
    #[serde(default)]
    classes: Vec<LearnerClass>,
}

#[derive(Debug, Serialize, Deserialize)]
struct LearnerClass {
    profile_id: String,
    class: crate::records::ClassRef,
}

/// Writes `learner`'s released task grades and hand-marked short answers of
/// `course` to `out`: each learner gets a bundle of their own, so nobody's
/// machine receives a classmate's work or feedback.
pub fn export_grades(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    course: &str,
    learner: &str,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<ExportSummary> {
    let caller = access::require(store.conn(), profile, Role::Instructor, msg!("exporting grades", "导出成绩包"))?;
    let instructor = profiles::get(store.conn(), &caller.profile_id)?;
    qunxue_store::courses::get_course(store.conn(), course)?;
    let grades = marks::results_of_course(store.conn(), course)?
        .into_iter()
        .map(|result| Ok(GradeEntry { version: submissions::version(store.conn(), &result.version_id)?, result }))
        .filter(|entry| entry.as_ref().map_or(true, |e| e.version.profile_id == learner))
        .collect::<Result<Vec<_>>>()?;
    let marks = answer_marks(store, course, learner)?;
    if grades.is_empty() && marks.is_empty() {
        return Err(AppError::Rejected(msg!(
            "no released grades for {learner} in {course}",
            "课程 {course} 中还没有发布给 {learner} 的成绩"
        )));
    }
    let classes = qunxue_store::classes::classes_of_member(store.conn(), learner, course)?
        .into_iter()
        .map(|class| LearnerClass { profile_id: learner.to_string(), class: class.into() })
        .collect();
    let body = Body { grades, marks, classes };
    let entries = BTreeMap::from([(BODY.to_string(), serde_json::to_vec_pretty(&body).expect("body serialises"))]);
    let (bundle_id, sequence) =
        write_signed(store, data_dir, &instructor, BundleKind::Grades, course, &entries, out, now)?;
    Ok(ExportSummary {
        bundle_id,
        course_id: course.to_string(),
        sequence,
        items: body.grades.len() + body.marks.len(),
        attachments: 0,
    })
}

/// The learners of `course` who have a released grade or a marked short
/// answer: whom [`export_grades`] can write a bundle for.
pub fn learners_with_grades(store: &Store, course: &str) -> Result<Vec<String>> {
    let mut learners = std::collections::BTreeSet::new();
    for result in marks::results_of_course(store.conn(), course)? {
        learners.insert(submissions::version(store.conn(), &result.version_id)?.profile_id);
    }
    for attempt in qunxue_store::attempts::finished_of_course(store.conn(), course)? {
        if !qunxue_store::attempt_answers::manual_grades(store.conn(), &attempt.id)?.is_empty() {
            learners.insert(attempt.profile_id);
        }
    }
    Ok(learners.into_iter().collect())
}

fn answer_marks(store: &Store, course: &str, learner: &str) -> Result<Vec<AnswerMark>> {
    let mut marks = Vec::new();
    for attempt in qunxue_store::attempts::finished_of_course(store.conn(), course)? {
        if attempt.profile_id != learner {
            continue;
        }
        for (question_id, grade) in qunxue_store::attempt_answers::manual_grades(store.conn(), &attempt.id)? {
            marks.push(AnswerMark {
                profile_id: attempt.profile_id.clone(),
                attempt_id: attempt.id.clone(),
                question_id,
                score: grade.score,
                comment: grade.comment,
                graded_at: grade.graded_at,
            });
        }
    }
    Ok(marks)
}

/// Applies a grades bundle. Any profile may import one: the results are
/// signed by the instructor key pinned for the course, so the importer
/// cannot change a grade this way. All or nothing.
pub fn import_grades(
    store: &mut Store,
    profile: &str,
    bundle_path: &Path,
    expected_course: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    access::caller(store.conn(), profile)?;
    let bundle = read_bundle(bundle_path, BundleKind::Grades)?;
    let manifest = &bundle.manifest;
    let signer = instructor_signer(&manifest.course_id);
    if admit(store.conn(), manifest, &signer, expected_course)? == Admission::AlreadyImported {
        return Ok(already(manifest));
    }
    let body: Body = serde_json::from_slice(
        bundle.entries.get(BODY).ok_or_else(|| AppError::Rejected(msg!("{BODY} is missing", "成绩包缺少 {BODY}")))?,
    )
    .map_err(|e| AppError::Rejected(msg!("{BODY} is malformed: {e}", "{BODY} 无法解析：{e}")))?;
    for g in &body.grades {
        if g.version.course_id != manifest.course_id || g.result.version_id != g.version.id {
            let id = &g.version.id;
            return Err(AppError::Rejected(msg!(
                "entry {id} of the grades bundle does not belong to the course",
                "成绩包中的条目 {id} 与课程不符"
            )));
        }
    }
    let now = stamp(now);
    let conn_has_task =
        |store: &Store, g: &GradeEntry| load_task(store.conn(), &g.version.course_id, &g.version.task_id).is_ok();
    let applicable: Vec<&GradeEntry> = body
        .grades
        .iter()
        .filter(|g| profiles::get(store.conn(), &g.version.profile_id).is_ok() && conn_has_task(store, g))
        .collect();
    let added = store.transact(|tx| -> Result<usize> {
        let mut added = 0;
        for g in &applicable {
            let known = submissions::version(tx, &g.version.id).is_ok();
            if !known {
                // Only observations are born on the instructor's machine; a
                // missing written submission is not ours to recreate.
                if g.version.source != SOURCE_OBSERVATION {
                    continue;
                }
                submissions::insert_version(tx, &g.version)?;
            }
            marks::save_result(tx, &g.result)?;
            added += 1;
        }
        for c in &body.classes {
            // Only for a profile of this machine.
            if profiles::get(tx, &c.profile_id).is_ok() {
                let record = qunxue_store::classes::ClassRecord {
                    id: c.class.id.clone(),
                    course_id: manifest.course_id.clone(),
                    name: c.class.name.clone(),
                    created_at: now.clone(),
                };
                qunxue_store::classes::upsert_class(tx, &record)?;
                qunxue_store::classes::add_member(tx, &c.class.id, &c.profile_id, &now)?;
            }
        }
        for m in &body.marks {
            // Only for the attempt's own learner, on a machine that has both.
            let owned = qunxue_store::attempts::get(tx, &m.attempt_id).is_ok_and(|a| a.profile_id == m.profile_id);
            let grade = ManualGrade {
                score: m.score,
                comment: m.comment.clone(),
                graded_by: None,
                graded_at: m.graded_at.clone(),
            };
            if owned && apply_mark_from_elsewhere(tx, &m.attempt_id, &m.question_id, &grade)? {
                added += 1;
            }
        }
        record(tx, manifest, &signer, &now)?;
        Ok(added)
    })?;
    Ok(ImportSummary {
        bundle_id: manifest.bundle_id.clone(),
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        already_imported: false,
        added,
        skipped: (body.grades.len() + body.marks.len()).saturating_sub(added),
    })
}
