//! The CJK font of the PDF report: found among the system fonts (Noto Sans
//! CJK on Linux, PingFang / Microsoft YaHei elsewhere) or named by
//! `QUNXUE_CJK_FONT`; embedded subset by krilla; measured with ttf-parser
//! for line breaking.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::{AppError, Result};

/// Overrides the font search: a .ttf, .otf or .ttc file with Chinese glyphs.
pub const FONT_ENV: &str = "QUNXUE_CJK_FONT";

const CANDIDATES: [&str; 9] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simhei.ttf",
];

/// A loaded font: the bytes, the face index holding Simplified Chinese forms.
pub struct CjkFont {
    pub path: PathBuf,
    data: Arc<Vec<u8>>,
    index: u32,
    units_per_em: f32,
}

impl CjkFont {
    /// The first usable font: `QUNXUE_CJK_FONT`, then the system locations.
    pub fn find() -> Result<Self> {
        if let Some(path) = std::env::var_os(FONT_ENV) {
            return Self::load(Path::new(&path));
        }
        for candidate in CANDIDATES {
            let path = Path::new(candidate);
            if path.is_file() {
                return Self::load(path);
            }
        }
        Err(AppError::Rejected(format!(
            "no Chinese font found for the PDF report; install Noto Sans CJK (Debian/Ubuntu: `apt-get install fonts-noto-cjk`) \
             or set {FONT_ENV} to a .ttf/.otf/.ttc file with Chinese glyphs (looked in: {})",
            CANDIDATES.join(", ")
        )))
    }

    pub fn load(path: &Path) -> Result<Self> {
        let data = std::fs::read(path).map_err(AppError::read(path))?;
        let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        // In a collection, prefer the Simplified Chinese face (Noto: "… CJK SC").
        let mut chosen = None;
        for index in 0..faces {
            let Ok(face) = ttf_parser::Face::parse(&data, index) else {
                continue;
            };
            if face.glyph_index('汉').is_none() {
                continue;
            }
            let is_sc = face
                .names()
                .into_iter()
                .any(|n| n.to_string().is_some_and(|s| s.contains(" SC")));
            if is_sc || chosen.is_none() {
                chosen = Some((index, f32::from(face.units_per_em())));
            }
            if is_sc {
                break;
            }
        }
        let Some((index, units_per_em)) = chosen else {
            return Err(AppError::Rejected(format!(
                "{} has no Chinese glyphs; choose a CJK font",
                path.display()
            )));
        };
        Ok(Self {
            path: path.to_path_buf(),
            data: Arc::new(data),
            index,
            units_per_em,
        })
    }

    pub fn krilla(&self) -> Result<krilla::text::Font> {
        krilla::text::Font::new(krilla::Data::from(self.data.clone()), self.index).ok_or_else(
            || {
                AppError::Rejected(format!(
                    "krilla cannot use the font {}",
                    self.path.display()
                ))
            },
        )
    }

    /// Width of `text` at `size` points.
    pub fn measurer(&self) -> Result<Measurer<'_>> {
        let face = ttf_parser::Face::parse(&self.data, self.index).map_err(|e| {
            AppError::Rejected(format!("cannot read the font {}: {e}", self.path.display()))
        })?;
        Ok(Measurer {
            face,
            units_per_em: self.units_per_em,
        })
    }
}

pub struct Measurer<'a> {
    face: ttf_parser::Face<'a>,
    units_per_em: f32,
}

impl Measurer<'_> {
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(self.units_per_em, f32::from)
            })
            .sum::<f32>()
            / self.units_per_em
            * size
    }

    /// Breaks `text` into lines no wider than `max` (any character may break:
    /// Chinese has no spaces; Latin words are rare in the report).
    pub fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut width = 0.0;
        for c in text.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size);
            if width + w > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            line.push(c);
            width += w;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}
