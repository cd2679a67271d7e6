//! `qunxue-convert.toml` at the root of a converted pack: which course the
//! conversion made (so a re-conversion keeps its id and raises its version)
//! and the hash of every file it wrote (so a file the author edited since
//! is recognised and not overwritten unless asked).
//!
//! It sits beside `courses/` and `quizzes/`, where packs are not read from,
//! so it never reaches an import.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use qunxue_core::pack::{is_normalised_path, is_valid_id};

use crate::authoring::AuthoringError;

/// The file's name at the pack root.
pub const RECORD_FILE: &str = "qunxue-convert.toml";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Record {
    /// The converted file's name (for people reading the record).
    pub source: String,
    pub course_id: String,
    pub slug: String,
    #[serde(with = "version_text")]
    pub version: semver::Version,
    /// Pack-relative path → SHA-256 (hex) of the bytes written there.
    pub files: BTreeMap<String, String>,
}

impl Record {
    /// The record in `pack_dir`, if a conversion left one there.
    pub(super) fn load(pack_dir: &Path) -> crate::authoring::Result<Option<Record>> {
        let path = pack_dir.join(RECORD_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(AuthoringError::Io { path, error: e }),
        };
        let bad = |message: String| AuthoringError::BadPackage {
            path: path.clone(),
            part: RECORD_FILE.into(),
            message: format!("{message}; delete the file to convert afresh (ids may then change)"),
        };
        let record: Record = toml::from_str(&text).map_err(|e| bad(e.to_string()))?;
        // The record may come with a pack from someone else: it must not
        // steer writes or deletions outside the pack's own converted files.
        if !is_valid_id(&record.slug) || !is_valid_id(&record.course_id) {
            return Err(bad(format!("`{}` / `{}` is not a valid slug and course id", record.slug, record.course_id)));
        }
        if let Some(outside) = record.files.keys().find(|file| !record.may_write(file)) {
            return Err(bad(format!("`{outside}` is not a file a conversion writes")));
        }
        Ok(Some(record))
    }

    /// Whether `path` is one a conversion of this course writes: plain
    /// relative segments under its course folder, `schemas/`, or `.taplo.toml`.
    pub(super) fn may_write(&self, path: &str) -> bool {
        let plain = is_normalised_path(path) && !path.contains('\\') && !path.contains(':');
        let course = format!("courses/{}/", self.slug);
        plain && (path.starts_with(&course) || path.starts_with("schemas/") || path == ".taplo.toml")
    }

    pub(super) fn to_toml(&self) -> String {
        let header = "# Written by `qunxue convert`: keeps the course's id and module ids stable when the\n\
                      # document is converted again, and spots files edited since. Keep it with the pack.\n";
        format!("{header}{}", toml::to_string_pretty(self).expect("a record is always TOML"))
    }
}

/// Lowercase hex SHA-256.
pub(super) fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

mod version_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(version: &semver::Version, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&version.to_string())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<semver::Version, D::Error> {
        let text = String::deserialize(d)?;
        semver::Version::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(extra: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let text = format!("source = \"a.docx\"\ncourse_id = \"local.a\"\nslug = \"a\"\nversion = \"1.0.0\"\n{extra}");
        std::fs::write(dir.path().join(RECORD_FILE), text).unwrap();
        dir
    }

    #[test]
    fn a_record_cannot_steer_writes_outside_the_pack() {
        assert!(Record::load(with("[files]\n\"courses/a/modules/m.md\" = \"00\"\n").path()).unwrap().is_some());
        for bad in ["\"/tmp/victim.txt\"", "\"courses/a/../../x\"", "\"courses/b/m.md\"", "\"../x\""] {
            let dir = with(&format!("[files]\n{bad} = \"00\"\n"));
            assert!(matches!(Record::load(dir.path()), Err(AuthoringError::BadPackage { .. })), "{bad}");
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(RECORD_FILE),
            "source = \"a\"\ncourse_id = \"local.a\"\nslug = \"../../escaped\"\nversion = \"1.0.0\"\n[files]\n",
        )
        .unwrap();
        assert!(Record::load(dir.path()).is_err(), "a slug that climbs out");
    }
}
