//! The one way the services read JSON the store keeps (quiz and task bodies,
//! rubric levels, completion rules): a body that does not parse is an error
//! naming what it is, never a silent default.

use serde::de::DeserializeOwned;

use crate::{msg, AppError, Message, Result};

/// Parses stored JSON; `what` names it in both languages for the error.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: Message) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        let (what_en, what_zh) = (what.en, what.zh);
        AppError::Internal(msg!("stored {what_en} is unreadable: {e}", "无法读取已保存的{what_zh}：{e}"))
    })
}
