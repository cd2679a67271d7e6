//! Issued course certificates: one row per learner, course version and day,
//! looked up by verification code.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::Result;

/// An issued course certificate, with names and titles kept as printed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Certificate {
    /// Verification code `QX-XXXX-XXXX-XXXX-XXXX`, a keyed hash of profile, course, version and date.
    pub code: String,
    /// The learner the certificate was issued to.
    pub profile_id: String,
    /// The completed course.
    pub course_id: String,
    /// The course version completed, as printed.
    pub course_version: String,
    /// The course's title when issued, so a later update does not change the certificate.
    pub course_title: String,
    /// The learner's display name when issued, so a later rename does not change the certificate.
    pub learner_name: String,
    /// `YYYY-MM-DD`, the date printed on the certificate.
    pub issued_on: String,
    /// RFC 3339, when it was first issued.
    pub issued_at: String,
}

const COLUMNS: &str = "code, profile_id, course_id, course_version, course_title, learner_name, issued_on, issued_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Certificate> {
    Ok(Certificate {
        code: r.get(0)?,
        profile_id: r.get(1)?,
        course_id: r.get(2)?,
        course_version: r.get(3)?,
        course_title: r.get(4)?,
        learner_name: r.get(5)?,
        issued_on: r.get(6)?,
        issued_at: r.get(7)?,
    })
}

/// Records a certificate; issuing the same one again (same code) keeps the first row.
pub fn insert(tx: &Transaction<'_>, certificate: &Certificate) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO certificates ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING"),
        params![
            certificate.code,
            certificate.profile_id,
            certificate.course_id,
            certificate.course_version,
            certificate.course_title,
            certificate.learner_name,
            certificate.issued_on,
            certificate.issued_at,
        ],
    )?;
    Ok(())
}

/// The certificate with this verification code, if one was issued here.
pub fn by_code(conn: &Connection, code: &str) -> Result<Option<Certificate>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM certificates WHERE code = ?1"), [code], from_row).optional()?)
}

/// A profile's certificates, newest first.
pub fn for_profile(conn: &Connection, profile: &str) -> Result<Vec<Certificate>> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM certificates WHERE profile_id = ?1 ORDER BY issued_at DESC, code"))?;
    let rows = stmt.query_map([profile], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Current modules of the course everyone reads (not the instructor-only
/// ones) the profile has not completed: (id, title), in reading order.
pub fn modules_not_completed(conn: &Connection, profile: &str, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("modules_not_completed.sql"))?;
    let rows = stmt.query_map(params![profile, course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The profile's best released grade of `task` in `course`, as a percentage
/// of the task's maximum (`None`: no released grade).
pub fn best_task_percent(conn: &Connection, profile: &str, course: &str, task: &str) -> Result<Option<f64>> {
    Ok(conn
        .prepare_cached(include_str!("best_task_percent.sql"))?
        .query_row(params![profile, course, task], |r| r.get(0))?)
}

/// Whether the profile answered `survey` of `course`.
pub fn answered_survey(conn: &Connection, profile: &str, course: &str, survey: &str) -> Result<bool> {
    Ok(conn.prepare_cached(include_str!("answered_survey.sql"))?.exists(params![course, survey, profile])?)
}

/// The ids of the course's current pack quizzes without a passed attempt by the profile.
pub fn quizzes_not_passed(conn: &Connection, profile: &str, course: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(include_str!("quizzes_not_passed.sql"))?;
    let rows = stmt.query_map(params![profile, course], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The course's current pack quizzes (id, body), the ones
/// [`quizzes_not_passed`] looks at.
pub fn pack_quizzes(conn: &Connection, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("pack_quizzes.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Per profile, how many of the course's current learner modules it has
/// completed (the class view: one query for a whole class).
pub fn completed_modules_by_profile(conn: &Connection, course: &str) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached(include_str!("completed_modules_by_profile.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many current learner modules the course has.
pub fn learner_module_count(conn: &Connection, course: &str) -> Result<i64> {
    Ok(conn.prepare_cached(include_str!("learner_module_count.sql"))?.query_row([course], |r| r.get(0))?)
}

/// Every (profile, quiz) of the course with a passed attempt.
pub fn passed_quizzes(conn: &Connection, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("passed_quizzes.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every (profile, task, best released grade in percent) of the course.
pub fn best_task_percents(conn: &Connection, course: &str) -> Result<Vec<(String, String, f64)>> {
    let mut stmt = conn.prepare_cached(include_str!("best_task_percents.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every (respondent, survey) of the course that has a response.
pub fn answered_surveys(conn: &Connection, course: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("answered_surveys.sql"))?;
    let rows = stmt.query_map([course], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The profile's certificate for this course version, if one was issued.
pub fn for_course_version(
    conn: &Connection,
    profile: &str,
    course: &str,
    version: &str,
) -> Result<Option<Certificate>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM certificates WHERE profile_id = ?1 AND course_id = ?2 AND course_version = ?3
             ORDER BY issued_at LIMIT 1"
        ))?
        .query_row(params![profile, course, version], from_row)
        .optional()?)
}
