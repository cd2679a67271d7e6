//! The JSON Canonicalization Scheme (RFC 8785) for the documents we sign:
//! object members sorted by their UTF-16 code units, no whitespace, strings
//! escaped as ECMAScript does (which is what serde_json writes for a single
//! string). Numbers are limited to integers, the only ones our credentials
//! hold, so the ECMAScript number formatting question never arises.

use serde_json::Value;

use crate::{msg, AppError, Result};

pub(super) fn canonical(value: &Value) -> Result<String> {
    let mut out = String::new();
    write(value, &mut out)?;
    Ok(out)
}

fn write(value: &Value, out: &mut String) -> Result<()> {
    match value {
        Value::Null | Value::Bool(_) => out.push_str(&value.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => out.push_str(&n.to_string()),
        Value::Number(n) => {
            return Err(AppError::Internal(msg!("cannot canonicalise the non-integer {n}", "无法规范化非整数 {n}")))
        }
        Value::String(s) => out.push_str(&string(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out)?;
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut keys: Vec<&String> = members.keys().collect();
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&string(key));
                out.push(':');
                write(&members[key], out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_members_and_drops_whitespace() {
        let value = serde_json::json!({"b": [1, true, null], "a": {"z": "引号\"\n", "€": 1, "\r": 2}});
        assert_eq!(canonical(&value).unwrap(), "{\"a\":{\"\\r\":2,\"z\":\"引号\\\"\\n\",\"€\":1},\"b\":[1,true,null]}");
        assert!(canonical(&serde_json::json!({"x": 1.5})).is_err());
    }
}
