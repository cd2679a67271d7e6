//! The comment bank: comments an instructor reuses across submissions, per
//! criterion or for overall feedback, most used first.

use chrono::{DateTime, Utc};
use qunxue_store::marks::{self, BankComment};
use qunxue_store::Store;

use super::common::stamp;
use crate::access::{self, Role};
use crate::{AppError, Result};

const ACTION: &str = "管理评语库 / managing the comment bank";

pub fn list_comments(store: &Store, profile: &str, course: &str) -> Result<Vec<BankComment>> {
    access::require(store.conn(), profile, Role::Instructor, ACTION)?;
    Ok(marks::comments(store.conn(), course)?)
}

/// Banks a comment (or finds the same one already banked) and returns it.
pub fn add_comment(
    store: &mut Store,
    profile: &str,
    course: &str,
    criterion: Option<&str>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<BankComment> {
    access::require(store.conn(), profile, Role::Instructor, ACTION)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::Rejected("评语不能为空 / the comment is empty".into()));
    }
    let draft = BankComment {
        id: uuid::Uuid::new_v4().to_string(),
        course_id: course.to_string(),
        criterion_id: criterion.map(str::to_string),
        text: text.to_string(),
        uses: 0,
    };
    let id = store.transact(|tx| marks::bank_comment(tx, &draft, &stamp(now)))?;
    find(store, course, &id)
}

/// Counts one reuse of a banked comment and returns it.
pub fn use_comment(store: &mut Store, profile: &str, course: &str, id: &str) -> Result<BankComment> {
    access::require(store.conn(), profile, Role::Instructor, ACTION)?;
    if !store.transact(|tx| marks::use_comment(tx, id))? {
        return Err(AppError::NotFound(format!("comment {id} not found")));
    }
    find(store, course, id)
}

pub fn delete_comment(store: &mut Store, profile: &str, id: &str) -> Result<()> {
    access::require(store.conn(), profile, Role::Instructor, ACTION)?;
    if !store.transact(|tx| marks::delete_comment(tx, id))? {
        return Err(AppError::NotFound(format!("comment {id} not found")));
    }
    Ok(())
}

fn find(store: &Store, course: &str, id: &str) -> Result<BankComment> {
    marks::comments(store.conn(), course)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| AppError::NotFound(format!("comment {id} not found")))
}
