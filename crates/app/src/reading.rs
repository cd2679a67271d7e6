//! Reading a course: its outline grouped by module kind, opening a module
//! (which records progress) and marking it completed.
//!
//! Instructor-only modules, and the instructor blocks of any module, reach
//! instructors only: a learner's outline does not list them and opening one
//! is refused as if it did not exist, whatever the front end asks.

use chrono::{DateTime, Utc};
use qunxue_core::xapi::{Event, Named};
use qunxue_core::ModuleKind;
pub use qunxue_store::courses::Readers;
use qunxue_store::courses::{self, ModuleRecord};
use qunxue_store::progress::{self, ModuleProgress};
use qunxue_store::Store;
use serde::Serialize;

use crate::library::{summarise, CourseSummary};
use crate::msg;
use crate::xapi;
use crate::Result;

/// One module in the course outline, with the learner's progress in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleEntry {
    /// The module's stable id within the course, to open it.
    pub id: String,
    /// The module's title, as the outline lists it.
    pub title: String,
    /// `theory`, `practice` or `case`.
    pub kind: String,
    /// Estimated study time in minutes; 0 when the course does not give one.
    pub minutes: i64,
    /// 1-based place in the course's reading order.
    pub position: i64,
    /// `not_started`, `in_progress` or `completed`.
    pub status: String,
    /// When the learner last opened the module (RFC 3339 timestamp); `None` if never.
    pub last_opened_at: Option<String>,
}

/// One section of the outline: the modules of one kind, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutlineSection {
    /// The section's module kind (`theory`, `practice`, `case`), or `instructor` for instructor-only modules.
    pub kind: String,
    /// The section's modules in reading order; a section without any is left out.
    pub modules: Vec<ModuleEntry>,
}

/// The course outline page: the course with the learner's progress counts, and its sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outline {
    /// The course as the course list shows it, for the page's header.
    pub course: CourseSummary,
    /// Theory, practice and case sections in that order, then instructor-only modules for instructors.
    pub sections: Vec<OutlineSection>,
}

/// A module opened for reading: its page and the links to its neighbours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleView {
    /// The module's stable id within the course.
    pub id: String,
    /// The course the module belongs to.
    pub course_id: String,
    /// The module's title, shown at the top of the page.
    pub title: String,
    /// `theory`, `practice` or `case`.
    pub kind: String,
    /// Estimated study time in minutes; 0 when the course does not give one.
    pub minutes: i64,
    /// The module's learning objectives, one sentence each, listed above the text.
    pub objectives: Vec<String>,
    /// The module's body as sanitised HTML; with its instructor blocks for instructors only.
    pub html: String,
    /// True for an instructor-only module (only instructors ever get one).
    pub instructor_only: bool,
    /// The reader's progress after this opening: `in_progress` or `completed`.
    pub status: String,
    /// The module before this one in reading order, as the reader may see it; `None` for the first.
    pub previous_id: Option<String>,
    /// The module after this one in reading order, as the reader may see it; `None` for the last.
    pub next_id: Option<String>,
}

/// The outline section that holds instructor-only modules.
pub const INSTRUCTOR_SECTION: &str = "instructor";

/// The course outline: one section per module kind (theory, practice,
/// case), modules in reading order, each with the learner's status; for an
/// instructor, a last section with the instructor-only modules.
pub fn outline(store: &Store, profile_id: &str, readers: Readers, course_id: &str) -> Result<Outline> {
    let course = summarise(store, profile_id, courses::get_course(store.conn(), course_id)?)?;
    let modules = courses::list_modules_for(store.conn(), course_id, readers)?;
    let progress = progress::for_course(store.conn(), profile_id, course_id)?;
    fn section_of(m: &courses::ModuleSummary) -> &str {
        if m.audience == courses::INSTRUCTOR_AUDIENCE {
            INSTRUCTOR_SECTION
        } else {
            m.kind.as_str()
        }
    }
    let kinds = ModuleKind::ALL.iter().map(|kind| kind.as_str()).chain([INSTRUCTOR_SECTION]);
    let sections = kinds
        .map(|kind| OutlineSection {
            kind: kind.to_string(),
            modules: modules
                .iter()
                .filter(|m| section_of(m) == kind)
                .map(|m| {
                    let p = progress.iter().find(|p| p.module_id == m.id);
                    ModuleEntry {
                        id: m.id.clone(),
                        title: m.title.clone(),
                        kind: m.kind.clone(),
                        minutes: m.minutes,
                        position: m.position,
                        status: status_of(p),
                        last_opened_at: p.map(|p| p.last_opened_at.clone()),
                    }
                })
                .collect(),
        })
        .filter(|section| !section.modules.is_empty())
        .collect();
    Ok(Outline { course, sections })
}

/// A module as `readers` may see it: an instructor-only module is refused
/// to learners, whatever asks for it.
pub(crate) fn readable_module(
    conn: &qunxue_store::Connection,
    readers: Readers,
    course_id: &str,
    module_id: &str,
) -> Result<ModuleRecord> {
    let module = courses::get_module(conn, course_id, module_id)?;
    refuse_hidden(&module, readers)?;
    Ok(module)
}

/// Refuses an instructor-only module to learners, whatever asks for it.
fn refuse_hidden(module: &ModuleRecord, readers: Readers) -> Result<()> {
    if module.is_instructor_only() && readers == Readers::Learners {
        return Err(crate::AppError::Forbidden {
            action: msg!("reading instructor-only material", "阅读讲师资料"),
            required: qunxue_store::profiles::Role::Instructor,
            actual: qunxue_store::profiles::Role::Learner,
        });
    }
    Ok(())
}

/// [`readable_module`] for the profile acting (its role read from the
/// database; a use-case only runs for a profile that is unlocked).
pub(crate) fn module_for(
    conn: &qunxue_store::Connection,
    profile_id: &str,
    course_id: &str,
    module_id: &str,
) -> Result<ModuleRecord> {
    let readers = crate::access::caller(conn, profile_id)?.readers();
    readable_module(conn, readers, course_id, module_id)
}

/// Opens a module for reading and records that the reader opened it.
/// Instructors get the module with its instructor blocks.
pub fn open_module(
    store: &mut Store,
    profile_id: &str,
    readers: Readers,
    course_id: &str,
    module_id: &str,
    now: DateTime<Utc>,
) -> Result<ModuleView> {
    let module = courses::get_module_page(store.conn(), course_id, module_id, readers)?;
    refuse_hidden(&module, readers)?;
    let (at, now) = (now, qunxue_store::time::stamp(now));
    let recorded = store.transact(|tx| -> Result<ModuleProgress> {
        let recorded = progress::record_open(tx, profile_id, course_id, module_id, &now)?;
        let module = Named::new(module_id, module.title.as_str());
        let event = if recorded.open_count == 1 {
            Event::ModuleLaunched { module }
        } else {
            Event::ModuleExperienced { module }
        };
        xapi::record::record(tx, profile_id, course_id, &event, at)?;
        Ok(recorded)
    })?;
    // Two index lookups, not the whole course listed (12% of an opening of a
    // 1,000-module course; docs/performance.md, P2).
    let (previous_id, next_id) = courses::neighbours(store.conn(), course_id, &module, readers)?;
    let instructor_only = module.is_instructor_only();
    Ok(ModuleView {
        previous_id,
        next_id,
        id: module.id,
        course_id: course_id.to_string(),
        title: module.title,
        kind: module.kind,
        minutes: module.minutes,
        objectives: module.objectives,
        instructor_only,
        html: match (readers, module.instructor_html) {
            (Readers::Instructors, Some(full)) => full,
            _ => module.html,
        },
        status: recorded.status.as_str().to_string(),
    })
}

/// Marks a module completed for the reader.
pub fn complete_module(
    store: &mut Store,
    profile_id: &str,
    readers: Readers,
    course_id: &str,
    module_id: &str,
    now: DateTime<Utc>,
) -> Result<ModuleEntry> {
    let module = courses::get_module_page(store.conn(), course_id, module_id, readers)?;
    refuse_hidden(&module, readers)?;
    let (at, now) = (now, qunxue_store::time::stamp(now));
    let p = store.transact(|tx| -> Result<ModuleProgress> {
        let was_completed = progress::for_course(tx, profile_id, course_id)?
            .iter()
            .any(|p| p.module_id == module_id && p.status == qunxue_store::status::ProgressStatus::Completed);
        let p = progress::mark_completed(tx, profile_id, course_id, module_id, &now)?;
        if !was_completed {
            xapi::record::module_completed(
                tx,
                profile_id,
                course_id,
                Named::new(module_id, module.title.as_str()),
                at,
            )?;
        }
        Ok(p)
    })?;
    Ok(ModuleEntry {
        id: module.id,
        title: module.title,
        kind: module.kind,
        minutes: module.minutes,
        position: module.position,
        status: status_of(Some(&p)),
        last_opened_at: Some(p.last_opened_at),
    })
}

fn status_of(progress: Option<&ModuleProgress>) -> String {
    progress.map_or_else(|| "not_started".to_string(), |p| p.status.as_str().to_string())
}
