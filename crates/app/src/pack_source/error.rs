//! Why a pack could not be read. Every variant names the entry (a path
//! inside the pack or the archive) so people can find and fix it.

use std::path::PathBuf;

use qunxue_core::{Diagnostic, Message};

/// Why a pack (a folder or a `.zip`) could not be read; each variant names the path or entry at fault.
#[derive(Debug, thiserror::Error)]
pub enum PackSourceError {
    /// A file or folder of the pack could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or folder being read.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// Neither a folder nor a `.zip` holding `courses/<slug>/course.toml`.
    #[error("{} is not a pack: expected a folder or a .zip holding courses/<slug>/course.toml", path.display())]
    NotAPack {
        /// The path given as the pack.
        path: PathBuf,
    },
    /// An entry name that would be unsafe to extract.
    #[error("unsafe path {entry:?}: {reason}")]
    UnsafePath {
        /// The entry's name as the pack gives it.
        entry: String,
        /// What makes it unsafe.
        reason: UnsafeReason,
    },
    /// A symbolic link; packs may not contain links.
    #[error("{entry} is a symbolic link; packs may not contain links")]
    Symlink {
        /// The link's path inside the pack.
        entry: String,
    },
    /// Something other than a regular file or folder (a FIFO or a device), which could block when read.
    #[error("{entry} is not a regular file")]
    NotAFile {
        /// Its path inside the pack.
        entry: String,
    },
    /// The same entry name twice in the archive.
    #[error("{entry} appears twice in the archive")]
    Duplicate {
        /// The repeated name.
        entry: String,
    },
    /// A file larger than its kind may be (see [`super::Limits::file_limit`]).
    #[error("{entry} is larger than the limit of {limit} bytes for this kind of file")]
    FileTooLarge {
        /// The file's path inside the pack.
        entry: String,
        /// The limit for its kind of file, in bytes.
        limit: u64,
    },
    /// The files together exceed the pack size limit.
    #[error("the pack is larger than the limit of {limit} bytes (reached at {entry})")]
    PackTooLarge {
        /// The entry at which the limit was reached.
        entry: String,
        /// The pack size limit, in bytes (uncompressed).
        limit: u64,
    },
    /// The pack holds more files than allowed.
    #[error("the pack holds more than {limit} files (reached at {entry})")]
    TooManyFiles {
        /// The entry at which the limit was reached.
        entry: String,
        /// The most files a pack may hold.
        limit: usize,
    },
    /// A zip entry expands far more than its compressed size, the signature of a zip bomb.
    #[error("{entry} expands more than {ratio} times its compressed size; this looks like a zip bomb")]
    ZipBomb {
        /// The entry, or the archive's name when the archive as a whole expands too much.
        entry: String,
        /// The largest uncompressed ÷ compressed ratio allowed.
        ratio: u64,
    },
    /// The zip archive itself could not be read at this entry.
    #[error("cannot read {entry} from the archive: {source}")]
    Archive {
        /// The entry's pack path or `#<index>`, or the archive's name when the archive itself is unreadable.
        entry: String,
        /// The zip library's error.
        source: zip::result::ZipError,
    },
}

/// What makes an entry name unsafe to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeReason {
    /// A `..` component climbs out of the pack.
    #[error("it climbs out of the pack with `..`")]
    ParentDir,
    /// An absolute path (leading `/` or `\`).
    #[error("it is an absolute path")]
    Absolute,
    /// A drive letter or device name (contains `:`).
    #[error("it names a drive or device (`:`)")]
    Drive,
    /// A name containing control characters.
    #[error("it contains control characters")]
    ControlCharacter,
    /// A name that is not valid UTF-8.
    #[error("it is not valid UTF-8")]
    NotUtf8,
}

impl UnsafeReason {
    /// The reason in Chinese, as [`PackSourceError::message`] shows it.
    fn zh(self) -> &'static str {
        match self {
            Self::ParentDir => "路径用 `..` 跳出了课程包",
            Self::Absolute => "这是绝对路径",
            Self::Drive => "路径包含驱动器或设备名（`:`）",
            Self::ControlCharacter => "路径包含控制字符",
            Self::NotUtf8 => "路径不是有效的 UTF-8",
        }
    }
}

impl PackSourceError {
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| Self::Io { path: path.to_path_buf(), source }
    }

    /// The file the problem is about, as the diagnostic's file name.
    pub fn entry(&self) -> String {
        match self {
            Self::Io { path, .. } | Self::NotAPack { path } => path.display().to_string(),
            Self::UnsafePath { entry, .. }
            | Self::Symlink { entry }
            | Self::NotAFile { entry }
            | Self::Duplicate { entry }
            | Self::FileTooLarge { entry, .. }
            | Self::PackTooLarge { entry, .. }
            | Self::TooManyFiles { entry, .. }
            | Self::ZipBomb { entry, .. }
            | Self::Archive { entry, .. } => entry.clone(),
        }
    }

    /// The error as a diagnostic, so the CLI and the UI list it like any
    /// other problem. Reading problems concern a whole file: line 1, column 1.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::error(self.entry(), 1, 1, self.message())
    }

    /// The error in both languages; the English is the `Display` text.
    pub fn message(&self) -> Message {
        let en = self.to_string();
        let zh = match self {
            Self::Io { path, source } => {
                let path = path.display();
                format!("无法读取 {path}：{source}")
            }
            Self::NotAPack { path } => {
                let path = path.display();
                format!("{path} 不是课程包：应为文件夹或 .zip 压缩包，其中包含 courses/<slug>/course.toml")
            }
            Self::UnsafePath { entry, reason } => {
                let reason = reason.zh();
                format!("不安全的路径 {entry:?}：{reason}")
            }
            Self::Symlink { entry } => format!("{entry} 是符号链接；课程包中不能包含链接"),
            Self::NotAFile { entry } => format!("{entry} 不是普通文件"),
            Self::Duplicate { entry } => format!("{entry} 在压缩包中出现了两次"),
            Self::FileTooLarge { entry, limit } => format!("{entry} 超过了此类文件 {limit} 字节的大小上限"),
            Self::PackTooLarge { entry, limit } => format!("课程包超过了 {limit} 字节的大小上限（在 {entry} 处达到）"),
            Self::TooManyFiles { entry, limit } => format!("课程包中的文件超过 {limit} 个（在 {entry} 处达到）"),
            Self::ZipBomb { entry, ratio } => {
                format!("{entry} 解压后超过其压缩大小的 {ratio} 倍，疑似压缩炸弹（zip bomb）")
            }
            Self::Archive { entry, source } => format!("无法从压缩包读取 {entry}：{source}"),
        };
        Message { en, zh }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diagnostic_carries_the_problem_in_both_languages() {
        let unsafe_path = PackSourceError::UnsafePath { entry: "../x.md".into(), reason: UnsafeReason::ParentDir };
        let diagnostic = unsafe_path.to_diagnostic();
        assert_eq!((diagnostic.file.as_str(), diagnostic.line), ("../x.md", 1));
        assert_eq!(diagnostic.message, unsafe_path.to_string());
        assert_eq!(diagnostic.message_zh, "不安全的路径 \"../x.md\"：路径用 `..` 跳出了课程包");
        let bomb = PackSourceError::ZipBomb { entry: "a.md".into(), ratio: 100 };
        assert_eq!(bomb.message().zh, "a.md 解压后超过其压缩大小的 100 倍，疑似压缩炸弹（zip bomb）");
    }
}
