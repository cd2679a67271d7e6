//! The CJK font of the PDF report and the certificate: one face of a font
//! file (the Simplified Chinese face of a collection), embedded as a subset
//! by krilla and measured with ttf-parser for line breaking. Where the file
//! comes from is [`super::font_lookup`]'s job.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::wrap::wrap;
use crate::{msg, AppError, Result};

/// A loaded font: the bytes, the face index holding Simplified Chinese forms.
pub struct CjkFont {
    /// The font file it was read from, named in error messages.
    pub path: PathBuf,
    /// The face within the file (a collection holds several); 0 for a single-face file.
    pub index: u32,
    data: Arc<Vec<u8>>,
    units_per_em: f32,
}

impl CjkFont {
    /// A font file named by the user: in a collection, the Simplified
    /// Chinese face (Noto's "… CJK SC"), else the first face that covers the
    /// report's text.
    pub fn load(path: &Path) -> Result<Self> {
        let data = read(path)?;
        let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let usable = |index| ttf_parser::Face::parse(&data, index).ok().filter(covers_report_text);
        let index = (0..faces)
            .find(|&index| usable(index).is_some_and(|face| is_simplified_chinese(&face)))
            .or_else(|| (0..faces).find(|&index| usable(index).is_some()));
        match index {
            Some(index) => Self::from_data(path, data, index),
            None => Err(no_chinese(path)),
        }
    }

    /// Face `index` of the file at `path` (as a font database found it).
    pub fn load_face(path: &Path, index: u32) -> Result<Self> {
        Self::from_data(path, read(path)?, index)
    }

    fn from_data(path: &Path, data: Vec<u8>, index: u32) -> Result<Self> {
        let face = ttf_parser::Face::parse(&data, index).map_err(|e| unreadable(path, e))?;
        if !covers_report_text(&face) {
            return Err(no_chinese(path));
        }
        let units_per_em = f32::from(face.units_per_em());
        Ok(Self { path: path.to_path_buf(), index, data: Arc::new(data), units_per_em })
    }

    /// The face as a krilla font, to embed (subset) in a PDF.
    pub fn krilla(&self) -> Result<krilla::text::Font> {
        krilla::text::Font::new(krilla::Data::from(self.data.clone()), self.index).ok_or_else(|| {
            let path = self.path.display();
            AppError::Rejected(msg!("krilla cannot use the font {path}", "PDF 生成库 krilla 无法使用字体 {path}"))
        })
    }

    /// Width of `text` at `size` points.
    pub fn measurer(&self) -> Result<Measurer<'_>> {
        let face = ttf_parser::Face::parse(&self.data, self.index).map_err(|e| unreadable(&self.path, e))?;
        Ok(Measurer { face, units_per_em: self.units_per_em })
    }
}

/// Whether a face can print the report: Chinese (the app's name stands for
/// the rest) and every printable ASCII character (numbers, Latin names).
pub(crate) fn covers_report_text(face: &ttf_parser::Face<'_>) -> bool {
    ['群', '学'].into_iter().chain('!'..='~').all(|c| face.glyph_index(c).is_some())
}

/// Whether a face names itself Simplified Chinese ("Noto Sans CJK SC",
/// "Source Han Sans SC"): a collection's other faces draw some characters
/// in Japanese, Korean or Traditional forms.
pub(crate) fn is_simplified_chinese(face: &ttf_parser::Face<'_>) -> bool {
    face.names().into_iter().any(|n| n.to_string().is_some_and(|s| s.contains(" SC")))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(AppError::read(path))
}

fn unreadable(path: &Path, error: ttf_parser::FaceParsingError) -> AppError {
    let path = path.display();
    AppError::Rejected(msg!("cannot read the font {path}: {error}", "无法读取字体 {path}：{error}"))
}

fn no_chinese(path: &Path) -> AppError {
    let path = path.display();
    AppError::Rejected(msg!(
        "{path} lacks Chinese or Latin glyphs; choose a CJK font such as Noto Sans CJK SC",
        "{path} 缺少中文或拉丁字母字形，请选择中日韩（CJK）字体，例如 Noto Sans CJK SC"
    ))
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

    /// `text` broken into lines no wider than `max` at `size` (see [`wrap`]).
    pub fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        wrap(text, max, |line| self.width(line, size))
    }
}
