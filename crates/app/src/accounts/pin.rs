//! PINs: what a valid one looks like, hashing with argon2id into a PHC
//! string (salt and parameters inside it) and checking one against a hash.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::{AppError, Result};

pub const MIN_PIN_DIGITS: usize = 4;
pub const MAX_PIN_DIGITS: usize = 12;

/// A PIN is 4–12 ASCII digits: easy to type on any keyboard, and the
/// backend's wait after wrong tries is what makes guessing slow.
pub fn validate(pin: &str) -> Result<()> {
    let digits = pin.chars().count();
    if !(MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&digits)
        || !pin.chars().all(|c| c.is_ascii_digit())
    {
        return Err(AppError::Rejected(format!(
            "PIN 必须是 {MIN_PIN_DIGITS}–{MAX_PIN_DIGITS} 位数字"
        )));
    }
    Ok(())
}

/// Hashes a valid PIN with argon2id and a fresh random salt.
pub fn hash(pin: &str) -> Result<String> {
    validate(pin)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::Internal(format!("cannot hash the PIN: {e}")))
}

/// Whether `pin` matches the stored PHC string. An unreadable hash is an
/// error, not a mismatch, so a damaged row is noticed.
pub fn matches(pin: &str, phc: &str) -> Result<bool> {
    match Argon2::default().verify_password(pin.as_bytes(), phc) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(AppError::Internal(format!(
            "the stored PIN hash is unreadable: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_never_contain_the_pin() {
        let phc = hash("2468").unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("2468"));
        assert!(matches("2468", &phc).unwrap());
        assert!(!matches("2469", &phc).unwrap());
        assert_ne!(hash("2468").unwrap(), phc, "each hash has its own salt");
        assert!(matches("2468", "not a hash").is_err());
    }

    #[test]
    fn only_four_to_twelve_digits_are_pins() {
        for bad in ["123", "1234567890123", "12a4", "１２３４", "", "12 34"] {
            assert!(validate(bad).is_err(), "{bad:?}");
        }
        for good in ["1234", "000000", "123456789012"] {
            assert!(validate(good).is_ok(), "{good:?}");
        }
    }
}
