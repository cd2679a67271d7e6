//! Finding the report's CJK font: the file `QUNXUE_CJK_FONT` names, else a
//! Simplified Chinese face among the installed fonts, looked up with fontdb
//! in the folders the platform names — on Linux those fontconfig lists
//! (/usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts and
//! ~/.fonts on Debian), on macOS /Library/Fonts, /System/Library/Fonts and
//! ~/Library/Fonts, on Windows the Windows and per-user Fonts folders — so a
//! font a user installed without administrator rights counts too.

use std::path::PathBuf;

use fontdb::{Database, Family, Query, Source, Stretch, Style, Weight, ID};

use super::font::{covers_report_text, is_simplified_chinese, CjkFont};
use crate::{msg, AppError, Result};

/// Overrides the font search: a .ttf, .otf or .ttc file with Chinese glyphs.
pub const FONT_ENV: &str = "QUNXUE_CJK_FONT";

/// Families drawn in Simplified Chinese forms, best first: Noto (Debian's
/// fonts-noto-cjk) and its Adobe twin, then what macOS, Windows and older
/// Linux desktops ship.
const FAMILIES: [&str; 6] =
    ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"];

impl CjkFont {
    /// The file `QUNXUE_CJK_FONT` names, else the best installed face.
    pub fn find() -> Result<Self> {
        if let Some(path) = std::env::var_os(FONT_ENV) {
            return Self::load(&PathBuf::from(path));
        }
        let mut fonts = Database::new();
        fonts.load_system_fonts();
        let (path, index) = choose(&fonts).ok_or_else(|| {
            let faces = fonts.len();
            AppError::Rejected(msg!(
                "no Chinese font found for the PDF report among {faces} installed font faces; install Noto Sans CJK \
                 (Debian/Ubuntu: `apt-get install fonts-noto-cjk`, or copy NotoSansCJK-Regular.ttc into \
                 ~/.local/share/fonts) or set {FONT_ENV} to a .ttf/.otf/.ttc file with Chinese glyphs",
                "在已安装的 {faces} 个字体中没有找到可用于 PDF 报告的中文字体。请安装 Noto Sans CJK\
                 （Debian/Ubuntu：`apt-get install fonts-noto-cjk`，或把 NotoSansCJK-Regular.ttc 复制到 \
                 ~/.local/share/fonts），或把 {FONT_ENV} 设为含中文字形的 .ttf/.otf/.ttc 文件"
            ))
        })?;
        Self::load_face(&path, index)
    }
}

/// The file and face index to use: the first of [`FAMILIES`] installed,
/// else any regular face that covers the report's text (Simplified Chinese
/// ones first).
fn choose(fonts: &Database) -> Option<(PathBuf, u32)> {
    let named = FAMILIES.iter().find_map(|&name| {
        fonts
            .query(&Query {
                families: &[Family::Name(name)],
                weight: Weight::NORMAL,
                stretch: Stretch::Normal,
                style: Style::Normal,
            })
            .filter(|&id| check(fonts, id).is_some())
    });
    let id = named.or_else(|| {
        fonts
            .faces()
            .filter_map(|face| Some((face.id, check(fonts, face.id)?, face.weight.0.abs_diff(400))))
            .min_by_key(|&(_, simplified, weight_off)| (!simplified, weight_off))
            .map(|(id, ..)| id)
    })?;
    match fonts.face_source(id)? {
        (Source::File(path) | Source::SharedFile(path, _), index) => Some((path, index)),
        (Source::Binary(_), _) => None,
    }
}

/// `Some(is Simplified Chinese)` when face `id` covers the report's text.
fn check(fonts: &Database, id: ID) -> Option<bool> {
    fonts
        .with_face_data(id, |data, index| {
            let face = ttf_parser::Face::parse(data, index).ok()?;
            covers_report_text(&face).then(|| is_simplified_chinese(&face))
        })
        .flatten()
}

/// The lookup runs in a child process (this test binary, filtered to
/// `lookup_in_this_environment`) so that it sees a HOME of its own without
/// changing the environment other tests run in.
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::{CjkFont, FONT_ENV};

    /// Debian's Noto Sans CJK (fonts-noto-cjk): a collection whose third face is SC.
    const NOTO: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// Only the user folders of Debian's /etc/fonts/fonts.conf (which adds
    /// /usr/share/fonts and /usr/local/share/fonts): the folders fontdb then
    /// reads are ~/.local/share/fonts and ~/.fonts, no system folder.
    const USER_FOLDERS_ONLY: &str = r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
</fontconfig>
"#;

    #[test]
    #[ignore = "the child of a_font_in_the_users_own_folder_is_found_when_no_system_folder_has_one"]
    fn lookup_in_this_environment() {
        match CjkFont::find() {
            Ok(font) => println!("FOUND\t{}\t{}", font.path.display(), font.index),
            Err(e) => println!("MISSING\t{e}"),
        }
    }

    /// `CjkFont::find` as run with `home` as HOME and fontconfig limited to the user folders.
    fn find_with_home(home: &Path, font_env: Option<&str>) -> String {
        let config = home.join("user-folders-only.conf");
        std::fs::write(&config, USER_FOLDERS_ONLY).unwrap();
        let test = format!("{}::lookup_in_this_environment", module_path!().split_once("::").unwrap().1);
        let mut child = Command::new(std::env::current_exe().unwrap());
        child
            .args([test.as_str(), "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env("HOME", home)
            .env("FONTCONFIG_FILE", &config)
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove(FONT_ENV);
        if let Some(path) = font_env {
            child.env(FONT_ENV, path);
        }
        let output = child.output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
        // The harness prints the result on the test's own line ("test … ... FOUND\t…").
        stdout
            .lines()
            .find_map(|l| l.find("FOUND\t").or_else(|| l.find("MISSING\t")).map(|at| &l[at..]))
            .unwrap_or_else(|| panic!("the child printed no result:\n{stdout}"))
            .to_owned()
    }

    fn face_names(path: &Path, index: u32) -> Vec<String> {
        let data = std::fs::read(path).unwrap();
        let face = ttf_parser::Face::parse(&data, index).unwrap();
        face.names().into_iter().filter_map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_font_in_the_users_own_folder_is_found_when_no_system_folder_has_one() {
        if !Path::new(NOTO).is_file() {
            eprintln!("SKIPPED: {NOTO} is missing (apt-get install fonts-noto-cjk; `cargo xtask setup` does)");
            return;
        }
        let home = tempfile::tempdir().unwrap();

        // Nothing in the user folders: nothing found, although /usr/share/fonts has Noto.
        let missing = find_with_home(home.path(), None);
        assert!(missing.starts_with("MISSING\t"), "{missing}");
        assert!(missing.contains("apt-get install fonts-noto-cjk"), "{missing}");

        let folder = home.path().join(".local/share/fonts");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::copy(NOTO, folder.join("NotoSansCJK-Regular.ttc")).unwrap();
        let found = find_with_home(home.path(), None);
        let [_, path, index] = found.split('\t').collect::<Vec<_>>()[..] else { panic!("{found}") };
        let path = PathBuf::from(path);
        assert!(path.starts_with(&folder), "{found}");
        let names = face_names(&path, index.parse().unwrap());
        assert!(names.iter().any(|n| n == "Noto Sans CJK SC"), "the SC face of the collection: {names:?}");
    }

    #[test]
    fn the_environment_variable_names_the_font_and_its_sc_face_is_chosen() {
        if !Path::new(NOTO).is_file() {
            eprintln!("SKIPPED: {NOTO} is missing (apt-get install fonts-noto-cjk)");
            return;
        }
        let home = tempfile::tempdir().unwrap();
        let found = find_with_home(home.path(), Some(NOTO));
        let [_, path, index] = found.split('\t').collect::<Vec<_>>()[..] else { panic!("{found}") };
        assert_eq!(path, NOTO);
        let names = face_names(Path::new(path), index.parse().unwrap());
        assert!(names.iter().any(|n| n == "Noto Sans CJK SC"), "{names:?}");
    }
}
