//! P1's floor: the work no import can skip, done by the raw libraries on
//! the same module files — read each file, render it with pulldown-cmark,
//! sanitise the HTML with ammonia, cut the text into words with jieba, and
//! write the HTML and the words in one FTS5 insert transaction into a new
//! SQLite file under the store's pragmas. The CPU-bound steps run on every
//! core, as the real import's do, so the floor is as fast as it can be.

use std::path::{Path, PathBuf};

use jieba_rs::Jieba;
use rayon::prelude::*;
use rusqlite::Connection;

/// Imports `files` the bare way into a new database at `database`;
/// returns the documents written.
pub fn raw_import(jieba: &Jieba, files: &[PathBuf], database: &Path) -> anyhow::Result<usize> {
    let texts: Vec<String> = files.par_iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let prepared: Vec<(String, String)> = texts
        .par_iter()
        .map(|markdown| {
            let mut html = String::with_capacity(markdown.len() * 3 / 2);
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all()));
            let words = jieba
                .cut_for_search(markdown, true)
                .into_iter()
                .map(|token| token.word)
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .collect::<Vec<_>>()
                .join(" ");
            (ammonia::clean(&html), words)
        })
        .collect();

    let mut conn = Connection::open(database)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(
        "CREATE TABLE modules (id INTEGER PRIMARY KEY, html TEXT NOT NULL);
         CREATE VIRTUAL TABLE words USING fts5(body, content='', contentless_delete=1, tokenize='unicode61');",
    )?;
    let tx = conn.transaction()?;
    {
        let mut module = tx.prepare("INSERT INTO modules (id, html) VALUES (?1, ?2)")?;
        let mut index = tx.prepare("INSERT INTO words (rowid, body) VALUES (?1, ?2)")?;
        for (id, (html, words)) in prepared.iter().enumerate() {
            module.execute(rusqlite::params![id as i64, html])?;
            index.execute(rusqlite::params![id as i64, words])?;
        }
    }
    tx.commit()?;
    Ok(prepared.len())
}
