//! What several budgets set up the same way: a new database with the
//! shipped course installed (P4's quality, P7, P8) and an instructor in it.

use std::path::Path;

use qunxue_app::import::import_pack;
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::Store;

use super::{fresh_dir, now, Settings};

/// The shipped course, installed on every machine.
pub const COURSE_DIR: &str = "courses/community-ops";
/// The instructor profile the budgets act as where a role is checked.
pub const INSTRUCTOR: &str = "bench-instructor";

/// A new database in `dir` (emptied first) with the shipped course
/// installed; returns it and the course's id.
pub fn shipped_course_store(settings: &Settings, dir: &Path) -> anyhow::Result<(Store, String)> {
    let dir = fresh_dir(dir)?;
    let mut store = Store::open(&dir.join("qunxue.db"))?;
    let installed =
        import_pack(&mut store, &dir.join("data"), &settings.repo.join(COURSE_DIR), false, now(), &mut |_| {})?;
    let course_id = installed
        .first()
        .map(|course| course.course_id.clone())
        .ok_or_else(|| anyhow::anyhow!("{COURSE_DIR} installed no course"))?;
    Ok((store, course_id))
}

/// Adds [`INSTRUCTOR`] to `store`; returns its id.
pub fn add_instructor(store: &mut Store) -> anyhow::Result<String> {
    let stamp = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    store.transact(|tx| -> anyhow::Result<()> {
        profiles::insert(tx, &Profile::learner(INSTRUCTOR, "讲师", &stamp))?;
        profiles::set_role(tx, INSTRUCTOR, Role::Instructor)?;
        Ok(())
    })?;
    Ok(INSTRUCTOR.to_string())
}
