//! Who may do what. Every service that grades, releases, manages studies or
//! changes another person's data asks [`require`] first, so a learner cannot
//! get round the UI by calling a command directly.

use qunxue_store::Connection;
use serde::Serialize;

pub use qunxue_store::profiles::Role;

use crate::{AppError, Message, Result};

/// The profile making a request, with its role as stored in the database
/// (never as claimed by the front end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    /// The calling profile's id.
    pub profile_id: String,
    /// The caller's role, read from the profiles table.
    pub role: Role,
}

impl Caller {
    /// Whether this caller holds `min` or a role above it.
    pub fn has(&self, min: Role) -> bool {
        self.role >= min
    }

    /// Which modules this caller may read: instructor-only ones need an
    /// instructor (or admin).
    pub fn readers(&self) -> qunxue_store::courses::Readers {
        if self.has(Role::Instructor) {
            qunxue_store::courses::Readers::Instructors
        } else {
            qunxue_store::courses::Readers::Learners
        }
    }
}

/// Looks up the caller's role.
pub fn caller(conn: &Connection, profile_id: &str) -> Result<Caller> {
    let profile = qunxue_store::profiles::get(conn, profile_id)?;
    Ok(Caller { profile_id: profile.id, role: profile.role })
}

/// The caller, if their role is `min` or higher; otherwise a `Forbidden`
/// error naming `action` (e.g. `msg!("releasing a grade", "发布成绩")`).
pub fn require(conn: &Connection, profile_id: &str, min: Role, action: Message) -> Result<Caller> {
    let caller = caller(conn, profile_id)?;
    if caller.has(min) {
        Ok(caller)
    } else {
        Err(AppError::Forbidden { action, required: min, actual: caller.role })
    }
}

#[cfg(test)]
mod tests {
    use qunxue_store::profiles::{self, Profile};
    use qunxue_store::Store;

    use super::*;
    use crate::ErrorKind;

    fn store_with(role: Role) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transact(|tx| -> qunxue_store::Result<()> {
                profiles::insert(tx, &Profile::learner("p", "甲", "t0"))?;
                profiles::set_role(tx, "p", role)
            })
            .unwrap();
        store
    }

    #[test]
    fn a_learner_is_refused_an_instructor_action() {
        let store = store_with(Role::Learner);
        let err =
            require(store.conn(), "p", Role::Instructor, crate::msg!("releasing a grade", "发布成绩")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        assert!(err.to_string().contains("releasing a grade"), "{err}");
    }

    #[test]
    fn higher_roles_include_lower_ones() {
        let store = store_with(Role::Admin);
        for min in Role::ALL {
            assert_eq!(require(store.conn(), "p", min, crate::msg!("x", "某操作")).unwrap().role, Role::Admin);
        }
        let store = store_with(Role::Instructor);
        assert!(require(store.conn(), "p", Role::Instructor, crate::msg!("x", "某操作")).is_ok());
        assert!(require(store.conn(), "p", Role::Admin, crate::msg!("x", "某操作")).is_err());
    }

    #[test]
    fn an_unknown_profile_is_not_found() {
        let store = store_with(Role::Admin);
        assert_eq!(
            require(store.conn(), "nobody", Role::Learner, crate::msg!("x", "某操作")).unwrap_err().kind(),
            ErrorKind::NotFound
        );
    }
}
