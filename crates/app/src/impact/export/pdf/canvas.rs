//! A page-by-page display list (text, lines, rectangles, polylines in
//! points, origin top-left) and its rendering with krilla. Layout code fills
//! the list without holding krilla's borrows, then [`render`] draws it.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::TextDirection;
use krilla::Document;

use crate::{msg, AppError, Result};

pub(crate) const PAGE_W: f32 = 595.0;
pub(crate) const PAGE_H: f32 = 842.0;

pub(crate) type Rgb = (u8, u8, u8);
pub(crate) const INK: Rgb = (31, 41, 51);
pub(crate) const MUTED: Rgb = (97, 110, 124);
pub(crate) const LINE: Rgb = (217, 226, 236);
pub(crate) const ACCENT: Rgb = (47, 111, 94);
pub(crate) const CONTROL: Rgb = (154, 165, 177);
pub(crate) const DID: Rgb = (194, 112, 61);

#[derive(Debug, Clone)]
pub(crate) enum Op {
    Text { x: f32, y: f32, size: f32, text: String, color: Rgb },
    Line { points: Vec<(f32, f32)>, width: f32, color: Rgb, dashed: bool },
    Rect { x: f32, y: f32, w: f32, h: f32, color: Rgb },
}

#[derive(Debug, Default)]
pub(crate) struct Pages {
    pub pages: Vec<Vec<Op>>,
}

impl Pages {
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.pages.last_mut().expect("a page exists")
    }

    /// Text whose baseline is at `y`.
    pub(crate) fn text(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>, color: Rgb) {
        self.ops().push(Op::Text { x, y, size, text: text.into(), color });
    }

    pub(crate) fn line(&mut self, points: Vec<(f32, f32)>, width: f32, color: Rgb, dashed: bool) {
        self.ops().push(Op::Line { points, width, color, dashed });
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }
}

pub(crate) fn render(pages: &Pages, font: &krilla::text::Font) -> Result<Vec<u8>> {
    let mut document = Document::new();
    for ops in &pages.pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| AppError::Internal(msg!("bad page size", "页面尺寸无效")))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text { x, y, size, text, color } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_text(Point::from_xy(*x, *y), font.clone(), *size, text, false, TextDirection::Auto);
                }
                Op::Line { points, width, color, dashed } => {
                    let mut builder = PathBuilder::new();
                    for (i, (x, y)) in points.iter().enumerate() {
                        if i == 0 {
                            builder.move_to(*x, *y);
                        } else {
                            builder.line_to(*x, *y);
                        }
                    }
                    let Some(path) = builder.finish() else {
                        continue;
                    };
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: rgb::Color::new(color.0, color.1, color.2).into(),
                        width: *width,
                        dash: dashed.then(|| StrokeDash { array: vec![4.0, 3.0], offset: 0.0 }),
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                }
                Op::Rect { x, y, w, h, color } => {
                    let mut builder = PathBuilder::new();
                    builder.move_to(*x, *y);
                    builder.line_to(x + w, *y);
                    builder.line_to(x + w, y + h);
                    builder.line_to(*x, y + h);
                    builder.close();
                    let Some(path) = builder.finish() else {
                        continue;
                    };
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| AppError::Internal(msg!("cannot write the PDF: {e:?}", "无法写入 PDF：{e:?}")))
}

fn fill(color: Rgb) -> Fill {
    Fill { paint: rgb::Color::new(color.0, color.1, color.2).into(), opacity: NormalizedF32::ONE, ..Fill::default() }
}
