//! The xAPI outbox: statements waiting for the Learning Record Store, each
//! learner's registration per course, and the connection settings with the
//! last sync's outcome. Statements are inserted inside the caller's event
//! transaction, so an event and its statement commit or vanish together.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{OptionalExt, Result};

/// A statement not yet accepted by the LRS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The statement's UUID; the LRS de-duplicates on it.
    pub id: String,
    /// The statement as JSON.
    pub statement: String,
}

/// How many statements are waiting and how many went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Statements not yet accepted by the LRS.
    pub pending: i64,
    /// Statements the LRS has accepted.
    pub sent: i64,
}

/// Connection settings and the last sync's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The LRS's xAPI root URL, e.g. `https://lrs.example.com/xAPI`; empty while not configured.
    pub endpoint: String,
    /// User name for HTTP basic authentication with the LRS.
    pub username: String,
    /// The column older versions kept the LRS password in: empty once
    /// [`wipe_stored_password`] ran, since the password lives in the OS
    /// credential store (the app's `secrets`). Never sent to a front end.
    pub password: String,
    /// Base of the IRIs the app's statements name activities with.
    pub iri_base: String,
    /// When a sync last succeeded (RFC 3339); `None` if never.
    pub last_success_at: Option<String>,
    /// Why the last sync failed; cleared by the next success.
    pub last_error: Option<String>,
    /// When the last sync failed (RFC 3339); cleared by the next success.
    pub last_error_at: Option<String>,
}

/// Queues one statement (inside the event's own transaction).
pub fn insert(tx: &Transaction<'_>, id: &str, statement: &str, verb: &str, created_at: &str) -> Result<()> {
    // Cached: this runs inside every learning event's transaction.
    tx.prepare_cached(include_str!("insert.sql"))?.execute(params![id, statement, verb, created_at])?;
    Ok(())
}

/// The oldest `limit` statements not yet sent.
pub fn pending(conn: &Connection, limit: usize) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare_cached(include_str!("pending.sql"))?;
    let rows = stmt.query_map([limit as i64], |r| Ok(Pending { id: r.get(0)?, statement: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks statements accepted by the LRS. Already-sent rows keep their
/// first `sent_at`. Returns how many rows changed.
pub fn mark_sent(tx: &Transaction<'_>, ids: &[String], now: &str) -> Result<usize> {
    let mut stmt = tx.prepare_cached(include_str!("mark_sent.sql"))?;
    let mut changed = 0;
    for id in ids {
        changed += stmt.execute(params![id, now])?;
    }
    Ok(changed)
}

/// Counts a failed delivery against each statement and keeps the reason.
pub fn record_failure(tx: &Transaction<'_>, ids: &[String], error: &str) -> Result<()> {
    let mut stmt = tx.prepare_cached(include_str!("record_failure.sql"))?;
    for id in ids {
        stmt.execute(params![id, error])?;
    }
    Ok(())
}

/// How many statements are pending and how many were sent.
pub fn counts(conn: &Connection) -> Result<Counts> {
    Ok(conn.query_row(include_str!("counts.sql"), [], |r| Ok(Counts { pending: r.get(0)?, sent: r.get(1)? }))?)
}

/// Whether this machine queued the statement with `id` (it wrote it).
pub fn queued_here(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached(include_str!("queued_here.sql"))?.exists([id])?)
}

/// Every statement ever queued, sent or not, oldest first (JSON texts).
pub fn all(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(include_str!("all.sql"))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The learner's registration for a course, creating it from `fresh` (a
/// new UUID) the first time.
pub fn registration(tx: &Transaction<'_>, profile: &str, course: &str, fresh: &str) -> Result<String> {
    let known: Option<String> = tx
        .prepare_cached(include_str!("select_registration.sql"))?
        .query_row(params![profile, course], |r| r.get(0))
        .optional()?;
    if let Some(known) = known {
        return Ok(known);
    }
    tx.execute(include_str!("insert_registration.sql"), params![profile, course, fresh])?;
    Ok(fresh.to_string())
}

/// The connection settings and last sync outcome (the single `xapi_config` row).
pub fn config(conn: &Connection) -> Result<Config> {
    conn.query_row(include_str!("config.sql"), [], |r| {
        Ok(Config {
            endpoint: r.get(0)?,
            username: r.get(1)?,
            password: r.get(2)?,
            iri_base: r.get(3)?,
            last_success_at: r.get(4)?,
            last_error: r.get(5)?,
            last_error_at: r.get(6)?,
        })
    })
    .or_not_found(|| ("xAPI settings row".to_string(), "学习记录库设置".to_string()))
}

/// The IRI base only, for the statement builders on the event path.
pub fn iri_base(conn: &Connection) -> Result<String> {
    Ok(conn.prepare_cached(include_str!("iri_base.sql"))?.query_row([], |r| r.get(0)).optional()?.unwrap_or_default())
}

/// Saves the connection settings; `password: None` keeps the stored one
/// (the UI never has it to send back).
pub fn save_connection(
    tx: &Transaction<'_>,
    endpoint: &str,
    username: &str,
    password: Option<&str>,
    iri_base: &str,
) -> Result<()> {
    tx.execute(include_str!("save_connection.sql"), params![endpoint, username, password, iri_base])?;
    Ok(())
}

/// Empties the password column older versions kept the LRS password in, and
/// overwrites it on disk: `secure_delete` zeroes the freed bytes, and the
/// checkpoint folds the WAL (which still holds the old page) back and empties it.
pub fn wipe_stored_password(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", true)?;
    let wiped = conn.execute(include_str!("wipe_password.sql"), []);
    conn.pragma_update(None, "secure_delete", false)?;
    wiped?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Records a successful sync at `now` and clears the last error.
pub fn record_success(tx: &Transaction<'_>, now: &str) -> Result<()> {
    tx.execute(include_str!("record_success.sql"), [now])?;
    Ok(())
}

/// Records why a sync failed, at `now`.
pub fn record_error(tx: &Transaction<'_>, error: &str, now: &str) -> Result<()> {
    tx.execute(include_str!("record_error.sql"), [error, now])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{profiles, Store};

    fn queue(store: &mut Store, ids: &[&str]) {
        store
            .transact(|tx| {
                for (i, id) in ids.iter().enumerate() {
                    insert(tx, id, &format!("{{\"id\":\"{id}\"}}"), "v", &format!("2026-12-01T00:00:0{i}Z"))?;
                }
                Ok::<_, crate::StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn sent_statements_leave_the_queue_and_stay_sent() {
        let mut store = Store::open_in_memory().unwrap();
        queue(&mut store, &["a", "b", "c"]);
        let first: Vec<String> = pending(store.conn(), 2).unwrap().into_iter().map(|p| p.id).collect();
        assert_eq!(first, ["a", "b"]);
        let changed = store.transact(|tx| mark_sent(tx, &first, "t1")).unwrap();
        assert_eq!(changed, 2);
        // Marking again changes nothing: the first send time stays.
        assert_eq!(store.transact(|tx| mark_sent(tx, &first, "t2")).unwrap(), 0);
        assert_eq!(counts(store.conn()).unwrap(), Counts { pending: 1, sent: 2 });
        assert_eq!(pending(store.conn(), 10).unwrap()[0].id, "c");
        assert_eq!(all(store.conn()).unwrap().len(), 3);
    }

    #[test]
    fn failures_count_attempts_and_keep_the_reason() {
        let mut store = Store::open_in_memory().unwrap();
        queue(&mut store, &["a"]);
        store.transact(|tx| record_failure(tx, &["a".to_string()], "connection refused")).unwrap();
        let (attempts, error): (i64, String) = store
            .conn()
            .query_row("SELECT attempts, last_error FROM xapi_outbox WHERE id = 'a'", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((attempts, error.as_str()), (1, "connection refused"));
        assert_eq!(counts(store.conn()).unwrap().pending, 1);
    }

    #[test]
    fn registration_is_created_once_per_learner_and_course() {
        let mut store = Store::open_in_memory().unwrap();
        store.transact(|tx| profiles::insert(tx, &profiles::Profile::learner("p1", "学员", "t0"))).unwrap();
        let first = store.transact(|tx| registration(tx, "p1", "c1", "r-1")).unwrap();
        let again = store.transact(|tx| registration(tx, "p1", "c1", "r-2")).unwrap();
        assert_eq!((first.as_str(), again.as_str()), ("r-1", "r-1"));
    }

    #[test]
    fn saving_settings_without_a_password_keeps_the_stored_one() {
        let mut store = Store::open_in_memory().unwrap();
        store.transact(|tx| save_connection(tx, "https://lrs/xAPI", "u", Some("secret"), "https://x.org")).unwrap();
        store.transact(|tx| save_connection(tx, "https://lrs2/xAPI", "u2", None, "https://y.org")).unwrap();
        let config = config(store.conn()).unwrap();
        assert_eq!(config.password, "secret");
        assert_eq!(config.endpoint, "https://lrs2/xAPI");
        assert_eq!(iri_base(store.conn()).unwrap(), "https://y.org");
        store.transact(|tx| record_error(tx, "down", "t1")).unwrap();
        store.transact(|tx| record_success(tx, "t2")).unwrap();
        let config = super::config(store.conn()).unwrap();
        assert_eq!((config.last_success_at.as_deref(), config.last_error), (Some("t2"), None));
    }
}
