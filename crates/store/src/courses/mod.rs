//! Installed courses and their modules.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::{OptionalExt, Result};

/// A course as stored (without its modules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseRecord {
    /// The course's stable id from `course.toml`, e.g. `acme.demo`.
    pub id: String,
    /// Semantic version of the installed course; a higher one replaces it on import.
    pub version: String,
    /// Course title shown to learners.
    pub title: String,
    /// BCP 47 language tag of the content, e.g. `zh-CN`.
    pub language: String,
    /// Short summary of the course; empty when the pack gives none.
    pub description: String,
    /// Name of the organisation the course is branded for, if any.
    pub organisation: Option<String>,
    /// Main colour of the branded course screens, `#rrggbb`.
    pub primary_colour: Option<String>,
    /// Path of the logo image, relative to `source_dir`.
    pub logo_path: Option<String>,
    /// Folder holding the course's files; assets are served from here only.
    pub source_dir: String,
    /// RFC 3339 timestamps. On update, `installed_at` is kept as first written.
    pub installed_at: String,
    /// When the course was last installed or updated (RFC 3339).
    pub updated_at: String,
}

/// Replaces the instructors' public keys `course` names (lower-case hex).
pub fn replace_instructor_keys(tx: &Transaction<'_>, course: &str, keys: &[String]) -> Result<()> {
    tx.execute(include_str!("delete_instructor_keys.sql"), [course])?;
    let mut insert = tx.prepare_cached(include_str!("insert_instructor_key.sql"))?;
    for key in keys {
        insert.execute(params![course, key.to_ascii_lowercase()])?;
    }
    Ok(())
}

/// The instructors' public keys `course` names (empty: it names none).
pub fn instructor_keys(conn: &Connection, course: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(include_str!("instructor_keys.sql"))?;
    let keys = stmt.query_map([course], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// Replaces `course`'s completion rule (JSON; `None` removes it).
pub fn replace_completion_rule(tx: &Transaction<'_>, course: &str, rule: Option<&str>) -> Result<()> {
    tx.execute(include_str!("delete_completion_rule.sql"), [course])?;
    if let Some(rule) = rule {
        tx.execute(include_str!("insert_completion_rule.sql"), params![course, rule])?;
    }
    Ok(())
}

/// `course`'s completion rule (JSON), if it has one.
pub fn completion_rule(conn: &Connection, course: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached(include_str!("completion_rule.sql"))?.query_row([course], |r| r.get(0)).optional()?)
}

/// Sets (or clears) when `course`'s rules and laws were last checked.
pub fn set_reviewed_on(tx: &Transaction<'_>, course: &str, reviewed_on: Option<&str>) -> Result<()> {
    tx.execute(include_str!("delete_reviewed_on.sql"), [course])?;
    if let Some(date) = reviewed_on {
        tx.execute(include_str!("insert_reviewed_on.sql"), params![course, date])?;
    }
    Ok(())
}

/// When `course`'s rules and laws were last checked, if it says.
pub fn reviewed_on(conn: &Connection, course: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached(include_str!("reviewed_on.sql"))?.query_row([course], |r| r.get(0)).optional()?)
}

/// A module as stored, with its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleRecord {
    /// The module's stable id within the course; progress and notes are keyed on it.
    pub id: String,
    /// 1-based place in the reading order.
    pub position: i64,
    /// `theory`, `practice` or `case`.
    pub kind: String,
    /// Title shown in the outline and at the top of the page.
    pub title: String,
    /// Estimated study time in minutes; 0 when not given.
    pub minutes: i64,
    /// Learning objectives, one sentence each (stored as a JSON array).
    pub objectives: Vec<String>,
    /// The module's Markdown file, relative to the course folder.
    pub source_path: String,
    /// What learners get: without instructor blocks.
    pub markdown: String,
    /// HTML rendered and sanitised at import, without instructor blocks: what learners are served.
    pub html: String,
    /// `learner` (everyone) or `instructor` (instructors only).
    pub audience: String,
    /// The module with its instructor blocks, when it has any.
    pub instructor_html: Option<String>,
}

impl ModuleRecord {
    /// Whether only instructors may read the module (its `audience` is [`INSTRUCTOR_AUDIENCE`]).
    pub fn is_instructor_only(&self) -> bool {
        self.audience == INSTRUCTOR_AUDIENCE
    }
}

/// The `audience` of a module only instructors may read.
pub const INSTRUCTOR_AUDIENCE: &str = "instructor";

/// A module's outline entry (no content), for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleSummary {
    /// The module's stable id within the course.
    pub id: String,
    /// 1-based place in the reading order.
    pub position: i64,
    /// `theory`, `practice` or `case`.
    pub kind: String,
    /// Title shown in the outline.
    pub title: String,
    /// Estimated study time in minutes; 0 when not given.
    pub minutes: i64,
    /// `learner` (everyone) or `instructor` (instructors only).
    pub audience: String,
}

/// Which modules a listing holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// The modules everyone reads: what completing a course counts.
    Learners,
    /// Those and the instructor-only ones.
    Instructors,
}

/// Inserts or updates the course row.
pub fn upsert_course(tx: &Transaction<'_>, course: &CourseRecord) -> Result<()> {
    tx.execute(
        include_str!("upsert_course.sql"),
        params![
            course.id,
            course.version,
            course.title,
            course.language,
            course.description,
            course.organisation,
            course.primary_colour,
            course.logo_path,
            course.source_dir,
            course.installed_at,
            course.updated_at
        ],
    )?;
    Ok(())
}

/// Makes `modules` the course's current module list: inserts new ones,
/// updates existing ones and archives those no longer listed (their
/// progress rows keep pointing at them).
pub fn replace_modules(tx: &Transaction<'_>, course_id: &str, modules: &[ModuleRecord]) -> Result<()> {
    tx.execute(include_str!("archive_modules.sql"), [course_id])?;
    let mut upsert = tx.prepare_cached(include_str!("upsert_module.sql"))?;
    for m in modules {
        let objectives = serde_json::to_string(&m.objectives).expect("a list of strings always serialises");
        upsert.execute(params![
            course_id,
            m.id,
            m.position,
            m.kind,
            m.title,
            m.minutes,
            objectives,
            m.source_path,
            m.markdown,
            m.html,
            m.audience,
            m.instructor_html
        ])?;
    }
    Ok(())
}

/// Points a course at the folder its files are now served from.
pub fn set_source_dir(tx: &Transaction<'_>, course_id: &str, source_dir: &str) -> Result<()> {
    tx.execute(include_str!("set_source_dir.sql"), params![course_id, source_dir])?;
    Ok(())
}

/// Deletes a course with everything that belongs to it: modules, pack
/// content and the learners' progress in it. Returns false if it was not installed.
pub fn delete_course(tx: &Transaction<'_>, course_id: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("delete_course.sql"), [course_id])? > 0)
}

/// How many different people hold records in a course (what removing it
/// would delete), for the removal's confirmation.
pub fn people_with_records(conn: &Connection, course_id: &str) -> Result<usize> {
    let count: i64 =
        conn.prepare_cached(include_str!("people_with_records.sql"))?.query_row([course_id], |row| row.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Every installed course, without modules.
pub fn list_courses(conn: &Connection) -> Result<Vec<CourseRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("list_courses.sql"))?;
    let rows = stmt.query_map([], course_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One installed course by id; `NotFound` if it is not installed.
pub fn get_course(conn: &Connection, course_id: &str) -> Result<CourseRecord> {
    conn.prepare_cached(&format!("{} WHERE id = ?1", include_str!("list_courses.sql")))?
        .query_row([course_id], course_from_row)
        .or_not_found(|| (format!("course {course_id}"), format!("课程 {course_id}")))
}

/// Current (not archived) modules everyone reads, in reading order: what
/// progress and completion count.
pub fn list_modules(conn: &Connection, course_id: &str) -> Result<Vec<ModuleSummary>> {
    list_modules_for(conn, course_id, Readers::Learners)
}

/// Current modules in reading order, with the instructor-only ones when
/// `readers` are instructors.
pub fn list_modules_for(conn: &Connection, course_id: &str, readers: Readers) -> Result<Vec<ModuleSummary>> {
    let mut stmt = conn.prepare_cached(include_str!("list_modules.sql"))?;
    let everyone = readers == Readers::Instructors;
    let rows = stmt.query_map(params![course_id, everyone], |r| {
        Ok(ModuleSummary {
            id: r.get("id")?,
            position: r.get("position")?,
            kind: r.get("kind")?,
            title: r.get("title")?,
            minutes: r.get("minutes")?,
            audience: r.get("audience")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces `course`'s glossary: `(term id, the term as JSON)` in file order.
pub fn replace_glossary(tx: &Transaction<'_>, course: &str, terms: &[(String, String)]) -> Result<()> {
    tx.execute(include_str!("delete_glossary.sql"), [course])?;
    let mut insert = tx.prepare_cached(include_str!("insert_glossary_term.sql"))?;
    for (position, (id, body)) in terms.iter().enumerate() {
        insert.execute(params![course, id, position as i64 + 1, body])?;
    }
    Ok(())
}

/// `course`'s glossary terms as JSON, in file order.
pub fn glossary(conn: &Connection, course: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(include_str!("glossary.sql"))?;
    let rows = stmt.query_map([course], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One module (archived or not) with all its content; `NotFound` if the course has no such module.
pub fn get_module(conn: &Connection, course_id: &str, module_id: &str) -> Result<ModuleRecord> {
    module_by(conn, include_str!("get_module.sql"), params![course_id, module_id], course_id, module_id)
}

/// The module as the reader shows it: its `markdown` left empty (the reader
/// shows the HTML rendered at import, and the source doubled the bytes read
/// at every opening), `instructor_html` only for `readers` who are instructors.
pub fn get_module_page(conn: &Connection, course_id: &str, module_id: &str, readers: Readers) -> Result<ModuleRecord> {
    let instructors = readers == Readers::Instructors;
    module_by(
        conn,
        include_str!("get_module_page.sql"),
        params![course_id, module_id, instructors],
        course_id,
        module_id,
    )
}

/// The ids of the modules before and after `module` in the order
/// [`list_modules_for`] gives `readers`, without listing them all.
pub fn neighbours(
    conn: &Connection,
    course_id: &str,
    module: &ModuleRecord,
    readers: Readers,
) -> Result<(Option<String>, Option<String>)> {
    let everyone = readers == Readers::Instructors;
    Ok(conn
        .prepare_cached(include_str!("neighbours.sql"))?
        .query_row(params![course_id, everyone, module.position, module.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((None, None)))
}

fn module_by(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    course_id: &str,
    module_id: &str,
) -> Result<ModuleRecord> {
    let row = conn
        .prepare_cached(sql)?
        .query_row(params, |r| {
            Ok((
                ModuleRecord {
                    id: r.get("id")?,
                    position: r.get("position")?,
                    kind: r.get("kind")?,
                    title: r.get("title")?,
                    minutes: r.get("minutes")?,
                    objectives: Vec::new(),
                    source_path: r.get("source_path")?,
                    markdown: r.get("markdown")?,
                    html: r.get("html")?,
                    audience: r.get("audience")?,
                    instructor_html: r.get("instructor_html")?,
                },
                r.get::<_, String>("objectives")?,
            ))
        })
        .or_not_found(|| {
            (format!("module {module_id} of course {course_id}"), format!("课程 {course_id} 的模块 {module_id}"))
        })?;
    let (mut module, objectives) = row;
    module.objectives = serde_json::from_str(&objectives)
        .map_err(|e| crate::StoreError::Corrupt(format!("objectives of module {module_id}: {e}")))?;
    Ok(module)
}

fn course_from_row(r: &Row<'_>) -> rusqlite::Result<CourseRecord> {
    Ok(CourseRecord {
        id: r.get("id")?,
        version: r.get("version")?,
        title: r.get("title")?,
        language: r.get("language")?,
        description: r.get("description")?,
        organisation: r.get("organisation")?,
        primary_colour: r.get("primary_colour")?,
        logo_path: r.get("logo_path")?,
        source_dir: r.get("source_dir")?,
        installed_at: r.get("installed_at")?,
        updated_at: r.get("updated_at")?,
    })
}

#[cfg(test)]
pub(crate) mod tests;
