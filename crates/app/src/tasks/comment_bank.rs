//! The comment bank: comments an instructor reuses across submissions, per
//! criterion or for overall feedback, most used first.

use chrono::{DateTime, Utc};
use qunxue_store::marks::{self, BankComment};
use qunxue_store::Store;

use super::common::stamp;
use crate::access::{self, Role};
use crate::msg;
use crate::{AppError, Message, Result};

/// What every function here needs the instructor role for.
fn action() -> Message {
    msg!("managing the comment bank", "管理评语库")
}

/// The comment bank of `course`, most used first (instructor or admin).
pub fn list_comments(store: &Store, profile: &str, course: &str) -> Result<Vec<BankComment>> {
    access::require(store.conn(), profile, Role::Instructor, action())?;
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
    access::require(store.conn(), profile, Role::Instructor, action())?;
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::Rejected(msg!("the comment is empty", "评语不能为空")));
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
    access::require(store.conn(), profile, Role::Instructor, action())?;
    if !store.transact(|tx| marks::use_comment(tx, id))? {
        return Err(AppError::NotFound(msg!("comment {id} not found", "找不到评语 {id}")));
    }
    find(store, course, id)
}

/// Removes comment `id` from the bank; marks that used it keep their text (instructor or admin).
pub fn delete_comment(store: &mut Store, profile: &str, id: &str) -> Result<()> {
    access::require(store.conn(), profile, Role::Instructor, action())?;
    if !store.transact(|tx| marks::delete_comment(tx, id))? {
        return Err(AppError::NotFound(msg!("comment {id} not found", "找不到评语 {id}")));
    }
    Ok(())
}

fn find(store: &Store, course: &str, id: &str) -> Result<BankComment> {
    marks::comments(store.conn(), course)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| AppError::NotFound(msg!("comment {id} not found", "找不到评语 {id}")))
}
