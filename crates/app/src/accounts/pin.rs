//! PINs: what a valid one looks like, hashing with argon2id into a PHC
//! string (salt and parameters inside it) and checking one against a hash.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::msg;
use crate::{AppError, Result};

use qunxue_store::profiles::Role;

/// The shortest PIN any profile may have.
pub const MIN_PIN_DIGITS: usize = 4;
/// Instructors and admins grade, release and install for everyone: a
/// 6-digit PIN has 250 times the combinations of a 4-digit one.
pub(super) const MIN_STAFF_PIN_DIGITS: usize = 6;
/// The longest PIN any profile may have.
pub const MAX_PIN_DIGITS: usize = 12;

/// The shortest PIN a profile with `role` may have.
pub fn min_digits(role: Role) -> usize {
    if role.needs_pin() {
        MIN_STAFF_PIN_DIGITS
    } else {
        MIN_PIN_DIGITS
    }
}

/// A PIN is ASCII digits, at least [`min_digits`] for the role and at most
/// [`MAX_PIN_DIGITS`]: easy to type on any keyboard, and the backend's
/// growing wait after wrong tries is what makes guessing slow.
pub fn validate(pin: &str, role: Role) -> Result<()> {
    let digits = pin.chars().count();
    let min = min_digits(role);
    if !(min..=MAX_PIN_DIGITS).contains(&digits) || !pin.chars().all(|c| c.is_ascii_digit()) {
        let role_zh = crate::role_zh(role);
        return Err(AppError::Rejected(msg!(
            "a PIN for the {role} role must be {min}–{MAX_PIN_DIGITS} digits",
            "{role_zh}的 PIN 必须是 {min}–{MAX_PIN_DIGITS} 位数字"
        )));
    }
    Ok(())
}

/// Hashes a PIN valid for `role` with argon2id and a fresh random salt.
pub fn hash(pin: &str, role: Role) -> Result<String> {
    validate(pin, role)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::internal(msg!("hashing the PIN", "计算 PIN 的哈希"), e))
}

/// Whether `pin` matches the stored PHC string. An unreadable hash is an
/// error, not a mismatch, so a damaged row is noticed.
pub(super) fn matches(pin: &str, phc: &str) -> Result<bool> {
    match Argon2::default().verify_password(pin.as_bytes(), phc) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(AppError::internal(msg!("reading the stored PIN hash", "读取保存的 PIN 哈希"), e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_never_contain_the_pin() {
        let phc = hash("246810", Role::Instructor).unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("246810"));
        assert!(matches("246810", &phc).unwrap());
        assert!(!matches("2469", &phc).unwrap());
        assert_ne!(hash("246810", Role::Instructor).unwrap(), phc, "each hash has its own salt");
        assert!(matches("246810", "not a hash").is_err());
    }

    #[test]
    fn a_learner_pin_has_four_to_twelve_digits_and_a_staff_pin_six_or_more() {
        for bad in ["123", "1234567890123", "12a4", "１２３４", "", "12 34"] {
            assert!(validate(bad, Role::Learner).is_err(), "{bad:?}");
        }
        for good in ["1234", "000000", "123456789012"] {
            assert!(validate(good, Role::Learner).is_ok(), "{good:?}");
        }
        for role in [Role::Instructor, Role::Admin] {
            for bad in ["1234", "12345", "1234567890123", "12a456"] {
                assert!(validate(bad, role).is_err(), "{role}: {bad:?}");
            }
            for good in ["123456", "000000", "123456789012"] {
                assert!(validate(good, role).is_ok(), "{role}: {good:?}");
            }
        }
        assert!(validate("12345", Role::Admin).unwrap_err().to_string().contains("6–12"));
    }
}
