//! Splits a module's TOML front matter (between `+++` lines) from its Markdown
//! body *before* Markdown parsing, so metadata is never rendered as content.

/// A module file split into its two parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML text between the fences (without them).
    pub front_matter: &'a str,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line in the file where `front_matter` starts (for error positions).
    pub front_matter_line: usize,
    /// 1-based line in the file where `body` starts.
    pub body_line: usize,
}

/// Why a module file could not be split into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The first line (after any BOM) is not `+++`.
    #[error("the file must start with a `+++` line opening the front matter")]
    MissingOpening,
    /// No later `+++` line closes the front matter.
    #[error("the front matter opened on line 1 is never closed by a `+++` line")]
    Unclosed,
}

impl FrontMatterError {
    /// The problem in both languages, for a [`crate::Diagnostic`].
    pub fn message(&self) -> crate::Message {
        let en = self.to_string();
        let zh = match self {
            FrontMatterError::MissingOpening => "文件必须以一行 `+++` 开头，开始文件头（front matter）",
            FrontMatterError::Unclosed => "第 1 行开始的文件头（front matter）没有以一行 `+++` 结束",
        };
        crate::Message { en, zh: zh.to_string() }
    }
}

/// Splits `source` into front matter and body. A UTF-8 BOM and CRLF line
/// endings are tolerated because files edited on Windows carry them.
pub fn split(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().ok_or(FrontMatterError::MissingOpening)?;
    if first.trim_end_matches(['\r', '\n']) != "+++" {
        return Err(FrontMatterError::MissingOpening);
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            return Ok(Split {
                front_matter: &source[fm_start..offset],
                body: &source[offset + line.len()..],
                front_matter_line: 2,
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let src = "+++\nid = \"a\"\n+++\n# 标题\n正文\n";
        let s = split(src).unwrap();
        assert_eq!(s.front_matter, "id = \"a\"\n");
        assert_eq!(s.body, "# 标题\n正文\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn tolerates_bom_and_crlf() {
        let src = "\u{feff}+++\r\nid = \"a\"\r\n+++\r\nbody";
        let s = split(src).unwrap();
        assert_eq!(s.front_matter, "id = \"a\"\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("# no front matter"), Err(FrontMatterError::MissingOpening));
        assert_eq!(split(""), Err(FrontMatterError::MissingOpening));
        assert_eq!(split("+++\nid = 1\n"), Err(FrontMatterError::Unclosed));
    }

    #[test]
    fn a_plus_line_inside_body_is_body() {
        let s = split("+++\n+++\na\n+++\n").unwrap();
        assert_eq!(s.front_matter, "");
        assert_eq!(s.body, "a\n+++\n");
    }
}
