//! Secrets kept out of the database (issue 26): the LRS password. Whoever
//! copies the database file or a backup must not find it there.
//!
//! They go to the operating system's credential store — Keychain on macOS,
//! Credential Manager on Windows, the Secret Service (GNOME Keyring, KWallet)
//! on Linux — through the `keyring` crate. A machine without one (a bare
//! Linux install, a CI runner) keeps them in an owner-only file in the
//! `secrets/` folder beside the database, which backups never copy (a
//! backup is the database alone).
//!
//! Each database has its own secrets: they are named by a random id stored
//! in the database (`secrets_id`, made when the first secret is stored, so
//! reading writes nothing), so two databases on one computer (a second
//! `--data-dir`, a test) never read each other's password, and a restored
//! backup still finds the password of the database it came from.

use std::path::{Path, PathBuf};

use qunxue_store::{settings as keys, Store};

use crate::private_files::{private_dir, private_file};
use crate::{msg, AppError, Result};

/// The service name secrets are filed under in the OS credential store.
const SERVICE: &str = "qunxue";
const SECRETS_ID: &str = "secrets_id";

/// Where this machine keeps secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretStoreKind {
    /// The OS credential store.
    Keyring,
    /// An owner-only file beside the database.
    File,
}

/// The secrets of one database.
#[derive(Debug, Clone)]
pub struct Secrets {
    kind: SecretStoreKind,
    folder: PathBuf,
    /// `None` until the database's first secret is stored.
    scope: Option<String>,
}

impl Secrets {
    /// The secrets of the database in `store`, whose files live in
    /// `data_dir`. `QUNXUE_SECRETS=file` or `=keyring` forces a store
    /// (tests); otherwise the OS store is used when it answers.
    pub fn of(store: &Store, data_dir: &Path) -> Result<Self> {
        let kind = match std::env::var("QUNXUE_SECRETS").as_deref() {
            Ok("file") => SecretStoreKind::File,
            Ok("keyring") => SecretStoreKind::Keyring,
            _ if keyring_answers() => SecretStoreKind::Keyring,
            _ => SecretStoreKind::File,
        };
        Self::in_store(store, data_dir, kind)
    }

    fn in_store(store: &Store, data_dir: &Path, kind: SecretStoreKind) -> Result<Self> {
        let scope = keys::get(store.conn(), SECRETS_ID)?;
        Ok(Secrets { kind, folder: data_dir.join("secrets"), scope })
    }

    /// Where this machine keeps its secrets: the OS keyring or an owner-only file (`QUNXUE_SECRETS` overrides).
    pub fn kind(&self) -> SecretStoreKind {
        self.kind
    }

    /// The secret called `name`, if one is stored.
    pub fn get(&self, name: &str) -> Result<Option<String>> {
        let Some(scope) = &self.scope else { return Ok(None) };
        match self.kind {
            SecretStoreKind::Keyring => match entry(name, scope)?.get_password() {
                Ok(value) => Ok(Some(value)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(keyring_error(name, e)),
            },
            SecretStoreKind::File => {
                let path = self.file(name, scope);
                match std::fs::read_to_string(&path) {
                    Ok(value) => Ok(Some(value)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(AppError::read(&path)(e)),
                }
            }
        }
    }

    /// Stores `value` as `name`, replacing what was there (the first time,
    /// the database's secrets id is made in `store`).
    pub fn set(&mut self, store: &mut Store, name: &str, value: &str) -> Result<()> {
        let scope = match &self.scope {
            Some(scope) => scope.clone(),
            None => {
                let id = uuid::Uuid::new_v4().to_string();
                store.transact(|tx| keys::set(tx, SECRETS_ID, &id))?;
                self.scope = Some(id.clone());
                id
            }
        };
        match self.kind {
            SecretStoreKind::Keyring => entry(name, &scope)?.set_password(value).map_err(|e| keyring_error(name, e)),
            SecretStoreKind::File => {
                private_dir(&self.folder)?;
                let path = self.file(name, &scope);
                let partial = path.with_extension("partial");
                // Owner-only before the secret is written into it.
                std::fs::write(&partial, b"").map_err(AppError::write(&partial))?;
                private_file(&partial)?;
                std::fs::write(&partial, value).map_err(AppError::write(&partial))?;
                std::fs::rename(&partial, &path).map_err(AppError::write(&path))
            }
        }
    }

    /// Forgets `name` (nothing to do when it is not stored).
    pub fn delete(&self, name: &str) -> Result<()> {
        let Some(scope) = &self.scope else { return Ok(()) };
        match self.kind {
            SecretStoreKind::Keyring => match entry(name, scope)?.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(keyring_error(name, e)),
            },
            SecretStoreKind::File => {
                let path = self.file(name, scope);
                match std::fs::remove_file(&path) {
                    Ok(()) => Ok(()),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                    Err(e) => Err(AppError::write(&path)(e)),
                }
            }
        }
    }

    fn file(&self, name: &str, scope: &str) -> PathBuf {
        self.folder.join(format!("{name}-{scope}"))
    }
}

fn entry(name: &str, scope: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("{name}/{scope}")).map_err(|e| keyring_error(name, e))
}

/// Whether the OS credential store is there and answers (a missing entry is
/// an answer; no Secret Service on the session bus is not). Asked once per
/// process: the background sync reads the password every minute, and a
/// machine without a session bus would otherwise try to reach one each time.
fn keyring_answers() -> bool {
    static ANSWERS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWERS.get_or_init(|| {
        let probe = keyring::Entry::new(SERVICE, "availability-probe").and_then(|entry| entry.get_password());
        matches!(probe, Ok(_) | Err(keyring::Error::NoEntry))
    })
}

fn keyring_error(name: &str, error: keyring::Error) -> AppError {
    AppError::Internal(msg!(
        "the OS credential store failed for {name}: {error}",
        "系统凭据库无法读写「{name}」：{error}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets_in(kind: SecretStoreKind) -> (tempfile::TempDir, Store, Secrets) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("qunxue.db")).unwrap();
        let secrets = Secrets::in_store(&store, dir.path(), kind).unwrap();
        (dir, store, secrets)
    }

    /// Stores, replaces, reads back and deletes a secret; nothing of it in
    /// the database file.
    fn round_trip(kind: SecretStoreKind) -> (tempfile::TempDir, Secrets) {
        let (dir, mut store, mut secrets) = secrets_in(kind);
        assert_eq!(secrets.get("lrs-password").unwrap(), None);
        secrets.set(&mut store, "lrs-password", "first-Secret-1").unwrap();
        secrets.set(&mut store, "lrs-password", "lrs-Secret-42").unwrap();
        assert_eq!(secrets.get("lrs-password").unwrap().as_deref(), Some("lrs-Secret-42"));
        // Read again as the next run of the app would.
        let again = Secrets::in_store(&store, dir.path(), kind).unwrap();
        assert_eq!(again.get("lrs-password").unwrap().as_deref(), Some("lrs-Secret-42"));
        drop(store);
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                assert!(!bytes.windows(13).any(|w| w == b"lrs-Secret-42"), "{} holds the secret", path.display());
            }
        }
        (dir, secrets)
    }

    #[test]
    fn without_a_keyring_secrets_live_in_an_owner_only_file_beside_the_database() {
        let (dir, secrets) = round_trip(SecretStoreKind::File);
        assert_eq!(secrets.kind(), SecretStoreKind::File);
        let files: Vec<_> = std::fs::read_dir(dir.path().join("secrets")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(files.len(), 1, "{files:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(std::fs::metadata(dir.path().join("secrets")).unwrap().permissions().mode() & 0o777, 0o700);
        }
        secrets.delete("lrs-password").unwrap();
        assert_eq!(secrets.get("lrs-password").unwrap(), None);
        secrets.delete("lrs-password").unwrap();
    }

    /// Needs a running Secret Service: `cargo xtask test` runs it inside
    /// `dbus-run-session` with an unlocked GNOME Keyring.
    #[test]
    #[ignore = "needs a Secret Service on the session bus (cargo xtask test provides one)"]
    fn with_a_keyring_secrets_live_in_it_and_nowhere_on_disk() {
        assert!(keyring_answers(), "no Secret Service answers on the session bus");
        let (dir, secrets) = round_trip(SecretStoreKind::Keyring);
        assert_eq!(secrets.kind(), SecretStoreKind::Keyring);
        assert!(!dir.path().join("secrets").exists(), "nothing written beside the database");
        // Another database's secrets are its own.
        let (_other_dir, _other_store, other) = secrets_in(SecretStoreKind::Keyring);
        assert_eq!(other.get("lrs-password").unwrap(), None);
        secrets.delete("lrs-password").unwrap();
        assert_eq!(secrets.get("lrs-password").unwrap(), None);
    }
}
