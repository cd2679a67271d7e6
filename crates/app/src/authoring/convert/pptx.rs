//! A PowerPoint deck (.pptx) to [`Document`] blocks: the deck (or each of
//! its sections) a level-1 heading, each slide a level-2 heading with its
//! bullets at their levels, tables and pictures, and the speaker notes as
//! instructor-only text. What has no Markdown equivalent is named in the
//! attention list with its slide number.

use qunxue_core::msg;
use qunxue_core::xml_tree::Element;

use super::blocks::{Attention, Block, Document, Place};
use super::inline::{Format, Inline};
use super::package::{Package, Relationships, Target};
use super::picture;

const PRESENTATION: &str = "ppt/presentation.xml";

/// Reads the package as a deck; `fallback_title` names a deck whose
/// properties and first slide give no title.
pub(super) fn read(package: &mut Package, fallback_title: &str) -> crate::authoring::Result<Document> {
    let presentation = package.required_xml(PRESENTATION)?;
    let rels = package.relationships(PRESENTATION)?;
    let slides: Vec<(String, String)> = presentation
        .find("p:sldIdLst")
        .map(|list| list.children.iter().filter(|c| c.name == "p:sldId").collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|slide| {
            let id = slide.attribute("id")?.to_string();
            match rels.target(slide.attribute("r:id")?) {
                Some(Target::Part(part)) => Some((id, part.clone())),
                _ => None,
            }
        })
        .collect();
    // p14:sectionLst: named groups of slides, each becoming a module.
    let sections: Vec<(String, Vec<String>)> = presentation
        .descendants()
        .into_iter()
        .filter(|e| e.name == "p14:section")
        .map(|s| {
            let ids = s
                .descendants()
                .into_iter()
                .filter(|e| e.name == "p14:sldId")
                .filter_map(|e| e.attribute("id"))
                .map(str::to_string);
            (s.attribute("name").unwrap_or_default().trim().to_string(), ids.collect())
        })
        .filter(|(_, ids): &(String, Vec<String>)| !ids.is_empty())
        .collect();

    let mut doc = Document { title: package.title()?, ..Document::default() };
    let mut reader = SlideReader { package, doc: &mut doc, slide: 0 };
    let mut read_slides = Vec::new();
    for (number, (id, part)) in slides.iter().enumerate() {
        reader.slide = number + 1;
        let (title, body) = reader.slide(part)?;
        read_slides.push((id.clone(), title, body));
    }
    // An untitled slide is named in the deck's language.
    let chinese = read_slides.iter().any(|(_, title, body)| {
        title.as_deref().is_some_and(super::has_cjk)
            || body
                .iter()
                .any(|b| matches!(b, Block::Paragraph(t) | Block::ListItem { text: t, .. } if super::has_cjk(t)))
    });
    let deck_title = doc
        .title
        .clone()
        .or_else(|| read_slides.iter().find_map(|(_, title, _)| title.clone()))
        .unwrap_or_else(|| fallback_title.to_string());
    doc.title = Some(deck_title.clone());
    let mut slide_blocks: Vec<(String, Vec<Block>)> = read_slides
        .into_iter()
        .enumerate()
        .map(|(index, (id, title, mut body))| {
            let number = index + 1;
            let title =
                title.unwrap_or_else(|| if chinese { format!("幻灯片 {number}") } else { format!("Slide {number}") });
            body.insert(0, Block::Heading { level: 2, text: title });
            (id, body)
        })
        .collect();
    // A title slide repeats the deck's (or first section's) title, which the
    // module heading already gives: keep only what it adds (the subtitle).
    if let Some((_, first)) = slide_blocks.first_mut() {
        let module_title =
            sections.first().map(|(name, _)| name.as_str()).filter(|n| !n.is_empty()).unwrap_or(&deck_title);
        if matches!(first.first(), Some(Block::Heading { text, .. }) if text == module_title) {
            first.remove(0);
        }
    }
    // Slides outside every section (a deck without sections has only those)
    // make a module named after the deck, first.
    let unsectioned: Vec<&Vec<Block>> = slide_blocks
        .iter()
        .filter(|(id, _)| !sections.iter().any(|(_, ids)| ids.contains(id)))
        .map(|(_, b)| b)
        .collect();
    let mut blocks = Vec::new();
    if !unsectioned.is_empty() {
        blocks.push(Block::Heading { level: 1, text: deck_title.clone() });
        blocks.extend(unsectioned.into_iter().flatten().cloned());
    }
    for (name, ids) in &sections {
        let name = if name.is_empty() { deck_title.clone() } else { name.clone() };
        blocks.push(Block::Heading { level: 1, text: name });
        for (_, body) in slide_blocks.iter().filter(|(id, _)| ids.contains(id)) {
            blocks.extend(body.iter().cloned());
        }
    }
    slide_blocks.clear();
    doc.blocks = blocks;
    Ok(doc)
}

struct SlideReader<'a, 'p> {
    package: &'p mut Package,
    doc: &'a mut Document,
    /// 1-based number of the slide being read.
    slide: usize,
}

impl SlideReader<'_, '_> {
    fn attention(&mut self, message: qunxue_core::Message) {
        self.doc.attention.push(Attention::new(Place::Slide, self.slide, message));
    }

    /// A slide's title, if it has one, and its blocks.
    fn slide(&mut self, part: &str) -> crate::authoring::Result<(Option<String>, Vec<Block>)> {
        let slide = self.package.required_xml(part)?;
        let rels = self.package.relationships(part)?;
        let mut blocks = Vec::new();
        let mut title = None;
        if slide.find("p:sld").is_some_and(|s| s.attribute("show") == Some("0")) {
            self.attention(msg!(
                "the slide is hidden in the deck but is included in the module; delete it there if it should not be",
                "该幻灯片在演示文稿中是隐藏的，但已放进模块；如不需要请在模块中删除"
            ));
        }
        if let Some(tree) = slide.find("p:spTree") {
            self.shapes(tree, &rels, &mut title, &mut blocks)?;
        }
        if let Some(notes_part) = rels.part_of_type("/notesSlide").map(str::to_string) {
            let notes = self.notes(&notes_part)?;
            if !notes.is_empty() {
                blocks.push(Block::InstructorNote(notes));
            }
        }
        Ok((title, blocks))
    }

    fn shapes(
        &mut self,
        tree: &Element,
        rels: &Relationships,
        title: &mut Option<String>,
        out: &mut Vec<Block>,
    ) -> crate::authoring::Result<()> {
        for shape in &tree.children {
            match shape.name.as_str() {
                "p:sp" => self.text_shape(shape, rels, title, out),
                "p:pic" => self.picture(shape, rels, out)?,
                "p:graphicFrame" => self.frame(shape, rels, out),
                "p:grpSp" => self.shapes(shape, rels, title, out)?,
                "mc:AlternateContent" => {
                    if let Some(chosen) = shape.child("mc:Choice").or_else(|| shape.child("mc:Fallback")) {
                        self.shapes(chosen, rels, title, out)?;
                    }
                }
                "p:contentPart" => self.attention(msg!("ink drawing cannot be converted", "墨迹绘图无法转换")),
                _ => {}
            }
        }
        Ok(())
    }

    fn text_shape(&mut self, shape: &Element, rels: &Relationships, title: &mut Option<String>, out: &mut Vec<Block>) {
        let placeholder = shape.find("p:ph");
        let kind = placeholder.map(|ph| ph.attribute("type").unwrap_or("body"));
        let Some(body) = shape.child("p:txBody") else { return };
        // (level, None for a plain paragraph or Some(numbered) for a list item, text)
        let paragraphs: Vec<(u8, Option<bool>, Inline)> = body
            .children
            .iter()
            .filter(|c| c.name == "a:p")
            .map(|p| {
                let properties = p.child("a:pPr");
                let level = properties.and_then(|pr| pr.attribute("lvl")).and_then(|l| l.parse().ok()).unwrap_or(0);
                let numbered = properties.is_some_and(|pr| pr.child("a:buAutoNum").is_some());
                let bullet_set = numbered || properties.is_some_and(|pr| pr.child("a:buChar").is_some());
                let bullet_off = properties.is_some_and(|pr| pr.child("a:buNone").is_some());
                // Body placeholders are bulleted unless told not to be; text boxes only when told to.
                let bulleted = !bullet_off && (bullet_set || matches!(kind, Some("body" | "obj")));
                (level, bulleted.then_some(numbered), paragraph_inline(p, rels))
            })
            .filter(|(_, _, inline)| !inline.is_blank())
            .collect();
        match kind {
            Some("title" | "ctrTitle") => {
                let text = paragraphs.iter().map(|(_, _, i)| i.plain()).collect::<Vec<_>>().join(" ");
                if title.is_none() && !text.is_empty() {
                    *title = Some(text);
                } else if !text.is_empty() {
                    out.push(Block::Paragraph(format!("**{}**", super::inline::escape(&text))));
                }
            }
            // Slide numbers, dates and footers repeat on every slide.
            Some("sldNum" | "dt" | "ftr" | "hdr") => {}
            _ => {
                for (level, item, inline) in paragraphs {
                    let text = inline.markdown();
                    for url in inline.dropped_links() {
                        self.doc.attention.push(Attention::dropped_link(Place::Slide, self.slide, &url));
                    }
                    out.push(match item {
                        Some(ordered) => Block::ListItem { depth: level, ordered, text },
                        None => Block::Paragraph(text),
                    });
                }
            }
        }
    }

    fn picture(&mut self, shape: &Element, rels: &Relationships, out: &mut Vec<Block>) -> crate::authoring::Result<()> {
        if shape.find("a:videoFile").is_some()
            || shape.find("a:audioFile").is_some()
            || shape.find("p14:media").is_some()
        {
            self.attention(msg!(
                "video or audio on a slide is not converted; add the file under assets/ and link it from the module",
                "幻灯片中的视频或音频不会转换，请把文件放进 assets/ 并在模块中引用"
            ));
            return Ok(());
        }
        let alt = picture::alt_text(shape.find("p:cNvPr"));
        let target = shape.find("a:blip").and_then(|b| b.attribute("r:embed")).and_then(|id| rels.target(id)).cloned();
        let Some(media) = picture::keep(self.package, self.doc, target.as_ref(), &alt, (Place::Slide, self.slide))?
        else {
            return Ok(());
        };
        out.push(Block::Image { media, alt });
        Ok(())
    }

    fn frame(&mut self, frame: &Element, rels: &Relationships, out: &mut Vec<Block>) {
        if let Some(table) = frame.find("a:tbl") {
            let mut merged = false;
            let rows: Vec<Vec<String>> = table
                .children
                .iter()
                .filter(|c| c.name == "a:tr")
                .map(|row| {
                    row.children
                        .iter()
                        .filter(|c| c.name == "a:tc")
                        .map(|cell| {
                            merged |= cell.attribute("hMerge").is_some()
                                || cell.attribute("vMerge").is_some()
                                || cell.attribute("gridSpan").is_some();
                            let mut text = Inline::default();
                            for p in cell.descendants().into_iter().filter(|e| e.name == "a:p") {
                                append_runs(p, rels, &mut text);
                                text.text(" ", Format::default(), None);
                            }
                            text.markdown()
                        })
                        .collect()
                })
                .collect();
            if merged {
                self.attention(msg!(
                    "a table has merged cells; Markdown tables cannot merge, so they are kept as separate cells",
                    "表格有合并单元格；Markdown 表格不能合并，已拆成单独的单元格"
                ));
            }
            if !rows.is_empty() {
                out.push(Block::Table(rows));
            }
        } else if frame.find("c:chart").is_some() {
            self.attention(msg!("a chart cannot be converted; paste it as a picture", "图表无法转换，请粘贴为图片"));
        } else if frame.find("dgm:relIds").is_some() {
            self.attention(msg!(
                "SmartArt cannot be converted; rewrite it as a list or paste it as a picture",
                "SmartArt 无法转换，请改写为列表或粘贴为图片"
            ));
        } else {
            self.attention(msg!(
                "an embedded object cannot be converted; save it as a picture",
                "嵌入对象无法转换，请另存为图片"
            ));
        }
    }

    /// The speaker notes: the notes page's body text, paragraph by paragraph.
    fn notes(&mut self, part: &str) -> crate::authoring::Result<Vec<String>> {
        let Some(notes) = self.package.xml(part)? else { return Ok(Vec::new()) };
        let rels = self.package.relationships(part)?;
        let mut paragraphs = Vec::new();
        for shape in notes.descendants().into_iter().filter(|e| e.name == "p:sp") {
            let is_body = shape.find("p:ph").is_some_and(|ph| ph.attribute("type").unwrap_or("body") == "body");
            let Some(body) = shape.child("p:txBody").filter(|_| is_body) else { continue };
            for p in body.children.iter().filter(|c| c.name == "a:p") {
                let inline = paragraph_inline(p, &rels);
                if !inline.is_blank() {
                    paragraphs.push(inline.markdown());
                }
            }
        }
        Ok(paragraphs)
    }
}

fn paragraph_inline(p: &Element, rels: &Relationships) -> Inline {
    let mut inline = Inline::default();
    append_runs(p, rels, &mut inline);
    inline
}

/// A DrawingML paragraph's runs, fields and breaks.
fn append_runs(p: &Element, rels: &Relationships, out: &mut Inline) {
    for child in &p.children {
        match child.name.as_str() {
            "a:r" | "a:fld" => {
                let properties = child.child("a:rPr");
                let on =
                    |name: &str| properties.and_then(|pr| pr.attribute(name)).is_some_and(|v| v == "1" || v == "true");
                let strike = properties.and_then(|pr| pr.attribute("strike")).is_some_and(|v| v != "noStrike");
                let format = Format { bold: on("b"), italic: on("i"), strike };
                let link = properties
                    .and_then(|pr| pr.child("a:hlinkClick"))
                    .and_then(|h| h.attribute("r:id"))
                    .and_then(|id| rels.target(id))
                    .and_then(|t| match t {
                        Target::External(url) => Some(url.as_str()),
                        Target::Part(_) => None,
                    });
                if let Some(text) = child.child("a:t") {
                    out.text(&text.text, format, link);
                }
            }
            "a:br" => out.line_break(),
            _ => {}
        }
    }
}
