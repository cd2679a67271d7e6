//! What the program was started with: `--data-dir DIR` (a portable install
//! on a USB stick, a second class on one machine, the end-to-end run's
//! second machine), `--author DIR` (the author preview of a pack folder)
//! and files to open (a pack or a bundle double-clicked in the file
//! manager, or dropped on the program's icon).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable that points the app at another data folder (tests,
/// portable installs); `--data-dir DIR` on the command line wins over it,
/// and the default is the OS app-data folder.
pub(crate) const DATA_DIR_ENV: &str = "QUNXUE_DATA_DIR";

/// A command line, read.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Launch {
    pub data_dir: Option<PathBuf>,
    /// `--author DIR`: open the author preview on this pack folder.
    pub author: Option<PathBuf>,
    /// Files and folders to open, made absolute against the launch's folder.
    pub paths: Vec<PathBuf>,
}

impl Launch {
    /// Reads `args` (the program's own path first), relative paths against `cwd`.
    pub(crate) fn read(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Launch {
        let mut launch = Launch::default();
        let mut args = args.into_iter().skip(1);
        while let Some(arg) = args.next() {
            if arg == "--data-dir" {
                launch.data_dir = args.next().map(PathBuf::from);
            } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
                launch.data_dir = Some(PathBuf::from(dir));
            } else if arg == "--author" {
                launch.author = args.next().map(|dir| cwd.join(dir));
            } else if !arg.to_string_lossy().starts_with('-') {
                launch.paths.push(cwd.join(arg));
            }
        }
        launch
    }

    /// This process's command line.
    pub(crate) fn of_this_process() -> Launch {
        Launch::read(std::env::args_os(), &std::env::current_dir().unwrap_or_default())
    }

    /// The data folder given on the command line or by `QUNXUE_DATA_DIR`;
    /// `None` means the OS app-data folder.
    pub(crate) fn given_data_dir(&self) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(list: &[&str]) -> Launch {
        Launch::read(list.iter().map(OsString::from), Path::new("/home/ana"))
    }

    #[test]
    fn the_data_folder_can_be_given_on_the_command_line() {
        assert_eq!(read(&["qunxue", "--data-dir", "/tmp/a"]).data_dir, Some(PathBuf::from("/tmp/a")));
        assert_eq!(read(&["qunxue", "--data-dir=/tmp/b"]).data_dir, Some(PathBuf::from("/tmp/b")));
        assert_eq!(read(&["qunxue"]), Launch::default());
        assert_eq!(read(&["/tmp/--data-dir"]), Launch::default(), "the program's own path is not an argument");
    }

    #[test]
    fn author_mode_takes_its_folder_made_absolute() {
        let launch = read(&["qunxue", "--author", "课程包", "--data-dir", "/d"]);
        assert_eq!(launch.author, Some(PathBuf::from("/home/ana/课程包")));
        assert!(launch.paths.is_empty(), "the folder is not a file to open");
    }

    #[test]
    fn files_to_open_are_the_other_arguments_made_absolute() {
        let launch = read(&["qunxue", "--data-dir", "/d", "班级.qxbundle", "/media/usb/course.qxpack", "--verbose"]);
        assert_eq!(launch.data_dir, Some(PathBuf::from("/d")));
        assert_eq!(
            launch.paths,
            vec![PathBuf::from("/home/ana/班级.qxbundle"), PathBuf::from("/media/usb/course.qxpack")]
        );
    }
}
