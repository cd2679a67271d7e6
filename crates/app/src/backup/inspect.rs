//! Checks a backup file before anything relies on it: a SQLite database that
//! passes `PRAGMA integrity_check`, written by Qunxue, with a schema this
//! build can open.

use std::path::Path;

use qunxue_store::files::{self, Access};
use qunxue_store::StoreError;

use crate::{msg, AppError, Message, Result};

/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupCheck {
    /// The schema version (`PRAGMA user_version`); never newer than this build knows.
    pub schema_version: i64,
    /// How many profiles (people) the backup holds.
    pub profiles: i64,
    /// The file's size, in bytes.
    pub size: u64,
}

/// Opens `path` read-only and checks it; the error names the file and the problem.
pub fn verify_backup(path: &Path) -> Result<BackupCheck> {
    let size = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.len(),
        Ok(_) => {
            let path = path.display();
            return Err(AppError::Rejected(msg!("{path} is not a file", "{path} 不是文件")));
        }
        Err(_) => {
            let path = path.display();
            return Err(AppError::NotFound(msg!("backup file {path} does not exist", "备份文件 {path} 不存在")));
        }
    };
    let shown_path = path.display();
    let refuse = |problem: Message| {
        let (problem_en, problem_zh) = (problem.en, problem.zh);
        AppError::Rejected(msg!(
            "{shown_path}: {problem_en}; nothing was changed",
            "{shown_path}：{problem_zh}；没有做任何更改"
        ))
    };
    let unreadable = |e: StoreError| {
        let e = e.sqlite_text();
        refuse(msg!("cannot be read ({e})", "读取出错（{e}）"))
    };
    let conn = files::open_unmigrated(path, Access::ReadOnly).map_err(|e| {
        let e = e.sqlite_text();
        refuse(msg!("cannot be opened as a database ({e})", "无法作为数据库打开（{e}）"))
    })?;
    let problems = files::integrity_problems(&conn).map_err(|e| {
        let e = e.sqlite_text();
        refuse(msg!("is not a readable SQLite database ({e})", "不是可读取的 SQLite 数据库（{e}）"))
    })?;
    if !problems.is_empty() {
        let shown = problems.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
        return Err(refuse(msg!("failed the integrity check ({shown})", "未通过完整性检查（{shown}）")));
    }
    let schema_version = files::schema_version(&conn).map_err(unreadable)?;
    if schema_version > qunxue_store::SCHEMA_VERSION {
        let known = qunxue_store::SCHEMA_VERSION;
        return Err(refuse(msg!(
            "was written by a newer Qunxue (schema {schema_version}, this build knows {known}); update the app first",
            "由更新版本的群学写入（结构版本 {schema_version}，本程序只认识到 {known}），请先升级应用"
        )));
    }
    let profiles = files::learner_profiles(&conn).map_err(unreadable)?;
    let (true, Some(profiles)) = (schema_version >= 1, profiles) else {
        return Err(refuse(msg!(
            "is a SQLite database but not a Qunxue learner database",
            "是 SQLite 数据库，但不是群学的学员数据库"
        )));
    };
    Ok(BackupCheck { schema_version, profiles, size })
}
