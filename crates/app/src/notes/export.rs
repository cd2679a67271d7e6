//! All of a learner's notes as one Markdown document, grouped by course and
//! module in reading order, quotes as block quotes.

use qunxue_store::notes;
use qunxue_store::{courses, Store};

use crate::Result;

/// The learner's notes as Markdown (the UI saves it where the user picks).
pub fn export_notes_markdown(store: &Store, profile_id: &str, profile_name: &str) -> Result<String> {
    let rows = notes::for_profile(store.conn(), profile_id)?;
    let mut out = format!("# {} 的学习笔记\n", one_line(profile_name));
    if rows.is_empty() {
        out.push_str("\n（还没有笔记）\n");
        return Ok(out);
    }
    let mut course: Option<String> = None;
    let mut module: Option<(String, String)> = None;
    for row in rows {
        let n = &row.note;
        if course.as_deref() != Some(n.course_id.as_str()) {
            let title = courses::get_course(store.conn(), &n.course_id)
                .map(|c| c.title)
                .unwrap_or_else(|_| n.course_id.clone());
            out.push_str(&format!("\n## {}\n", one_line(&title)));
            course = Some(n.course_id.clone());
            module = None;
        }
        let key = (n.course_id.clone(), n.module_id.clone());
        if module.as_ref() != Some(&key) {
            out.push_str(&format!("\n### {}\n", one_line(&row.module_title)));
            module = Some(key);
        }
        out.push('\n');
        if let Some(quote) = &n.quote {
            for line in quote.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            out.push('\n');
        }
        out.push_str(n.body.trim_end());
        out.push_str(&format!("\n\n*{}*\n", n.updated_at.get(..10).unwrap_or(&n.updated_at)));
    }
    Ok(out)
}

/// Headings are one line: a title with a newline would break the outline.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
