//! Heading anchors sent back by the UI (a note's heading, the reading
//! position). They must look like the ids our renderer gives headings
//! (`qx-` + letters, digits, hyphens): anything else is refused rather than
//! stored and later used to find an element.

use crate::{msg, AppError, Result};

const MAX_ANCHOR_BYTES: usize = 200;

pub(crate) fn heading_anchor(raw: &str) -> Result<String> {
    let valid = raw.starts_with(qunxue_core::markdown::ID_PREFIX)
        && raw.len() <= MAX_ANCHOR_BYTES
        && raw.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(AppError::Rejected(msg!("invalid heading anchor {raw:?}", "无效的标题锚点 {raw:?}")));
    }
    Ok(raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::heading_anchor;

    #[test]
    fn only_renderer_style_ids_pass() {
        assert!(heading_anchor("qx-社群运营-1").is_ok());
        for bad in ["社群", "qx-a b", "qx-\"x", "qx-a]", &format!("qx-{}", "a".repeat(300))] {
            assert!(heading_anchor(bad).is_err(), "{bad}");
        }
    }
}
