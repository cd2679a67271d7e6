//! Helpers for tests in this crate and in the root `tests/` suite (hidden
//! from the API docs): a database's whole contents in a comparable form.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::Connection;

pub type Rows = Vec<Vec<Value>>;
/// Every user table (FTS shadow tables aside): its column names and its rows in rowid order.
pub type Snapshot = BTreeMap<String, (Vec<String>, Rows)>;

/// Reads every row of every user table. Panics on a database it cannot read: it is for tests.
pub fn snapshot(conn: &Connection) -> Snapshot {
    let mut tables = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'search_fts_%' ORDER BY name",
        )
        .unwrap();
    let names: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    names
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid")).unwrap();
            let columns: Vec<String> = stmt.column_names().map(String::from).collect();
            let width = columns.len();
            let rows = stmt
                .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (table, (columns, rows))
        })
        .collect()
}
