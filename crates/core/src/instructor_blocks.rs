//! Instructor-only blocks inside a module:
//!
//! ```text
//! ::: instructor
//! **参考答案**……
//! :::
//! ```
//!
//! The text between the fences goes to instructors and never to learners.
//! The split happens before Markdown parsing, so the learner's text is a
//! copy of the module with those lines blanked (line numbers stay right for
//! anything that reports them) and nothing of the block reaches the
//! learner's HTML, search index or exports. Fences inside fenced code are
//! text, so a lesson can show the syntax.

/// The folder of a course (relative to it) whose files only instructors
/// are served and only instructors' text may link.
pub const INSTRUCTOR_ASSETS: &str = "assets/instructor/";

/// A module body as each audience gets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The body with every block's lines (fences included) blanked.
    pub learner: String,
    /// The body with each block wrapped in `<div class="qx-instructor">`.
    pub instructor: String,
    /// 1-based line ranges of the blocks, fences included.
    pub blocks: Vec<std::ops::RangeInclusive<usize>>,
}

impl Split {
    /// Whether the body has any instructor block.
    pub fn has_blocks(&self) -> bool {
        !self.blocks.is_empty()
    }

    /// Whether 1-based `line` lies inside a block.
    pub fn in_block(&self, line: usize) -> bool {
        self.blocks.iter().any(|block| block.contains(&line))
    }
}

/// What is wrong with a block's fences, at a 1-based line of the body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlockError {
    /// A `::: instructor` fence (at this line) is never closed.
    #[error("line {0}: `::: instructor` is never closed with `:::`")]
    Unclosed(usize),
    /// A `::: instructor` fence (at this line) opens a block inside another.
    #[error("line {0}: instructor blocks do not nest; close the block above with `:::` first")]
    Nested(usize),
    /// A `:::` fence (at this line) closes no open block.
    #[error("line {0}: `:::` closes nothing")]
    StrayClose(usize),
    /// A `::: name` fence names a block other than `instructor`.
    #[error("line {line}: `::: {name}` is not a block this format knows; only `::: instructor` is")]
    UnknownBlock {
        /// 1-based line of the fence in the body.
        line: usize,
        /// The block name after `:::`, trimmed.
        name: String,
    },
}

impl BlockError {
    /// 1-based line of the body the problem is at.
    pub fn line(&self) -> usize {
        match self {
            BlockError::Unclosed(line) | BlockError::Nested(line) | BlockError::StrayClose(line) => *line,
            BlockError::UnknownBlock { line, .. } => *line,
        }
    }
}

/// The HTML an instructor block opens with; the webview styles and labels it.
pub const OPEN_HTML: &str = "<div class=\"qx-instructor\">";

/// What a line of the body is, for the splitter.
enum Fence<'a> {
    Open,
    Close,
    Other(&'a str),
}

fn fence(line: &str) -> Option<Fence<'_>> {
    let trimmed = line.trim();
    let rest = trimmed.strip_prefix(":::")?;
    if rest.starts_with(':') {
        return None;
    }
    match rest.trim() {
        "" => Some(Fence::Close),
        "instructor" => Some(Fence::Open),
        other => Some(Fence::Other(other)),
    }
}

/// A code fence (```` ``` ```` or `~~~`, up to three spaces in) and its
/// character and length, so its own closing fence can be recognised.
fn code_fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let marker = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run = rest.chars().take_while(|c| *c == marker).count();
    (run >= 3).then_some((marker, run))
}

/// Splits `body` into what learners and instructors get. Every problem with
/// the fences is reported; with any, the caller must not import the module.
pub fn split(body: &str) -> Result<Split, Vec<BlockError>> {
    let mut learner = String::with_capacity(body.len());
    let mut instructor = String::with_capacity(body.len() + 64);
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut open_at: Option<usize> = None;
    let mut in_code: Option<(char, usize)> = None;
    for (index, line) in body.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let ending = if line.ends_with('\n') { "\n" } else { "" };
        if let Some((marker, run)) = in_code {
            if code_fence(line)
                .is_some_and(|(m, r)| m == marker && r >= run && line.trim().chars().all(|c| c == marker))
            {
                in_code = None;
            }
        } else if let Some(found) = code_fence(line) {
            in_code = Some(found);
        } else if let Some(kind) = fence(line) {
            match kind {
                Fence::Open if open_at.is_some() => errors.push(BlockError::Nested(number)),
                Fence::Open => {
                    open_at = Some(number);
                    learner.push_str(ending);
                    instructor.push_str(OPEN_HTML);
                    instructor.push_str("\n\n");
                    continue;
                }
                Fence::Close => match open_at.take() {
                    Some(start) => {
                        blocks.push(start..=number);
                        learner.push_str(ending);
                        instructor.push_str("\n</div>");
                        instructor.push_str(ending);
                        continue;
                    }
                    None => errors.push(BlockError::StrayClose(number)),
                },
                Fence::Other(name) => errors.push(BlockError::UnknownBlock { line: number, name: name.to_string() }),
            }
        }
        instructor.push_str(line);
        learner.push_str(if open_at.is_some() { ending } else { line });
    }
    if let Some(start) = open_at {
        errors.push(BlockError::Unclosed(start));
    }
    if errors.is_empty() {
        Ok(Split { learner, instructor, blocks })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "# 案例\n\n讨论题：为什么？\n\n::: instructor\n\n**参考答案**：因为……\n\n:::\n\n## 小结\n";

    #[test]
    fn learners_get_the_body_without_the_block_and_the_same_line_count() {
        let split = split(BODY).unwrap();
        assert!(!split.learner.contains("参考答案"));
        assert!(!split.learner.contains(":::"));
        assert_eq!(split.learner.lines().count(), BODY.lines().count());
        assert!(split.learner.contains("## 小结"));
        assert_eq!(split.blocks, [5..=9]);
        assert!(split.in_block(7) && !split.in_block(3) && !split.in_block(11));
    }

    #[test]
    fn instructors_get_the_block_wrapped() {
        let split = split(BODY).unwrap();
        assert!(split.instructor.contains("<div class=\"qx-instructor\">\n\n\n**参考答案**"));
        assert!(split.instructor.contains("\n</div>\n"));
        assert!(!split.instructor.contains(":::"));
    }

    #[test]
    fn fences_inside_code_are_text() {
        let body = "```text\n::: instructor\n:::\n```\n";
        let split = split(body).unwrap();
        assert!(split.blocks.is_empty());
        assert_eq!(split.learner, body);
    }

    #[test]
    fn bad_fences_are_named_by_line() {
        assert_eq!(split("a\n::: instructor\nb\n").unwrap_err(), [BlockError::Unclosed(2)]);
        assert_eq!(split(":::\n").unwrap_err(), [BlockError::StrayClose(1)]);
        assert_eq!(split("::: instructor\n::: instructor\n:::\n").unwrap_err(), [BlockError::Nested(2)]);
        let unknown = split("::: instrutor\n").unwrap_err();
        assert_eq!(unknown, [BlockError::UnknownBlock { line: 1, name: "instrutor".into() }]);
        assert_eq!(unknown[0].line(), 1);
    }

    #[test]
    fn a_body_without_blocks_is_unchanged() {
        let split = split("一段话。\n\n::::: 不是围栏\n").unwrap();
        assert!(!split.has_blocks());
        assert_eq!(split.learner, split.instructor);
    }
}
