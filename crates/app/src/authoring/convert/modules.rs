//! From a document's blocks to modules: split at headings of the chosen
//! level, each module's id derived from its heading (so converting a revised
//! document gives unchanged sections the same ids, and learners keep their
//! progress), and the module written as front matter plus Markdown.

use std::collections::{BTreeSet, HashMap};

use qunxue_core::ModuleKind;
use sha2::{Digest, Sha256};

use super::blocks::{Block, Document};
use super::inline::{escape, heading_text};

/// One module to write.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ModuleDraft {
    pub id: String,
    pub title: String,
    /// Headings below the module's own.
    pub sections: usize,
    /// Instructor-only blocks (speaker notes) it holds.
    pub notes: usize,
    blocks: Vec<Block>,
    /// The heading level that started it; deeper headings are shifted up by it.
    split_level: u8,
}

impl ModuleDraft {
    /// The file, relative to the course folder.
    pub(super) fn relative_path(&self) -> String {
        format!("modules/{}.md", self.id)
    }
}

/// Splits `doc` at headings of level ≤ `split_level`. Text before the first
/// such heading becomes a module of its own, titled `intro_title`.
pub(super) fn split(doc: &Document, split_level: u8, intro_title: &str) -> Vec<ModuleDraft> {
    let mut modules: Vec<ModuleDraft> = Vec::new();
    let mut used = BTreeSet::new();
    // The latest heading at each level, to tell apart repeated headings
    // (每章的“本章小结”) by the heading they sit under.
    let mut latest: [Option<&str>; 7] = Default::default();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } if *level <= split_level => {
                let parent = (1..*level as usize).rev().find_map(|l| latest[l]);
                let id = module_id(text, parent, &mut used);
                latest[*level as usize] = Some(text);
                latest.iter_mut().skip(*level as usize + 1).for_each(|l| *l = None);
                modules.push(ModuleDraft {
                    id,
                    title: text.clone(),
                    sections: 0,
                    notes: 0,
                    blocks: Vec::new(),
                    split_level: *level,
                });
            }
            other => {
                if modules.is_empty() {
                    // One fixed id: the intro's title depends on the language detected.
                    used.insert(INTRO_ID.to_string());
                    let draft = ModuleDraft {
                        id: INTRO_ID.into(),
                        title: intro_title.to_string(),
                        sections: 0,
                        notes: 0,
                        blocks: Vec::new(),
                        split_level,
                    };
                    modules.push(draft);
                }
                let current = modules.last_mut().expect("pushed above");
                match other {
                    Block::Heading { level, text } => {
                        current.sections += 1;
                        latest[*level as usize] = Some(text);
                        latest.iter_mut().skip(*level as usize + 1).for_each(|l| *l = None);
                    }
                    Block::InstructorNote(_) => current.notes += 1,
                    _ => {}
                }
                current.blocks.push(other.clone());
            }
        }
    }
    modules
}

/// The id of the module made of the text before the first heading.
pub(super) const INTRO_ID: &str = "m-intro";

/// `m-` and eight hex digits of the hash of the heading and the heading it
/// sits under (none at the top level): the same heading in the same place
/// always gives the same id, whatever else changed around it, and 每章的
/// “本章小结” are told apart by their chapter. Only a heading repeated under
/// the same parent gets `-2`, `-3`… in order.
fn module_id(heading: &str, parent: Option<&str>, used: &mut BTreeSet<String>) -> String {
    let text = match parent {
        Some(parent) => format!("{parent}\u{1f}{heading}"),
        None => heading.to_string(),
    };
    let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let digest = Sha256::digest(normalised.as_bytes());
    let base = format!("m-{:02x}{:02x}{:02x}{:02x}", digest[0], digest[1], digest[2], digest[3]);
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Study time: about 300 Chinese characters or 200 English words a minute,
/// rounded up to 5 minutes, at least 5.
pub(super) fn estimated_minutes(markdown: &str) -> u32 {
    let cjk = markdown.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let words = markdown.split_whitespace().filter(|w| w.chars().any(|c| c.is_ascii_alphabetic())).count();
    let minutes = (cjk as f64 / 300.0 + words as f64 / 200.0).ceil() as u32;
    minutes.div_ceil(5).max(1) * 5
}

/// Writes a module: front matter, the title as `#`, then its blocks.
/// `media_paths` are the saved pictures' paths relative to the module file.
pub(super) fn write(module: &ModuleDraft, kind: ModuleKind, doc: &Document, media_paths: &[String]) -> String {
    let mut body = format!("# {}\n\n", heading_text(&module.title));
    let mut list_stack: Vec<usize> = Vec::new();
    let mut used_notes = Vec::new();
    for (index, block) in module.blocks.iter().enumerate() {
        let in_list = matches!(block, Block::ListItem { .. });
        if !in_list {
            list_stack.clear();
        }
        match block {
            Block::Heading { level, text } => {
                let depth = (level.saturating_sub(module.split_level) + 1).clamp(2, 6) as usize;
                body.push_str(&format!("{} {}\n\n", "#".repeat(depth), heading_text(text)));
            }
            Block::Paragraph(text) => body.push_str(&format!("{text}\n\n")),
            Block::Quote(text) => body.push_str(&format!("> {}\n\n", text.replace('\n', "\n> "))),
            Block::ListItem { depth, ordered, text } => {
                // A list starts at its outer level and goes in one level at a
                // time; a jump (0 → 2) would otherwise read as code or as text
                // of the item above.
                let depth = (*depth as usize).min(list_stack.len());
                // Markers of the levels above decide how far this one is indented.
                list_stack.truncate(depth);
                while list_stack.len() < depth {
                    list_stack.push(2);
                }
                let marker = if *ordered { "1. " } else { "- " };
                let pad = " ".repeat(list_stack.iter().sum());
                list_stack.push(marker.len());
                let continued = text.replace('\n', &format!("\n{pad}{}", " ".repeat(marker.len())));
                body.push_str(&format!("{pad}{marker}{continued}\n"));
                let next_is_item = matches!(module.blocks.get(index + 1), Some(Block::ListItem { .. }));
                if !next_is_item {
                    body.push('\n');
                }
            }
            Block::Table(rows) => body.push_str(&table(rows)),
            Block::Image { media, alt } => {
                let path = &media_paths[*media];
                let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
                body.push_str(&format!("![{}]({path})\n\n", escape(&alt)));
            }
            Block::InstructorNote(paragraphs) => {
                body.push_str("::: instructor\n");
                body.push_str(&paragraphs.join("\n\n"));
                body.push_str("\n:::\n\n");
            }
        }
        collect_footnotes(block, &mut used_notes);
    }
    let notes: HashMap<&str, &str> = doc.footnotes.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
    for label in used_notes {
        if let Some(text) = notes.get(label.as_str()) {
            body.push_str(&format!("[^{label}]: {text}\n\n"));
        }
    }
    let body = body.trim_end().to_string() + "\n";
    let minutes = estimated_minutes(&body);
    format!(
        "+++\nid = \"{}\"\nkind = \"{}\"\ntitle = {}\nminutes = {minutes}\n+++\n\n{body}",
        module.id,
        kind.as_str(),
        toml_string(&module.title)
    )
}

fn collect_footnotes(block: &Block, out: &mut Vec<String>) {
    let texts: Vec<&str> = match block {
        Block::Paragraph(t) | Block::Quote(t) | Block::ListItem { text: t, .. } => vec![t],
        Block::Table(rows) => rows.iter().flatten().map(String::as_str).collect(),
        Block::InstructorNote(ps) => ps.iter().map(String::as_str).collect(),
        Block::Heading { .. } | Block::Image { .. } => Vec::new(),
    };
    for text in texts {
        let mut rest = text;
        while let Some(start) = rest.find("[^") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(']') else { break };
            let label = &after[..end];
            if !out.iter().any(|l| l == label) {
                out.push(label.to_string());
            }
            rest = &after[end..];
        }
    }
}

/// A GFM table, rows padded to the widest.
fn table(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let line = |cells: &[String]| {
        let padded: Vec<&str> = (0..width).map(|i| cells.get(i).map_or("", |c| c.as_str())).collect();
        format!("| {} |\n", padded.iter().map(|c| c.replace('\n', " ")).collect::<Vec<_>>().join(" | "))
    };
    let mut out = line(&rows[0]);
    out.push_str(&format!("|{}\n", " --- |".repeat(width)));
    for row in &rows[1..] {
        out.push_str(&line(row));
    }
    out.push('\n');
    out
}

/// A TOML basic string.
pub(super) fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> Document {
        Document { blocks, ..Document::default() }
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading { level, text: text.into() }
    }

    #[test]
    fn ids_come_from_headings_and_stay_when_other_sections_change() {
        let first =
            split(&doc(vec![heading(1, "社群定位"), Block::Paragraph("甲".into()), heading(1, "拉新")]), 1, "引言");
        let second = split(
            &doc(vec![heading(1, "社群定位"), Block::Paragraph("乙".into()), heading(1, "新增"), heading(1, "拉新")]),
            1,
            "引言",
        );
        assert_eq!(first[0].id, second[0].id);
        assert_eq!(first[1].id, second[2].id);
        assert_ne!(second[1].id, second[2].id);
        assert!(qunxue_core::pack::is_valid_id(&first[0].id));
    }

    #[test]
    fn a_repeated_heading_gets_a_numbered_id_and_leading_text_an_intro_module() {
        let modules =
            split(&doc(vec![Block::Paragraph("前言".into()), heading(1, "小结"), heading(1, "小结")]), 1, "引言");
        assert_eq!(modules.len(), 3);
        assert_eq!((modules[0].id.as_str(), modules[0].title.as_str()), (INTRO_ID, "引言"));
        assert_eq!(modules[2].id, format!("{}-2", modules[1].id));
    }

    #[test]
    fn a_summary_under_every_chapter_keeps_its_id_when_a_chapter_is_added() {
        let chapters = |names: &[&str]| {
            let blocks = names.iter().flat_map(|n| [heading(1, n), heading(2, "本章小结")]).collect();
            split(&doc(blocks), 2, "引言")
        };
        let before = chapters(&["定位", "拉新"]);
        let after = chapters(&["开篇", "定位", "拉新"]);
        let summary_of = |modules: &[ModuleDraft], chapter: &str| {
            let at = modules.iter().position(|m| m.title == chapter).unwrap();
            modules[at + 1].id.clone()
        };
        assert_eq!(summary_of(&before, "拉新"), summary_of(&after, "拉新"), "拉新's summary keeps its id");
        assert_eq!(summary_of(&before, "定位"), summary_of(&after, "定位"));
    }

    #[test]
    fn a_list_that_jumps_levels_is_written_one_level_at_a_time() {
        let d = doc(vec![
            heading(1, "清单"),
            Block::ListItem { depth: 2, ordered: false, text: "从第三级开始".into() },
            Block::ListItem { depth: 0, ordered: false, text: "一级".into() },
            Block::ListItem { depth: 2, ordered: false, text: "跳到三级".into() },
        ]);
        let text = write(&split(&d, 1, "引言")[0], ModuleKind::Theory, &d, &[]);
        assert!(text.contains("- 从第三级开始\n- 一级\n  - 跳到三级\n"), "{text}");
    }

    #[test]
    fn deeper_headings_become_sections_and_nested_lists_are_indented() {
        let d = doc(vec![
            heading(1, "复盘"),
            heading(2, "数据"),
            Block::ListItem { depth: 0, ordered: true, text: "看留存".into() },
            Block::ListItem { depth: 1, ordered: false, text: "次日".into() },
            Block::ListItem { depth: 0, ordered: true, text: "看转化".into() },
            Block::Table(vec![vec!["指标".into(), "值".into()], vec!["留存".into()]]),
        ]);
        let modules = split(&d, 1, "引言");
        assert_eq!(modules[0].sections, 1);
        let text = write(&modules[0], ModuleKind::Theory, &d, &[]);
        assert!(text.starts_with("+++\nid = \"m-"), "{text}");
        assert!(
            text.contains(
                "# 复盘\n\n## 数据\n\n1. 看留存\n   - 次日\n1. 看转化\n\n| 指标 | 值 |\n| --- | --- |\n| 留存 |  |\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn minutes_are_estimated_in_fives() {
        assert_eq!(estimated_minutes("短"), 5);
        assert_eq!(estimated_minutes(&"字".repeat(3000)), 10);
    }
}
