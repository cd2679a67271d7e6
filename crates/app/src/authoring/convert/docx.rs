//! A Word document (.docx) to [`Document`] blocks: headings by their style
//! (or outline level), paragraphs with bold, italic, links and footnotes,
//! nested lists from Word's numbering, tables, and pictures with their alt
//! text. What has no Markdown equivalent is named in the attention list with
//! its paragraph number.

use std::collections::{BTreeSet, HashMap};

use qunxue_core::msg;
use qunxue_core::xml_tree::Element;

use super::blocks::{Attention, Block, Document, Place};
use super::inline::{Format, Inline};
use super::package::{Package, Relationships, Target};
use super::picture;

const DOCUMENT: &str = "word/document.xml";

/// Reads the package as a Word document.
pub(super) fn read(package: &mut Package) -> crate::authoring::Result<Document> {
    let body_root = package.required_xml(DOCUMENT)?;
    let rels = package.relationships(DOCUMENT)?;
    let styles = Styles::read(package.xml("word/styles.xml")?.as_ref());
    let numbering = Numbering::read(package.xml("word/numbering.xml")?.as_ref());
    let footnote_texts = package.xml("word/footnotes.xml")?;
    let mut reader = Reader {
        package,
        rels,
        styles,
        numbering,
        footnotes: footnote_texts,
        doc: Document::default(),
        paragraph: 0,
        reported_styles: BTreeSet::new(),
        title_seen: false,
        in_footnote: false,
        hidden_reported: false,
    };
    reader.doc.title = reader.package.title()?;
    let body = body_root.find("w:body").cloned().unwrap_or_default();
    reader.blocks(&body)?;
    Ok(reader.doc)
}

struct Reader<'p> {
    package: &'p mut Package,
    rels: Relationships,
    styles: Styles,
    numbering: Numbering,
    footnotes: Option<Element>,
    doc: Document,
    /// 1-based number of the current top-level paragraph or table.
    paragraph: usize,
    reported_styles: BTreeSet<String>,
    title_seen: bool,
    /// Footnote texts being read, so a note that refers to itself ends.
    in_footnote: bool,
    /// Hidden text met, reported once.
    hidden_reported: bool,
}

impl Reader<'_> {
    fn attention(&mut self, message: qunxue_core::Message) {
        let attention = Attention::new(Place::Paragraph, self.paragraph, message);
        self.doc.attention.push(attention);
    }

    /// The block-level children of the body, a content control or a cell.
    fn blocks(&mut self, parent: &Element) -> crate::authoring::Result<()> {
        for child in &parent.children {
            match child.name.as_str() {
                "w:p" => {
                    self.paragraph += 1;
                    self.paragraph_block(child)?;
                }
                "w:tbl" => {
                    self.paragraph += 1;
                    let rows = self.table(child)?;
                    if !rows.is_empty() {
                        self.doc.blocks.push(Block::Table(rows));
                    }
                }
                "w:sdt" if is_table_of_contents(child) => {
                    self.paragraph += 1;
                    self.attention(msg!(
                        "the table of contents is left out: the app shows the outline itself",
                        "目录未保留：应用会自己显示课程大纲"
                    ));
                }
                "w:sdt" => {
                    if let Some(content) = child.child("w:sdtContent") {
                        self.blocks(content)?;
                    }
                }
                "w:customXml" => self.blocks(child)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn paragraph_block(&mut self, p: &Element) -> crate::authoring::Result<()> {
        let properties = p.child("w:pPr");
        let style_id = properties.and_then(|pr| pr.child("w:pStyle")).and_then(|s| s.attribute("w:val"));
        let style = style_id.map(|id| self.styles.resolve(id)).unwrap_or_default();
        let mut inline = Inline::default();
        let mut images = Vec::new();
        self.inline(p, Format::default(), None, &mut inline, &mut images)?;

        let outline = properties
            .and_then(|pr| pr.child("w:outlineLvl"))
            .and_then(|o| o.attribute("w:val"))
            .and_then(|v| v.parse::<u8>().ok())
            .or(style.outline_level);
        let numbering = properties.and_then(|pr| pr.child("w:numPr")).map(NumberingRef::of).or(style.numbering.clone());
        let name = style.name.to_ascii_lowercase();
        // A table of contents typed by hand or left without its content
        // control: its lines repeat the headings with page numbers.
        if name.starts_with("toc ") {
            return Ok(());
        }

        for url in inline.dropped_links() {
            self.doc.attention.push(Attention::dropped_link(Place::Paragraph, self.paragraph, &url));
        }
        // The Title paragraph is what readers see; the document property is
        // often a stale template's.
        if name == "title" && !self.title_seen && !inline.is_blank() {
            self.title_seen = true;
            self.doc.title = Some(inline.plain());
        } else if let Some(level) = heading_level(&name).or(outline.filter(|o| *o < 6).map(|o| o + 1)) {
            if !inline.is_blank() {
                self.doc.blocks.push(Block::Heading { level, text: inline.plain() });
            }
        } else if let Some(list) = numbering.filter(|n| n.num_id != "0") {
            if !inline.is_blank() {
                let ordered = self.numbering.is_ordered(&list.num_id, list.level);
                self.doc.blocks.push(Block::ListItem { depth: list.level, ordered, text: inline.markdown() });
            }
        } else if !inline.is_blank() {
            if name.contains("quote") {
                self.doc.blocks.push(Block::Quote(inline.markdown()));
            } else {
                if !is_plain_style(&name) && self.reported_styles.insert(style.name.clone()) {
                    let style_name = &style.name;
                    self.attention(msg!(
                        "the style “{style_name}” has no Markdown equivalent; its paragraphs are kept as plain paragraphs",
                        "样式“{style_name}”没有对应的 Markdown 写法，这些段落按普通段落保留"
                    ));
                }
                self.doc.blocks.push(Block::Paragraph(inline.markdown()));
            }
        }
        for (media, alt) in images {
            self.doc.blocks.push(Block::Image { media, alt });
        }
        Ok(())
    }

    /// The runs below `parent` (a paragraph, hyperlink, field, insertion…).
    fn inline(
        &mut self,
        parent: &Element,
        format: Format,
        link: Option<&str>,
        out: &mut Inline,
        images: &mut Vec<(usize, String)>,
    ) -> crate::authoring::Result<()> {
        for child in &parent.children {
            match child.name.as_str() {
                "w:r" => self.run(child, format, link, out, images)?,
                "w:hyperlink" => {
                    let target = match child.attribute("r:id").and_then(|id| self.rels.target(id)) {
                        Some(Target::External(url)) => Some(url.clone()),
                        _ => None,
                    };
                    if target.is_none() && child.attribute("w:anchor").is_some() {
                        self.attention(msg!(
                            "a link to a place inside the document became plain text",
                            "指向文档内部位置的链接已改为普通文字"
                        ));
                    }
                    self.inline(child, format, target.as_deref().or(link), out, images)?;
                }
                "w:ins" | "w:moveTo" | "w:smartTag" | "w:fldSimple" | "w:customXml" | "w:bdo" | "w:dir" => {
                    self.inline(child, format, link, out, images)?
                }
                "w:sdt" => {
                    if let Some(content) = child.child("w:sdtContent") {
                        self.inline(content, format, link, out, images)?;
                    }
                }
                "m:oMath" | "m:oMathPara" => self.attention(msg!(
                    "an equation cannot be converted; write it as text or an image",
                    "公式无法转换，请改写为文字或图片"
                )),
                _ => {}
            }
        }
        Ok(())
    }

    fn run(
        &mut self,
        run: &Element,
        inherited: Format,
        link: Option<&str>,
        out: &mut Inline,
        images: &mut Vec<(usize, String)>,
    ) -> crate::authoring::Result<()> {
        let properties = run.child("w:rPr");
        let toggle = |name: &str| properties.and_then(|p| p.child(name)).is_some_and(is_on);
        // Word's Strong and Emphasis character styles are bold and italic.
        let character_style = properties
            .and_then(|p| p.child("w:rStyle"))
            .and_then(|s| s.attribute("w:val"))
            .map(|id| self.styles.resolve(id).name.to_ascii_lowercase())
            .unwrap_or_default();
        let format = Format {
            bold: inherited.bold || toggle("w:b") || character_style == "strong",
            italic: inherited.italic || toggle("w:i") || character_style == "emphasis",
            strike: inherited.strike || toggle("w:strike") || toggle("w:dstrike"),
        };
        if toggle("w:vanish") {
            if !self.hidden_reported {
                self.hidden_reported = true;
                self.attention(msg!(
                    "hidden text is left out, as Word does not show it",
                    "隐藏文字未保留（Word 中也不显示）"
                ));
            }
            return Ok(());
        }
        for child in &run.children {
            match child.name.as_str() {
                "w:t" => out.text(&child.text, format, link),
                "w:tab" => out.text(" ", format, link),
                "w:br" if child.attribute("w:type").is_none_or(|t| t == "textWrapping") => out.line_break(),
                "w:cr" => out.line_break(),
                "w:noBreakHyphen" => out.text("-", format, link),
                "w:sym" => {
                    let symbol = child
                        .attribute("w:char")
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32);
                    match symbol {
                        // Symbol-font code points (F0xx) are not Unicode text.
                        Some(c) if !('\u{f000}'..='\u{f0ff}').contains(&c) => out.text(&c.to_string(), format, link),
                        _ => self.attention(msg!(
                            "a symbol from a symbol font cannot be converted; type it as text",
                            "符号字体中的符号无法转换，请改为输入文字"
                        )),
                    }
                }
                // 拼音指南: the base text is the text; its reading is left out.
                "w:ruby" => {
                    if let Some(base) = child.child("w:rubyBase") {
                        self.inline(base, format, link, out, images)?;
                    }
                }
                "w:drawing" => self.drawing(child, images)?,
                "mc:AlternateContent" => {
                    let chosen = child.child("mc:Choice").or_else(|| child.child("mc:Fallback"));
                    if let Some(drawing) = chosen.and_then(|c| c.find("w:drawing")) {
                        self.drawing(drawing, images)?;
                    }
                }
                "w:pict" | "w:object" => self.attention(msg!(
                    "an embedded object or old-style drawing cannot be converted; save it as a picture",
                    "嵌入对象或旧式绘图无法转换，请另存为图片后插入"
                )),
                "w:footnoteReference" if !self.in_footnote => {
                    if let Some(id) = child.attribute("w:id") {
                        self.footnote(id, out)?;
                    }
                }
                "w:endnoteReference" => {
                    self.attention(msg!("endnotes are not converted; use footnotes", "尾注不会转换，请改用脚注"))
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn drawing(&mut self, drawing: &Element, images: &mut Vec<(usize, String)>) -> crate::authoring::Result<()> {
        let alt = picture::alt_text(drawing.find("wp:docPr"));
        let Some(blip) = drawing.find("a:blip").and_then(|b| b.attribute("r:embed")) else {
            let what = if drawing.find("c:chart").is_some() {
                msg!("a chart cannot be converted; paste it as a picture", "图表无法转换，请粘贴为图片")
            } else if drawing.find("wps:txbx").is_some() {
                msg!(
                    "a text box cannot be converted; move its text into the body",
                    "文本框无法转换，请把其中文字移到正文"
                )
            } else {
                msg!(
                    "a drawing (shape or SmartArt) cannot be converted; save it as a picture",
                    "绘图（形状或 SmartArt）无法转换，请另存为图片"
                )
            };
            self.attention(what);
            return Ok(());
        };
        let target = self.rels.target(blip).cloned();
        let Some(media) =
            picture::keep(self.package, &mut self.doc, target.as_ref(), &alt, (Place::Paragraph, self.paragraph))?
        else {
            return Ok(());
        };
        images.push((media, alt));
        Ok(())
    }

    /// A footnote reference: the note's text is kept once, labelled in the
    /// order the notes are first referred to.
    fn footnote(&mut self, id: &str, out: &mut Inline) -> crate::authoring::Result<()> {
        let note = self
            .footnotes
            .as_ref()
            .and_then(|notes| {
                notes.descendants().into_iter().find(|n| n.name == "w:footnote" && n.attribute("w:id") == Some(id))
            })
            .cloned();
        let Some(note) = note else { return Ok(()) };
        let label = (self.doc.footnotes.len() + 1).to_string();
        let mut text = Inline::default();
        let mut pictures = Vec::new();
        self.in_footnote = true;
        let read = note.children.iter().filter(|c| c.name == "w:p").try_for_each(|p| {
            self.inline(p, Format::default(), None, &mut text, &mut pictures)?;
            text.text(" ", Format::default(), None);
            Ok(())
        });
        self.in_footnote = false;
        read?;
        if !pictures.is_empty() {
            self.attention(msg!("a picture inside a footnote is left out", "脚注中的图片未保留"));
        }
        self.doc.footnotes.push((label.clone(), text.markdown()));
        out.footnote(&label);
        Ok(())
    }

    fn table(&mut self, table: &Element) -> crate::authoring::Result<Vec<Vec<String>>> {
        let mut rows = Vec::new();
        let mut merged = false;
        for row in table.children.iter().filter(|c| c.name == "w:tr") {
            let mut cells = Vec::new();
            for cell in row.children.iter().filter(|c| c.name == "w:tc") {
                let properties = cell.child("w:tcPr");
                let span = properties
                    .and_then(|p| p.child("w:gridSpan"))
                    .and_then(|s| s.attribute("w:val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1);
                merged |= span > 1 || properties.and_then(|p| p.child("w:vMerge")).is_some();
                if cell.find("w:tbl").is_some() {
                    self.attention(msg!(
                        "a table inside a table cell is flattened to its text",
                        "表格单元格中的嵌套表格只保留了文字"
                    ));
                }
                let mut lines = Vec::new();
                let mut images = Vec::new();
                for p in cell.descendants().into_iter().filter(|e| e.name == "w:p") {
                    let mut text = Inline::default();
                    self.inline(p, Format::default(), None, &mut text, &mut images)?;
                    if !text.is_blank() {
                        lines.push(text.markdown());
                    }
                }
                if !images.is_empty() {
                    self.attention(msg!("a picture inside a table cell is left out", "表格单元格中的图片未保留"));
                }
                // A table row is one line of Markdown: breaks inside a cell are `<br>`.
                cells.push(lines.join("<br>").replace("\\\n", "<br>"));
                cells.extend(std::iter::repeat_n(String::new(), span - 1));
            }
            rows.push(cells);
        }
        if merged {
            self.attention(msg!(
                "a table has merged cells; Markdown tables cannot merge, so the merged cells are left empty",
                "表格有合并单元格；Markdown 表格不能合并，合并处留空"
            ));
        }
        Ok(rows)
    }
}

/// Word's table of contents: a content control from the "Table of Contents" gallery.
fn is_table_of_contents(sdt: &Element) -> bool {
    sdt.child("w:sdtPr")
        .and_then(|pr| pr.find("w:docPartGallery"))
        .and_then(|g| g.attribute("w:val"))
        .is_some_and(|v| v == "Table of Contents")
}

/// `w:b`, `w:i`: on unless `w:val` says off.
fn is_on(toggle: &Element) -> bool {
    !matches!(toggle.attribute("w:val"), Some("0" | "false" | "off"))
}

/// `heading 1` … `heading 6` (Word keeps built-in style names in English in
/// every language version).
fn heading_level(style_name: &str) -> Option<u8> {
    let level = style_name.strip_prefix("heading ")?.trim().parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}

/// Styles whose paragraphs are plain text in Markdown without losing anything.
fn is_plain_style(style_name: &str) -> bool {
    style_name.is_empty()
        || matches!(
            style_name,
            "normal" | "no spacing" | "plain text" | "caption" | "subtitle" | "normal (web)" | "default"
        )
        || style_name.starts_with("body text")
        || style_name.starts_with("list")
}

/// A paragraph's list membership: which numbering and which level.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NumberingRef {
    num_id: String,
    level: u8,
}

impl NumberingRef {
    fn of(num_pr: &Element) -> NumberingRef {
        let value = |name: &str| num_pr.child(name).and_then(|e| e.attribute("w:val")).map(str::to_string);
        NumberingRef {
            num_id: value("w:numId").unwrap_or_else(|| "0".into()),
            level: value("w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
        }
    }
}

/// What a paragraph style contributes, its `basedOn` chain followed.
#[derive(Debug, Clone, Default)]
struct StyleInfo {
    name: String,
    outline_level: Option<u8>,
    numbering: Option<NumberingRef>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, (StyleInfo, Option<String>)>,
}

impl Styles {
    fn read(root: Option<&Element>) -> Styles {
        let mut by_id = HashMap::new();
        for style in root.map(Element::descendants).unwrap_or_default().into_iter().filter(|e| e.name == "w:style") {
            let Some(id) = style.attribute("w:styleId") else { continue };
            let properties = style.child("w:pPr");
            let info = StyleInfo {
                name: style.child("w:name").and_then(|n| n.attribute("w:val")).unwrap_or(id).to_string(),
                outline_level: properties
                    .and_then(|p| p.child("w:outlineLvl"))
                    .and_then(|o| o.attribute("w:val"))
                    .and_then(|v| v.parse().ok()),
                numbering: properties.and_then(|p| p.child("w:numPr")).map(NumberingRef::of),
            };
            let based_on = style.child("w:basedOn").and_then(|b| b.attribute("w:val")).map(str::to_string);
            by_id.insert(id.to_string(), (info, based_on));
        }
        Styles { by_id }
    }

    /// The style's name and what it or the styles it is based on set.
    fn resolve(&self, id: &str) -> StyleInfo {
        let Some((own, mut parent)) = self.by_id.get(id).cloned() else {
            return StyleInfo { name: id.to_string(), ..StyleInfo::default() };
        };
        let mut info = own;
        // A chain longer than the style count is a loop.
        for _ in 0..self.by_id.len() {
            let Some((base, next)) = parent.as_deref().and_then(|p| self.by_id.get(p)) else { break };
            info.outline_level = info.outline_level.or(base.outline_level);
            info.numbering = info.numbering.or_else(|| base.numbering.clone());
            parent = next.clone();
        }
        info
    }
}

/// Which list levels are numbered (rather than bulleted).
#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstractNumId
    instances: HashMap<String, String>,
    /// (abstractNumId, level) → numFmt
    formats: HashMap<(String, u8), String>,
}

impl Numbering {
    fn read(root: Option<&Element>) -> Numbering {
        let mut numbering = Numbering::default();
        for element in root.map(Element::descendants).unwrap_or_default() {
            match element.name.as_str() {
                "w:num" => {
                    if let (Some(num), Some(abstract_id)) = (
                        element.attribute("w:numId"),
                        element.child("w:abstractNumId").and_then(|a| a.attribute("w:val")),
                    ) {
                        numbering.instances.insert(num.to_string(), abstract_id.to_string());
                    }
                }
                "w:abstractNum" => {
                    let Some(abstract_id) = element.attribute("w:abstractNumId") else { continue };
                    for level in element.children.iter().filter(|c| c.name == "w:lvl") {
                        let index = level.attribute("w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let format = level.child("w:numFmt").and_then(|f| f.attribute("w:val")).unwrap_or("decimal");
                        numbering.formats.insert((abstract_id.to_string(), index), format.to_string());
                    }
                }
                _ => {}
            }
        }
        numbering
    }

    fn is_ordered(&self, num_id: &str, level: u8) -> bool {
        let format = self.instances.get(num_id).and_then(|a| self.formats.get(&(a.clone(), level)));
        !matches!(format.map(String::as_str), Some("bullet" | "none") | None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles_are_read_by_name_in_any_case() {
        assert_eq!(heading_level("heading 2"), Some(2));
        assert_eq!(heading_level("heading 7"), None);
        assert_eq!(heading_level("header"), None);
    }

    #[test]
    fn style_chains_pass_on_outline_levels_and_numbering() {
        let xml = r#"<w:styles>
            <w:style w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:styleId="Mine"><w:name w:val="公司小标题"/><w:basedOn w:val="Base"/></w:style>
            <w:style w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
        </w:styles>"#;
        let styles = Styles::read(Some(&qunxue_core::xml_tree::parse(xml).unwrap()));
        let mine = styles.resolve("Mine");
        assert_eq!((mine.name.as_str(), mine.outline_level), ("公司小标题", Some(1)));
        assert_eq!(styles.resolve("Loop").outline_level, None, "a loop ends");
        assert_eq!(styles.resolve("Unknown").name, "Unknown");
    }

    #[test]
    fn bullets_and_numbers_are_told_apart_per_level() {
        let xml = r#"<w:numbering>
            <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
            <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
        </w:numbering>"#;
        let numbering = Numbering::read(Some(&qunxue_core::xml_tree::parse(xml).unwrap()));
        assert!(!numbering.is_ordered("3", 0));
        assert!(numbering.is_ordered("3", 1));
        assert!(!numbering.is_ordered("9", 0), "unknown numbering is a bullet list");
    }
}
