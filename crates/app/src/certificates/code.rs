//! Verification codes: an HMAC-SHA256, keyed with a random secret of this
//! installation, over (profile, course, version, date), shown as
//! `QX-XXXX-XXXX-XXXX-XXXX` (80 bits, Crockford base32: no I, L, O or U, so
//! a code read aloud or retyped is unambiguous).
//!
//! The key lives in the database's settings, created on first use: whoever
//! holds the database can check (and could forge) codes, which matches who
//! can already read every learner record in it. The code cannot be guessed
//! from the learner's details without the key.

use hmac::{Hmac, Mac};
use qunxue_store::Connection;
use sha2::Sha256;

use crate::tasks::bundles::keys::{decode_hex, encode_hex};
use crate::{msg, AppError, Result};

const KEY_SETTING: &str = "certificate_code_key";
use crate::crockford::ALPHABET;
const PREFIX: &str = "QX";

/// The installation's code key; created (in the caller's transaction) when missing.
pub(super) fn key(tx: &qunxue_store::Transaction<'_>) -> Result<[u8; 32]> {
    if let Some(key) = existing_key(tx)? {
        return Ok(key);
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| {
        AppError::Internal(msg!("no randomness for the certificate key: {e}", "无法为证书密钥获取随机数：{e}"))
    })?;
    qunxue_store::settings::set(tx, KEY_SETTING, &encode_hex(&key))?;
    Ok(key)
}

pub(super) fn existing_key(conn: &Connection) -> Result<Option<[u8; 32]>> {
    match qunxue_store::settings::get(conn, KEY_SETTING)? {
        None => Ok(None),
        Some(text) => decode_hex::<32>(&text).map(Some).ok_or_else(|| {
            AppError::Internal(msg!(
                "the setting {KEY_SETTING} is not a 32-byte hex key",
                "设置项 {KEY_SETTING} 不是 32 字节的十六进制密钥"
            ))
        }),
    }
}

/// The code for one learner, course version and date.
pub(super) fn code_for(key: &[u8; 32], profile: &str, course: &str, version: &str, date: &str) -> String {
    // Length-prefixed fields: ("ab","c") and ("a","bc") must not collide.
    let mut message = Vec::new();
    for field in [profile, course, version, date] {
        message.extend_from_slice(&(field.len() as u32).to_be_bytes());
        message.extend_from_slice(field.as_bytes());
    }
    let mac = hmac_sha256(key, &message);
    let mut bits: u128 = 0;
    for byte in &mac[..10] {
        bits = (bits << 8) | u128::from(*byte);
    }
    let chars: Vec<char> = (0..16).rev().map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char).collect();
    let groups: Vec<String> = chars.chunks(4).map(|c| c.iter().collect()).collect();
    format!("{PREFIX}-{}", groups.join("-"))
}

/// A code as typed (any case, spaces or dashes anywhere, O for 0, I/L for 1)
/// in its printed form, or `None` when it cannot be one.
pub fn normalise(typed: &str) -> Option<String> {
    let mut chars: Vec<char> = crate::crockford::typed(typed).chars().collect();
    if chars.len() == 18 && chars[..2] == ['Q', 'X'] {
        chars.drain(..2);
    }
    if chars.len() != 16 || !chars.iter().all(|c| ALPHABET.contains(&(*c as u8))) {
        return None;
    }
    let groups: Vec<String> = chars.chunks(4).map(|c| c.iter().collect()).collect();
    Some(format!("{PREFIX}-{}", groups.join("-")))
}

/// HMAC (RFC 2104) with SHA-256.
fn hmac_sha256(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        // RFC 4231 test case 2 uses a 4-byte key ("Jefe"), zero-padded like ours.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        let mac = hmac_sha256(&key, b"what do ya want for nothing?");
        assert_eq!(encode_hex(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn codes_are_deterministic_keyed_and_typed_back() {
        let key = [7u8; 32];
        let code = code_for(&key, "p1", "c1", "1.0.0", "2026-12-01");
        assert_eq!(code, code_for(&key, "p1", "c1", "1.0.0", "2026-12-01"));
        assert_ne!(code, code_for(&key, "p1", "c1", "1.0.0", "2026-12-02"));
        assert_ne!(code, code_for(&key, "p1", "c1", "1.1.0", "2026-12-01"));
        assert_ne!(code, code_for(&[8u8; 32], "p1", "c1", "1.0.0", "2026-12-01"));
        assert_eq!(code.len(), "QX-XXXX-XXXX-XXXX-XXXX".len());
        assert_eq!(normalise(&code.to_lowercase().replace('-', " ")).as_deref(), Some(code.as_str()));
        assert_eq!(normalise(&code[3..]).as_deref(), Some(code.as_str()));
        assert_eq!(normalise("QX-0000-0000-0000-000U"), None);
        assert_eq!(normalise("hello"), None);
    }
}
