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
use super::sign::write_signed;
use super::trust::{admit, already, record, Admission, ExportSummary, ImportSummary};
use crate::access::{self, Role};
use crate::tasks::common::{load_task, stamp};
use crate::{AppError, Result};

const BODY: &str = "grades.json";

#[derive(Debug, Serialize, Deserialize)]
struct GradeEntry {
    version: VersionRecord,
    result: ResultRecord,
}

#[derive(Debug, Serialize, Deserialize)]
struct Body {
    grades: Vec<GradeEntry>,
}

/// The pin on a learner's machine is per course: the first grades bundle of
/// a course fixes which instructor key may send its grades.
pub(crate) fn instructor_signer(course: &str) -> String {
    format!("instructor:{course}")
}

pub fn export_grades(
    store: &mut Store,
    data_dir: &Path,
    profile: &str,
    course: &str,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<ExportSummary> {
    let caller = access::require(store.conn(), profile, Role::Instructor, "导出成绩包 / exporting grades")?;
    let instructor = profiles::get(store.conn(), &caller.profile_id)?;
    qunxue_store::courses::get_course(store.conn(), course)?;
    let grades = marks::results_of_course(store.conn(), course)?
        .into_iter()
        .map(|result| Ok(GradeEntry { version: submissions::version(store.conn(), &result.version_id)?, result }))
        .collect::<Result<Vec<_>>>()?;
    if grades.is_empty() {
        return Err(AppError::Rejected(format!("课程 {course} 还没有已发布的成绩 / no released grades in {course}")));
    }
    let body = Body { grades };
    let entries = BTreeMap::from([(BODY.to_string(), serde_json::to_vec_pretty(&body).expect("body serialises"))]);
    let (bundle_id, sequence) =
        write_signed(store, data_dir, &instructor, BundleKind::Grades, course, &entries, out, now)?;
    Ok(ExportSummary { bundle_id, course_id: course.to_string(), sequence, items: body.grades.len(), attachments: 0 })
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
        bundle.entries.get(BODY).ok_or_else(|| AppError::Rejected(format!("成绩包缺少 {BODY} / {BODY} is missing")))?,
    )
    .map_err(|e| AppError::Rejected(format!("{BODY} 无法解析：{e} / {BODY} is malformed")))?;
    for g in &body.grades {
        if g.version.course_id != manifest.course_id || g.result.version_id != g.version.id {
            return Err(AppError::Rejected(format!(
                "成绩包中的条目 {} 与课程不符 / entry does not belong to the course",
                g.version.id
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
        record(tx, manifest, &signer, &now)?;
        Ok(added)
    })?;
    Ok(ImportSummary {
        bundle_id: manifest.bundle_id.clone(),
        course_id: manifest.course_id.clone(),
        signer_name: manifest.signer_name.clone(),
        already_imported: false,
        added,
        skipped: body.grades.len() - added,
    })
}
