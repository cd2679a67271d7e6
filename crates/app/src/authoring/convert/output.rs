//! Writing a conversion into a pack folder without losing an author's
//! edits: each planned file is compared with what is on disk and with what
//! the last conversion wrote there (its [`Record`]).

use std::collections::BTreeMap;
use std::path::Path;

use super::record::{hash, Record, RECORD_FILE};
use crate::authoring::AuthoringError;

/// What writing a plan did, or would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Outcome {
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
    /// Files changed on disk since the last conversion wrote them (or, with
    /// no record, files that were there before and differ).
    pub edited: Vec<String>,
    pub removed: Vec<String>,
}

/// Sorts each planned file into unchanged, edited or to be written, and
/// finds files of the last conversion that are no longer made.
pub(super) fn compare(
    dir: &Path,
    plan: &BTreeMap<String, Vec<u8>>,
    last: Option<&Record>,
) -> crate::authoring::Result<Outcome> {
    let mut outcome = Outcome::default();
    for (path, bytes) in plan {
        let on_disk = read_if_exists(&dir.join(path))?;
        match on_disk {
            Some(current) if &current == bytes => outcome.unchanged.push(path.clone()),
            Some(current) if last.and_then(|r| r.files.get(path)) != Some(&hash(&current)) => {
                outcome.edited.push(path.clone())
            }
            _ => outcome.written.push(path.clone()),
        }
    }
    for (path, recorded) in last.map(|r| &r.files).into_iter().flatten() {
        if plan.contains_key(path) {
            continue;
        }
        match read_if_exists(&dir.join(path))? {
            Some(current) if &hash(&current) == recorded => outcome.removed.push(path.clone()),
            // Edited since: the author's, left alone.
            Some(_) => {}
            None => {}
        }
    }
    Ok(outcome)
}

/// Writes the planned files `outcome` says to write (and the edited ones
/// when `overwrite`), removes stale ones, then the record. Each file is
/// written beside its place and renamed over it, so none is ever half-written.
pub(super) fn apply(
    dir: &Path,
    plan: &BTreeMap<String, Vec<u8>>,
    outcome: &mut Outcome,
    overwrite: bool,
    record: &Record,
) -> crate::authoring::Result<()> {
    if overwrite {
        outcome.written.append(&mut outcome.edited);
        outcome.written.sort();
    }
    for path in &outcome.written {
        write_replacing(&dir.join(path), &plan[path])?;
    }
    for path in &outcome.removed {
        let file = dir.join(path);
        std::fs::remove_file(&file).map_err(AuthoringError::io(&file))?;
    }
    // Files the author edited and kept are recorded with their old hash, so
    // the next conversion still sees them as the author's.
    let mut record = record.clone();
    if let Some(previous) = Record::load(dir)? {
        for path in &outcome.edited {
            match previous.files.get(path) {
                Some(old) => record.files.insert(path.clone(), old.clone()),
                None => record.files.remove(path),
            };
        }
    } else {
        for path in &outcome.edited {
            record.files.remove(path);
        }
    }
    write_replacing(&dir.join(RECORD_FILE), record.to_toml().as_bytes())
}

fn read_if_exists(path: &Path) -> crate::authoring::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(AuthoringError::Io { path: path.to_path_buf(), error: e }),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place.
pub(crate) fn write_replacing(path: &Path, bytes: &[u8]) -> crate::authoring::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(AuthoringError::io(folder))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{name}.qunxue-tmp"));
    std::fs::write(&temporary, bytes).map_err(AuthoringError::io(&temporary))?;
    std::fs::rename(&temporary, path).map_err(AuthoringError::io(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        files.iter().map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())).collect()
    }

    fn record(files: &[(&str, &str)]) -> Record {
        Record {
            source: "a.docx".into(),
            course_id: "local.a".into(),
            slug: "a".into(),
            version: semver::Version::new(1, 0, 0),
            files: files.iter().map(|(p, t)| (p.to_string(), hash(t.as_bytes()))).collect(),
        }
    }

    #[test]
    fn edited_files_are_kept_unless_overwrite_and_stale_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let first = plan(&[("courses/a/a.md", "one"), ("courses/a/b.md", "two"), ("courses/a/c.md", "three")]);
        let mut outcome = compare(dir.path(), &first, None).unwrap();
        assert_eq!(outcome.written.len(), 3);
        apply(
            dir.path(),
            &first,
            &mut outcome,
            false,
            &record(&[("courses/a/a.md", "one"), ("courses/a/b.md", "two"), ("courses/a/c.md", "three")]),
        )
        .unwrap();

        std::fs::write(dir.path().join("courses/a/b.md"), "two, edited by the author").unwrap();
        let second = plan(&[("courses/a/a.md", "one"), ("courses/a/b.md", "two v2"), ("courses/a/d.md", "four")]);
        let last = Record::load(dir.path()).unwrap().unwrap();
        let mut outcome = compare(dir.path(), &second, Some(&last)).unwrap();
        assert_eq!(outcome.unchanged, ["courses/a/a.md"]);
        assert_eq!(outcome.edited, ["courses/a/b.md"]);
        assert_eq!(outcome.written, ["courses/a/d.md"]);
        assert_eq!(outcome.removed, ["courses/a/c.md"]);
        apply(
            dir.path(),
            &second,
            &mut outcome,
            false,
            &record(&[("courses/a/a.md", "one"), ("courses/a/b.md", "two v2"), ("courses/a/d.md", "four")]),
        )
        .unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("courses/a/b.md")).unwrap(), "two, edited by the author");
        assert!(!dir.path().join("courses/a/c.md").exists());

        // Still the author's on the next run; replaced only when told.
        let last = Record::load(dir.path()).unwrap().unwrap();
        let mut outcome = compare(dir.path(), &second, Some(&last)).unwrap();
        assert_eq!(outcome.edited, ["courses/a/b.md"]);
        apply(dir.path(), &second, &mut outcome, true, &record(&[("courses/a/b.md", "two v2")])).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("courses/a/b.md")).unwrap(), "two v2");
    }

    #[test]
    fn without_a_record_an_existing_different_file_counts_as_the_authors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("courses/a")).unwrap();
        std::fs::write(dir.path().join("courses/a/a.md"), "mine").unwrap();
        let outcome = compare(dir.path(), &plan(&[("courses/a/a.md", "converted")]), None).unwrap();
        assert_eq!(outcome.edited, ["courses/a/a.md"]);
    }
}
