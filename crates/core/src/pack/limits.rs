//! Size limits for packs. Packs are untrusted input: these bounds keep a
//! hostile or broken pack from exhausting memory or disk while it is read.

/// Largest text file (TOML, Markdown, CSV, …) a pack may hold: 2 MiB.
pub const MAX_TEXT_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Largest asset (image, video, audio, PDF, …): 200 MiB.
pub const MAX_ASSET_BYTES: u64 = 200 * 1024 * 1024;

/// Largest pack, all files together, uncompressed: 1 GiB.
pub const MAX_PACK_BYTES: u64 = 1024 * 1024 * 1024;

/// Most files a pack may hold.
pub const MAX_FILES: usize = 20_000;

/// Largest uncompressed ÷ compressed size of a zip entry; a higher ratio is
/// the signature of a zip bomb. Checked by whoever reads the archive.
pub const MAX_COMPRESSION_RATIO: u64 = 100;
