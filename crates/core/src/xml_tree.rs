//! XML as a small element tree (name, attributes, text, children and the
//! byte offset each element starts at, for line numbers), read with
//! quick-xml. Moodle XML banks and the parts of a Word or PowerPoint file
//! are small enough that a tree is simpler to walk than events.
//!
//! Names are kept as written, prefix included (`w:p`): Office files always
//! use the standard prefixes, and matching them as written keeps readers short.

use quick_xml::events::Event;
use quick_xml::Reader;

/// One element.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element {
    /// The tag name as written, prefix included (`w:p`).
    pub name: String,
    /// (name, value) pairs in document order; names as written, values with entities resolved.
    pub attributes: Vec<(String, String)>,
    /// The element's own text (text and CDATA directly inside it), entities resolved.
    pub text: String,
    /// Child elements in document order.
    pub children: Vec<Element>,
    /// Byte offset of `<name` in the file.
    pub offset: usize,
}

impl Element {
    /// The value of the attribute named `name` (as written, prefix included), if present.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child element named `name`, in document order.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Every element below this one, depth first, in document order.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut found = Vec::new();
        let mut stack: Vec<&Element> = self.children.iter().rev().collect();
        while let Some(next) = stack.pop() {
            found.push(next);
            stack.extend(next.children.iter().rev());
        }
        found
    }

    /// The first element named `name` below this one, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.descendants().into_iter().find(|e| e.name == name)
    }

    /// The text of the `<text>` child, as Moodle wraps most texts.
    pub fn text_child(&self) -> Option<&str> {
        self.child("text").map(|t| t.text.as_str())
    }

    /// The text of `<name><text>…</text></name>` (or `name`'s own text).
    pub fn nested_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text_child().unwrap_or(c.text.as_str()))
    }
}

/// A document that is not well-formed XML, at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct XmlError {
    /// Byte offset in the document where the problem was found.
    pub offset: usize,
    /// What is wrong, in English (quick-xml's message or our own).
    pub message: String,
}

/// How deep elements may nest. Real documents stay far below it (a Word
/// table in a table in a content control is about 20); a tree much deeper
/// would overflow the stack when it is cloned, dropped or walked.
pub const MAX_DEPTH: usize = 256;

/// Parses `text` into its root element.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| XmlError { offset: reader.error_position() as usize, message: e.to_string() })?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError { offset, message: format!("elements nest more than {MAX_DEPTH} deep") });
                }
                stack.push(element(&start, offset)?)
            }
            Event::Empty(start) => {
                let empty = element(&start, offset)?;
                stack.last_mut().expect("the root is never popped").children.push(empty);
            }
            Event::End(_) => {
                let done = stack.pop().expect("quick-xml checks that ends match starts");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Err(XmlError { offset, message: "an end tag closes nothing".into() }),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(c) => push_text(&mut stack, &c.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().ok().flatten() {
                    Some(c) => c.to_string(),
                    None => match &*r as &str {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => format!("&{other};"),
                    },
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 {
        let open = stack.last().map_or_else(String::new, |e| e.name.clone());
        return Err(XmlError { offset: text.len(), message: format!("<{open}> is never closed") });
    }
    Ok(stack.pop().expect("the root"))
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(current) = stack.last_mut() {
        current.text.push_str(text);
    }
}

fn element(start: &quick_xml::events::BytesStart<'_>, offset: usize) -> Result<Element, XmlError> {
    let name = start.name().as_ref().to_string();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| XmlError { offset, message: e.to_string() })?;
        let key = attribute.key.as_ref().to_string();
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::default())
            .map_err(|e| XmlError { offset, message: e.to_string() })?
            .into_owned();
        attributes.push((key, value));
    }
    Ok(Element { name, attributes, offset, ..Element::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_attributes_text_cdata_and_entities() {
        let root = parse("<quiz><question type=\"x\"><name><text>A &amp; B &#x4E2D;</text></name><questiontext><text><![CDATA[<p>hi</p>]]></text></questiontext><hidden/></question></quiz>").unwrap();
        let question = root.child("quiz").unwrap().child("question").unwrap();
        assert_eq!(question.attribute("type"), Some("x"));
        assert_eq!(question.nested_text("name"), Some("A & B 中"));
        assert_eq!(question.nested_text("questiontext"), Some("<p>hi</p>"));
        assert!(question.child("hidden").is_some());
        assert_eq!(question.offset, 6);
    }

    #[test]
    fn absurdly_deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "<x>".repeat(200_000), "</x>".repeat(200_000));
        let error = parse(&deep).unwrap_err();
        assert!(error.message.contains("nest"), "{error:?}");
        let fine = format!("{}{}", "<x>".repeat(100), "</x>".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn broken_xml_is_an_error_at_its_place() {
        let error = parse("<quiz>\n<question></quiz>").unwrap_err();
        assert!(error.offset > 0, "{error:?}");
    }
}
