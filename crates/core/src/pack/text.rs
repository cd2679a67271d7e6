//! Turning a pack file's bytes into text: UTF-8 required, a BOM dropped.
//! CRLF needs nothing here: TOML, Markdown and CSV parsers all accept it.

use crate::diagnostic::{line_col, Diagnostic};
use crate::msg;

use super::files::PackFiles;
use super::limits::MAX_TEXT_FILE_BYTES;

/// The text of `path`, or `None` (with the reason in `diagnostics`) when it
/// cannot be read. Oversized files yield `None` silently: the size check
/// has already reported them.
pub(crate) fn read(files: &PackFiles, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let entry = files.get(path)?;
    if entry.size > MAX_TEXT_FILE_BYTES {
        return None;
    }
    let Some(bytes) = &entry.bytes else {
        diagnostics.push(Diagnostic::error(
            path,
            1,
            1,
            msg!("the pack reader did not provide this text file's content", "读取课程包时没有拿到这个文本文件的内容"),
        ));
        return None;
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = line_col(valid, valid.len());
            diagnostics.push(Diagnostic::error(
                path,
                line,
                col,
                msg!("the file is not UTF-8 text; save it as UTF-8", "这个文件不是 UTF-8 文本；请以 UTF-8 编码保存"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_drops_the_bom_and_locates_bad_bytes() {
        let mut files = PackFiles::new();
        files.insert_text("a.md", b"\xEF\xBB\xBFid = 1\r\n".to_vec());
        files.insert_text("b.md", b"ok\n\xE7\xA4\xBEx\xFF".to_vec());
        files.insert_asset("c.md", 3);
        let mut diagnostics = Vec::new();
        assert_eq!(read(&files, "a.md", &mut diagnostics).as_deref(), Some("id = 1\r\n"));
        assert_eq!(read(&files, "b.md", &mut diagnostics), None);
        assert_eq!(read(&files, "c.md", &mut diagnostics), None);
        assert_eq!(read(&files, "missing.md", &mut diagnostics), None);
        let shown: Vec<_> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "b.md:2:3: the file is not UTF-8 text; save it as UTF-8",
                "c.md:1:1: the pack reader did not provide this text file's content",
            ]
        );
    }
}
