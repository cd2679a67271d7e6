//! Chinese for the messages the `toml` crate and serde write about a TOML
//! file ("unknown field `x`, expected one of …", "missing field `x`", …), so
//! the commonest authoring mistakes read naturally in the Chinese UI. A
//! message of a shape not recognised here keeps its English text behind a
//! Chinese lead.

/// The Chinese for `detail`, one of the `toml` crate's error messages.
pub(crate) fn chinese(detail: &str) -> String {
    if let Some((value, expected)) = split_expected(detail, "unknown field ") {
        return match expected {
            Expected::OneOf(list) => format!("未知字段 {value}；可用的字段有：{}", list_zh(list)),
            Expected::Nothing => format!("未知字段 {value}；这里不应有任何字段"),
        };
    }
    if let Some((value, expected)) = split_expected(detail, "unknown variant ") {
        return match expected {
            Expected::OneOf(list) => format!("取值 {value} 无效；应为以下之一：{}", list_zh(list)),
            Expected::Nothing => format!("取值 {value} 无效"),
        };
    }
    if let Some(field) = detail.strip_prefix("missing field ") {
        return format!("缺少字段 {field}");
    }
    if let Some(field) = detail.strip_prefix("duplicate field ") {
        return format!("字段 {field} 重复");
    }
    if let Some(key) = detail.strip_prefix("duplicate key") {
        return format!("键{key}重复出现");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("类型不对：这里应为 {expected}，实际是 {found}");
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("值不对：这里应为 {expected}，实际是 {found}");
        }
    }
    format!("TOML 格式有误：{detail}")
}

enum Expected<'a> {
    /// "expected one of `a`, `b`" or "expected `a`"
    OneOf(&'a str),
    /// "there are no fields" / "there are no variants"
    Nothing,
}

/// Splits "<prefix>`x`, expected one of `a`, `b`" into "`x`" and the list.
fn split_expected<'a>(detail: &'a str, prefix: &str) -> Option<(&'a str, Expected<'a>)> {
    let rest = detail.strip_prefix(prefix)?;
    let (value, tail) = rest.split_once(", ")?;
    let expected = if let Some(list) = tail.strip_prefix("expected one of ") {
        Expected::OneOf(list)
    } else if let Some(list) = tail.strip_prefix("expected ") {
        Expected::OneOf(list)
    } else if tail.starts_with("there are no ") {
        Expected::Nothing
    } else {
        return None;
    };
    Some((value, expected))
}

/// "`a`, `b`" → "`a`、`b`"
fn list_zh(list: &str) -> String {
    list.replace("`, `", "`、`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Module {
        id: String,
        kind: Kind,
        minutes: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Theory,
        Practice,
        Case,
    }

    fn message_of(text: &str) -> String {
        toml::from_str::<Module>(text).unwrap_err().message().trim().to_string()
    }

    #[test]
    fn the_commonest_mistakes_read_as_chinese() {
        let cases = [
            (
                "id = \"m\"\nkind = \"theory\"\nminutes = 5\nauther = \"x\"\n",
                "未知字段 `auther`；可用的字段有：`id`、`kind`、`minutes`",
            ),
            (
                "id = \"m\"\nkind = \"lecture\"\nminutes = 5\n",
                "取值 `lecture` 无效；应为以下之一：`theory`、`practice`、`case`",
            ),
            ("id = \"m\"\nkind = \"case\"\n", "缺少字段 `minutes`"),
            ("id = \"m\"\nkind = \"case\"\nminutes = \"five\"\n", "类型不对：这里应为 u32，实际是 string \"five\""),
        ];
        for (text, expected) in cases {
            let english = message_of(text);
            assert_eq!(chinese(&english), expected, "from: {english}");
        }
    }

    #[test]
    fn other_messages_keep_their_english_behind_a_chinese_lead() {
        let english = message_of("id = \"m\"\nkind = \n");
        let zh = chinese(&english);
        assert!(zh.starts_with("TOML 格式有误：") && zh.ends_with(&english), "{zh}");
    }
}
