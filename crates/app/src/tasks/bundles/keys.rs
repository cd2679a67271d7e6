//! Signing keys. Each profile that exports a bundle gets one ed25519 keypair,
//! generated on first use and kept in the app-data folder
//! (`keys/<profile id>.ed25519`, the 32-byte secret as hex), never in the
//! database, so a copied database file does not carry anyone's key.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;

use crate::{msg, AppError, Result};

fn key_path(data_dir: &Path, profile: &str) -> Result<PathBuf> {
    // Profile ids are UUIDs; refuse anything that could climb out of keys/.
    if profile.is_empty() || !profile.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(AppError::Rejected(msg!(
            "profile id `{profile}` cannot name a key file",
            "档案 ID `{profile}` 不能用作密钥文件名"
        )));
    }
    Ok(data_dir.join("keys").join(format!("{profile}.ed25519")))
}

/// The profile's signing key, created the first time it is needed.
pub fn signing_key(data_dir: &Path, profile: &str) -> Result<SigningKey> {
    let path = key_path(data_dir, profile)?;
    if path.exists() {
        let text = std::fs::read_to_string(&path).map_err(AppError::read(&path))?;
        let shown = path.display();
        let bytes = decode_hex::<32>(text.trim()).ok_or_else(|| {
            AppError::Internal(msg!("{shown} is not a 32-byte hex key", "{shown} 不是 32 字节的十六进制密钥"))
        })?;
        return Ok(SigningKey::from_bytes(&bytes));
    }
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| {
        AppError::Internal(msg!("no randomness for a new key: {e}", "无法获取生成新密钥所需的随机数：{e}"))
    })?;
    let dir = path.parent().expect("key path has a folder");
    crate::private_files::private_dir(dir)?;
    write_private(&path, &encode_hex(&secret))?;
    Ok(SigningKey::from_bytes(&secret))
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(AppError::write(path))?;
    file.write_all(text.as_bytes()).map_err(AppError::write(path))
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(AppError::write(path))
}

/// The pin on a learner's machine is per course: the first grades bundle of
/// a course fixes which instructor key may send its grades.
pub(crate) fn instructor_signer(course: &str) -> String {
    format!("instructor:{course}")
}

/// The pin on an instructor's machine is per learner: the first submissions
/// bundle of a learner fixes which key may send that learner's work.
pub(crate) fn learner_signer(id: &str) -> String {
    format!("learner:{id}")
}

/// A short, readable fingerprint of a hex public key (the first 80 bits of
/// its SHA-256, in groups of four), for people to compare by eye or read out
/// over the phone before trusting a key.
pub fn fingerprint(public_key_hex: &str) -> String {
    // Hash the key's bytes, not its hex text, so the fingerprint does not
    // depend on how the key happens to be spelled.
    let digest = match decode_hex::<32>(&public_key_hex.to_ascii_lowercase()) {
        Some(bytes) => crate::tasks::attachments::sha256_hex(&bytes),
        None => crate::tasks::attachments::sha256_hex(public_key_hex.as_bytes()),
    };
    digest.as_bytes()[..20].chunks(4).map(|c| String::from_utf8_lossy(c).to_uppercase()).collect::<Vec<_>>().join(" ")
}

/// `bytes` as lowercase hex, two digits per byte (keys, signatures and hashes in manifests).
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn decode_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != N * 2 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_created_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = signing_key(dir.path(), "p-1").unwrap();
        let again = signing_key(dir.path(), "p-1").unwrap();
        assert_eq!(first.to_bytes(), again.to_bytes());
        assert_ne!(signing_key(dir.path(), "p-2").unwrap().to_bytes(), first.to_bytes());
        assert!(signing_key(dir.path(), "../x").is_err());
        assert_eq!(decode_hex::<2>("0aff"), Some([10, 255]));
        assert_eq!(decode_hex::<2>("0aff0"), None);
    }

    #[test]
    fn fingerprints_are_short_grouped_and_key_specific() {
        let a = fingerprint(&encode_hex(&[1u8; 32]));
        assert_eq!(a.len(), 24);
        assert_eq!(a.split(' ').count(), 5);
        assert!(a.chars().all(|c| c == ' ' || c.is_ascii_digit() || c.is_ascii_uppercase()));
        assert_ne!(a, fingerprint(&encode_hex(&[2u8; 32])));
        assert_eq!(a, fingerprint(&encode_hex(&[1u8; 32])));
    }
}
