//! What a Word document or a PowerPoint deck is read into: a flat list of
//! blocks whose inline text is already Markdown. Both readers produce it and
//! one writer turns it into modules, so the two formats cannot drift apart.

use qunxue_core::Message;
use serde::Serialize;

/// One block, in document order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// `level` 1–6 as in the source (Word's Heading 1…; a deck's section or
    /// title is 1, a slide's title 2). `text` is plain.
    Heading { level: u8, text: String },
    /// Inline Markdown.
    Paragraph(String),
    /// One list item: `depth` 0 for the outermost level.
    ListItem { depth: u8, ordered: bool, text: String },
    /// Rows of cells (inline Markdown); the first row is the header.
    Table(Vec<Vec<String>>),
    /// An image saved among the pack's assets.
    Image { media: usize, alt: String },
    /// Inline Markdown quoted (Word's Quote styles).
    Quote(String),
    /// Text only instructors see (a slide's speaker notes), paragraphs of inline Markdown.
    InstructorNote(Vec<String>),
}

/// A picture from the source file, kept byte for byte.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Media {
    /// The extension it is saved with (`png`, `jpeg`, …).
    pub extension: String,
    pub bytes: Vec<u8>,
    /// SHA-256 (hex) of the bytes: the same picture used twice is kept once,
    /// and its file is named by it.
    pub digest: String,
}

/// Where in the source something needing attention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// 1-based paragraph of a Word document (tables count as one).
    Paragraph,
    /// 1-based slide of a deck.
    Slide,
}

/// Something the converter could not carry over as it was: named with its
/// place, never dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attention {
    /// Whether `number` counts paragraphs of a Word document or slides of a deck.
    pub place: Place,
    /// The 1-based paragraph or slide number the note is about.
    pub number: usize,
    /// What was not carried over and what was done instead, in English.
    pub message: String,
    /// The same note in Chinese.
    pub message_zh: String,
}

impl Attention {
    /// A note about paragraph or slide `number`, with the English and Chinese texts of `message`.
    pub fn new(place: Place, number: usize, message: Message) -> Attention {
        Attention { place, number, message: message.en, message_zh: message.zh }
    }

    /// A link that is not to the web or mail (a file on the author's disk):
    /// its text stays, the link does not.
    pub fn dropped_link(place: Place, number: usize, url: &str) -> Attention {
        let message = qunxue_core::msg!(
            "the link to {url} is not a web or mail address; its text is kept without the link",
            "指向 {url} 的链接不是网页或邮件地址，只保留了文字"
        );
        Attention::new(place, number, message)
    }

    /// `paragraph 12: …` / `第 12 段：…`, as the command line prints it.
    pub fn describe(&self, chinese: bool) -> String {
        match (self.place, chinese) {
            (Place::Paragraph, false) => format!("paragraph {}: {}", self.number, self.message),
            (Place::Slide, false) => format!("slide {}: {}", self.number, self.message),
            (Place::Paragraph, true) => format!("第 {} 段：{}", self.number, self.message_zh),
            (Place::Slide, true) => format!("第 {} 张幻灯片：{}", self.number, self.message_zh),
        }
    }
}

/// A source file, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Document {
    /// The title its properties give, if any.
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    pub media: Vec<Media>,
    /// Footnote texts (inline Markdown) by the label the blocks refer to
    /// them with (`[^label]`).
    pub footnotes: Vec<(String, String)>,
    pub attention: Vec<Attention>,
}

impl Document {
    /// Keeps a picture and returns the index blocks refer to it by; the same
    /// bytes used twice are kept once.
    pub(super) fn add_media(&mut self, extension: &str, bytes: Vec<u8>) -> usize {
        let digest = super::record::hash(&bytes);
        if let Some(found) = self.media.iter().position(|m| m.digest == digest) {
            return found;
        }
        self.media.push(Media { extension: extension.to_ascii_lowercase(), bytes, digest });
        self.media.len() - 1
    }
}
