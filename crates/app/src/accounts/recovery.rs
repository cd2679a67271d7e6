//! The admin's one-time recovery code: shown once when the admin is set up
//! (to print or save), stored only as an argon2 hash, and spent when used —
//! recovering issues a new one. It is the only way back for an admin who
//! forgot their PIN; there is no back door.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::crockford;
use crate::msg;
use crate::{AppError, Result};

/// 16 symbols of base32: 80 bits, beyond guessing even without the lock-out.
const SYMBOLS: usize = 16;

/// A recovery code and the hash to store for it.
pub(super) struct IssuedCode {
    /// As shown: four groups of four, e.g. `HD7K-2Q3M-9XTB-41RC`.
    pub shown: String,
    pub hash: String,
}

/// A new random code.
pub(super) fn issue() -> Result<IssuedCode> {
    let code = crockford::random_code(SYMBOLS, crate::msg!("a recovery code", "恢复码"))?;
    let shown =
        code.as_bytes().chunks(4).map(|g| String::from_utf8_lossy(g).into_owned()).collect::<Vec<_>>().join("-");
    let hash = Argon2::default()
        .hash_password(code.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(msg!("hashing the recovery code", "计算恢复码的哈希"), e))?;
    Ok(IssuedCode { shown, hash })
}

/// Whether a code as typed (any case, with or without dashes or spaces, O
/// for 0) matches the stored hash.
pub(super) fn matches(typed: &str, hash: &str) -> Result<bool> {
    let code = crockford::typed(typed);
    if code.len() != SYMBOLS || !crockford::is_code(&code) {
        return Ok(false);
    }
    match Argon2::default().verify_password(code.as_bytes(), hash) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(AppError::internal(msg!("reading the stored recovery code hash", "读取保存的恢复码哈希"), e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_grouped_hashed_and_matched_as_typed() {
        let issued = issue().unwrap();
        assert_eq!(issued.shown.len(), 19, "{}", issued.shown);
        assert_eq!(issued.shown.matches('-').count(), 3);
        assert!(!issued.hash.contains(&issued.shown.replace('-', "")));
        assert!(matches(&issued.shown, &issued.hash).unwrap());
        assert!(matches(&issued.shown.to_lowercase().replace('-', " "), &issued.hash).unwrap());
        assert!(!matches(&issue().unwrap().shown, &issued.hash).unwrap());
        assert!(!matches("short", &issued.hash).unwrap());
    }
}
