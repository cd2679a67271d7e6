//! Pictures in a Word document or a deck: their alt text and bytes, kept in
//! the [`Document`], or what kept them out named in its attention list.

use qunxue_core::msg;
use qunxue_core::xml_tree::Element;

use super::blocks::{Attention, Document, Place};
use super::package::{extension_of, Package, Target};

/// The description an Office picture carries (`descr`, else `title`) on
/// Word's `wp:docPr` or a slide's `p:cNvPr`.
pub(super) fn alt_text(described: Option<&Element>) -> String {
    described
        .and_then(|d| d.attribute("descr").filter(|a| !a.trim().is_empty()).or(d.attribute("title")))
        .map(|a| a.trim().to_string())
        .unwrap_or_default()
}

/// Keeps the picture `target` points at and returns its index among the
/// document's media; `None` (and a line of attention at `place` `number`)
/// when it is linked rather than embedded, or missing. A picture without
/// alt text is kept, with a line of attention too.
pub(super) fn keep(
    package: &mut Package,
    doc: &mut Document,
    target: Option<&Target>,
    alt: &str,
    (place, number): (Place, usize),
) -> crate::authoring::Result<Option<usize>> {
    let attention = |doc: &mut Document, message| doc.attention.push(Attention::new(place, number, message));
    let Some(Target::Part(part)) = target else {
        attention(
            doc,
            msg!("a linked (not embedded) picture is not in the file", "图片为外部链接而非嵌入，文件中没有它"),
        );
        return Ok(None);
    };
    let Some(bytes) = package.bytes(part)? else {
        attention(doc, msg!("a picture's file {part} is missing from the file", "文件中缺少图片文件 {part}"));
        return Ok(None);
    };
    // What the webview shows; EMF, WMF and TIFF (pasted from Excel or Visio) it cannot.
    let extension = extension_of(part).to_ascii_lowercase();
    if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" | "bmp") {
        attention(
            doc,
            msg!(
                "a picture in {extension} format cannot be shown in the app; save it as PNG or JPEG",
                "图片为 {extension} 格式，应用中无法显示，请另存为 PNG 或 JPEG"
            ),
        );
        return Ok(None);
    }
    if alt.is_empty() {
        attention(
            doc,
            msg!(
                "a picture has no alt text; add a description so screen readers can read it",
                "图片没有替代文字，请补充描述，方便读屏软件朗读"
            ),
        );
    }
    Ok(Some(doc.add_media(extension_of(part), bytes)))
}
