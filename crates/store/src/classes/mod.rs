//! Classes (identified by their join code), who belongs to which, and where
//! this machine learned each person's records from.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::Result;

/// Where a person's records reached this machine from.
pub const SOURCE_LOCAL: &str = "local";
/// Records imported from a signed learner-record bundle.
pub const SOURCE_BUNDLE: &str = "bundle";
/// Records read back from the company's Learning Record Store.
pub const SOURCE_LRS: &str = "lrs";

/// A class of a course, identified by the join code the instructor hands out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRecord {
    /// The join code.
    pub id: String,
    /// The course the class studies.
    pub course_id: String,
    /// Empty while only the code is known (a learner typed it).
    pub name: String,
    /// When this machine first stored the class: RFC 3339 UTC timestamp.
    pub created_at: String,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ClassRecord> {
    Ok(ClassRecord { id: r.get(0)?, course_id: r.get(1)?, name: r.get(2)?, created_at: r.get(3)? })
}

/// Adds a class, or fills in the name of one known only by its code.
/// Returns whether a class was added.
pub fn upsert_class(tx: &Transaction<'_>, class: &ClassRecord) -> Result<bool> {
    let added = tx
        .execute(include_str!("insert_class.sql"), params![class.id, class.course_id, class.name, class.created_at])?
        > 0;
    if !added && !class.name.is_empty() {
        tx.execute(include_str!("fill_class_name.sql"), params![class.id, class.name])?;
    }
    Ok(added)
}

/// The class with this join code, if this machine knows it.
pub fn get_class(conn: &Connection, id: &str) -> Result<Option<ClassRecord>> {
    Ok(conn.query_row(include_str!("get_class.sql"), [id], from_row).optional()?)
}

/// A course's classes, by name.
pub fn classes_of_course(conn: &Connection, course: &str) -> Result<Vec<ClassRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("classes_of_course.sql"))?;
    let rows = stmt.query_map([course], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The classes of a course a person belongs to.
pub fn classes_of_member(conn: &Connection, profile: &str, course: &str) -> Result<Vec<ClassRecord>> {
    let mut stmt = conn.prepare_cached(include_str!("classes_of_member.sql"))?;
    let rows = stmt.query_map([profile, course], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everyone's classes of a course, by profile (the class view: one query).
pub fn classes_by_member(
    conn: &Connection,
    course: &str,
) -> Result<std::collections::HashMap<String, Vec<ClassRecord>>> {
    let mut stmt = conn.prepare_cached(include_str!("classes_by_member.sql"))?;
    let mut by_member: std::collections::HashMap<String, Vec<ClassRecord>> = std::collections::HashMap::new();
    let rows = stmt.query_map([course], |r| Ok((r.get::<_, String>(4)?, from_row(r)?)))?;
    for row in rows {
        let (profile, class) = row?;
        by_member.entry(profile).or_default().push(class);
    }
    Ok(by_member)
}

/// Puts a person in a class (nothing happens if they are in it already).
pub fn add_member(tx: &Transaction<'_>, class: &str, profile: &str, now: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("add_member.sql"), params![class, profile, now])? > 0)
}

/// Takes a person out of a class; returns whether they were in it.
pub fn remove_member(tx: &Transaction<'_>, class: &str, profile: &str) -> Result<bool> {
    Ok(tx.execute(include_str!("remove_member.sql"), params![class, profile])? > 0)
}

/// Everyone in any of `classes` (the marking queue and the effect report
/// narrowed to chosen classes).
pub fn members_of(conn: &Connection, classes: &[String]) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached(include_str!("members_of.sql"))?;
    let mut members = std::collections::HashSet::new();
    for class in classes {
        for id in stmt.query_map([class], |r| r.get::<_, String>(0))? {
            members.insert(id?);
        }
    }
    Ok(members)
}

/// Notes that `profile`'s records reached this machine from `source` (a `SOURCE_*` value) at `now`.
pub fn note_source(tx: &Transaction<'_>, profile: &str, source: &str, now: &str) -> Result<()> {
    tx.execute(include_str!("note_source.sql"), params![profile, source, now])?;
    Ok(())
}

/// Where this machine has each profile's records from (local, bundle,
/// then the LRS), by profile.
pub fn sources_by_profile(conn: &Connection) -> Result<std::collections::HashMap<String, Vec<String>>> {
    let mut stmt = conn.prepare_cached(include_str!("sources_by_profile.sql"))?;
    let mut by_profile: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (profile, source) = row?;
        by_profile.entry(profile).or_default().push(source);
    }
    Ok(by_profile)
}

/// One learner of a course as the class view counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// The learner's profile id.
    pub profile_id: String,
    /// The learner's display name.
    pub display_name: String,
    /// `local` or `member`.
    pub origin: String,
    /// Current learner modules of the course the learner has completed.
    pub modules_done: i64,
    /// Short answers awaiting a mark and submissions awaiting a grade.
    pub pending_marks: i64,
    /// Mean of the latest released grade per task, as a percentage.
    pub task_percent: Option<f64>,
    /// Latest module opening, attempt or hand-in in the course (RFC 3339); `None` if none.
    pub last_activity: Option<String>,
}

/// Every learner with records in `course` or in one of its classes (only
/// those of `class` when given), by name.
pub fn roster(conn: &Connection, course: &str, class: Option<&str>) -> Result<Vec<RosterRow>> {
    let mut stmt = conn.prepare_cached(include_str!("roster.sql"))?;
    let rows = stmt.query_map(params![course, class], |r| {
        Ok(RosterRow {
            profile_id: r.get(0)?,
            display_name: r.get(1)?,
            origin: r.get(2)?,
            modules_done: r.get(3)?,
            pending_marks: r.get(4)?,
            task_percent: r.get(5)?,
            last_activity: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
