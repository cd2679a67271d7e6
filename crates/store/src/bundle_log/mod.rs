//! What makes bundle import safe to repeat: the public keys trusted for each
//! signer (the first pinned on first use, more added by explicit
//! confirmation), the bundles already imported (replay guard, per key) and
//! the exporting side's sequence counter.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// A bundle that was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedBundle {
    /// The bundle's UUID from its manifest; a bundle with a known id is not imported again.
    pub bundle_id: String,
    /// What the bundle carries: `submissions`, `grades` or `records`.
    pub kind: String,
    /// Who signed it: `learner:<profile id>` or `instructor:<course id>`.
    pub signer: String,
    /// The course the bundle is about.
    pub course_id: String,
    /// The exporter's counter for this kind, signer and course; a bundle must be newer than the last.
    pub sequence: i64,
    /// When it was imported here: RFC 3339 UTC timestamp.
    pub imported_at: String,
    /// Hex key that signed it; sequences are only comparable per key.
    pub public_key: String,
}

/// Every key trusted for `signer`, oldest first.
pub fn trusted_keys(conn: &Connection, signer: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(include_str!("trusted_keys.sql"))?;
    let keys = stmt.query_map([signer], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(keys)
}

/// Trusts `public_key` for `signer`; `trusted_by` is the profile that
/// confirmed it (`None` when pinned on first use). Trusting a key twice is a
/// no-op.
pub fn trust_key(
    tx: &Transaction<'_>,
    signer: &str,
    public_key: &str,
    now: &str,
    trusted_by: Option<&str>,
) -> Result<()> {
    tx.execute(include_str!("trust_key.sql"), params![signer, public_key, now, trusted_by])?;
    Ok(())
}

/// The record of an already imported bundle with this id, if any (the replay guard).
pub fn imported(conn: &Connection, bundle_id: &str) -> Result<Option<ImportedBundle>> {
    Ok(conn
        .query_row(include_str!("imported.sql"), [bundle_id], |r| {
            Ok(ImportedBundle {
                bundle_id: r.get(0)?,
                kind: r.get(1)?,
                signer: r.get(2)?,
                course_id: r.get(3)?,
                sequence: r.get(4)?,
                imported_at: r.get(5)?,
                public_key: r.get(6)?,
            })
        })
        .optional()?)
}

/// The highest sequence imported from `signer`'s `public_key` for this kind
/// and course.
pub fn last_imported_sequence(
    conn: &Connection,
    kind: &str,
    signer: &str,
    course: &str,
    public_key: &str,
) -> Result<Option<i64>> {
    Ok(conn.query_row(include_str!("last_imported_sequence.sql"), [kind, signer, course, public_key], |r| r.get(0))?)
}

/// Records an imported bundle, so it is not imported twice and older sequences are refused.
pub fn record_import(tx: &Transaction<'_>, b: &ImportedBundle) -> Result<()> {
    tx.execute(
        include_str!("record_import.sql"),
        params![b.bundle_id, b.kind, b.signer, b.course_id, b.sequence, b.imported_at, b.public_key],
    )?;
    Ok(())
}

/// Increments and returns the exporter's sequence for the next bundle.
pub fn next_sequence(tx: &Transaction<'_>, kind: &str, signer: &str, course: &str) -> Result<i64> {
    Ok(tx.query_row(include_str!("next_sequence.sql"), [kind, signer, course], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn sequences_pins_and_imports() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.transact(|tx| next_sequence(tx, "grades", "s", "c")).unwrap(), 1);
        assert_eq!(store.transact(|tx| next_sequence(tx, "grades", "s", "c")).unwrap(), 2);
        assert_eq!(store.transact(|tx| next_sequence(tx, "submissions", "s", "c")).unwrap(), 1);

        assert!(trusted_keys(store.conn(), "s").unwrap().is_empty());
        store.transact(|tx| trust_key(tx, "s", "ab", "t1", None)).unwrap();
        store.transact(|tx| trust_key(tx, "s", "cd", "t2", Some("admin"))).unwrap();
        store.transact(|tx| trust_key(tx, "s", "ab", "t3", Some("admin"))).unwrap();
        assert_eq!(trusted_keys(store.conn(), "s").unwrap(), ["ab", "cd"]);
        assert!(trusted_keys(store.conn(), "other").unwrap().is_empty());

        assert_eq!(last_imported_sequence(store.conn(), "grades", "s", "c", "ab").unwrap(), None);
        let b = ImportedBundle {
            bundle_id: "b1".into(),
            kind: "grades".into(),
            signer: "s".into(),
            course_id: "c".into(),
            sequence: 3,
            imported_at: "t".into(),
            public_key: "ab".into(),
        };
        store.transact(|tx| record_import(tx, &b)).unwrap();
        assert_eq!(imported(store.conn(), "b1").unwrap(), Some(b));
        assert_eq!(last_imported_sequence(store.conn(), "grades", "s", "c", "ab").unwrap(), Some(3));
        // Another key of the same signer numbers its bundles on its own.
        assert_eq!(last_imported_sequence(store.conn(), "grades", "s", "c", "cd").unwrap(), None);
    }
}

#[cfg(test)]
mod migration_tests {
    use rusqlite::Connection;

    use super::*;
    use crate::migrations::{migrate, SCHEMA_VERSION};

    fn has_table(conn: &Connection, name: &str) -> bool {
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap()
            > 0
    }

    /// A database that pinned one key per signer keeps it as a trusted key,
    /// and its imported bundles are attributed to that key.
    #[test]
    fn pinned_keys_and_imports_survive_the_upgrade() {
        // The version that introduces trusted_keys, found by migrating a scratch database.
        let mut scratch = Connection::open_in_memory().unwrap();
        let introducing = (1..=SCHEMA_VERSION)
            .find(|&v| {
                migrate(&mut scratch, v).unwrap();
                has_table(&scratch, "trusted_keys")
            })
            .expect("some migration creates trusted_keys");

        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, introducing - 1).unwrap();
        conn.execute_batch(
            "INSERT INTO pinned_keys VALUES ('instructor:c1', 'k1', '2026-01-01T00:00:00Z');
             INSERT INTO imported_bundles VALUES ('b1', 'grades', 'instructor:c1', 'c1', 4, '2026-01-02T00:00:00Z');",
        )
        .unwrap();
        migrate(&mut conn, SCHEMA_VERSION).unwrap();

        assert!(!has_table(&conn, "pinned_keys"));
        assert_eq!(trusted_keys(&conn, "instructor:c1").unwrap(), ["k1"]);
        assert_eq!(imported(&conn, "b1").unwrap().unwrap().public_key, "k1");
        assert_eq!(last_imported_sequence(&conn, "grades", "instructor:c1", "c1", "k1").unwrap(), Some(4));
    }
}
