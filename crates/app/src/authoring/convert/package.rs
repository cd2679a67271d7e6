//! An Office Open XML package (.docx, .pptx): a zip of XML parts tied
//! together by relationship files. Reads parts as element trees and
//! resolves relationship ids to part paths or external links.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use qunxue_core::xml_tree::{self, Element};

use crate::authoring::AuthoringError;

/// The most one part may unpack to: a real document's XML is a few MB, and
/// this keeps a zip bomb from filling memory.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The most all the parts read may unpack to together (a deck of many
/// large photos stays well below it).
const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;

/// An opened package.
pub(super) struct Package {
    path: PathBuf,
    zip: zip::ZipArchive<std::fs::File>,
    /// Bytes unpacked so far, against [`MAX_TOTAL_BYTES`].
    unpacked: u64,
}

/// Where a relationship points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// Another part, by its path inside the package.
    Part(String),
    /// A link outside it (a hyperlink).
    External(String),
}

/// One part's relationships by id, with their types.
#[derive(Debug, Clone, Default)]
pub(super) struct Relationships {
    by_id: HashMap<String, (String, Target)>,
}

impl Relationships {
    pub(super) fn target(&self, id: &str) -> Option<&Target> {
        self.by_id.get(id).map(|(_, target)| target)
    }

    /// The first part related by a type ending in `kind` (`/notesSlide`).
    pub(super) fn part_of_type(&self, kind: &str) -> Option<&str> {
        self.by_id.values().find_map(|(rel_type, target)| match target {
            Target::Part(part) if rel_type.ends_with(kind) => Some(part.as_str()),
            _ => None,
        })
    }
}

impl Package {
    pub(super) fn open(path: &Path) -> crate::authoring::Result<Package> {
        let file = std::fs::File::open(path).map_err(AuthoringError::io(path))?;
        let zip = zip::ZipArchive::new(file).map_err(|_| AuthoringError::NotOffice { path: path.to_path_buf() })?;
        Ok(Package { path: path.to_path_buf(), zip, unpacked: 0 })
    }

    pub(super) fn has_part(&self, part: &str) -> bool {
        self.zip.index_for_name(part).is_some()
    }

    /// A part's bytes; `None` when the package has no such part.
    pub(super) fn bytes(&mut self, part: &str) -> crate::authoring::Result<Option<Vec<u8>>> {
        let Some(index) = self.zip.index_for_name(part) else { return Ok(None) };
        let path = self.path.clone();
        let bad = |message: String| AuthoringError::BadPackage { path: path.clone(), part: part.to_string(), message };
        let entry = self.zip.by_index(index).map_err(|e| bad(e.to_string()))?;
        let mut bytes = Vec::new();
        entry.take(MAX_PART_BYTES + 1).read_to_end(&mut bytes).map_err(|e| bad(e.to_string()))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(self.bad(part, format!("larger than {} MB unpacked", MAX_PART_BYTES / 1024 / 1024)));
        }
        self.unpacked += bytes.len() as u64;
        if self.unpacked > MAX_TOTAL_BYTES {
            return Err(self.bad(part, format!("the file unpacks to more than {} MB", MAX_TOTAL_BYTES / 1024 / 1024)));
        }
        Ok(Some(bytes))
    }

    /// A part's XML as a tree (the document element's parent); `None` when absent.
    pub(super) fn xml(&mut self, part: &str) -> crate::authoring::Result<Option<Element>> {
        let Some(bytes) = self.bytes(part)? else { return Ok(None) };
        let text = String::from_utf8(bytes).map_err(|_| self.bad(part, "not UTF-8 XML".into()))?;
        let text = text.trim_start_matches('\u{feff}');
        xml_tree::parse(text).map(Some).map_err(|e| self.bad(part, format!("byte {}: {}", e.offset, e.message)))
    }

    /// A part's XML that must be there.
    pub(super) fn required_xml(&mut self, part: &str) -> crate::authoring::Result<Element> {
        self.xml(part)?.ok_or_else(|| self.bad(part, "missing".into()))
    }

    /// The relationships of `part` (from `_rels/<name>.rels` beside it),
    /// targets resolved against the part's folder.
    pub(super) fn relationships(&mut self, part: &str) -> crate::authoring::Result<Relationships> {
        let (folder, name) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_part =
            if folder.is_empty() { format!("_rels/{name}.rels") } else { format!("{folder}/_rels/{name}.rels") };
        let Some(root) = self.xml(&rels_part)? else { return Ok(Relationships::default()) };
        let mut by_id = HashMap::new();
        for rel in root.descendants().into_iter().filter(|e| e.name == "Relationship") {
            let (Some(id), Some(target)) = (rel.attribute("Id"), rel.attribute("Target")) else { continue };
            let rel_type = rel.attribute("Type").unwrap_or_default().to_string();
            let target = if rel.attribute("TargetMode") == Some("External") {
                Target::External(target.to_string())
            } else {
                Target::Part(resolve(folder, target))
            };
            by_id.insert(id.to_string(), (rel_type, target));
        }
        Ok(Relationships { by_id })
    }

    /// The title in the document's properties (`docProps/core.xml`).
    pub(super) fn title(&mut self) -> crate::authoring::Result<Option<String>> {
        let Some(core) = self.xml("docProps/core.xml")? else { return Ok(None) };
        Ok(core.find("dc:title").map(|t| t.text.trim().to_string()).filter(|t| !t.is_empty()))
    }

    fn bad(&self, part: &str, message: String) -> AuthoringError {
        AuthoringError::BadPackage { path: self.path.clone(), part: part.to_string(), message }
    }
}

/// `target` relative to `folder`, as a package path (`/` rooted targets are absolute).
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> =
        if target.starts_with('/') { Vec::new() } else { folder.split('/').filter(|p| !p.is_empty()).collect() };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The file extension a picture part is saved with.
pub(super) fn extension_of(part: &str) -> &str {
    part.rsplit_once('.').map_or("bin", |(_, ext)| ext)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "media/image1.png"), "word/media/image1.png");
        assert_eq!(resolve("ppt/slides", "../media/image2.png"), "ppt/media/image2.png");
        assert_eq!(resolve("ppt/slides", "/ppt/notesSlides/notesSlide1.xml"), "ppt/notesSlides/notesSlide1.xml");
    }
}
