//! Classes: an instructor creates one within a course and hands out its
//! join code; a learner joins by typing the code (or receives it with a
//! bundle). The code is the class's id on every machine, so the two sides
//! agree on the class without being connected.

use chrono::{DateTime, Utc};
use qunxue_store::classes::{self, ClassRecord};
use qunxue_store::{courses, Store};
use serde::Serialize;

use crate::msg;
use crate::tasks::common::stamp;
use crate::{AppError, Result};

use crate::crockford;

const CODE_LENGTH: usize = 8;

/// A class as screens and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassView {
    /// The class's id: its join code without the grouping dash, the same on every machine.
    pub id: String,
    /// The code to hand out, grouped for reading aloud: `HD7K-2Q3M`.
    pub join_code: String,
    /// The course the class belongs to.
    pub course_id: String,
    /// The name the instructor gave the class.
    pub name: String,
}

impl From<ClassRecord> for ClassView {
    fn from(class: ClassRecord) -> Self {
        ClassView { join_code: display_code(&class.id), id: class.id, course_id: class.course_id, name: class.name }
    }
}

fn display_code(code: &str) -> String {
    if code.len() == CODE_LENGTH {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

/// A typed code as stored: upper case, no dashes or spaces, and the letters
/// people confuse with digits read as those digits.
pub fn normalise_code(typed: &str) -> Result<String> {
    let code = crockford::typed(typed);
    if code.len() != CODE_LENGTH || !crockford::is_code(&code) {
        return Err(AppError::Rejected(msg!(
            "“{typed}” is not a class code (8 letters and digits, e.g. HD7K-2Q3M)",
            "「{typed}」不是班级代码：班级代码是 8 位字母和数字，例如 HD7K-2Q3M"
        )));
    }
    Ok(code)
}

fn new_code() -> Result<String> {
    crockford::random_code(CODE_LENGTH, crate::msg!("a class code", "班级码"))
}

/// Creates a class of `course` named `name` with a new join code.
pub fn create_class(store: &mut Store, course: &str, name: &str, now: DateTime<Utc>) -> Result<ClassView> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(AppError::Rejected(msg!("a class name has 1–60 characters", "班级名称需要 1–60 个字")));
    }
    courses::get_course(store.conn(), course)?;
    let record = ClassRecord { id: new_code()?, course_id: course.into(), name: name.into(), created_at: stamp(now) };
    store.transact(|tx| classes::upsert_class(tx, &record))?;
    Ok(record.into())
}

/// Puts `profile` in the class whose code was typed. On a machine that has
/// not seen the class, it is recorded by its code until a bundle names it.
pub fn join_class(
    store: &mut Store,
    profile: &str,
    course: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<ClassView> {
    let code = normalise_code(typed)?;
    courses::get_course(store.conn(), course)?;
    if let Some(known) = classes::get_class(store.conn(), &code)? {
        if known.course_id != course {
            let shown = display_code(&code);
            return Err(AppError::Rejected(msg!(
                "class {shown} belongs to another course",
                "班级代码 {shown} 属于另一门课程"
            )));
        }
    }
    let at = stamp(now);
    let record =
        ClassRecord { id: code.clone(), course_id: course.into(), name: String::new(), created_at: at.clone() };
    store.transact(|tx| -> Result<()> {
        classes::upsert_class(tx, &record)?;
        classes::add_member(tx, &code, profile, &at)?;
        Ok(())
    })?;
    Ok(classes::get_class(store.conn(), &code)?.unwrap_or(record).into())
}

/// A course's classes.
pub fn list_classes(store: &Store, course: &str) -> Result<Vec<ClassView>> {
    Ok(classes::classes_of_course(store.conn(), course)?.into_iter().map(Into::into).collect())
}
