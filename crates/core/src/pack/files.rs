//! The in-memory view of a pack that [`load`](super::load) validates.
//!
//! Whoever reads a folder or a zip fills a [`PackFiles`]; the validator never
//! touches the filesystem, so it can be tested on packs built in memory.

use std::collections::BTreeMap;
use std::ops::Bound;

/// Extensions whose files carry their bytes: everything the validator parses.
pub const TEXT_EXTENSIONS: [&str; 5] = ["toml", "md", "csv", "txt", "json"];

/// True when `path` names a text file, whose bytes [`PackFiles`] should carry.
pub fn is_text_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| TEXT_EXTENSIONS.iter().any(|t| ext.eq_ignore_ascii_case(t)))
}

/// One file of a pack: its size, and its bytes when it is a text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    /// Size of the file in bytes.
    pub size: u64,
    /// `None` for binary assets, which are only checked for size and existence.
    pub bytes: Option<Vec<u8>>,
}

/// The files of a pack keyed by normalised relative path
/// (`courses/x/course.toml`: `/`-separated, no `.` or `..` segments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackFiles {
    entries: BTreeMap<String, PackEntry>,
}

impl PackFiles {
    /// An empty pack.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file with its content; its size is the content's length.
    pub fn insert_text(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let bytes = bytes.into();
        self.entries.insert(path.into(), PackEntry { size: bytes.len() as u64, bytes: Some(bytes) });
    }

    /// Adds a file known only by its size (a binary asset, or a file too big to read).
    pub fn insert_asset(&mut self, path: impl Into<String>, size: u64) {
        self.entries.insert(path.into(), PackEntry { size, bytes: None });
    }

    /// The file at normalised `path`, if the pack has it.
    pub fn get(&self, path: &str) -> Option<&PackEntry> {
        self.entries.get(path)
    }

    /// Whether the pack has a file at normalised `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.entries.contains_key(path)
    }

    /// Every path, in sorted order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Every file, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &PackEntry)> {
        self.entries.iter().map(|(path, entry)| (path.as_str(), entry))
    }

    /// The paths that start with `prefix` (a folder ending in `/`), in order.
    pub fn paths_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .map(|(p, _)| p.as_str())
            .take_while(move |p| p.starts_with(prefix))
    }

    /// Number of files in the pack.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the pack has no files at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sum of every file's size.
    pub fn total_size(&self) -> u64 {
        self.entries.values().map(|e| e.size).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_paths_are_recognised_by_extension() {
        for text in ["a/b.toml", "x.MD", "d/sample.csv", "n.txt", "j.json"] {
            assert!(is_text_path(text), "{text}");
        }
        for binary in ["a.png", "toml", "a.toml/b", "video.mp4", "md"] {
            assert!(!is_text_path(binary), "{binary}");
        }
    }

    #[test]
    fn lists_paths_under_a_folder_in_order() {
        let mut files = PackFiles::new();
        files.insert_text("courses/b/course.toml", "");
        files.insert_asset("courses/a/x.png", 10);
        files.insert_text("courses/a/course.toml", "x");
        files.insert_text("coursesX", "");
        let under: Vec<_> = files.paths_under("courses/a/").collect();
        assert_eq!(under, ["courses/a/course.toml", "courses/a/x.png"]);
        assert_eq!(files.total_size(), 11);
        assert_eq!(files.get("courses/a/course.toml").unwrap().size, 1);
    }
}
