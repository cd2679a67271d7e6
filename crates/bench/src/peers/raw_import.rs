//! P1's floor: the work no import can skip, done by the raw libraries on
//! the same module files — read each file, render it with pulldown-cmark
//! (the app's parser options), sanitise the HTML with ammonia, cut the text
//! into words with jieba, and write the HTML and the words in one FTS5
//! insert transaction into a new SQLite file opened by the store (its
//! pragmas). The CPU-bound steps run on every core, as the real import's
//! do, so the floor is as fast as it can be.

use std::path::PathBuf;

use jieba_rs::Jieba;
use qunxue_core::markdown::parser_options;
use rayon::prelude::*;
use rusqlite::Connection;

/// Creates the floor's two tables in `conn` (a new database opened by
/// `Store::open`, so under the store's pragmas); not timed, as opening the
/// store is not timed for the real import either.
pub fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE floor_modules (id INTEGER PRIMARY KEY, html TEXT NOT NULL);
         CREATE VIRTUAL TABLE floor_words USING fts5(body, content='', contentless_delete=1, tokenize='unicode61');",
    )
}

/// Imports `files` the bare way into the tables [`prepare`] made; returns
/// the documents written.
pub fn raw_import(jieba: &Jieba, files: &[PathBuf], conn: &Connection) -> anyhow::Result<usize> {
    let texts: Vec<String> = files.par_iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let prepared: Vec<(String, String)> = texts
        .par_iter()
        .map(|markdown| {
            let mut html = String::with_capacity(markdown.len() * 3 / 2);
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(markdown, parser_options()));
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

    let tx = conn.unchecked_transaction()?;
    {
        let mut module = tx.prepare("INSERT INTO floor_modules (id, html) VALUES (?1, ?2)")?;
        let mut index = tx.prepare("INSERT INTO floor_words (rowid, body) VALUES (?1, ?2)")?;
        for (id, (html, words)) in prepared.iter().enumerate() {
            module.execute(rusqlite::params![id as i64, html])?;
            index.execute(rusqlite::params![id as i64, words])?;
        }
    }
    tx.commit()?;
    Ok(prepared.len())
}
