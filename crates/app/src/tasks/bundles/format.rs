//! The bundle file: a zip holding `manifest.json`, `manifest.sig` (hex
//! ed25519 signature of the manifest's exact bytes) and the entries the
//! manifest lists with their SHA-256. Reading verifies everything before
//! anything is kept: safe names, the signature (before any other entry is
//! read), no missing or extra entry, size limits, every hash (streamed). Which key *should* have signed is the
//! importer's question (pinning), not this module's.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::keys::{decode_hex, encode_hex};
use crate::pack_source::Limits;
use crate::tasks::attachments::sha256_hex;
use crate::{msg, AppError, Message, Result};

/// The bundle format this build writes and reads, named in every manifest's `format`.
pub const FORMAT: &str = "qunxue-bundle/1";
const MANIFEST: &str = "manifest.json";
const SIGNATURE: &str = "manifest.sig";
/// Whole-bundle budget: generous for a class's attachments, small enough
/// that a hostile file cannot exhaust memory.
pub const MAX_BUNDLE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const MAX_ENTRIES: usize = 100_000;
/// Most memory reserved for an entry before its bytes arrive.
const RESERVE_BYTES: u64 = 1024 * 1024;

/// What a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// Learners' task submissions, for an instructor to mark.
    Submissions,
    /// An instructor's released grades, for the learners' machines.
    Grades,
    /// Learner records of a course (progress, attempts, surveys, work).
    Records,
}

impl BundleKind {
    /// The kind as the bundle log stores it: `submissions`, `grades` or `records`.
    pub fn as_str(self) -> &'static str {
        match self {
            BundleKind::Submissions => "submissions",
            BundleKind::Grades => "grades",
            BundleKind::Records => "records",
        }
    }
}

/// One file of the bundle as the signed manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// The entry's name inside the zip.
    pub path: String,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// Its uncompressed size, in bytes.
    pub size: u64,
}

/// `manifest.json`: what the bundle holds and who signed it; `manifest.sig` signs its exact bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The bundle format, [`FORMAT`]; any other is refused.
    pub format: String,
    /// What the bundle carries.
    pub kind: BundleKind,
    /// UUID: importing the same bundle twice is recognised by it.
    pub bundle_id: String,
    /// The course the bundle's contents belong to.
    pub course_id: String,
    /// Increases with every bundle of this kind the signer exports for the course.
    pub sequence: i64,
    /// When the bundle was exported: RFC 3339 UTC timestamp with milliseconds.
    pub created_at: String,
    /// The profile that signed (learner for submissions, instructor for grades).
    pub signer_id: String,
    /// The signer's display name, shown when importing or trusting the key.
    pub signer_name: String,
    /// Hex ed25519 public key.
    pub public_key: String,
    /// Every other file of the bundle, with its hash and size.
    pub entries: Vec<ManifestEntry>,
}

/// Why a bundle is refused; every message says what to do about it.
/// `Display` is the English text; [`BundleError::message`] has both languages.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message().en)]
pub enum BundleError {
    /// The file is not a readable zip, or an entry could not be inflated.
    NotAZip {
        /// The bundle file, or the entry that could not be read.
        path: String,
        /// The zip library's or the I/O error, as text.
        detail: String,
    },
    /// The bundle lacks `manifest.json` or `manifest.sig`; holds which.
    Missing(&'static str),
    /// `manifest.json` is not a manifest; holds the parser's message.
    BadManifest(String),
    /// The manifest names a format other than [`FORMAT`]; holds that format.
    UnsupportedFormat(String),
    /// `manifest.sig` does not verify against the manifest and the key it names.
    BadSignature,
    /// An entry's size or SHA-256 differs from what the manifest says; holds its path.
    Tampered(String),
    /// The zip holds an entry the manifest does not list; holds its name.
    Unexpected(String),
    /// An entry the manifest lists is missing from the zip; holds its path.
    MissingEntry(String),
    /// An entry that is a folder, a link, repeated, or whose name could escape when extracted; holds the name.
    UnsafePath(String),
    /// The bundle, its number of entries, or its manifest exceeds the size limits.
    TooLarge,
    /// An entry expands far beyond its compressed size; holds its path.
    ZipBomb(String),
    /// The bundle is of another kind than the one being imported.
    WrongKind {
        /// The kind expected.
        expected: BundleKind,
        /// The kind the bundle holds.
        found: BundleKind,
    },
}

impl BundleError {
    /// The refusal for people, in both languages.
    pub fn message(&self) -> Message {
        match self {
            BundleError::NotAZip { path, detail } => msg!(
                "{path}: the bundle is damaged or was altered: {detail}",
                "{path} 已损坏或在导出后被改动过，无法读取：{detail}"
            ),
            BundleError::Missing(name) => msg!("the bundle has no {name}", "作业包缺少 {name}"),
            BundleError::BadManifest(detail) => {
                msg!("manifest.json is malformed: {detail}", "作业包的清单无法解析：{detail}")
            }
            BundleError::UnsupportedFormat(format) => {
                msg!("unsupported bundle format `{format}`", "作业包格式 `{format}` 不受支持")
            }
            BundleError::BadSignature => msg!(
                "the signature does not match the manifest: the file was changed after export, or was not signed by the exporter it names",
                "作业包签名无效：文件在导出后被改动过，或不是由声明的导出者签名"
            ),
            BundleError::Tampered(entry) => msg!(
                "entry {entry} was changed after signing: it does not match the checksum in the manifest",
                "作业包中的文件 {entry} 与清单记录的校验值不符：文件被改动过"
            ),
            BundleError::Unexpected(entry) => msg!(
                "unexpected entry {entry}: the bundle was altered",
                "作业包中多出了清单里没有的文件 {entry}，包被改动过"
            ),
            BundleError::MissingEntry(entry) => msg!(
                "listed entry {entry} is missing: the bundle is incomplete or was altered",
                "作业包中缺少清单列出的文件 {entry}，包不完整或被改动过"
            ),
            BundleError::UnsafePath(name) => msg!("unsafe entry name {name}", "作业包中的路径 {name} 不安全"),
            BundleError::TooLarge => msg!("the bundle exceeds the size limit", "作业包过大"),
            BundleError::ZipBomb(entry) => msg!(
                "entry {entry} expands far beyond its compressed size (a zip bomb) and was refused",
                "作业包中的文件 {entry} 解压后远大于压缩前，疑似压缩炸弹，已拒绝"
            ),
            BundleError::WrongKind { expected, found } => {
                let (expected_en, found_en) = (expected.as_str(), found.as_str());
                let (expected_zh, found_zh) = (kind_name(*expected), kind_name(*found));
                msg!(
                    "wrong bundle kind: this is a {found_en} bundle, a {expected_en} bundle is needed",
                    "这是{found_zh}包，需要的是{expected_zh}包"
                )
            }
        }
    }
}

impl From<BundleError> for AppError {
    fn from(e: BundleError) -> Self {
        AppError::Rejected(e.message())
    }
}

fn kind_name(kind: BundleKind) -> &'static str {
    match kind {
        BundleKind::Submissions => "作业提交",
        BundleKind::Grades => "成绩",
        BundleKind::Records => "学习记录",
    }
}

/// A verified bundle: the manifest and every entry's bytes.
#[derive(Debug)]
pub struct Bundle {
    /// The verified manifest.
    pub manifest: Manifest,
    /// Every listed entry's bytes by name, each checked against its hash.
    pub entries: BTreeMap<String, Vec<u8>>,
}

/// Fills in the manifest's entries, signs it and writes the zip.
pub fn write_bundle(
    out: &Path,
    mut manifest: Manifest,
    entries: &BTreeMap<String, Vec<u8>>,
    key: &SigningKey,
) -> Result<()> {
    manifest.format = FORMAT.to_string();
    manifest.public_key = encode_hex(key.verifying_key().as_bytes());
    manifest.entries = entries
        .iter()
        .map(|(path, bytes)| ManifestEntry { path: path.clone(), sha256: sha256_hex(bytes), size: bytes.len() as u64 })
        .collect();
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    let signature = encode_hex(&key.sign(&manifest_bytes).to_bytes());

    // Written beside the target and renamed, so a failed export never leaves
    // a half-written bundle under the requested name.
    let partial = out.with_extension("partial");
    let file = std::fs::File::create(&partial).map_err(AppError::write(&partial))?;
    let mut zip = ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let zip_error =
        |e: zip::result::ZipError| AppError::Write { path: partial.clone(), source: std::io::Error::other(e) };
    let mut put = |name: &str, bytes: &[u8]| -> Result<()> {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes).map_err(AppError::write(&partial))
    };
    put(MANIFEST, &manifest_bytes)?;
    put(SIGNATURE, signature.as_bytes())?;
    for (path, bytes) in entries {
        put(path, bytes)?;
    }
    zip.finish().map_err(zip_error)?;
    std::fs::rename(&partial, out).map_err(AppError::write(out))?;
    Ok(())
}

fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Opens and fully verifies a bundle of `kind`.
pub fn read_bundle(path: &Path, kind: BundleKind) -> Result<Bundle> {
    read_bundle_observed(path, kind, |_| {})
}

/// The manifest and its signature are small: anything bigger is not ours.
const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// [`read_bundle`], telling `loaded` the name of each entry as it is kept in
/// memory. Nothing is kept before everything is verified, in this order:
/// the entry names (from the zip's directory, nothing inflated), the
/// manifest and its signature (the only entries read before the signature
/// is checked), the names against the manifest, then every entry streamed
/// through SHA-256 without keeping it. Only a bundle that passes all of it
/// is read into memory, so a forged or altered bundle costs one pass of
/// hashing and never the memory of its contents.
pub(crate) fn read_bundle_observed(path: &Path, kind: BundleKind, mut loaded: impl FnMut(&str)) -> Result<Bundle> {
    let size = std::fs::metadata(path).map_err(AppError::read(path))?.len();
    if size > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge.into());
    }
    let file = std::fs::File::open(path).map_err(AppError::read(path))?;
    let not_zip =
        |e: zip::result::ZipError| BundleError::NotAZip { path: path.display().to_string(), detail: e.to_string() };
    let mut archive = ZipArchive::new(file).map_err(not_zip)?;
    if archive.len() > MAX_ENTRIES {
        return Err(BundleError::TooLarge.into());
    }
    let names = entry_names(&mut archive).map_err(|e| match e {
        NameProblem::Zip(e) => not_zip(e).into(),
        NameProblem::Unsafe(name) => AppError::from(BundleError::UnsafePath(name)),
    })?;
    let manifest_bytes =
        read_entry(&mut archive, MANIFEST, MAX_MANIFEST_BYTES)?.ok_or(BundleError::Missing(MANIFEST))?;
    let signature_text =
        read_entry(&mut archive, SIGNATURE, MAX_MANIFEST_BYTES)?.ok_or(BundleError::Missing(SIGNATURE))?;
    let manifest = verified_manifest(&manifest_bytes, &signature_text, kind)?;
    if let Some(extra) =
        names.iter().find(|n| *n != MANIFEST && *n != SIGNATURE && !manifest.entries.iter().any(|e| &e.path == *n))
    {
        return Err(BundleError::Unexpected(extra.clone()).into());
    }
    if let Some(missing) = manifest.entries.iter().find(|e| !names.contains(&e.path)) {
        return Err(BundleError::MissingEntry(missing.path.clone()).into());
    }
    if manifest
        .entries
        .iter()
        .map(|e| e.size)
        .try_fold(0u64, u64::checked_add)
        .is_none_or(|total| total > MAX_BUNDLE_BYTES)
    {
        return Err(BundleError::TooLarge.into());
    }
    for listed in &manifest.entries {
        let mut hasher = Sha256::new();
        stream_entry(&mut archive, listed, &mut hasher)?;
        if encode_hex(&hasher.finalize()) != listed.sha256 {
            return Err(BundleError::Tampered(listed.path.clone()).into());
        }
    }
    let mut entries = BTreeMap::new();
    for listed in &manifest.entries {
        let mut bytes = Vec::with_capacity(listed.size.min(RESERVE_BYTES) as usize);
        stream_entry(&mut archive, listed, &mut bytes)?;
        // The file could change between the passes: check what is kept.
        if sha256_hex(&bytes) != listed.sha256 {
            return Err(BundleError::Tampered(listed.path.clone()).into());
        }
        loaded(&listed.path);
        entries.insert(listed.path.clone(), bytes);
    }
    Ok(Bundle { manifest, entries })
}

enum NameProblem {
    Zip(zip::result::ZipError),
    Unsafe(String),
}

/// Every entry's name, from the central directory (nothing is inflated):
/// no folders, links, unsafe or repeated names.
fn entry_names(archive: &mut ZipArchive<std::fs::File>) -> std::result::Result<Vec<String>, NameProblem> {
    let mut names: Vec<String> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(NameProblem::Zip)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if entry.is_dir() || entry.is_symlink() || !safe_name(&name) || names.contains(&name) {
            return Err(NameProblem::Unsafe(name));
        }
        names.push(name);
    }
    Ok(names)
}

/// A small entry read whole, at most `limit` bytes; `None` when absent.
fn read_entry(archive: &mut ZipArchive<std::fs::File>, name: &str, limit: u64) -> Result<Option<Vec<u8>>> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(BundleError::NotAZip { path: name.to_string(), detail: e.to_string() }.into()),
    };
    let mut bytes = Vec::new();
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| BundleError::NotAZip { path: name.to_string(), detail: e.to_string() })?;
    if bytes.len() as u64 > limit {
        return Err(BundleError::TooLarge.into());
    }
    Ok(Some(bytes))
}

/// The manifest, once its signature, format and kind check out.
fn verified_manifest(manifest_bytes: &[u8], signature_text: &[u8], kind: BundleKind) -> Result<Manifest> {
    let manifest: Manifest =
        serde_json::from_slice(manifest_bytes).map_err(|e| BundleError::BadManifest(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(BundleError::UnsupportedFormat(manifest.format).into());
    }
    let public_key = decode_hex::<32>(&manifest.public_key)
        .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        .ok_or(BundleError::BadSignature)?;
    let signature = std::str::from_utf8(signature_text)
        .ok()
        .and_then(|t| decode_hex::<64>(t.trim()))
        .map(|s| Signature::from_bytes(&s))
        .ok_or(BundleError::BadSignature)?;
    public_key.verify_strict(manifest_bytes, &signature).map_err(|_| BundleError::BadSignature)?;
    if manifest.kind != kind {
        return Err(BundleError::WrongKind { expected: kind, found: manifest.kind }.into());
    }
    Ok(manifest)
}

/// Inflates the entry `listed` names into `sink`, refusing one that is not
/// the size the signed manifest says, or that expands far past its
/// compressed size (a zip bomb), before it grows past that size.
fn stream_entry(archive: &mut ZipArchive<std::fs::File>, listed: &ManifestEntry, sink: &mut impl Write) -> Result<()> {
    let mut entry = archive
        .by_name(&listed.path)
        .map_err(|e| BundleError::NotAZip { path: listed.path.clone(), detail: e.to_string() })?;
    if entry.size() != listed.size {
        return Err(BundleError::Tampered(listed.path.clone()).into());
    }
    if listed.size > Limits::default().expansion_limit(entry.compressed_size()) {
        return Err(BundleError::ZipBomb(listed.path.clone()).into());
    }
    let copied = std::io::copy(&mut (&mut entry).take(listed.size + 1), sink)
        .map_err(|e| BundleError::NotAZip { path: listed.path.clone(), detail: e.to_string() })?;
    if copied != listed.size {
        return Err(BundleError::Tampered(listed.path.clone()).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            format: String::new(),
            kind: BundleKind::Grades,
            bundle_id: "b".into(),
            course_id: "c".into(),
            sequence: 1,
            created_at: "t".into(),
            signer_id: "p".into(),
            signer_name: "老师".into(),
            public_key: String::new(),
            entries: Vec::new(),
        }
    }

    fn write(dir: &Path) -> std::path::PathBuf {
        let key = SigningKey::from_bytes(&[7; 32]);
        let out = dir.join("b.zip");
        let entries = BTreeMap::from([("grades.json".to_string(), b"{\"x\":1}".to_vec())]);
        write_bundle(&out, manifest(), &entries, &key).unwrap();
        out
    }

    #[test]
    fn round_trip_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let bundle = read_bundle(&write(dir.path()), BundleKind::Grades).unwrap();
        assert_eq!(bundle.entries["grades.json"], b"{\"x\":1}");
        assert_eq!(bundle.manifest.entries.len(), 1);
        let wrong = read_bundle(&write(dir.path()), BundleKind::Submissions).unwrap_err();
        assert!(wrong.to_string().contains("wrong bundle kind"), "{wrong}");
    }

    /// Rewrites the bundle with one entry replaced, keeping the rest.
    fn rewrite(path: &Path, name: &str, bytes: &[u8]) {
        let mut archive = ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut all = Vec::new();
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).unwrap();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            let entry_name = String::from_utf8_lossy(e.name_raw()).into_owned();
            let replaced = if entry_name == name { bytes.to_vec() } else { b };
            all.push((entry_name, replaced));
        }
        let mut zip = ZipWriter::new(std::fs::File::create(path).unwrap());
        for (n, b) in all {
            zip.start_file(n, SimpleFileOptions::default()).unwrap();
            zip.write_all(&b).unwrap();
        }
        zip.finish().unwrap();
    }

    #[test]
    fn a_changed_entry_or_manifest_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path());
        rewrite(&path, "grades.json", b"{\"x\":2}");
        let err = read_bundle(&path, BundleKind::Grades).unwrap_err().to_string();
        assert!(err.contains("grades.json was changed"), "{err}");

        let path = write(dir.path());
        let mut archive = ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut text = String::new();
        archive.by_name(MANIFEST).unwrap().read_to_string(&mut text).unwrap();
        rewrite(&path, MANIFEST, text.replace("\"sequence\": 1", "\"sequence\": 9").as_bytes());
        let err = read_bundle(&path, BundleKind::Grades).unwrap_err().to_string();
        assert!(err.contains("signature does not match"), "{err}");
    }

    /// A signed bundle of three entries whose last one is 4 MB.
    fn write_large(dir: &Path) -> std::path::PathBuf {
        let key = SigningKey::from_bytes(&[7; 32]);
        let out = dir.join("large.zip");
        // Incompressible, as a photo would be (a repeating pattern would
        // rightly be refused as a zip bomb).
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let big: Vec<u8> = (0..4 * 1024 * 1024)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let entries = BTreeMap::from([
            ("a.json".to_string(), b"{\"a\":1}".to_vec()),
            ("b.json".to_string(), b"{\"b\":2}".to_vec()),
            ("z-attachment.bin".to_string(), big),
        ]);
        write_bundle(&out, manifest(), &entries, &key).unwrap();
        out
    }

    #[test]
    fn nothing_is_kept_in_memory_until_every_entry_and_the_signature_check_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_large(dir.path());
        let mut kept = Vec::new();
        read_bundle_observed(&path, BundleKind::Grades, |name| kept.push(name.to_string())).unwrap();
        assert_eq!(kept, ["a.json", "b.json", "z-attachment.bin"], "a good bundle is read whole");

        // One byte changed in the last entry: refused, and not one entry kept.
        let mut archive = ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut last = Vec::new();
        archive.by_name("z-attachment.bin").unwrap().read_to_end(&mut last).unwrap();
        *last.last_mut().unwrap() ^= 0x01;
        rewrite(&path, "z-attachment.bin", &last);
        let mut kept = Vec::new();
        let err = read_bundle_observed(&path, BundleKind::Grades, |name| kept.push(name.to_string())).unwrap_err();
        assert!(err.to_string().contains("z-attachment.bin was changed"), "{err}");
        assert!(kept.is_empty(), "entries were kept before the last one was checked: {kept:?}");

        // A forged signature: refused before any entry but the manifest is read.
        let path = write_large(dir.path());
        rewrite(&path, SIGNATURE, "00".repeat(64).as_bytes());
        let mut kept = Vec::new();
        let err = read_bundle_observed(&path, BundleKind::Grades, |name| kept.push(name.to_string())).unwrap_err();
        assert!(err.to_string().contains("signature does not match"), "{err}");
        assert!(kept.is_empty());
    }

    #[test]
    fn a_signed_entry_that_expands_far_past_its_compressed_size_is_refused_as_a_zip_bomb() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::from_bytes(&[7; 32]);
        let out = dir.path().join("bomb.zip");
        let entries = BTreeMap::from([("grades.json".to_string(), vec![0u8; 64 * 1024 * 1024])]);
        write_bundle(&out, manifest(), &entries, &key).unwrap();
        let mut kept = Vec::new();
        let err = read_bundle_observed(&out, BundleKind::Grades, |name| kept.push(name.to_string())).unwrap_err();
        assert!(err.to_string().contains("zip bomb"), "{err}");
        assert!(kept.is_empty());
    }

    #[test]
    fn unsafe_names_are_refused() {
        for name in ["../x", "/etc/passwd", "a/../../b", "c:\\x", "a//b"] {
            assert!(!safe_name(name), "{name}");
        }
        assert!(safe_name("attachments/abc"));
    }
}
