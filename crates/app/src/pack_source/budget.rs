//! The limits a pack is read under, and reading that measures the bytes it
//! actually gets rather than trusting sizes a file or an archive declares.

use std::io::{self, Read, Write};

use qunxue_core::pack::{is_text_path, limits};

use super::PackSourceError;

/// Below this many bytes an entry's compression ratio is not held against
/// it: a few kilobytes of repeated Markdown can compress a hundredfold
/// without being any threat.
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// Bounds on what a pack may hold; [`Limits::default`] is the pack format's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest text file (TOML, Markdown, CSV, …), in bytes.
    pub max_text_file_bytes: u64,
    /// Largest asset (image, video, audio, PDF, …), in bytes.
    pub max_asset_bytes: u64,
    /// Largest pack, all files together and uncompressed, in bytes.
    pub max_pack_bytes: u64,
    /// Most files the pack may hold.
    pub max_files: usize,
    /// Largest uncompressed ÷ compressed size of a zip entry above [`RATIO_FLOOR_BYTES`]; more looks like a zip bomb.
    pub max_compression_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_text_file_bytes: limits::MAX_TEXT_FILE_BYTES,
            max_asset_bytes: limits::MAX_ASSET_BYTES,
            max_pack_bytes: limits::MAX_PACK_BYTES,
            max_files: limits::MAX_FILES,
            max_compression_ratio: limits::MAX_COMPRESSION_RATIO,
        }
    }
}

impl Limits {
    /// The most a single file at `path` may hold.
    pub fn file_limit(&self, path: &str) -> u64 {
        if is_text_path(path) {
            self.max_text_file_bytes
        } else {
            self.max_asset_bytes
        }
    }

    /// The most `compressed` bytes may expand to before it counts as a bomb.
    pub fn expansion_limit(&self, compressed: u64) -> u64 {
        compressed.saturating_mul(self.max_compression_ratio).max(RATIO_FLOOR_BYTES)
    }
}

/// Running totals while a pack is read.
#[derive(Debug)]
pub(crate) struct Budget {
    pub limits: Limits,
    files: usize,
    bytes: u64,
}

impl Budget {
    pub(super) fn new(limits: Limits) -> Self {
        Self { limits, files: 0, bytes: 0 }
    }

    /// Counts one more file.
    pub(super) fn count_file(&mut self, entry: &str) -> Result<(), PackSourceError> {
        self.files += 1;
        if self.files > self.limits.max_files {
            return Err(PackSourceError::TooManyFiles { entry: entry.to_string(), limit: self.limits.max_files });
        }
        Ok(())
    }

    /// Adds the bytes a file turned out to hold.
    pub(super) fn add_bytes(&mut self, entry: &str, size: u64) -> Result<(), PackSourceError> {
        self.bytes = self.bytes.saturating_add(size);
        if self.bytes > self.limits.max_pack_bytes {
            return Err(PackSourceError::PackTooLarge { entry: entry.to_string(), limit: self.limits.max_pack_bytes });
        }
        Ok(())
    }

    pub(super) fn total_bytes(&self) -> u64 {
        self.bytes
    }
}

/// Copies at most `cap` bytes from `reader` to `writer`. Returns the count,
/// or `None` when the source holds more than `cap` (only `cap + 1` bytes are
/// ever read, so a lying or endless source costs nothing more).
pub(crate) fn copy_capped(reader: impl Read, writer: &mut impl Write, cap: u64) -> io::Result<Option<u64>> {
    let copied = io::copy(&mut reader.take(cap.saturating_add(1)), writer)?;
    Ok((copied <= cap).then_some(copied))
}

/// Reads at most `cap` bytes; `None` when there are more.
pub(crate) fn read_capped(reader: impl Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    Ok(copy_capped(reader, &mut bytes, cap)?.map(|_| bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reads_stop_one_byte_past_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).unwrap(), Some(b"abc".to_vec()));
        assert_eq!(read_capped(&b"abcd"[..], 3).unwrap(), None);
        let endless = io::repeat(0);
        assert_eq!(copy_capped(endless, &mut io::sink(), 1 << 20).unwrap(), None);
    }

    #[test]
    fn budget_counts_files_and_bytes() {
        let limits = Limits { max_files: 2, max_pack_bytes: 10, ..Limits::default() };
        let mut budget = Budget::new(limits);
        budget.count_file("a").unwrap();
        budget.count_file("b").unwrap();
        assert!(matches!(budget.count_file("c"), Err(PackSourceError::TooManyFiles { limit: 2, .. })));
        budget.add_bytes("a", 10).unwrap();
        assert!(matches!(budget.add_bytes("b", 1), Err(PackSourceError::PackTooLarge { .. })));
    }

    #[test]
    fn limits_depend_on_the_kind_of_file() {
        let limits = Limits::default();
        assert_eq!(limits.file_limit("courses/a/modules/01.md"), limits::MAX_TEXT_FILE_BYTES);
        assert_eq!(limits.file_limit("courses/a/assets/v.mp4"), limits::MAX_ASSET_BYTES);
        assert_eq!(limits.expansion_limit(10), RATIO_FLOOR_BYTES);
        assert_eq!(limits.expansion_limit(1 << 20), 100 << 20);
    }
}
