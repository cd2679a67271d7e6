//! What makes bundle import safe to repeat: the public keys pinned on first
//! use, the bundles already imported (replay guard) and the exporting side's
//! sequence counter.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// A bundle that was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedBundle {
    pub bundle_id: String,
    pub kind: String,
    pub signer: String,
    pub course_id: String,
    pub sequence: i64,
    pub imported_at: String,
}

pub fn pinned_key(conn: &Connection, signer: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT public_key FROM pinned_keys WHERE signer = ?1", [signer], |r| r.get(0)).optional()?)
}

pub fn pin_key(tx: &Transaction<'_>, signer: &str, public_key: &str, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO pinned_keys (signer, public_key, pinned_at) VALUES (?1, ?2, ?3)",
        [signer, public_key, now],
    )?;
    Ok(())
}

pub fn imported(conn: &Connection, bundle_id: &str) -> Result<Option<ImportedBundle>> {
    Ok(conn
        .query_row(
            "SELECT bundle_id, kind, signer, course_id, sequence, imported_at FROM imported_bundles WHERE bundle_id = ?1",
            [bundle_id],
            |r| {
                Ok(ImportedBundle {
                    bundle_id: r.get(0)?,
                    kind: r.get(1)?,
                    signer: r.get(2)?,
                    course_id: r.get(3)?,
                    sequence: r.get(4)?,
                    imported_at: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// The highest sequence imported from `signer` for this kind and course.
pub fn last_imported_sequence(conn: &Connection, kind: &str, signer: &str, course: &str) -> Result<Option<i64>> {
    Ok(conn.query_row(
        "SELECT MAX(sequence) FROM imported_bundles WHERE kind = ?1 AND signer = ?2 AND course_id = ?3",
        [kind, signer, course],
        |r| r.get(0),
    )?)
}

pub fn record_import(tx: &Transaction<'_>, b: &ImportedBundle) -> Result<()> {
    tx.execute(
        "INSERT INTO imported_bundles (bundle_id, kind, signer, course_id, sequence, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![b.bundle_id, b.kind, b.signer, b.course_id, b.sequence, b.imported_at],
    )?;
    Ok(())
}

/// Increments and returns the exporter's sequence for the next bundle.
pub fn next_sequence(tx: &Transaction<'_>, kind: &str, signer: &str, course: &str) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO bundle_sequences (kind, signer, course_id, last) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (kind, signer, course_id) DO UPDATE SET last = last + 1
         RETURNING last",
        [kind, signer, course],
        |r| r.get(0),
    )?)
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

        assert_eq!(pinned_key(store.conn(), "s").unwrap(), None);
        store.transact(|tx| pin_key(tx, "s", "ab", "t")).unwrap();
        assert_eq!(pinned_key(store.conn(), "s").unwrap().as_deref(), Some("ab"));

        assert_eq!(last_imported_sequence(store.conn(), "grades", "s", "c").unwrap(), None);
        let b = ImportedBundle {
            bundle_id: "b1".into(),
            kind: "grades".into(),
            signer: "s".into(),
            course_id: "c".into(),
            sequence: 3,
            imported_at: "t".into(),
        };
        store.transact(|tx| record_import(tx, &b)).unwrap();
        assert_eq!(imported(store.conn(), "b1").unwrap(), Some(b));
        assert_eq!(last_imported_sequence(store.conn(), "grades", "s", "c").unwrap(), Some(3));
    }
}
